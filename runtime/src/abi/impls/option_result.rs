//! `option<T>` as `Option<T>` and `result<T, E>` as `Result<T, E>`, with `()`
//! standing for an absent payload.

use super::type_mismatch;
use crate::abi::context::{LiftContext, LowerContext};
use crate::abi::flat::{FlatReader, FlatWriter};
use crate::abi::layout;
use crate::abi::memory::GuestMemory;
use crate::abi::traits::{ComponentType, Lift, Lower};
use crate::error::{Result, Trap, trap};
use crate::types::Type;

/// Checks a payload type against `ty`, where `()` (the only zero-sized
/// component type) means "no payload".
pub fn typecheck_payload<T: ComponentType>(ty: Option<&Type>) -> Result<()> {
    match ty {
        Some(ty) if T::SIZE32 != 0 => T::typecheck(ty),
        None if T::SIZE32 == 0 => Ok(()),
        Some(ty) => anyhow::bail!("type mismatch: expected no payload, found `{ty}`"),
        None => anyhow::bail!("type mismatch: expected a payload, found none"),
    }
}

/// Reads a two-case discriminant from flat values.
#[inline]
fn two_case_discriminant(src: &mut FlatReader<'_>) -> Result<bool> {
    match src.next_i32()? {
        0 => Ok(false),
        1 => Ok(true),
        discriminant => trap(Trap::InvalidDiscriminant {
            discriminant,
            cases: 2,
        }),
    }
}

/// Reads a two-case discriminant byte from memory.
#[inline]
fn two_case_discriminant_byte(bytes: &[u8]) -> Result<bool> {
    match bytes.first() {
        Some(0) => Ok(false),
        Some(1) => Ok(true),
        Some(&d) => trap(Trap::InvalidDiscriminant {
            discriminant: u32::from(d),
            cases: 2,
        }),
        None => anyhow::bail!("empty memory range for a discriminant"),
    }
}

/// The payload bytes of a two-case variant whose payload has `size` bytes.
#[inline]
fn payload(bytes: &[u8], offset: usize, size: usize) -> Result<&[u8]> {
    match bytes.get(offset..offset + size) {
        Some(b) => Ok(b),
        None => anyhow::bail!("variant payload out of its memory range"),
    }
}

impl<T: ComponentType> ComponentType for Option<T> {
    const SIZE32: usize = layout::variant_size(2, T::SIZE32, T::ALIGN32 as usize);
    const ALIGN32: u32 = layout::variant_align(2, T::ALIGN32 as usize) as u32;
    const FLAT_COUNT: usize = 1 + T::FLAT_COUNT;
    const MAY_HOLD_HANDLES: bool = T::MAY_HOLD_HANDLES;

    fn typecheck(ty: &Type) -> Result<()> {
        match ty {
            Type::Option(o) => T::typecheck(o.some()),
            other => Err(type_mismatch("option<_>", other)),
        }
    }

    #[inline]
    fn check_handles(&self, ty: &Type) -> Result<()> {
        match (self, ty) {
            (Some(v), Type::Option(o)) if T::MAY_HOLD_HANDLES => v.check_handles(o.some()),
            _ => Ok(()),
        }
    }
}

/// Offset of the payload of `Option<T>`.
struct OptionLayout<T>(core::marker::PhantomData<T>);

impl<T: ComponentType> OptionLayout<T> {
    const PAYLOAD: usize = layout::payload_offset(2, T::ALIGN32 as usize);
}

impl<T: Lower> Lower for Option<T> {
    #[inline]
    fn lower_flat<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        dst: &mut FlatWriter<'_>,
    ) -> Result<()> {
        match self {
            None => {
                dst.push(0)?;
                dst.pad(T::FLAT_COUNT)
            }
            Some(v) => {
                dst.push(1)?;
                v.lower_flat(cx, dst)
            }
        }
    }

    #[inline]
    fn store<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        offset: usize,
    ) -> Result<()> {
        match self {
            None => cx.write(offset, [0]),
            Some(v) => {
                cx.write(offset, [1])?;
                v.store(cx, offset + OptionLayout::<T>::PAYLOAD)
            }
        }
    }
}

impl<'a, T: Lift<'a>> Lift<'a> for Option<T> {
    #[inline]
    fn lift_flat(cx: &mut LiftContext<'a>, src: &mut FlatReader<'_>) -> Result<Self> {
        if two_case_discriminant(src)? {
            Ok(Some(T::lift_flat(cx, src)?))
        } else {
            src.skip(T::FLAT_COUNT)?;
            Ok(None)
        }
    }

    #[inline]
    fn load(cx: &mut LiftContext<'a>, bytes: &'a [u8]) -> Result<Self> {
        if two_case_discriminant_byte(bytes)? {
            Ok(Some(T::load(
                cx,
                payload(bytes, OptionLayout::<T>::PAYLOAD, T::SIZE32)?,
            )?))
        } else {
            Ok(None)
        }
    }
}

impl<T: ComponentType, E: ComponentType> ComponentType for Result<T, E> {
    const SIZE32: usize = layout::variant_size(
        2,
        layout::max(T::SIZE32, E::SIZE32),
        layout::max(T::ALIGN32 as usize, E::ALIGN32 as usize),
    );
    const ALIGN32: u32 =
        layout::variant_align(2, layout::max(T::ALIGN32 as usize, E::ALIGN32 as usize)) as u32;
    const FLAT_COUNT: usize = 1 + layout::max(T::FLAT_COUNT, E::FLAT_COUNT);
    const MAY_HOLD_HANDLES: bool = T::MAY_HOLD_HANDLES || E::MAY_HOLD_HANDLES;

    fn typecheck(ty: &Type) -> Result<()> {
        match ty {
            Type::Result(r) => {
                typecheck_payload::<T>(r.ok())?;
                typecheck_payload::<E>(r.err())
            }
            other => Err(type_mismatch("result<_, _>", other)),
        }
    }

    #[inline]
    fn check_handles(&self, ty: &Type) -> Result<()> {
        if !Self::MAY_HOLD_HANDLES {
            return Ok(());
        }
        match (self, ty) {
            (Ok(v), Type::Result(r)) => check_payload_handles(v, r.ok()),
            (Err(e), Type::Result(r)) => check_payload_handles(e, r.err()),
            (_, other) => Err(type_mismatch("result<_, _>", other)),
        }
    }
}

/// [`ComponentType::check_handles`] of a payload, where no type means no
/// payload (and so no handles).
#[inline]
fn check_payload_handles<T: ComponentType>(value: &T, ty: Option<&Type>) -> Result<()> {
    match ty {
        Some(ty) if T::MAY_HOLD_HANDLES => value.check_handles(ty),
        _ => Ok(()),
    }
}

/// Layout constants of `Result<T, E>` that are not part of [`ComponentType`].
struct ResultLayout<T, E>(core::marker::PhantomData<(T, E)>);

impl<T: ComponentType, E: ComponentType> ResultLayout<T, E> {
    const PAYLOAD: usize =
        layout::payload_offset(2, layout::max(T::ALIGN32 as usize, E::ALIGN32 as usize));
    const PAYLOAD_FLAT: usize = layout::max(T::FLAT_COUNT, E::FLAT_COUNT);
}

impl<T: Lower, E: Lower> Lower for Result<T, E> {
    #[inline]
    fn lower_flat<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        dst: &mut FlatWriter<'_>,
    ) -> Result<()> {
        let flat = ResultLayout::<T, E>::PAYLOAD_FLAT;
        match self {
            Ok(v) => {
                dst.push(0)?;
                v.lower_flat(cx, dst)?;
                dst.pad(flat - T::FLAT_COUNT)
            }
            Err(e) => {
                dst.push(1)?;
                e.lower_flat(cx, dst)?;
                dst.pad(flat - E::FLAT_COUNT)
            }
        }
    }

    #[inline]
    fn store<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        offset: usize,
    ) -> Result<()> {
        let at = offset + ResultLayout::<T, E>::PAYLOAD;
        match self {
            Ok(v) => {
                cx.write(offset, [0])?;
                v.store(cx, at)
            }
            Err(e) => {
                cx.write(offset, [1])?;
                e.store(cx, at)
            }
        }
    }
}

impl<'a, T: Lift<'a>, E: Lift<'a>> Lift<'a> for Result<T, E> {
    #[inline]
    fn lift_flat(cx: &mut LiftContext<'a>, src: &mut FlatReader<'_>) -> Result<Self> {
        let flat = ResultLayout::<T, E>::PAYLOAD_FLAT;
        if two_case_discriminant(src)? {
            let e = E::lift_flat(cx, src)?;
            src.skip(flat - E::FLAT_COUNT)?;
            Ok(Err(e))
        } else {
            let v = T::lift_flat(cx, src)?;
            src.skip(flat - T::FLAT_COUNT)?;
            Ok(Ok(v))
        }
    }

    #[inline]
    fn load(cx: &mut LiftContext<'a>, bytes: &'a [u8]) -> Result<Self> {
        let at = ResultLayout::<T, E>::PAYLOAD;
        if two_case_discriminant_byte(bytes)? {
            Ok(Err(E::load(cx, payload(bytes, at, E::SIZE32)?)?))
        } else {
            Ok(Ok(T::load(cx, payload(bytes, at, T::SIZE32)?)?))
        }
    }
}
