//! WIT feature gates in generated code: `@deprecated` items get Rust's
//! `#[deprecated]`, and the `@unstable` features a world's imports use
//! become the world's `LinkOptions`, which decide at run time whether
//! `add_to_linker` registers the gated imports (as wasmtime's bindings do).
//! Items whose feature `bindgen!` does not enable are already gone from the
//! resolved WIT (`load.rs`).

use std::collections::BTreeSet;

use proc_macro2::{Ident, TokenStream};
use quote::quote;
use wit_parser::{Resolve, Stability, TypeDefKind, WorldId, WorldItem};

use super::options::Options;
use crate::names::snake_ident;

/// `#[deprecated]` for an item deprecated in some version of its package.
pub(crate) fn deprecated_attr(stability: &Stability) -> TokenStream {
    let (Stability::Stable {
        deprecated: Some(version),
        ..
    }
    | Stability::Unstable {
        deprecated: Some(version),
        ..
    }) = stability
    else {
        return TokenStream::new();
    };
    let note = format!("deprecated in version {version} of its WIT package");
    quote!(#[deprecated(note = #note)])
}

/// The `@unstable` feature that gates an item, if any.
pub(crate) fn unstable_feature(stability: &Stability) -> Option<&str> {
    match stability {
        Stability::Unstable { feature, .. } => Some(feature),
        _ => None,
    }
}

/// The `LinkOptions` field of `feature`.
pub(crate) fn feature_field(feature: &str) -> Ident {
    snake_ident(feature)
}

/// `if options.<feature> { body }` when `stability` is `@unstable` and the
/// world has link options; `body` otherwise.
pub(crate) fn gated(stability: &Stability, has_options: bool, body: TokenStream) -> TokenStream {
    match unstable_feature(stability) {
        Some(feature) if has_options => {
            let field = feature_field(feature);
            quote!(if options.#field { #body })
        }
        _ => body,
    }
}

/// The `@unstable` features of the items the world imports: interfaces,
/// functions and resources, at any depth of an imported interface. A
/// world with none has no `LinkOptions`.
pub(crate) fn link_features(resolve: &Resolve, world: WorldId) -> BTreeSet<String> {
    let mut features = BTreeSet::new();
    let mut add = |stability: &Stability| {
        if let Some(feature) = unstable_feature(stability) {
            features.insert(feature.to_string());
        }
    };
    for item in resolve.worlds[world].imports.values() {
        match item {
            WorldItem::Interface { id, stability, .. } => {
                add(stability);
                let iface = &resolve.interfaces[*id];
                add(&iface.stability);
                iface.functions.values().for_each(|f| add(&f.stability));
                for ty in iface.types.values() {
                    let def = &resolve.types[*ty];
                    if matches!(def.kind, TypeDefKind::Resource) {
                        add(&def.stability);
                    }
                }
            }
            WorldItem::Function(f) => add(&f.stability),
            WorldItem::Type { id, .. } => {
                let def = &resolve.types[*id];
                if matches!(def.kind, TypeDefKind::Resource) {
                    add(&def.stability);
                }
            }
        }
    }
    features
}

/// The world's `LinkOptions`: one `bool` per feature, off by default, with
/// a builder method each.
pub(crate) fn link_options(world: &str, features: &BTreeSet<String>) -> TokenStream {
    let fields: Vec<Ident> = features.iter().map(|f| feature_field(f)).collect();
    let docs = features
        .iter()
        .map(|f| format!(" Registers the imports behind the `@unstable` feature `{f}`."));
    let doc = format!(
        " Which `@unstable` features of the world `{world}` `add_to_linker` registers: \
         a gated import is left out unless its feature is on (all are off by default)."
    );
    quote! {
        #[doc = #doc]
        #[derive(::core::clone::Clone, ::core::fmt::Debug, ::core::default::Default)]
        #[allow(dead_code, clippy::all)]
        pub struct LinkOptions {
            #(#fields: bool,)*
        }

        #[allow(dead_code, clippy::all)]
        impl LinkOptions {
            #(
                #[doc = #docs]
                pub fn #fields(&mut self, enabled: bool) -> &mut Self {
                    self.#fields = enabled;
                    self
                }
            )*
        }
    }
}

/// When no world could be selected: if, with every feature enabled, the
/// world selected is behind an `@unstable` feature, a note saying which
/// feature to enable (the world is gone from the WIT without it); empty
/// otherwise.
pub(crate) fn world_feature_hint(options: &Options) -> String {
    let Ok(loaded) = super::load::load_with(options, true) else {
        return String::new();
    };
    let world = &loaded.resolve.worlds[loaded.world];
    match unstable_feature(&world.stability) {
        Some(feature) => format!(
            " (the world `{}` is behind the `@unstable` feature `{feature}`: enable it with \
             `features: [\"{feature}\"]` or `all_features: true`)",
            world.name
        ),
        None => String::new(),
    }
}

/// For an option key that names nothing: when the WIT with every feature
/// enabled has an item of that name behind an `@unstable` feature, a note
/// saying which feature to enable; empty otherwise.
pub(crate) fn feature_hint(options: &Options, key: &str) -> String {
    if options.all_features {
        return String::new();
    }
    let Ok(loaded) = super::load::load_with(options, true) else {
        return String::new();
    };
    let resolve = &loaded.resolve;
    let matches = |scope: &str, item: &str| {
        key == item
            || key == format!("{scope}/{item}")
            || key.ends_with(&format!("/{scope}/{item}"))
    };
    let mut found = None;
    for (_, iface) in resolve.interfaces.iter() {
        let Some(name) = &iface.name else { continue };
        let inherited = unstable_feature(&iface.stability);
        if matches("", name) || key.ends_with(&format!("/{name}")) {
            found = found.or(inherited);
        }
        for f in iface.functions.values() {
            if matches(name, &f.name) {
                found = found.or(unstable_feature(&f.stability)).or(inherited);
            }
        }
        for (ty_name, ty) in &iface.types {
            let gate = unstable_feature(&resolve.types[*ty].stability);
            if matches(name, ty_name) || matches(name, &format!("[drop]{ty_name}")) {
                found = found.or(gate).or(inherited);
            }
        }
    }
    for (_, world) in resolve.worlds.iter() {
        for item in world.imports.values().chain(world.exports.values()) {
            if let WorldItem::Function(f) = item
                && key == f.name
            {
                found = found.or(unstable_feature(&f.stability));
            }
        }
    }
    match found {
        Some(feature) => format!(
            " (it is behind the `@unstable` feature `{feature}`: enable it with \
             `features: [\"{feature}\"]` or `all_features: true`)"
        ),
        None => String::new(),
    }
}
