//! `#[component(...)]` attributes: the shape on a type, the WIT name on a
//! field or case.

use proc_macro2::Span;
use syn::parse::{Parse, ParseStream};
use syn::{Attribute, LitStr, Token};

use crate::names::is_valid_wit_name;

mod kw {
    syn::custom_keyword!(record);
    syn::custom_keyword!(tuple);
    syn::custom_keyword!(variant);
    syn::custom_keyword!(name);
}

/// The WIT shape a derive implements, from `#[component(record)]`,
/// `#[component(tuple)]`, `#[component(variant)]` or `#[component(enum)]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ShapeKind {
    /// `record`
    Record,
    /// `tuple`: a tuple struct, for tuples and parameter lists longer than
    /// the Rust tuples witbind implements the traits for.
    Tuple,
    /// `variant`
    Variant,
    /// `enum`
    Enum,
}

impl ShapeKind {
    /// The word inside `#[component(...)]`.
    pub(crate) fn word(self) -> &'static str {
        match self {
            Self::Record => "record",
            Self::Tuple => "tuple",
            Self::Variant => "variant",
            Self::Enum => "enum",
        }
    }
}

impl Parse for ShapeKind {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let lookahead = input.lookahead1();
        if lookahead.peek(kw::record) {
            input.parse::<kw::record>()?;
            Ok(Self::Record)
        } else if lookahead.peek(kw::tuple) {
            input.parse::<kw::tuple>()?;
            Ok(Self::Tuple)
        } else if lookahead.peek(kw::variant) {
            input.parse::<kw::variant>()?;
            Ok(Self::Variant)
        } else if lookahead.peek(Token![enum]) {
            input.parse::<Token![enum]>()?;
            Ok(Self::Enum)
        } else {
            Err(lookahead.error())
        }
    }
}

/// The shape named by the type's `#[component(...)]` attribute.
///
/// A missing attribute is reported at `ident_span`, a second one at its own
/// span.
pub(crate) fn shape_of(attrs: &[Attribute], ident_span: Span) -> syn::Result<ShapeKind> {
    let mut found: Option<ShapeKind> = None;
    let mut errors: Option<syn::Error> = None;
    for attr in attrs.iter().filter(|a| a.path().is_ident("component")) {
        match attr.parse_args::<ShapeKind>() {
            Ok(kind) => match found {
                None => found = Some(kind),
                Some(first) => push(
                    &mut errors,
                    syn::Error::new_spanned(
                        attr,
                        format!(
                            "conflicting `#[component({})]`: this type is already declared a `{}`",
                            kind.word(),
                            first.word()
                        ),
                    ),
                ),
            },
            Err(e) => push(&mut errors, e),
        }
    }
    if let Some(e) = errors {
        return Err(e);
    }
    found.ok_or_else(|| {
        syn::Error::new(
            ident_span,
            "missing `#[component(record)]`, `#[component(tuple)]`, `#[component(variant)]` or \
             `#[component(enum)]`: say which WIT type this Rust type represents",
        )
    })
}

/// `name = "kebab-name"` inside `#[component(...)]` on a field or case.
struct NameAttr(LitStr);

impl Parse for NameAttr {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let lookahead = input.lookahead1();
        if !lookahead.peek(kw::name) {
            return Err(lookahead.error());
        }
        input.parse::<kw::name>()?;
        input.parse::<Token![=]>()?;
        Ok(Self(input.parse()?))
    }
}

/// The WIT name given by `#[component(name = "...")]` among `attrs`, with
/// the literal's span, or `None` when there is no such attribute.
pub(crate) fn member_name(attrs: &[Attribute]) -> syn::Result<Option<(String, Span)>> {
    let mut found: Option<(String, Span)> = None;
    for attr in attrs.iter().filter(|a| a.path().is_ident("component")) {
        let NameAttr(lit) = attr.parse_args()?;
        if found.is_some() {
            return Err(syn::Error::new_spanned(
                attr,
                "conflicting `#[component(name)]`: this member already has a name",
            ));
        }
        let name = lit.value();
        if !is_valid_wit_name(&name) {
            return Err(syn::Error::new(
                lit.span(),
                format!(
                    "`{name}` is not a valid WIT name: use kebab-case words that start with a \
                     letter, like `my-name`"
                ),
            ));
        }
        found = Some((name, lit.span()));
    }
    Ok(found)
}

/// Adds `error` to the errors collected so far.
pub(crate) fn push(errors: &mut Option<syn::Error>, error: syn::Error) {
    match errors {
        Some(e) => e.combine(error),
        None => *errors = Some(error),
    }
}
