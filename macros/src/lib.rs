//! Procedural macros of `witbind`. Use them through the `witbind` crate, which
//! re-exports every macro defined here.
