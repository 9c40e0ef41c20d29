//! `#[derive(ComponentType, Lift, Lower)]` for Rust types that stand for WIT
//! records, variants and enums.
//!
//! The derive input is analysed once into a `Shape` (which WIT type, which
//! members in WIT order, under which names); `record` and `variant` then emit
//! the impls. Layout constants are `const` expressions over the members'
//! `ComponentType` constants, so lowering a record
//! is straight-line code and a variant is one `match`.
//!
//! Shape errors (a record that is no struct with named fields, an empty enum,
//! a duplicate name, ...) are reported once, by the `ComponentType` derive,
//! which `Lift` and `Lower` require; those two emit nothing for such input.

mod attrs;
mod record;
mod variant;

use proc_macro2::{Span, TokenStream};
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, GenericParam, Ident, Lifetime};

pub(crate) use attrs::{ShapeKind, member_name, push};

/// Which trait to derive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Derive {
    /// `ComponentType`: layout constants and `typecheck`.
    ComponentType,
    /// `Lift<'a>`: reading values from flat values and memory.
    Lift,
    /// `Lower`: writing values to flat values and memory.
    Lower,
}

/// Expands `#[derive(<which>)]` on `input`.
pub fn expand(which: Derive, input: TokenStream) -> TokenStream {
    let input: DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(e) => return e.to_compile_error(),
    };
    match Shape::analyse(&input) {
        Ok(shape) => match (which, shape.kind) {
            (Derive::ComponentType, ShapeKind::Record | ShapeKind::Tuple) => {
                record::component_type(&shape)
            }
            (Derive::Lift, ShapeKind::Record | ShapeKind::Tuple) => record::lift(&shape),
            (Derive::Lower, ShapeKind::Record | ShapeKind::Tuple) => record::lower(&shape),
            (Derive::ComponentType, _) => variant::component_type(&shape),
            (Derive::Lift, _) => variant::lift(&shape),
            (Derive::Lower, _) => variant::lower(&shape),
        },
        Err(e) if which == Derive::ComponentType => e.to_compile_error(),
        Err(_) => TokenStream::new(),
    }
}

/// The `ComponentType`, `Lift` and (with `lower`) `Lower` impls of
/// `pub struct <ident> {}`, which `bindgen!` writes for a WIT record
/// without fields. WIT text allows one (wit-parser and wasmtime's
/// `bindgen!` accept it) though the Component Model does not, so
/// `#[component(record)]`, which takes what components can carry, refuses
/// it. Zero-sized, it lowers to nothing and lifts from nothing; no
/// component type matches it.
pub(crate) fn empty_record_impls(ident: &Ident, lower: bool) -> TokenStream {
    let input: DeriveInput = syn::parse_quote!(#[component(record)] pub struct #ident {});
    let shape = Shape {
        input: &input,
        kind: ShapeKind::Record,
        members: Vec::new(),
    };
    let mut impls = record::component_type(&shape);
    impls.extend(record::lift(&shape));
    if lower {
        impls.extend(record::lower(&shape));
    }
    impls
}

/// One record field or variant case, in WIT order.
pub(crate) struct Member {
    /// The Rust field or case name (`field<i>` for a tuple struct's field).
    pub(crate) ident: Ident,
    /// How a struct reaches the field: `self.<access>` (its name, or its
    /// position in a tuple struct).
    pub(crate) access: syn::Member,
    /// The WIT name.
    pub(crate) wit_name: String,
    /// The field type, or the case's payload type.
    pub(crate) ty: Option<syn::Type>,
    /// Where the WIT name comes from: the `name = "..."` literal, or the
    /// Rust name.
    pub(crate) name_span: Span,
}

/// A derive input, analysed.
pub(crate) struct Shape<'a> {
    pub(crate) input: &'a DeriveInput,
    pub(crate) kind: ShapeKind,
    pub(crate) members: Vec<Member>,
}

impl<'a> Shape<'a> {
    fn analyse(input: &'a DeriveInput) -> syn::Result<Self> {
        let mut errors = None;
        if let Err(e) = check_generics(input) {
            push(&mut errors, e);
        }
        let kind = attrs::shape_of(&input.attrs, input.ident.span())?;
        let members = match (kind, &input.data) {
            (ShapeKind::Record, Data::Struct(data)) => record_fields(input, &data.fields),
            (ShapeKind::Record, Data::Enum(data)) => Err(syn::Error::new(
                data.enum_token.span,
                "`#[component(record)]` needs a struct with named fields, not an enum",
            )),
            (ShapeKind::Tuple, Data::Struct(data)) => tuple_fields(input, &data.fields),
            (ShapeKind::Tuple, Data::Enum(data)) => Err(syn::Error::new(
                data.enum_token.span,
                "`#[component(tuple)]` needs a tuple struct, not an enum",
            )),
            (_, Data::Enum(data)) => {
                let members = cases(kind, data);
                match members {
                    Ok(m) if m.is_empty() => Err(syn::Error::new(
                        input.ident.span(),
                        format!("a WIT {} needs at least one case", kind.word()),
                    )),
                    other => other,
                }
            }
            (_, Data::Struct(data)) => Err(syn::Error::new(
                data.struct_token.span,
                format!(
                    "`#[component({})]` needs a Rust enum, not a struct",
                    kind.word()
                ),
            )),
            (_, Data::Union(data)) => Err(syn::Error::new(
                data.union_token.span,
                "unions cannot represent WIT types",
            )),
        };
        match members {
            Ok(members) => {
                if let Err(e) = check_unique(&members) {
                    push(&mut errors, e);
                }
                match errors {
                    Some(e) => Err(e),
                    None => Ok(Self {
                        input,
                        kind,
                        members,
                    }),
                }
            }
            Err(e) => {
                push(&mut errors, e);
                Err(errors.unwrap_or_else(|| syn::Error::new(Span::call_site(), "invalid input")))
            }
        }
    }

    /// The Rust type's name, for error messages.
    pub(crate) fn rust_name(&self) -> String {
        self.input.ident.to_string()
    }

    /// The WIT names of the members, in order.
    pub(crate) fn wit_names(&self) -> Vec<&str> {
        self.members.iter().map(|m| m.wit_name.as_str()).collect()
    }

    /// The member types (payloads only, for variants).
    pub(crate) fn types(&self) -> Vec<&syn::Type> {
        self.members.iter().filter_map(|m| m.ty.as_ref()).collect()
    }

    /// The lifetime that `Lift` is implemented for (the type's own lifetime
    /// parameter if it has one, `'a` otherwise) and the impl's header,
    /// `impl<..> Lift<'lt> for Type<..> where ..`, which records and variants
    /// share.
    pub(crate) fn lift_impl(&self, rt: &TokenStream) -> (Lifetime, TokenStream) {
        let own = self
            .input
            .generics
            .params
            .iter()
            .find_map(|param| match param {
                GenericParam::Lifetime(lt) => Some(lt.lifetime.clone()),
                _ => None,
            });
        let mut generics = self.input.generics.clone();
        let lifetime = own.unwrap_or_else(|| {
            let lifetime = Lifetime::new("'a", Span::call_site());
            generics.params.insert(0, syn::parse_quote!(#lifetime));
            lifetime
        });
        let (impl_generics, _, _) = generics.split_for_impl();
        let (_, ty_generics, _) = self.input.generics.split_for_impl();
        let where_clause = self.where_clause(&quote::quote!(#rt::Lift<#lifetime>));
        let ident = &self.input.ident;
        let header = quote::quote!(impl #impl_generics #rt::Lift<#lifetime> for #ident #ty_generics #where_clause);
        (lifetime, header)
    }

    /// The `where` clause of an impl of `bound` (a trait path): the type's
    /// own clause, plus `Member: bound` for every member type that names a
    /// type parameter. Other members are checked where the impl uses them,
    /// so a member that cannot be lowered is an error at its own span.
    pub(crate) fn where_clause(&self, bound: &TokenStream) -> TokenStream {
        let own = self
            .input
            .generics
            .where_clause
            .as_ref()
            .map(|w| w.predicates.iter().cloned().collect::<Vec<_>>())
            .unwrap_or_default();
        let params: Vec<&Ident> = self
            .input
            .generics
            .type_params()
            .map(|p| &p.ident)
            .collect();
        let extra: Vec<&syn::Type> = self
            .types()
            .into_iter()
            .filter(|ty| mentions_any(quote::ToTokens::to_token_stream(ty), &params))
            .collect();
        if own.is_empty() && extra.is_empty() {
            return TokenStream::new();
        }
        quote::quote!(where #(#own,)* #(#extra: #bound,)*)
    }
}

/// Generic types are supported with at most one lifetime (the guest memory's,
/// for `WasmStr<'a>` and `WasmList<'a, T>` members) and no const parameters.
fn check_generics(input: &DeriveInput) -> syn::Result<()> {
    let mut errors = None;
    let mut lifetimes = 0;
    for param in &input.generics.params {
        match param {
            GenericParam::Lifetime(lt) => {
                lifetimes += 1;
                if lifetimes > 1 {
                    push(
                        &mut errors,
                        syn::Error::new(
                            lt.span(),
                            "at most one lifetime is supported: the guest memory's, which \
                             `WasmStr<'a>` and `WasmList<'a, T>` members borrow",
                        ),
                    );
                }
            }
            GenericParam::Const(c) => push(
                &mut errors,
                syn::Error::new(c.span(), "const generic parameters are not supported"),
            ),
            GenericParam::Type(_) => {}
        }
    }
    errors.map_or(Ok(()), Err)
}

fn record_fields(input: &DeriveInput, fields: &Fields) -> syn::Result<Vec<Member>> {
    let Fields::Named(named) = fields else {
        let span = match fields {
            Fields::Unit => input.ident.span(),
            other => other.span(),
        };
        return Err(syn::Error::new(
            span,
            "`#[component(record)]` needs a struct with named fields",
        ));
    };
    if named.named.is_empty() {
        return Err(syn::Error::new(
            named.span(),
            "a WIT record needs at least one field",
        ));
    }
    let mut errors = None;
    let mut members = Vec::new();
    for field in &named.named {
        let Some(ident) = field.ident.clone() else {
            continue;
        };
        match attrs::member_name(&field.attrs) {
            Ok(name) => members.push(Member {
                name_span: name
                    .as_ref()
                    .map_or_else(|| ident.span(), |(_, span)| *span),
                wit_name: name.map_or_else(|| crate::names::wit_name_of(&ident), |(n, _)| n),
                access: syn::Member::Named(ident.clone()),
                ident,
                ty: Some(field.ty.clone()),
            }),
            Err(e) => push(&mut errors, e),
        }
    }
    errors.map_or(Ok(members), Err)
}

/// The fields of a `#[component(tuple)]` struct, by position.
fn tuple_fields(input: &DeriveInput, fields: &Fields) -> syn::Result<Vec<Member>> {
    let Fields::Unnamed(unnamed) = fields else {
        let span = match fields {
            Fields::Unit => input.ident.span(),
            other => other.span(),
        };
        return Err(syn::Error::new(
            span,
            "`#[component(tuple)]` needs a tuple struct, such as `struct Args(u32, String);`",
        ));
    };
    Ok(unnamed
        .unnamed
        .iter()
        .enumerate()
        .map(|(i, field)| Member {
            ident: quote::format_ident!("field{i}"),
            access: syn::Member::Unnamed(syn::Index {
                index: i as u32,
                span: field.ty.span(),
            }),
            wit_name: i.to_string(),
            ty: Some(field.ty.clone()),
            name_span: field.ty.span(),
        })
        .collect())
}

fn cases(kind: ShapeKind, data: &syn::DataEnum) -> syn::Result<Vec<Member>> {
    let mut errors = None;
    let mut members = Vec::new();
    for case in &data.variants {
        if let Some((_, discriminant)) = &case.discriminant {
            push(
                &mut errors,
                syn::Error::new(
                    discriminant.span(),
                    format!(
                        "explicit discriminants are not allowed: a WIT {}'s discriminant is \
                         its case's position",
                        kind.word()
                    ),
                ),
            );
        }
        let ty = match (&case.fields, kind) {
            (Fields::Unit, _) => None,
            (Fields::Unnamed(f), ShapeKind::Variant) if f.unnamed.len() == 1 => {
                f.unnamed.first().map(|f| f.ty.clone())
            }
            (Fields::Unnamed(f), ShapeKind::Variant) => {
                push(
                    &mut errors,
                    syn::Error::new(
                        f.span(),
                        format!(
                            "case `{}` has {} payloads, but a WIT case carries at most one: \
                             wrap them in a tuple",
                            case.ident,
                            f.unnamed.len()
                        ),
                    ),
                );
                None
            }
            (Fields::Named(f), ShapeKind::Variant) => {
                push(
                    &mut errors,
                    syn::Error::new(
                        f.span(),
                        "a WIT case's payload is one unnamed type: use a record type in \
                         `Case(Payload)`",
                    ),
                );
                None
            }
            (fields, _) => {
                push(
                    &mut errors,
                    syn::Error::new(
                        fields.span(),
                        "WIT enum cases carry no payload: use `#[component(variant)]` for cases \
                         with payloads",
                    ),
                );
                None
            }
        };
        match attrs::member_name(&case.attrs) {
            Ok(name) => members.push(Member {
                name_span: name
                    .as_ref()
                    .map_or_else(|| case.ident.span(), |(_, span)| *span),
                wit_name: name.map_or_else(|| crate::names::wit_name_of(&case.ident), |(n, _)| n),
                access: syn::Member::Named(case.ident.clone()),
                ident: case.ident.clone(),
                ty,
            }),
            Err(e) => push(&mut errors, e),
        }
    }
    errors.map_or(Ok(members), Err)
}

/// Every WIT name must be unique; a duplicate is reported at the member that
/// repeats it.
fn check_unique(members: &[Member]) -> syn::Result<()> {
    let mut errors = None;
    for (i, member) in members.iter().enumerate() {
        if let Some(first) = members[..i].iter().find(|m| m.wit_name == member.wit_name) {
            push(
                &mut errors,
                syn::Error::new(
                    member.name_span,
                    format!(
                        "duplicate WIT name `{}`: `{}` would share it with `{}`",
                        member.wit_name, member.ident, first.ident
                    ),
                ),
            );
        }
    }
    errors.map_or(Ok(()), Err)
}

/// Whether `tokens` name one of the identifiers `params`.
fn mentions_any(tokens: TokenStream, params: &[&Ident]) -> bool {
    tokens.into_iter().any(|token| match token {
        proc_macro2::TokenTree::Ident(ident) => params.contains(&&ident),
        proc_macro2::TokenTree::Group(group) => mentions_any(group.stream(), params),
        _ => false,
    })
}
