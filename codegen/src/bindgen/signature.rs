//! How one WIT function looks in Rust on the host side, shared by imports
//! and exports: its Rust name, its parameters and its result, each in the
//! form the direction needs.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use wit_parser::{Function, FunctionKind, Handle, Type, TypeDefKind, TypeId};

use super::options::{FunctionConfig, FunctionFlag};
use super::types::{Form, TypeGen};
use crate::names::snake_ident;

/// The resource a function belongs to, if it is a constructor, method or
/// static function of one.
pub(crate) fn resource_of(f: &Function) -> Option<TypeId> {
    match f.kind {
        FunctionKind::Constructor(r)
        | FunctionKind::Method(r)
        | FunctionKind::Static(r)
        | FunctionKind::AsyncMethod(r)
        | FunctionKind::AsyncStatic(r) => Some(r),
        FunctionKind::Freestanding | FunctionKind::AsyncFreestanding => None,
    }
}

/// The Rust method name of a host trait function: `new` for a
/// constructor, the snake-cased item name otherwise.
pub(crate) fn host_method(f: &Function) -> Ident {
    match f.kind {
        FunctionKind::Constructor(_) => format_ident!("new"),
        _ => snake_ident(f.item_name()),
    }
}

/// `call_<item>` (`call_constructor` for a constructor), the name of the
/// method that calls an export.
pub(crate) fn call_method(f: &Function) -> Ident {
    match f.kind {
        FunctionKind::Constructor(_) => format_ident!("call_constructor"),
        _ => {
            let item = snake_ident(f.item_name()).to_string();
            format_ident!("call_{}", item.trim_start_matches("r#"))
        }
    }
}

/// A parameter's Rust name: `self_` for a method's receiver, and
/// `arg_store` for one named `store`, which call methods take first.
pub(crate) fn param_ident(name: &str) -> Ident {
    if name == "store" {
        format_ident!("arg_store")
    } else {
        snake_ident(name)
    }
}

/// The handle type of a top-level `borrow<R>` parameter, which the host
/// side passes as the handle itself (`Resource<R>` or `ResourceAny`).
pub(crate) fn borrowed_handle(
    types: &TypeGen<'_>,
    ty: &Type,
    from: &[Ident],
) -> Option<TokenStream> {
    let Type::Id(id) = ty else {
        return None;
    };
    match &types.resolve.types[*id].kind {
        TypeDefKind::Handle(Handle::Borrow(r)) => {
            let own = Handle::Own(*r);
            Some(types.handle_ref(&own, from))
        }
        _ => None,
    }
}

/// The Rust result of a function: `()` without one.
pub(crate) fn result_type(types: &TypeGen<'_>, f: &Function, from: &[Ident]) -> TokenStream {
    match &f.result {
        Some(t) => types.type_ref(t, from, Form::Owned),
        None => quote!(()),
    }
}

/// The tuple of results a typed call returns: `(T,)` or `()`.
pub(crate) fn result_tuple(types: &TypeGen<'_>, f: &Function, from: &[Ident]) -> TokenStream {
    match &f.result {
        Some(t) => {
            let t = types.type_ref(t, from, Form::Owned);
            quote!((#t,))
        }
        None => quote!(()),
    }
}

/// The flags one function gets from the `imports` or `exports` option.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Flags {
    pub(crate) trappable: bool,
    pub(crate) store: bool,
    pub(crate) exact: bool,
    /// `tracing` or `verbose_tracing`.
    pub(crate) tracing: bool,
    pub(crate) verbose: bool,
}

/// The flags `config` (the `imports` or `exports` option) gives the
/// function `name` of the interface `iface` (`None` at the world): those of
/// its own entry (`"ns:pkg/iface/name"`, with or without the version, or
/// `"name"` at the world), else the `default` ones. A resource's destructor
/// is named `[drop]<resource>`.
pub(crate) fn flags_of(config: &FunctionConfig, iface: Option<&str>, name: &str) -> Flags {
    let unversioned = iface.map(|i| i.split_once('@').map_or(i, |(u, _)| u));
    let own = config.functions.iter().find(|(key, _)| {
        let key = key.value();
        match (iface, unversioned) {
            (Some(i), Some(u)) => key == format!("{i}/{name}") || key == format!("{u}/{name}"),
            _ => key == name,
        }
    });
    let list = own.map_or(&config.default, |(_, flags)| flags);
    let has = |flag| list.contains(&flag);
    Flags {
        trappable: has(FunctionFlag::Trappable),
        store: has(FunctionFlag::Store),
        exact: has(FunctionFlag::Exact),
        tracing: has(FunctionFlag::Tracing) || has(FunctionFlag::VerboseTracing),
        verbose: has(FunctionFlag::VerboseTracing),
    }
}

/// The longest parameter list passed as a Rust tuple: witbind implements
/// its traits for tuples of up to 16 elements.
const MAX_TUPLE_PARAMS: usize = 16;

/// A function's parameter list as one Rust value: a tuple, or for longer
/// lists a local tuple struct (`#[component(tuple)]`, generic over the
/// element types) that `item` declares where the other tokens are used.
pub(crate) struct ParamList {
    /// The declaration of the tuple struct, or nothing for a tuple.
    pub(crate) item: TokenStream,
    /// The list's type, for element types `types`.
    types: fn(&[TokenStream]) -> TokenStream,
    /// The list built from, or destructured into, `values`.
    values: fn(&[TokenStream]) -> TokenStream,
}

impl ParamList {
    /// The list of `count` parameters, moving in direction `derive`
    /// (`Lift` or `Lower`, a trait path).
    pub(crate) fn new(count: usize, derive: TokenStream) -> Self {
        if count <= MAX_TUPLE_PARAMS {
            return Self {
                item: TokenStream::new(),
                types: |t| quote!((#(#t,)*)),
                values: |v| quote!((#(#v,)*)),
            };
        }
        let rt = crate::runtime();
        let params: Vec<Ident> = (0..count).map(|i| format_ident!("P{i}")).collect();
        Self {
            item: quote! {
                #[derive(#rt::ComponentType, #derive)]
                #[component(tuple)]
                struct WitbindParams<#(#params),*>(#(#params),*);
            },
            types: |t| quote!(WitbindParams<#(#t),*>),
            values: |v| quote!(WitbindParams(#(#v),*)),
        }
    }

    /// The list's type, with element types `types`.
    pub(crate) fn ty(&self, types: &[TokenStream]) -> TokenStream {
        (self.types)(types)
    }

    /// The list holding (or the pattern binding) `values`.
    pub(crate) fn value(&self, values: &[TokenStream]) -> TokenStream {
        (self.values)(values)
    }
}
