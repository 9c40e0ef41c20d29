//! Procedural macros of `witbind`. Use them through the `witbind` crate, which
//! re-exports every macro defined here.
//!
//! This crate only hands its input to `witbind-codegen`, where the code
//! generation lives and is tested.

use proc_macro::TokenStream;
use witbind_codegen::derive::{Derive, expand};

/// Derives `witbind::ComponentType` for a type marked `#[component(record)]`,
/// `#[component(variant)]` or `#[component(enum)]`; fields and cases take
/// their WIT name from `#[component(name = "...")]` or their Rust name in
/// kebab-case.
#[proc_macro_derive(ComponentType, attributes(component))]
pub fn derive_component_type(input: TokenStream) -> TokenStream {
    expand(Derive::ComponentType, input.into()).into()
}

/// Derives `witbind::Lift<'a>`; see [`ComponentType`](derive@ComponentType).
#[proc_macro_derive(Lift, attributes(component))]
pub fn derive_lift(input: TokenStream) -> TokenStream {
    expand(Derive::Lift, input.into()).into()
}

/// Derives `witbind::Lower`; see [`ComponentType`](derive@ComponentType).
#[proc_macro_derive(Lower, attributes(component))]
pub fn derive_lower(input: TokenStream) -> TokenStream {
    expand(Derive::Lower, input.into()).into()
}

/// Declares bitflags-like Rust types for WIT `flags` types.
#[proc_macro]
pub fn flags(input: TokenStream) -> TokenStream {
    witbind_codegen::flags::expand(input.into()).into()
}

/// Generates Rust types for a WIT world; see the `witbind` crate docs for
/// the options.
#[proc_macro]
pub fn bindgen(input: TokenStream) -> TokenStream {
    witbind_codegen::bindgen::expand(input.into()).into()
}
