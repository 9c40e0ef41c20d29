//! `tuple<...>` as Rust tuples of 0 to 16 elements. `()` is the empty tuple,
//! which also stands for an absent payload and for "no parameters/results".

use super::type_mismatch;
use crate::abi::context::{LiftContext, LowerContext};
use crate::abi::flat::{FlatReader, FlatWriter};
use crate::abi::layout;
use crate::abi::memory::GuestMemory;
use crate::abi::traits::{ComponentType, Lift, Lower};
use crate::error::Result;
use crate::types::Type;

/// The element types of the tuple type `ty`, which must have `arity` of
/// them.
#[inline]
fn elements(ty: &Type, arity: usize) -> Result<&[Type]> {
    match ty {
        Type::Tuple(t) if t.types().len() == arity => Ok(t.types()),
        other => Err(type_mismatch(&format!("tuple of {arity} elements"), other)),
    }
}

macro_rules! tuples {
    ($(($($name:ident $idx:tt),*);)*) => {$(
        impl<$($name: ComponentType),*> ComponentType for ($($name,)*) {
            const SIZE32: usize = {
                #[allow(unused_mut)]
                let mut size = 0usize;
                $(size = layout::align_to(size, $name::ALIGN32 as usize) + $name::SIZE32;)*
                layout::align_to(size, Self::ALIGN32 as usize)
            };
            const ALIGN32: u32 = {
                #[allow(unused_mut)]
                let mut align = 1usize;
                $(align = layout::max(align, $name::ALIGN32 as usize);)*
                align as u32
            };
            const FLAT_COUNT: usize = 0 $(+ $name::FLAT_COUNT)*;
            const MAY_HOLD_HANDLES: bool = false $(|| $name::MAY_HOLD_HANDLES)*;
            const DYNAMIC: bool = false $(|| $name::DYNAMIC)*;

            fn typecheck(ty: &Type) -> Result<()> {
                #[allow(unused_variables)]
                let types = elements(ty, 0 $(+ { let _ = $idx; 1 })*)?;
                $($name::typecheck(&types[$idx])?;)*
                Ok(())
            }

            fn typecheck_in_signature(ty: &Type) -> Result<()> {
                #[allow(unused_variables)]
                let types = elements(ty, 0 $(+ { let _ = $idx; 1 })*)?;
                $($name::typecheck_in_signature(&types[$idx])?;)*
                Ok(())
            }

            #[inline]
            fn check_handles(&self, ty: &Type) -> Result<()> {
                if !Self::MAY_HOLD_HANDLES {
                    return Ok(());
                }
                match ty {
                    Type::Tuple(t) => self.check_list_handles(t.types()),
                    other => Err(type_mismatch("tuple", other)),
                }
            }

            #[inline]
            #[allow(unused_variables)]
            fn check_list_handles(&self, types: &[Type]) -> Result<()> {
                if !Self::MAY_HOLD_HANDLES {
                    return Ok(());
                }
                $(
                    if $name::MAY_HOLD_HANDLES {
                        match types.get($idx) {
                            Some(ty) => self.$idx.check_handles(ty)?,
                            None => anyhow::bail!("type mismatch: a tuple has fewer elements than its Rust type"),
                        }
                    }
                )*
                Ok(())
            }
        }

        impl<$($name: Lower),*> Lower for ($($name,)*) {
            #[inline]
            #[allow(unused_variables)]
            fn lower_flat<M: GuestMemory + ?Sized>(
                &self,
                cx: &mut LowerContext<'_, M>,
                dst: &mut FlatWriter<'_>,
            ) -> Result<()> {
                $(self.$idx.lower_flat(cx, dst)?;)*
                Ok(())
            }

            #[inline]
            #[allow(unused_variables, unused_mut, unused_assignments)]
            fn store<M: GuestMemory + ?Sized>(
                &self,
                cx: &mut LowerContext<'_, M>,
                offset: usize,
            ) -> Result<()> {
                let mut at = 0usize;
                $(
                    at = layout::align_to(at, $name::ALIGN32 as usize);
                    self.$idx.store(cx, offset + at)?;
                    at += $name::SIZE32;
                )*
                Ok(())
            }

            #[inline]
            #[allow(unused_variables)]
            fn lower_flat_as<M: GuestMemory + ?Sized>(
                &self,
                cx: &mut LowerContext<'_, M>,
                ty: &Type,
                dst: &mut FlatWriter<'_>,
            ) -> Result<()> {
                if !Self::DYNAMIC {
                    return self.lower_flat(cx, dst);
                }
                let types = elements(ty, 0 $(+ { let _ = $idx; 1 })*)?;
                $(self.$idx.lower_flat_as(cx, &types[$idx], dst)?;)*
                Ok(())
            }

            #[inline]
            #[allow(unused_variables, unused_mut, unused_assignments)]
            fn store_as<M: GuestMemory + ?Sized>(
                &self,
                cx: &mut LowerContext<'_, M>,
                ty: &Type,
                offset: usize,
            ) -> Result<()> {
                if !Self::DYNAMIC {
                    return self.store(cx, offset);
                }
                let types = elements(ty, 0 $(+ { let _ = $idx; 1 })*)?;
                let mut at = 0usize;
                $(
                    let element = &types[$idx];
                    at = layout::align_to(at, element.align32() as usize);
                    self.$idx.store_as(cx, element, offset + at)?;
                    at += element.size32() as usize;
                )*
                Ok(())
            }
        }

        impl<'a, $($name: Lift<'a>),*> Lift<'a> for ($($name,)*) {
            #[inline]
            #[allow(unused_variables)]
            fn lift_flat(cx: &mut LiftContext<'a>, src: &mut FlatReader<'_>) -> Result<Self> {
                Ok(($($name::lift_flat(cx, src)?,)*))
            }

            #[inline]
            #[allow(unused_variables, unused_mut, unused_assignments)]
            fn load(cx: &mut LiftContext<'a>, bytes: &'a [u8]) -> Result<Self> {
                let mut at = 0usize;
                Ok(($({
                    at = layout::align_to(at, $name::ALIGN32 as usize);
                    let Some(field) = bytes.get(at..at + $name::SIZE32) else {
                        anyhow::bail!("tuple element out of its memory range");
                    };
                    at += $name::SIZE32;
                    $name::load(cx, field)?
                },)*))
            }

            #[inline]
            #[allow(unused_variables)]
            fn lift_flat_as(
                cx: &mut LiftContext<'a>,
                ty: &Type,
                src: &mut FlatReader<'_>,
            ) -> Result<Self> {
                if !Self::DYNAMIC {
                    return Self::lift_flat(cx, src);
                }
                let types = elements(ty, 0 $(+ { let _ = $idx; 1 })*)?;
                Ok(($($name::lift_flat_as(cx, &types[$idx], src)?,)*))
            }

            #[inline]
            #[allow(unused_variables, unused_mut, unused_assignments)]
            fn load_as(cx: &mut LiftContext<'a>, ty: &Type, bytes: &'a [u8]) -> Result<Self> {
                if !Self::DYNAMIC {
                    return Self::load(cx, bytes);
                }
                let types = elements(ty, 0 $(+ { let _ = $idx; 1 })*)?;
                let mut at = 0usize;
                Ok(($({
                    let element = &types[$idx];
                    at = layout::align_to(at, element.align32() as usize);
                    let size = element.size32() as usize;
                    let Some(field) = bytes.get(at..at + size) else {
                        anyhow::bail!("tuple element out of its memory range");
                    };
                    at += size;
                    $name::load_as(cx, element, field)?
                },)*))
            }
        }
    )*};
}

tuples! {
    ();
    (A 0);
    (A 0, B 1);
    (A 0, B 1, C 2);
    (A 0, B 1, C 2, D 3);
    (A 0, B 1, C 2, D 3, E 4);
    (A 0, B 1, C 2, D 3, E 4, F 5);
    (A 0, B 1, C 2, D 3, E 4, F 5, G 6);
    (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);
    (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8);
    (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9);
    (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10);
    (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10, L 11);
    (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10, L 11, N 12);
    (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10, L 11, N 12, O 13);
    (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10, L 11, N 12, O 13, P 14);
    (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10, L 11, N 12, O 13, P 14, Q 15);
}
