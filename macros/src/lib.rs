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
///     additional_derives: [Hash, Eq],     // on every record, variant, enum, flags
///     ownership: Borrowing { duplicate_if_necessary: true }, // or Owning
///     trappable_error_type: { "ns:pkg/iface/error": MyError },
///     imports: {
///         default: trappable,
///         "ns:pkg/iface/func": store | tracing,
///         "ns:pkg/iface/[drop]res": store,  // a resource's destructor
///     },
///     exports: { default: tracing },      // `tracing`, `verbose_tracing`
///     features: ["unstable-feature"],
///     all_features: false,
///     include_generated_code_from_file: false, // or `debug`, or WITBIND_DEBUG=1
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
/// Feature gates: items behind an `@unstable` feature that `features` (or
/// `all_features`) does not enable are left out; naming one in an option
/// says which feature to enable. When the world's imports use enabled
/// `@unstable` features, `bindgen!` generates `LinkOptions` (one switch per
/// feature, all off by default) and every `add_to_linker` takes
/// `options: &LinkOptions`, registering a gated import only when its
/// feature is on, as wasmtime's bindings do. `@deprecated` items get
/// `#[deprecated]`.
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
/// `NameBorrowed<'a>`.
///
/// The host side: a `Host` trait per imported interface (`<World>Imports`
/// for the world's own functions, `Host<Resource>` per resource),
/// `add_to_linker(linker, get: fn(&mut T) -> &mut U)`, and for exports a
/// world struct with `call_<func>` methods and a `Guest` struct per
/// interface. `imports` gives flags per function (`"ns:pkg/iface/func"`,
/// `"func"` at the world, `default` for the rest; an entry replaces the
/// default):
///
/// - `trappable`: the method returns `witbind::Result<R>`; `Err` traps;
/// - `store`: the method moves to `HostWithStore<T>` (or
///   `Host<Resource>WithStore<T>`) and takes a `witbind::Access` in place
///   of `&mut self`: the store's data and the store, to call exports of
///   other instances (its parameters are owned in every ownership mode);
/// - `exact`: registered for the interface's exact name only, not for
///   semver-compatible versions of it (see `witbind::Linker`);
/// - `tracing`, `verbose_tracing` (also in `exports`): a span per call
///   with `call` and `return`/`trap` events, with the values when
///   verbose; they need witbind's `tracing` feature.
///
/// `with` interfaces are registered by `World::add_to_linker` through their
/// module's `add_to_linker`. Every key must match something in the world.
/// `include_generated_code_from_file: true` writes the formatted expansion
/// to a file and `include!`s it, so editors open it. `witbind::bindgen_examples`
/// in the documentation shows the output for a few small worlds.
#[proc_macro]
pub fn bindgen(input: TokenStream) -> TokenStream {
    witbind_codegen::bindgen::expand(input.into()).into()
}
