//! Code generation behind witbind's macros.
//!
//! The proc-macro crate `witbind-macros` only hands its input to the
//! functions here and returns what they produce, so everything that decides
//! what code to emit lives in this ordinary library, with its own tests:
//!
//! - [`derive`](mod@derive): `#[derive(ComponentType, Lift, Lower)]` for records,
//!   variants and enums;
//! - [`flags`]: the `flags!` macro;
//! - [`bindgen`]: the `bindgen!` macro, from WIT files to Rust modules.
//!
//! Every function takes and returns a [`proc_macro2::TokenStream`]; errors
//! come back as `compile_error!` tokens at the offending span.

pub mod bindgen;
pub mod derive;
pub mod flags;
mod names;

/// The path through which generated code names the runtime crate.
fn runtime() -> proc_macro2::TokenStream {
    quote::quote!(::witbind)
}
