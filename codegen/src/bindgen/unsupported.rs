//! WIT the generator cannot express yet (async functions, `stream`,
//! `future`, `error-context`, maps): a compile error
//! naming the item, never a panic or silently wrong code.

use proc_macro2::Span;
use wit_parser::{Function, Resolve, Type, TypeDefKind, TypeId, WorldId, WorldItem};

use crate::derive::push;

/// Checks every type and function the world reaches.
pub(crate) fn check(resolve: &Resolve, world: WorldId, span: Span) -> syn::Result<()> {
    let mut errors = None;
    let mut report = |message: String| push(&mut errors, syn::Error::new(span, message));
    let w = &resolve.worlds[world];
    for item in w.imports.values().chain(w.exports.values()) {
        match item {
            WorldItem::Interface { id, .. } => {
                let iface = &resolve.interfaces[*id];
                let iface_name = resolve
                    .id_of(*id)
                    .or_else(|| iface.name.clone())
                    .unwrap_or_else(|| "<interface>".into());
                for (name, ty) in &iface.types {
                    if let Some(what) = unsupported_in(resolve, &Type::Id(*ty)) {
                        let at = resolve.render_location(resolve.types[*ty].span);
                        report(format!(
                            "type `{name}` in `{iface_name}` (at {at}) uses {what}, which \
                             witbind does not support yet"
                        ));
                    }
                }
                for f in iface.functions.values() {
                    if let Some(message) = check_function(resolve, f) {
                        report(format!("{message} (in `{iface_name}`)"));
                    }
                }
            }
            WorldItem::Function(f) => {
                if let Some(message) = check_function(resolve, f) {
                    report(format!("{message} (in world `{}`)", w.name));
                }
            }
            WorldItem::Type { id, .. } => {
                if let Some(what) = unsupported_in(resolve, &Type::Id(*id)) {
                    let def = &resolve.types[*id];
                    let name = def.name.as_deref().unwrap_or("<anonymous>");
                    let at = resolve.render_location(def.span);
                    report(format!(
                        "type `{name}` in world `{}` (at {at}) uses {what}, which witbind does \
                         not support yet",
                        w.name
                    ));
                }
            }
        }
    }
    errors.map_or(Ok(()), Err)
}

fn check_function(resolve: &Resolve, f: &Function) -> Option<String> {
    let at = resolve.render_location(f.span);
    if f.kind.is_async() {
        return Some(format!(
            "function `{}` (at {at}) is async, which witbind does not support yet",
            f.name
        ));
    }
    let types = f.params.iter().map(|p| &p.ty).chain(f.result.iter());
    for ty in types {
        if let Some(what) = unsupported_in(resolve, ty) {
            return Some(format!(
                "function `{}` (at {at}) uses {what}, which witbind does not support yet",
                f.name
            ));
        }
    }
    None
}

/// The first unsupported construct `ty` holds, described for a message.
fn unsupported_in(resolve: &Resolve, ty: &Type) -> Option<&'static str> {
    match ty {
        Type::ErrorContext => Some("`error-context`"),
        Type::Id(id) => unsupported_def(resolve, *id),
        _ => None,
    }
}

fn unsupported_def(resolve: &Resolve, id: TypeId) -> Option<&'static str> {
    match &resolve.types[id].kind {
        TypeDefKind::Future(_) => Some("a `future`"),
        TypeDefKind::Stream(_) => Some("a `stream`"),
        TypeDefKind::Unknown => Some("an unresolved type"),
        _ => super::plan::contained(resolve, id)
            .iter()
            .find_map(|t| unsupported_in(resolve, t)),
    }
}
