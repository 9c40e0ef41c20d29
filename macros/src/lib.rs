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
/// kebab-case. `#[component(tuple)]` on a tuple struct makes it a WIT
/// tuple: the parameter list of a typed call with more parameters than the
/// Rust tuples witbind supports (16).
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

/// Generates Rust types for a WIT world.
///
/// ```text
/// witbind::bindgen!();                    // the one world in ./wit
/// witbind::bindgen!("my-world");          // a world in ./wit
/// witbind::bindgen!({
///     path: ["wit", "extra.wit"],         // files or directories (with deps/)
///     world: "ns:pkg/my-world",           // needed when there are several
///     inline: "package ns:x; ...",        // WIT source in place of / beside paths
///     with: {
///         "ns:pkg/iface": crate::elsewhere,         // a whole interface
///         "ns:pkg/iface/point": crate::MyPoint,     // one type
///     },
///     additional_derives: [Hash, Eq],     // on owned records, variants, enums
///     ownership: Borrowing { duplicate_if_necessary: true }, // or Owning
///     trappable_error_type: { "ns:pkg/iface/error": MyError },
///     imports: { default: trappable, "ns:pkg/iface/func": tracing },
///     exports: { default: tracing },
///     features: ["unstable-feature"],
///     all_features: false,
///     debug: false,                       // or set WITBIND_DEBUG=1
///     map_type: HashMap,                  // or BTreeMap, or Vec (entries as they travel)
/// });
/// ```
///
/// Paths are relative to `CARGO_MANIFEST_DIR`, and every file read becomes a
/// build dependency. Each package and interface becomes a module
/// (`ns::pkg::iface`, `exports::ns::pkg::iface`): records as structs,
/// variants and enums as enums, flags through [`flags!`], aliases as `type`,
/// resources as marker types of `Resource<R>` handles (imports) or as
/// `ResourceAny` (exports). Every generated type derives `ComponentType`,
/// `Lift` and (when owned) `Lower`, with a compile-time check of its layout.
///
/// A WIT `map<K, V>` is a `HashMap<K, V>` (the last value of a repeated
/// key wins), a `BTreeMap<K, V>`, or with `map_type: Vec` the entries as
/// they travel, `Vec<(K, V)>`; maps own their entries in every ownership
/// mode. Fixed-length lists `list<T, N>` are arrays `[T; N]`.
///
/// With `Borrowing`, a type holding strings or lists that only travels from
/// the guest to the host (import parameters, export results) borrows guest
/// memory (`WasmStr<'a>`, `WasmList<'a, T>`); one that travels both ways is
/// owned, or with `duplicate_if_necessary: true` exists twice, as `Name` and
/// `NameBorrowed<'a>`. `trappable_error_type`, `imports` and `exports` are
/// checked against the world now and used by the host side.
#[proc_macro]
pub fn bindgen(input: TokenStream) -> TokenStream {
    witbind_codegen::bindgen::expand(input.into()).into()
}
