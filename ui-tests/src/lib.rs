//! Compile-fail tests of witbind macros live in `tests/`.
