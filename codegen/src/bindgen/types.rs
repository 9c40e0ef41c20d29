//! Rust types for WIT types: one visitor over `TypeDefKind` that emits a
//! struct, enum, `flags!` or alias per named type, with derive-based ABI
//! impls and a compile-time check of the derive's layout against
//! wit-parser's `SizeAlign`.

use std::collections::BTreeSet;

use proc_macro2::{Ident, TokenStream};
use quote::quote;
use wit_parser::{Docs, Handle, Resolve, SizeAlign, Type, TypeDefKind, TypeId, TypeOwner};

use super::gates::deprecated_attr;
use super::options::{MapType, Options};
use super::plan::{Home, Mode, Plan, alias_target, holds_handle, holds_long_tuple};
use crate::names::{shouty_ident, snake_ident, type_ident, unique_ident};
use crate::runtime;

/// Everything the type generator reads.
pub(crate) struct TypeGen<'a> {
    pub(crate) resolve: &'a Resolve,
    pub(crate) plan: &'a Plan,
    pub(crate) sizes: &'a SizeAlign,
    pub(crate) options: &'a Options,
    /// Set when some generated function is traced (`tracing` flags).
    pub(crate) traced: std::cell::Cell<bool>,
}

/// `#[doc = "..."]` lines for WIT documentation.
pub(crate) fn doc_attrs(docs: &Docs) -> TokenStream {
    let Some(text) = &docs.contents else {
        return TokenStream::new();
    };
    let lines = text.lines().map(|line| format!(" {line}"));
    quote!(#(#[doc = #lines])*)
}

/// The two Rust forms a type may have.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    Owned,
    Borrowed,
}

impl TypeGen<'_> {
    /// The Rust type for `ty`, as written in the module at `from`.
    pub(crate) fn type_ref(&self, ty: &Type, from: &[Ident], form: Form) -> TokenStream {
        let rt = runtime();
        match ty {
            Type::Bool => quote!(bool),
            Type::U8 => quote!(u8),
            Type::U16 => quote!(u16),
            Type::U32 => quote!(u32),
            Type::U64 => quote!(u64),
            Type::S8 => quote!(i8),
            Type::S16 => quote!(i16),
            Type::S32 => quote!(i32),
            Type::S64 => quote!(i64),
            Type::F32 => quote!(f32),
            Type::F64 => quote!(f64),
            Type::Char => quote!(char),
            Type::String if form == Form::Borrowed => quote!(#rt::WasmStr<'a>),
            Type::String => quote!(::std::string::String),
            // Rejected by `unsupported::check` before generation starts.
            Type::ErrorContext => quote!(compile_error!("`error-context` is not supported")),
            Type::Id(id) => self.id_ref(*id, from, form),
        }
    }

    fn id_ref(&self, id: TypeId, from: &[Ident], form: Form) -> TokenStream {
        let def = &self.resolve.types[id];
        match self.plan.homes.get(&id) {
            Some(home) if def.name.is_some() => self.named_ref(id, home, from, form),
            _ => self.anonymous_ref(id, from, form),
        }
    }

    /// A path to a named type from the module at `from`.
    fn named_ref(&self, id: TypeId, home: &Home, from: &[Ident], form: Form) -> TokenStream {
        let supers = from.iter().map(|_| quote!(super::));
        match home {
            Home::Generated {
                module,
                owned,
                borrowed,
            } => {
                let (ident, lifetime) = match (self.plan.mode(id), form) {
                    (Mode::Owned, _) | (Mode::Both, Form::Owned) => (owned, false),
                    (Mode::Borrowed, _) => (owned, true),
                    (Mode::Both, Form::Borrowed) => (borrowed, true),
                };
                let lifetime = lifetime.then(|| quote!(<'a>));
                if module == from || self.owned_by_module(id, from) {
                    quote!(#ident #lifetime)
                } else {
                    quote!(#(#supers)* #(#module::)* #ident #lifetime)
                }
            }
            Home::With { alias, member } => {
                let member = member.as_ref().map(|m| quote!(::#m));
                quote!(#(#supers)* #alias #member)
            }
        }
    }

    /// Whether `id` belongs to the interface generated at `module`: true in
    /// the export module of an interface that is imported too, whose home
    /// is the import module.
    fn owned_by_module(&self, id: TypeId, module: &[Ident]) -> bool {
        let TypeOwner::Interface(owner) = self.resolve.types[id].owner else {
            return false;
        };
        self.plan
            .interfaces
            .iter()
            .any(|m| m.id == owner && m.path == module && m.shares.is_none())
    }

    /// The items for the named type `id`, generated in the module at `module`.
    pub(crate) fn type_items(&self, id: TypeId, module: &[Ident]) -> TokenStream {
        let Some(Home::Generated {
            owned, borrowed, ..
        }) = self.plan.homes.get(&id)
        else {
            return TokenStream::new();
        };
        let mut out = TokenStream::new();
        let mode = self.plan.mode(id);
        if matches!(mode, Mode::Owned | Mode::Both) {
            out.extend(self.form_items(id, module, owned, Form::Owned));
        }
        match mode {
            Mode::Borrowed => out.extend(self.form_items(id, module, owned, Form::Borrowed)),
            Mode::Both => out.extend(self.form_items(id, module, borrowed, Form::Borrowed)),
            Mode::Owned => {}
        }
        out
    }

    fn form_items(&self, id: TypeId, module: &[Ident], ident: &Ident, form: Form) -> TokenStream {
        let rt = runtime();
        let def = &self.resolve.types[id];
        let wit_name = def.name.as_deref().unwrap_or_default();
        let mut docs = doc_attrs(&def.docs);
        docs.extend(deprecated_attr(&def.stability));
        if module.is_empty() {
            // World-level items land in the invoking module, outside the
            // generated modules and their `allow`s.
            docs.extend(quote!(#[allow(missing_docs, dead_code, deprecated, clippy::all)]));
        }
        let generics = (form == Form::Borrowed).then(|| quote!(<'a>));
        let static_generics = (form == Form::Borrowed).then(|| quote!(<'static>));
        let derives = self.derives(id, form);
        let item = match &def.kind {
            TypeDefKind::Record(record) if record.fields.is_empty() => {
                // The derives take only what components can carry; WIT text
                // also allows a record without fields (see
                // `derive::empty_record_impls`).
                let derives = self.std_derives(id, form);
                let impls = crate::derive::empty_record_impls(ident, form == Form::Owned);
                quote! {
                    #docs
                    #derives
                    pub struct #ident {}
                    #impls
                }
            }
            TypeDefKind::Record(record) => {
                let mut taken = BTreeSet::new();
                let fields = record.fields.iter().map(|f| {
                    let docs = doc_attrs(&f.docs);
                    let name = &f.name;
                    let field = unique_ident(snake_ident(name), &mut taken);
                    let ty = self.type_ref(&f.ty, module, form);
                    quote!(#docs #[component(name = #name)] pub #field: #ty,)
                });
                quote! {
                    #docs
                    #derives
                    #[component(record)]
                    pub struct #ident #generics { #(#fields)* }
                }
            }
            TypeDefKind::Variant(variant) => {
                let mut taken = BTreeSet::new();
                let cases = variant.cases.iter().map(|c| {
                    let docs = doc_attrs(&c.docs);
                    let name = &c.name;
                    let case = unique_ident(type_ident(name), &mut taken);
                    let payload = c.ty.as_ref().map(|t| {
                        let t = self.type_ref(t, module, form);
                        quote!((#t))
                    });
                    quote!(#docs #[component(name = #name)] #case #payload,)
                });
                quote! {
                    #docs
                    #derives
                    #[component(variant)]
                    pub enum #ident #generics { #(#cases)* }
                }
            }
            TypeDefKind::Enum(e) => {
                let mut taken = BTreeSet::new();
                let cases = e.cases.iter().map(|c| {
                    let docs = doc_attrs(&c.docs);
                    let name = &c.name;
                    let case = unique_ident(type_ident(name), &mut taken);
                    quote!(#docs #[component(name = #name)] #case,)
                });
                quote! {
                    #docs
                    #derives
                    #[component(enum)]
                    pub enum #ident { #(#cases)* }
                }
            }
            TypeDefKind::Flags(flags) => {
                let consts = flags.flags.iter().map(|f| {
                    let docs = doc_attrs(&f.docs);
                    let name = &f.name;
                    let flag = shouty_ident(name);
                    quote!(#docs #[component(name = #name)] const #flag;)
                });
                // `flags!` derives or implements these itself.
                let extra = self.additional_derives(&[
                    "Debug",
                    "Clone",
                    "Copy",
                    "PartialEq",
                    "Eq",
                    "Hash",
                    "PartialOrd",
                    "Ord",
                    "Default",
                ]);
                // Expanded here rather than through `flags!`, which takes
                // only what the Component Model allows: WIT text may
                // declare no flag or more than 32.
                crate::flags::expand_wit(quote! {
                    #docs
                    #extra
                    pub #ident { #(#consts)* }
                })
            }
            TypeDefKind::Resource if self.exported_resource(id, module) => {
                let text = format!(
                    " The WIT resource `{wit_name}`, which the guest implements: its handles \
                     are `ResourceAny`s."
                );
                let doc = if def.docs.contents.is_some() {
                    quote!(#docs)
                } else {
                    quote!(#[doc = #text])
                };
                return quote! {
                    #doc
                    pub type #ident = #rt::ResourceAny;
                };
            }
            TypeDefKind::Resource => {
                let text = format!(
                    " The WIT resource `{wit_name}`, which the host implements: the marker type \
                     of its `Resource` handles."
                );
                let doc = if def.docs.contents.is_some() {
                    quote!(#docs)
                } else {
                    quote!(#[doc = #text])
                };
                return quote! {
                    #doc
                    #[derive(::core::fmt::Debug)]
                    pub enum #ident {}
                };
            }
            TypeDefKind::Type(_)
            | TypeDefKind::List(_)
            | TypeDefKind::FixedLengthList(..)
            | TypeDefKind::Map(..)
            | TypeDefKind::Option(_)
            | TypeDefKind::Result(_)
            | TypeDefKind::Tuple(_)
            | TypeDefKind::Handle(_) => {
                let target = match &def.kind {
                    TypeDefKind::Type(t) => self.type_ref(t, module, form),
                    _ => self.anonymous_ref(id, module, form),
                };
                quote! {
                    #docs
                    pub type #ident #generics = #target;
                }
            }
            // Rejected by `unsupported::check` before generation starts.
            _ => return TokenStream::new(),
        };
        let assertion = self.layout_assertion(id, quote!(#ident #static_generics), wit_name);
        let error = self.error_impls(id, quote!(#ident #generics), generics.as_ref());
        quote!(#item #assertion #error)
    }

    /// `Display` and `std::error::Error` for an enum or variant that some
    /// `result<_, E>` of the world names as its error, so that it works
    /// with `?` and error-reporting crates.
    fn error_impls(
        &self,
        id: TypeId,
        ty: TokenStream,
        generics: Option<&TokenStream>,
    ) -> TokenStream {
        let def = &self.resolve.types[id];
        let is_enum_or_variant = matches!(def.kind, TypeDefKind::Enum(_) | TypeDefKind::Variant(_));
        if !is_enum_or_variant
            || holds_long_tuple(self.resolve, &Type::Id(id))
            || !is_error_type(self.resolve, id)
        {
            return TokenStream::new();
        }
        let wit_name = def.name.as_deref().unwrap_or_default();
        quote! {
            impl #generics ::core::fmt::Display for #ty {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::write!(f, "{}: {:?}", #wit_name, self)
                }
            }

            impl #generics ::std::error::Error for #ty {}
        }
    }

    /// The Rust form of a type definition's structure, bypassing its name.
    fn anonymous_ref(&self, id: TypeId, from: &[Ident], form: Form) -> TokenStream {
        let rt = runtime();
        let def = &self.resolve.types[id];
        match &def.kind {
            TypeDefKind::FixedLengthList(t, len) => {
                let element = self.type_ref(t, from, form);
                let len = proc_macro2::Literal::usize_unsuffixed(*len as usize);
                quote!([#element; #len])
            }
            TypeDefKind::List(t) => {
                let element = self.type_ref(t, from, form);
                // A lazy view cannot lift handles, which move out of the
                // guest's table once and in order.
                if form == Form::Borrowed && !holds_handle(self.resolve, t) {
                    quote!(#rt::WasmList<'a, #element>)
                } else {
                    quote!(::std::vec::Vec<#element>)
                }
            }
            TypeDefKind::Map(k, v) => {
                // A map owns its entries in every form: a keyed collection
                // outlives the call, and its keys must hash or compare.
                let k = self.type_ref(k, from, Form::Owned);
                let v = self.type_ref(v, from, Form::Owned);
                match self.options.map_type {
                    MapType::HashMap => quote!(::std::collections::HashMap<#k, #v>),
                    MapType::BTreeMap => quote!(::std::collections::BTreeMap<#k, #v>),
                    MapType::Vec => quote!(::std::vec::Vec<(#k, #v)>),
                }
            }
            TypeDefKind::Option(t) => {
                let t = self.type_ref(t, from, form);
                quote!(::core::option::Option<#t>)
            }
            TypeDefKind::Result(r) => {
                let payload = |t: &Option<Type>| {
                    t.as_ref()
                        .map_or_else(|| quote!(()), |t| self.type_ref(t, from, form))
                };
                let (ok, err) = (payload(&r.ok), payload(&r.err));
                quote!(::core::result::Result<#ok, #err>)
            }
            TypeDefKind::Tuple(t) => {
                let types = t.types.iter().map(|t| self.type_ref(t, from, form));
                quote!((#(#types,)*))
            }
            TypeDefKind::Handle(h) => self.handle_ref(h, from),
            TypeDefKind::Type(t) => self.type_ref(t, from, form),
            _ => {
                let message = format!(
                    "witbind cannot name the WIT type `{}` here",
                    def.name.as_deref().unwrap_or("<anonymous>")
                );
                quote!(compile_error!(#message))
            }
        }
    }

    /// `own<r>` and `borrow<r>`: a resource the world imports (the host
    /// implements it) is a typed `Resource<R>` of its marker type; one the
    /// world exports (the guest implements it) is a `ResourceAny`.
    pub(crate) fn handle_ref(&self, handle: &Handle, from: &[Ident]) -> TokenStream {
        let rt = runtime();
        let (Handle::Own(r) | Handle::Borrow(r)) = handle;
        let r = alias_target(self.resolve, *r);
        let handle_type = if self.exported_resource(r, from) {
            quote!(#rt::ResourceAny)
        } else {
            let marker = self.id_ref(r, from, Form::Owned);
            quote!(#rt::Resource<#marker>)
        };
        match handle {
            Handle::Own(_) => handle_type,
            Handle::Borrow(_) => quote!(#rt::Borrowed<#handle_type>),
        }
    }

    /// Whether resource `r`, named from the module at `from`, is one the
    /// world exports (a guest's, handled as `ResourceAny`) rather than one
    /// it imports (the host's `Resource<T>`). From an export module, a
    /// resource of an interface the world exports is the exported one, as
    /// in the component the exported interface's `use` names the exported
    /// instance; from anywhere else it is the imported one unless the
    /// world only exports its interface.
    pub(crate) fn exported_resource(&self, r: TypeId, from: &[Ident]) -> bool {
        let TypeOwner::Interface(owner) = self.resolve.types[r].owner else {
            return false;
        };
        let modules = || self.plan.interfaces.iter();
        let owner_exported = modules().any(|m| m.id == owner && m.exported);
        let owner_imported = modules().any(|m| m.id == owner && !m.exported);
        let from_export = modules().any(|m| m.exported && m.path == from);
        owner_exported && (from_export || !owner_imported)
    }

    /// The Rust name of the resource `r`'s handle type, without `r#`: what
    /// its `Host<Resource>` trait and `Guest<Resource>` struct are named
    /// after, so that resources whose names meet after case conversion
    /// get distinct ones too.
    pub(crate) fn resource_ident(&self, r: TypeId) -> String {
        let ident = match self.plan.homes.get(&r) {
            Some(Home::Generated { owned, .. }) => owned.to_string(),
            _ => type_ident(self.resolve.types[r].name.as_deref().unwrap_or_default()).to_string(),
        };
        ident.trim_start_matches("r#").to_string()
    }

    /// The derives of a generated record, variant or enum, in either form:
    /// witbind's, the standard ones the type supports, then the
    /// `additional_derives` that are not among them (a trait derived twice
    /// does not compile).
    fn derives(&self, id: TypeId, form: Form) -> TokenStream {
        let rt = runtime();
        let mut derives: Vec<(String, TokenStream)> = vec![
            ("ComponentType".into(), quote!(#rt::ComponentType)),
            ("Lift".into(), quote!(#rt::Lift)),
        ];
        if form == Form::Owned {
            derives.push(("Lower".into(), quote!(#rt::Lower)));
        }
        self.with_std_derives(id, form, derives)
    }

    /// [`Self::derives`] without witbind's own: the standard and
    /// `additional_derives` ones.
    fn std_derives(&self, id: TypeId, form: Form) -> TokenStream {
        self.with_std_derives(id, form, Vec::new())
    }

    /// `#[derive(...)]` of `derives`, the standard traits the type can
    /// implement, and the `additional_derives` not among them.
    fn with_std_derives(
        &self,
        id: TypeId,
        form: Form,
        mut derives: Vec<(String, TokenStream)>,
    ) -> TokenStream {
        let def = &self.resolve.types[id];
        let std_derives: &[&str] = {
            let ty = Type::Id(id);
            if holds_long_tuple(self.resolve, &ty) {
                // No standard trait is implemented for tuples this long.
                &[]
            } else if holds_handle(self.resolve, &ty) {
                &["Debug"]
            } else if matches!(def.kind, TypeDefKind::Enum(_)) {
                &["Debug", "Clone", "Copy", "PartialEq", "Eq", "Hash"]
            } else if form == Form::Owned {
                &["Debug", "Clone", "PartialEq"]
            } else {
                &["Debug", "Clone"]
            }
        };
        for name in std_derives {
            derives.push((name.to_string(), std_derive(name)));
        }
        let have: Vec<&str> = derives.iter().map(|(name, _)| name.as_str()).collect();
        let extra = self.additional_derives(&have);
        let derives = derives.iter().map(|(_, path)| path);
        quote!(#[derive(#(#derives),*)] #extra)
    }

    /// `#[derive(...)]` of the `additional_derives` whose names are not in
    /// `have` (nothing when none is left).
    fn additional_derives(&self, have: &[&str]) -> TokenStream {
        let mut names: Vec<String> = have.iter().map(|n| n.to_string()).collect();
        let extra: Vec<&syn::Path> = self
            .options
            .additional_derives
            .iter()
            .filter(|path| {
                let name = path.segments.last().map(|s| s.ident.to_string());
                let name = name.unwrap_or_default();
                let new = !names.contains(&name);
                names.push(name);
                new
            })
            .collect();
        if extra.is_empty() {
            TokenStream::new()
        } else {
            quote!(#[derive(#(#extra),*)])
        }
    }

    /// `const _: () = assert!(...)`: the derive's layout equals `SizeAlign`'s.
    fn layout_assertion(&self, id: TypeId, rust: TokenStream, wit_name: &str) -> TokenStream {
        let rt = runtime();
        if matches!(
            self.resolve.types[alias_target(self.resolve, id)].kind,
            TypeDefKind::Resource
        ) {
            // A `use`d resource names a marker type or `ResourceAny`, which
            // are not values: only handles to them have a layout.
            return TokenStream::new();
        }
        let ty = Type::Id(id);
        let size = self.sizes.size(&ty).size_wasm32();
        let align = self.sizes.align(&ty).align_wasm32();
        let align_u32 = align as u32;
        let size_message =
            format!("the Rust size of `{wit_name}` differs from its WIT size {size}");
        let align_message =
            format!("the Rust alignment of `{wit_name}` differs from its WIT alignment {align}");
        quote! {
            #[allow(deprecated)]
            const _: () = {
                assert!(<#rust as #rt::ComponentType>::SIZE32 == #size, #size_message);
                assert!(<#rust as #rt::ComponentType>::ALIGN32 == #align_u32, #align_message);
            };
        }
    }
}

/// The path of the standard derive `name`.
fn std_derive(name: &str) -> TokenStream {
    match name {
        "Debug" => quote!(::core::fmt::Debug),
        "Clone" => quote!(::core::clone::Clone),
        "Copy" => quote!(::core::marker::Copy),
        "PartialEq" => quote!(::core::cmp::PartialEq),
        "Eq" => quote!(::core::cmp::Eq),
        _ => quote!(::core::hash::Hash),
    }
}

/// Whether some `result<_, E>` of `resolve` has `id` (or an alias of it)
/// as its error type.
fn is_error_type(resolve: &Resolve, id: TypeId) -> bool {
    resolve.types.iter().any(|(_, def)| match &def.kind {
        TypeDefKind::Result(r) => {
            matches!(r.err, Some(Type::Id(e)) if alias_target(resolve, e) == id)
        }
        _ => false,
    })
}
