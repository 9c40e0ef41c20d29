//! The impls of a derived variant or enum: a discriminant of 1, 2 or 4
//! bytes, then the case's payload at a compile-time offset; flat, the
//! discriminant, the payload and zeros up to the widest case.

use proc_macro2::{Literal, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::{Member, Shape, ShapeKind};
use crate::runtime;

/// `const` expressions of the variant's layout: case count, largest payload
/// size, alignment and flat count.
struct Layout {
    cases: Literal,
    max_size: TokenStream,
    max_align: TokenStream,
    payload_flat: TokenStream,
}

fn layout(shape: &Shape<'_>) -> Layout {
    let rt = runtime();
    let types = shape.types();
    Layout {
        cases: Literal::usize_unsuffixed(shape.members.len()),
        max_size: quote!(#rt::__internal::max_of(&[#(<#types as #rt::ComponentType>::SIZE32),*])),
        max_align: quote!(#rt::__internal::layout::max(
            1,
            #rt::__internal::max_of(&[#(<#types as #rt::ComponentType>::ALIGN32 as usize),*]),
        )),
        payload_flat: quote!(#rt::__internal::max_of(&[#(<#types as #rt::ComponentType>::FLAT_COUNT),*])),
    }
}

/// `Self::Case` or `Self::Case(payload)` as a pattern.
fn pattern(member: &Member) -> TokenStream {
    let ident = &member.ident;
    match member.ty {
        Some(_) => quote!(Self::#ident(payload)),
        None => quote!(Self::#ident),
    }
}

pub(crate) fn component_type(shape: &Shape<'_>) -> TokenStream {
    let rt = runtime();
    let ident = &shape.input.ident;
    let (impl_generics, ty_generics, _) = shape.input.generics.split_for_impl();
    let where_clause = shape.where_clause(&quote!(#rt::ComponentType));
    let Layout {
        cases,
        max_size,
        max_align,
        payload_flat,
    } = layout(shape);
    let rust_name = shape.rust_name();
    let names = shape.wit_names();
    let typecheck = if shape.kind == ShapeKind::Enum {
        quote!(#rt::__internal::enum_cases(#rust_name, &[#(#names),*], ty))
    } else {
        let vars: Vec<_> = (0..shape.members.len())
            .map(|i| quote::format_ident!("case{i}"))
            .collect();
        let checks = shape.members.iter().zip(&vars).map(|(member, var)| {
            let name = &member.wit_name;
            let ty = member.ty.clone().unwrap_or_else(|| syn::parse_quote!(()));
            quote_spanned! {ty.span()=>
                #rt::__internal::in_member(
                    #rust_name,
                    #name,
                    #rt::abi::typecheck_payload::<#ty>(#var),
                )?;
            }
        });
        quote! {
            let [#(#vars),*] = #rt::__internal::variant_cases(#rust_name, &[#(#names),*], ty)?;
            #(#checks)*
            ::core::result::Result::Ok(())
        }
    };
    let types = shape.types();
    let handle_arms = shape.members.iter().enumerate().map(|(i, member)| {
        let pattern = pattern(member);
        match &member.ty {
            Some(ty) => quote_spanned! {ty.span()=>
                #pattern => match #rt::__internal::variant_case_type(ty, #i)? {
                    ::core::option::Option::Some(case)
                        if <#ty as #rt::ComponentType>::MAY_HOLD_HANDLES =>
                    {
                        #rt::__internal::check_field_handles::<#ty>(payload, case)
                    }
                    _ => ::core::result::Result::Ok(()),
                }
            },
            None => quote!(#pattern => ::core::result::Result::Ok(())),
        }
    });
    let check_handles = if shape.kind == ShapeKind::Enum {
        TokenStream::new()
    } else {
        quote! {
            #[inline]
            fn check_handles(&self, ty: &#rt::Type) -> #rt::Result<()> {
                if !<Self as #rt::ComponentType>::MAY_HOLD_HANDLES {
                    return ::core::result::Result::Ok(());
                }
                match self {
                    #(#handle_arms,)*
                }
            }
        }
    };
    quote! {
        #[automatically_derived]
        impl #impl_generics #rt::ComponentType for #ident #ty_generics #where_clause {
            const SIZE32: usize = #rt::__internal::layout::variant_size(#cases, #max_size, #max_align);
            const ALIGN32: u32 = #rt::__internal::layout::variant_align(#cases, #max_align) as u32;
            const FLAT_COUNT: usize = 1 + #payload_flat;
            const MAY_HOLD_HANDLES: bool =
                false #(|| <#types as #rt::ComponentType>::MAY_HOLD_HANDLES)*;

            fn typecheck(ty: &#rt::Type) -> #rt::Result<()> {
                #typecheck
            }

            #check_handles
        }
    }
}

pub(crate) fn lower(shape: &Shape<'_>) -> TokenStream {
    let rt = runtime();
    let ident = &shape.input.ident;
    let (impl_generics, ty_generics, _) = shape.input.generics.split_for_impl();
    let where_clause = shape.where_clause(&quote!(#rt::Lower));
    let Layout {
        cases,
        max_align,
        payload_flat,
        ..
    } = layout(shape);
    let flat_arms = shape.members.iter().enumerate().map(|(i, member)| {
        let pattern = pattern(member);
        let discriminant = Literal::u32_unsuffixed(i as u32);
        match &member.ty {
            Some(ty) => quote_spanned! {ty.span()=>
                #pattern => {
                    dst.push(#discriminant)?;
                    <#ty as #rt::Lower>::lower_flat(payload, cx, dst)?;
                    dst.pad(payload_flat - <#ty as #rt::ComponentType>::FLAT_COUNT)
                }
            },
            None => quote! {
                #pattern => {
                    dst.push(#discriminant)?;
                    dst.pad(payload_flat)
                }
            },
        }
    });
    let store_arms = shape.members.iter().enumerate().map(|(i, member)| {
        let pattern = pattern(member);
        let discriminant = Literal::u32_unsuffixed(i as u32);
        let tag = quote!(#rt::__internal::store_le_uint(cx, offset, width, #discriminant));
        match &member.ty {
            Some(ty) => quote_spanned! {ty.span()=>
                #pattern => {
                    #tag?;
                    <#ty as #rt::Lower>::store(payload, cx, offset + payload_offset)
                }
            },
            None => quote!(#pattern => #tag,),
        }
    });
    let uses_payload_offset = shape.members.iter().any(|m| m.ty.is_some());
    let payload_offset = uses_payload_offset.then(|| {
        quote!(let payload_offset = const { #rt::__internal::layout::payload_offset(#cases, #max_align) };)
    });
    quote! {
        #[automatically_derived]
        impl #impl_generics #rt::Lower for #ident #ty_generics #where_clause {
            #[inline]
            fn lower_flat<M: #rt::GuestMemory + ?::core::marker::Sized>(
                &self,
                cx: &mut #rt::LowerContext<'_, M>,
                dst: &mut #rt::FlatWriter<'_>,
            ) -> #rt::Result<()> {
                let _ = &cx; // Unused when no case has a payload.
                let payload_flat = const { #payload_flat };
                match self {
                    #(#flat_arms)*
                }
            }

            #[inline]
            fn store<M: #rt::GuestMemory + ?::core::marker::Sized>(
                &self,
                cx: &mut #rt::LowerContext<'_, M>,
                offset: usize,
            ) -> #rt::Result<()> {
                let width = const { #rt::__internal::layout::discriminant_size(#cases) };
                #payload_offset
                match self {
                    #(#store_arms)*
                }
            }
        }
    }
}

pub(crate) fn lift(shape: &Shape<'_>) -> TokenStream {
    let rt = runtime();
    let (lifetime, header) = shape.lift_impl(&rt);
    let Layout {
        cases,
        max_align,
        payload_flat,
        ..
    } = layout(shape);
    let flat_arms = shape.members.iter().enumerate().map(|(i, member)| {
        let case = &member.ident;
        let discriminant = Literal::u32_unsuffixed(i as u32);
        match &member.ty {
            Some(ty) => quote_spanned! {ty.span()=>
                #discriminant => {
                    let payload = <#ty as #rt::Lift<#lifetime>>::lift_flat(cx, src)?;
                    src.skip(payload_flat - <#ty as #rt::ComponentType>::FLAT_COUNT)?;
                    ::core::result::Result::Ok(Self::#case(payload))
                }
            },
            None => quote! {
                #discriminant => {
                    src.skip(payload_flat)?;
                    ::core::result::Result::Ok(Self::#case)
                }
            },
        }
    });
    let load_arms = shape.members.iter().enumerate().map(|(i, member)| {
        let case = &member.ident;
        let discriminant = Literal::u32_unsuffixed(i as u32);
        match &member.ty {
            Some(ty) => quote_spanned! {ty.span()=>
                #discriminant => ::core::result::Result::Ok(Self::#case(<#ty as #rt::Lift<#lifetime>>::load(
                    cx,
                    #rt::__internal::slice(
                        bytes,
                        payload_offset,
                        <#ty as #rt::ComponentType>::SIZE32,
                    )?,
                )?)),
            },
            None => quote!(#discriminant => ::core::result::Result::Ok(Self::#case),),
        }
    });
    let uses_payload_offset = shape.members.iter().any(|m| m.ty.is_some());
    let payload_offset = uses_payload_offset.then(|| {
        quote!(let payload_offset = const { #rt::__internal::layout::payload_offset(#cases, #max_align) };)
    });
    quote! {
        #[automatically_derived]
        #header {
            #[inline]
            fn lift_flat(
                cx: &mut #rt::LiftContext<#lifetime>,
                src: &mut #rt::FlatReader<'_>,
            ) -> #rt::Result<Self> {
                let _ = &cx; // Unused when no case has a payload.
                let payload_flat = const { #payload_flat };
                match src.next_i32()? {
                    #(#flat_arms)*
                    discriminant => #rt::__internal::invalid_discriminant(discriminant, #cases),
                }
            }

            #[inline]
            fn load(cx: &mut #rt::LiftContext<#lifetime>, bytes: &#lifetime [u8]) -> #rt::Result<Self> {
                let _ = &cx; // Unused when no case has a payload.
                let width = const { #rt::__internal::layout::discriminant_size(#cases) };
                #payload_offset
                match #rt::__internal::load_le_uint(bytes, width)? {
                    #(#load_arms)*
                    discriminant => #rt::__internal::invalid_discriminant(discriminant, #cases),
                }
            }
        }
    }
}
