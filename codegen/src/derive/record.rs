//! The impls of a derived record or tuple (a tuple lays out as a record of
//! its elements): fields stored one after another at compile-time offsets,
//! flattened one after another.

use proc_macro2::{Literal, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::{Shape, ShapeKind};
use crate::runtime;

/// `(SIZE32, ALIGN32)` of every field, as a `const` array expression.
fn layouts(shape: &Shape<'_>) -> TokenStream {
    let rt = runtime();
    let types = shape.types();
    quote!([#((<#types as #rt::ComponentType>::SIZE32, <#types as #rt::ComponentType>::ALIGN32)),*])
}

pub(crate) fn component_type(shape: &Shape<'_>) -> TokenStream {
    let rt = runtime();
    let ident = &shape.input.ident;
    let (impl_generics, ty_generics, _) = shape.input.generics.split_for_impl();
    let where_clause = shape.where_clause(&quote!(#rt::ComponentType));
    let types = shape.types();
    let layouts = layouts(shape);
    let rust_name = shape.rust_name();
    let names = shape.wit_names();
    let vars: Vec<_> = (0..types.len())
        .map(|i| quote::format_ident!("field{i}"))
        .collect();
    let checks = types.iter().zip(&names).zip(&vars).map(|((ty, name), var)| {
        quote_spanned! {ty.span()=>
            #rt::__internal::in_member(#rust_name, #name, <#ty as #rt::ComponentType>::typecheck(#var))?;
        }
    });
    let members = match shape.kind {
        ShapeKind::Tuple => quote!(#rt::__internal::tuple_elements(#rust_name, ty)),
        _ => quote!(#rt::__internal::record_fields(#rust_name, &[#(#names),*], ty)),
    };
    let fields: Vec<_> = shape.members.iter().map(|m| &m.access).collect();
    let handle_checks = fields
        .iter()
        .zip(&types)
        .enumerate()
        .map(|(i, (field, ty))| {
            quote_spanned! {ty.span()=>
                if <#ty as #rt::ComponentType>::MAY_HOLD_HANDLES {
                    let ty = #rt::__internal::member_type(ty, #i)?;
                    #rt::__internal::check_field_handles::<#ty>(&self.#field, ty)?;
                }
            }
        });
    quote! {
        #[automatically_derived]
        impl #impl_generics #rt::ComponentType for #ident #ty_generics #where_clause {
            const SIZE32: usize = #rt::__internal::record_size(&#layouts);
            const ALIGN32: u32 = #rt::__internal::record_align(&#layouts);
            const FLAT_COUNT: usize = 0 #(+ <#types as #rt::ComponentType>::FLAT_COUNT)*;
            const MAY_HOLD_HANDLES: bool =
                false #(|| <#types as #rt::ComponentType>::MAY_HOLD_HANDLES)*;

            fn typecheck(ty: &#rt::Type) -> #rt::Result<()> {
                let [#(#vars),*] = #members?;
                #(#checks)*
                ::core::result::Result::Ok(())
            }

            #[inline]
            fn check_handles(&self, ty: &#rt::Type) -> #rt::Result<()> {
                if !<Self as #rt::ComponentType>::MAY_HOLD_HANDLES {
                    return ::core::result::Result::Ok(());
                }
                let _ = ty;
                #(#handle_checks)*
                ::core::result::Result::Ok(())
            }
        }
    }
}

pub(crate) fn lower(shape: &Shape<'_>) -> TokenStream {
    let rt = runtime();
    let ident = &shape.input.ident;
    let (impl_generics, ty_generics, _) = shape.input.generics.split_for_impl();
    let where_clause = shape.where_clause(&quote!(#rt::Lower));
    let layouts = layouts(shape);
    let fields: Vec<_> = shape.members.iter().map(|m| &m.access).collect();
    let types = shape.types();
    let index = (0..fields.len()).map(Literal::usize_unsuffixed);
    let flat = fields.iter().zip(&types).map(|(field, ty)| {
        quote_spanned! {ty.span()=> <#ty as #rt::Lower>::lower_flat(&self.#field, cx, dst)?; }
    });
    let store = fields.iter().zip(&types).zip(index).map(|((field, ty), i)| {
        quote_spanned! {ty.span()=> <#ty as #rt::Lower>::store(&self.#field, cx, offset + offsets[#i])?; }
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
                #(#flat)*
                ::core::result::Result::Ok(())
            }

            #[inline]
            fn store<M: #rt::GuestMemory + ?::core::marker::Sized>(
                &self,
                cx: &mut #rt::LowerContext<'_, M>,
                offset: usize,
            ) -> #rt::Result<()> {
                let offsets = const { #rt::__internal::record_offsets(#layouts) };
                #(#store)*
                ::core::result::Result::Ok(())
            }
        }
    }
}

pub(crate) fn lift(shape: &Shape<'_>) -> TokenStream {
    let rt = runtime();
    let (lifetime, header) = shape.lift_impl(&rt);
    let layouts = layouts(shape);
    let fields: Vec<_> = shape.members.iter().map(|m| &m.access).collect();
    let types = shape.types();
    let flat = fields.iter().zip(&types).map(|(field, ty)| {
        quote_spanned! {ty.span()=> #field: <#ty as #rt::Lift<#lifetime>>::lift_flat(cx, src)?, }
    });
    let index = (0..fields.len()).map(Literal::usize_unsuffixed);
    let load = fields.iter().zip(&types).zip(index).map(|((field, ty), i)| {
        quote_spanned! {ty.span()=>
            #field: <#ty as #rt::Lift<#lifetime>>::load(
                cx,
                #rt::__internal::slice(bytes, offsets[#i], <#ty as #rt::ComponentType>::SIZE32)?,
            )?,
        }
    });
    quote! {
        #[automatically_derived]
        #header {
            #[inline]
            fn lift_flat(
                cx: &mut #rt::LiftContext<#lifetime>,
                src: &mut #rt::FlatReader<'_>,
            ) -> #rt::Result<Self> {
                ::core::result::Result::Ok(Self { #(#flat)* })
            }

            #[inline]
            fn load(cx: &mut #rt::LiftContext<#lifetime>, bytes: &#lifetime [u8]) -> #rt::Result<Self> {
                let offsets = const { #rt::__internal::record_offsets(#layouts) };
                ::core::result::Result::Ok(Self { #(#load)* })
            }
        }
    }
}
