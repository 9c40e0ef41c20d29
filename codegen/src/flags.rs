//! `flags!`: a bitflags-like Rust type for a WIT `flags` type.
//!
//! ```text
//! flags! {
//!     /// Access rights.
//!     pub Perms {
//!         #[component(name = "read")]
//!         const READ;
//!         const WRITE;
//!     }
//! }
//! ```
//!
//! Each `const` is one flag, bit `i` for the `i`-th; its WIT name is the
//! `#[component(name)]`, or the constant's name in kebab-case. One invocation
//! may declare several types.

use proc_macro2::{Literal, Span, TokenStream};
use quote::quote;
use syn::parse::{Parse, ParseStream};
use syn::{Attribute, Ident, Token, Visibility, braced};

use crate::derive::push;
use crate::names::{is_valid_wit_name, wit_name_of};
use crate::runtime;

/// Most flags a WIT `flags` type may have.
const MAX_FLAGS: usize = 32;

/// Most flags of a WIT `flags` type `bindgen!` generates: the widest bit
/// set a Rust integer (`u128`) holds.
const MAX_WIT_FLAGS: usize = 128;

/// Who asks for the expansion, which decides the flag counts accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// `flags!` written by hand: 1 to 32 flags, what the Component Model
    /// allows.
    Macro,
    /// A WIT `flags` type `bindgen!` generates. WIT text may declare none
    /// or more than 32 flags (wit-parser and wasmtime's `bindgen!` accept
    /// both), so those compile too, laid out as the Canonical ABI did before
    /// its limit of 32 (one `i32` per 32 flags); no component can declare
    /// such a type, so its `typecheck` always fails, saying why.
    Wit,
}

/// One flag: `#[component(name = "...")] const NAME;`.
struct Flag {
    attrs: Vec<Attribute>,
    ident: Ident,
    wit_name: Option<(String, Span)>,
}

/// One flags type: `vis Name { flags }`.
struct FlagsType {
    attrs: Vec<Attribute>,
    vis: Visibility,
    ident: Ident,
    flags: Vec<Flag>,
    brace_span: Span,
}

/// The whole `flags!` input: one or more flags types.
struct FlagsInput(Vec<FlagsType>);

impl Parse for Flag {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let mut attrs = input.call(Attribute::parse_outer)?;
        input.parse::<Token![const]>()?;
        let ident: Ident = input.parse()?;
        input.parse::<Token![;]>()?;
        let mut wit_name = None;
        let mut errors = None;
        let mut kept = Vec::new();
        for attr in attrs.drain(..) {
            if !attr.path().is_ident("component") {
                kept.push(attr);
                continue;
            }
            match crate::derive::member_name(std::slice::from_ref(&attr)) {
                Ok(_) if wit_name.is_some() => push(
                    &mut errors,
                    syn::Error::new_spanned(
                        &attr,
                        "conflicting `#[component(name)]`: this flag already has a name",
                    ),
                ),
                Ok(name) => wit_name = name,
                Err(e) => push(&mut errors, e),
            }
        }
        match errors {
            Some(e) => Err(e),
            None => Ok(Self {
                attrs: kept,
                ident,
                wit_name,
            }),
        }
    }
}

impl Parse for FlagsType {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let attrs = input.call(Attribute::parse_outer)?;
        let vis = input.parse()?;
        let ident = input.parse()?;
        let body;
        let brace = braced!(body in input);
        let mut flags = Vec::new();
        while !body.is_empty() {
            flags.push(body.parse()?);
        }
        Ok(Self {
            attrs,
            vis,
            ident,
            flags,
            brace_span: brace.span.join(),
        })
    }
}

impl Parse for FlagsInput {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let mut types = Vec::new();
        while !input.is_empty() {
            types.push(input.parse()?);
        }
        Ok(Self(types))
    }
}

/// Expands `flags! { ... }`.
pub fn expand(input: TokenStream) -> TokenStream {
    expand_from(input, Source::Macro)
}

/// Expands the `flags!` input `bindgen!` writes for a WIT `flags` type,
/// which may have no flags or more than 32 ([`Source::Wit`]).
pub(crate) fn expand_wit(input: TokenStream) -> TokenStream {
    expand_from(input, Source::Wit)
}

fn expand_from(input: TokenStream, source: Source) -> TokenStream {
    let FlagsInput(types) = match syn::parse2(input) {
        Ok(input) => input,
        Err(e) => return e.to_compile_error(),
    };
    let mut errors = None;
    let mut out = TokenStream::new();
    for ty in &types {
        match check(ty, source) {
            Ok(names) => out.extend(expand_one(ty, &names)),
            Err(e) => push(&mut errors, e),
        }
    }
    match errors {
        Some(e) => e.to_compile_error(),
        None => out,
    }
}

/// Checks the flag count and names; returns the WIT names in order.
fn check(ty: &FlagsType, source: Source) -> syn::Result<Vec<String>> {
    let mut errors = None;
    if ty.flags.is_empty() && source == Source::Macro {
        push(
            &mut errors,
            syn::Error::new(ty.brace_span, "a WIT flags type needs at least one flag"),
        );
    }
    match source {
        Source::Macro => {
            if let Some(extra) = ty.flags.get(MAX_FLAGS) {
                push(
                    &mut errors,
                    syn::Error::new(
                        extra.ident.span(),
                        format!(
                            "too many flags: a WIT flags type has at most {MAX_FLAGS}, this \
                             is flag number {}",
                            ty.flags.len()
                        ),
                    ),
                );
            }
        }
        Source::Wit => {
            if ty.flags.len() > MAX_WIT_FLAGS {
                push(
                    &mut errors,
                    syn::Error::new(
                        ty.ident.span(),
                        format!(
                            "the WIT flags type `{}` has {} flags: witbind generates flags \
                             types of at most {MAX_WIT_FLAGS} (and the Component Model allows \
                             at most {MAX_FLAGS}); split it into several flags types",
                            ty.ident,
                            ty.flags.len()
                        ),
                    ),
                );
            }
        }
    }
    let mut names: Vec<String> = Vec::new();
    for flag in &ty.flags {
        let (name, span) = match &flag.wit_name {
            Some((name, span)) => (name.clone(), *span),
            None => (wit_name_of(&flag.ident), flag.ident.span()),
        };
        if !is_valid_wit_name(&name) {
            push(
                &mut errors,
                syn::Error::new(span, format!("`{name}` is not a valid WIT name")),
            );
        }
        if let Some(i) = names.iter().position(|n| *n == name) {
            push(
                &mut errors,
                syn::Error::new(
                    span,
                    format!(
                        "duplicate WIT name `{name}`: `{}` would share it with `{}`",
                        flag.ident, ty.flags[i].ident
                    ),
                ),
            );
        }
        names.push(name);
    }
    errors.map_or(Ok(names), Err)
}

fn expand_one(ty: &FlagsType, names: &[String]) -> TokenStream {
    let rt = runtime();
    let FlagsType {
        attrs, vis, ident, ..
    } = ty;
    let count = ty.flags.len();
    let layout = Layout::of(count);
    let repr = &layout.repr;
    let all_bits = if count == MAX_WIT_FLAGS {
        quote!(u128::MAX)
    } else {
        let mask = Literal::u128_unsuffixed((1u128 << count) - 1);
        quote!(#mask)
    };
    let consts = ty.flags.iter().enumerate().map(|(i, flag)| {
        let attrs = &flag.attrs;
        let name = &flag.ident;
        let bit = Literal::usize_unsuffixed(i);
        let wit = &names[i];
        let doc = if attrs.iter().any(|a| a.path().is_ident("doc")) {
            quote!()
        } else {
            let text = format!(" The flag `{wit}`.");
            quote!(#[doc = #text])
        };
        quote! {
            #(#attrs)*
            #doc
            pub const #name: Self = Self { bits: 1 << #bit };
        }
    });
    let flag_idents: Vec<_> = ty.flags.iter().map(|f| &f.ident).collect();
    let rust_names: Vec<String> = flag_idents.iter().map(|i| i.to_string()).collect();
    let rust_name = ident.to_string();
    let count_lit = Literal::usize_unsuffixed(count);
    let size_lit = Literal::usize_unsuffixed(layout.size);
    let align_lit = Literal::u32_unsuffixed(layout.align);
    let words_lit = Literal::usize_unsuffixed(layout.words);
    let typecheck = if (1..=MAX_FLAGS).contains(&count) {
        quote!(#rt::__internal::flags_names(#rust_name, &[#(#names),*], ty))
    } else {
        quote!(#rt::__internal::flags_outside_model(#rust_name, #count_lit, ty))
    };
    let (lower_flat, store, lift_flat, load) = abi_code(&layout, &rt);
    let type_doc = if attrs.iter().any(|a| a.path().is_ident("doc")) {
        quote!()
    } else {
        let text = format!(" The WIT flags type with flags `{}`.", names.join("`, `"));
        quote!(#[doc = #text])
    };
    quote! {
        #(#attrs)*
        #type_doc
        #[derive(
            ::core::clone::Clone,
            ::core::marker::Copy,
            ::core::cmp::PartialEq,
            ::core::cmp::Eq,
            ::core::hash::Hash,
            ::core::cmp::PartialOrd,
            ::core::cmp::Ord,
            ::core::default::Default
        )]
        #vis struct #ident {
            bits: #repr,
        }

        impl #ident {
            #(#consts)*

            /// Every flag, in declaration order.
            #[inline]
            pub const fn flags() -> &'static [Self; #count_lit] {
                &[#(Self::#flag_idents),*]
            }

            /// The Rust names of the flags, in declaration order.
            #[inline]
            pub const fn names() -> &'static [&'static str; #count_lit] {
                &[#(#rust_names),*]
            }

            /// The WIT names of the flags, in declaration order.
            #[inline]
            pub const fn wit_names() -> &'static [&'static str; #count_lit] {
                &[#(#names),*]
            }

            /// No flag set.
            #[inline]
            pub const fn empty() -> Self {
                Self { bits: 0 }
            }

            /// Every flag set.
            #[inline]
            pub const fn all() -> Self {
                Self { bits: #all_bits }
            }

            /// The bits of the set flags: flag `i` is bit `i`.
            #[inline]
            pub const fn bits(&self) -> #repr {
                self.bits
            }

            /// The flags of `bits`, or `None` if a bit names no flag.
            #[inline]
            pub const fn from_bits(bits: #repr) -> ::core::option::Option<Self> {
                if bits & !Self::all().bits == 0 {
                    ::core::option::Option::Some(Self { bits })
                } else {
                    ::core::option::Option::None
                }
            }

            /// The flags of `bits`, ignoring bits that name no flag (as the
            /// Canonical ABI does when lifting).
            #[inline]
            pub const fn from_bits_truncate(bits: #repr) -> Self {
                Self { bits: bits & Self::all().bits }
            }

            /// Whether no flag is set.
            #[inline]
            pub const fn is_empty(&self) -> bool {
                self.bits == 0
            }

            /// Whether every flag is set.
            #[inline]
            pub const fn is_all(&self) -> bool {
                self.bits == Self::all().bits
            }

            /// Whether every flag of `other` is set in `self`.
            #[inline]
            pub const fn contains(&self, other: Self) -> bool {
                self.bits & other.bits == other.bits
            }

            /// Whether `self` and `other` share a flag.
            #[inline]
            pub const fn intersects(&self, other: Self) -> bool {
                self.bits & other.bits != 0
            }

            /// Sets the flags of `other`.
            #[inline]
            pub fn insert(&mut self, other: Self) {
                self.bits |= other.bits;
            }

            /// Clears the flags of `other`.
            #[inline]
            pub fn remove(&mut self, other: Self) {
                self.bits &= !other.bits;
            }

            /// Flips the flags of `other`.
            #[inline]
            pub fn toggle(&mut self, other: Self) {
                self.bits ^= other.bits;
            }

            /// Sets or clears the flags of `other`.
            #[inline]
            pub fn set(&mut self, other: Self, value: bool) {
                if value {
                    self.insert(other);
                } else {
                    self.remove(other);
                }
            }

            /// The set flags one by one, lowest bit first.
            #[inline]
            pub fn iter(&self) -> #rt::FlagsIter<Self> {
                #rt::FlagsIter::new(*self, Self::flags())
            }
        }

        impl ::core::iter::IntoIterator for #ident {
            type Item = #ident;
            type IntoIter = #rt::FlagsIter<Self>;

            fn into_iter(self) -> #rt::FlagsIter<Self> {
                self.iter()
            }
        }

        impl ::core::iter::FromIterator<#ident> for #ident {
            fn from_iter<I: ::core::iter::IntoIterator<Item = #ident>>(iter: I) -> Self {
                iter.into_iter().fold(Self::empty(), |acc, flag| acc | flag)
            }
        }

        impl ::core::iter::Extend<#ident> for #ident {
            fn extend<I: ::core::iter::IntoIterator<Item = #ident>>(&mut self, iter: I) {
                for flag in iter {
                    self.insert(flag);
                }
            }
        }

        impl ::core::fmt::Debug for #ident {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(#rust_name)?;
                f.write_str("(")?;
                let mut first = true;
                for (flag, name) in Self::flags().iter().zip(Self::names()) {
                    if self.contains(*flag) {
                        if !first {
                            f.write_str(" | ")?;
                        }
                        first = false;
                        f.write_str(name)?;
                    }
                }
                f.write_str(")")
            }
        }

        impl ::core::ops::BitOr for #ident {
            type Output = Self;
            #[inline]
            fn bitor(self, rhs: Self) -> Self {
                Self { bits: self.bits | rhs.bits }
            }
        }

        impl ::core::ops::BitOrAssign for #ident {
            #[inline]
            fn bitor_assign(&mut self, rhs: Self) {
                self.bits |= rhs.bits;
            }
        }

        impl ::core::ops::BitAnd for #ident {
            type Output = Self;
            #[inline]
            fn bitand(self, rhs: Self) -> Self {
                Self { bits: self.bits & rhs.bits }
            }
        }

        impl ::core::ops::BitAndAssign for #ident {
            #[inline]
            fn bitand_assign(&mut self, rhs: Self) {
                self.bits &= rhs.bits;
            }
        }

        impl ::core::ops::BitXor for #ident {
            type Output = Self;
            #[inline]
            fn bitxor(self, rhs: Self) -> Self {
                Self { bits: self.bits ^ rhs.bits }
            }
        }

        impl ::core::ops::BitXorAssign for #ident {
            #[inline]
            fn bitxor_assign(&mut self, rhs: Self) {
                self.bits ^= rhs.bits;
            }
        }

        impl ::core::ops::Sub for #ident {
            type Output = Self;
            #[inline]
            fn sub(self, rhs: Self) -> Self {
                Self { bits: self.bits & !rhs.bits }
            }
        }

        impl ::core::ops::SubAssign for #ident {
            #[inline]
            fn sub_assign(&mut self, rhs: Self) {
                self.bits &= !rhs.bits;
            }
        }

        impl ::core::ops::Not for #ident {
            type Output = Self;
            #[inline]
            fn not(self) -> Self {
                Self { bits: !self.bits & Self::all().bits }
            }
        }

        #[automatically_derived]
        impl #rt::ComponentType for #ident {
            const SIZE32: usize = #size_lit;
            const ALIGN32: u32 = #align_lit;
            const FLAT_COUNT: usize = #words_lit;

            fn typecheck(ty: &#rt::Type) -> #rt::Result<()> {
                #typecheck
            }
        }

        #[automatically_derived]
        impl #rt::Lower for #ident {
            #[inline]
            fn lower_flat<M: #rt::GuestMemory + ?::core::marker::Sized>(
                &self,
                _cx: &mut #rt::LowerContext<'_, M>,
                dst: &mut #rt::FlatWriter<'_>,
            ) -> #rt::Result<()> {
                #lower_flat
            }

            #[inline]
            fn store<M: #rt::GuestMemory + ?::core::marker::Sized>(
                &self,
                cx: &mut #rt::LowerContext<'_, M>,
                offset: usize,
            ) -> #rt::Result<()> {
                #store
            }
        }

        #[automatically_derived]
        impl<'a> #rt::Lift<'a> for #ident {
            #[inline]
            fn lift_flat(
                _cx: &mut #rt::LiftContext<'a>,
                src: &mut #rt::FlatReader<'_>,
            ) -> #rt::Result<Self> {
                // Bits above the declared flags are ignored, as the spec's
                // `unpack_flags_from_int` does.
                #lift_flat
            }

            #[inline]
            fn load(_cx: &mut #rt::LiftContext<'a>, bytes: &'a [u8]) -> #rt::Result<Self> {
                #load
            }
        }
    }
}

/// How a flags type of some number of flags is held and laid out.
struct Layout {
    /// The Rust integer holding the bits.
    repr: TokenStream,
    /// `i32` words in the flat form: one per 32 flags.
    words: usize,
    /// Size in memory, in bytes.
    size: usize,
    /// Alignment in memory, in bytes.
    align: u32,
}

impl Layout {
    /// The Canonical ABI's layout of `count` flags (wit-parser's
    /// `SizeAlign`): one byte up to 8, two up to 16, then one `u32` per 32
    /// flags (none for no flag, aligned to 4 all the same).
    fn of(count: usize) -> Self {
        let words = count.div_ceil(32);
        let (repr, size, align) = match count {
            0 => (quote!(u8), 0, 4),
            1..=8 => (quote!(u8), 1, 1),
            9..=16 => (quote!(u16), 2, 2),
            17..=32 => (quote!(u32), 4, 4),
            33..=64 => (quote!(u64), 8, 4),
            _ => (quote!(u128), words * 4, 4),
        };
        Self {
            repr,
            words: if count == 0 { 0 } else { words },
            size,
            align,
        }
    }
}

/// The bodies of `lower_flat`, `store`, `lift_flat` and `load`.
fn abi_code(
    layout: &Layout,
    rt: &TokenStream,
) -> (TokenStream, TokenStream, TokenStream, TokenStream) {
    let repr = &layout.repr;
    let ok = quote!(::core::result::Result::Ok);
    match layout.words {
        0 => (
            quote! { let _ = dst; #ok(()) },
            quote! { let _ = (cx, offset); #ok(()) },
            quote! { let _ = src; #ok(Self::empty()) },
            quote! { let _ = bytes; #ok(Self::empty()) },
        ),
        1 => {
            let width = Literal::usize_unsuffixed(layout.size);
            (
                quote!(dst.push(u64::from(self.bits))),
                quote!(cx.write(offset, self.bits.to_le_bytes())),
                quote!(#ok(Self::from_bits_truncate(src.next_i32()? as #repr))),
                quote! {
                    let bits = #rt::__internal::load_le_uint(bytes, #width)?;
                    #ok(Self::from_bits_truncate(bits as #repr))
                },
            )
        }
        words => {
            let words = Literal::usize_unsuffixed(words);
            let size = Literal::usize_unsuffixed(layout.size);
            (
                quote! {
                    for word in 0..#words {
                        dst.push(u64::from((self.bits >> (32 * word)) as u32))?;
                    }
                    #ok(())
                },
                quote!(cx.write_slice(offset, &self.bits.to_le_bytes()[..#size])),
                quote! {
                    let mut bits: #repr = 0;
                    for word in 0..#words {
                        bits |= #repr::from(src.next_i32()? as u32) << (32 * word);
                    }
                    #ok(Self::from_bits_truncate(bits))
                },
                quote! {
                    let raw = #rt::__internal::slice(bytes, 0, #size)?;
                    let bits = raw.iter().rev().fold(0, |acc: #repr, &b| (acc << 8) | #repr::from(b));
                    #ok(Self::from_bits_truncate(bits))
                },
            )
        }
    }
}
