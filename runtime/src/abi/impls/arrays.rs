//! `list<T, N>` (a fixed-length list) as the Rust array `[T; N]`: `N`
//! elements stored inline one after another and flattened one after
//! another, like a tuple of `N` `T`s.

use super::type_mismatch;
use crate::abi::context::{LiftContext, LowerContext};
use crate::abi::flat::{FlatReader, FlatWriter};
use crate::abi::memory::GuestMemory;
use crate::abi::traits::{ComponentType, Lift, Lower};
use crate::error::Result;
use crate::types::Type;

impl<T: ComponentType, const N: usize> ComponentType for [T; N] {
    const SIZE32: usize = T::SIZE32 * N;
    const ALIGN32: u32 = T::ALIGN32;
    const FLAT_COUNT: usize = T::FLAT_COUNT * N;
    const MAY_HOLD_HANDLES: bool = T::MAY_HOLD_HANDLES;

    fn typecheck(ty: &Type) -> Result<()> {
        match ty {
            Type::FixedList(list) if list.len() as usize == N => T::typecheck(list.element()),
            other => Err(type_mismatch(&format!("list<_, {N}>"), other)),
        }
    }

    #[inline]
    fn check_handles(&self, ty: &Type) -> Result<()> {
        match ty {
            Type::FixedList(list) if T::MAY_HOLD_HANDLES => self
                .iter()
                .try_for_each(|v| v.check_handles(list.element())),
            _ => Ok(()),
        }
    }
}

impl<T: Lower, const N: usize> Lower for [T; N] {
    #[inline]
    fn lower_flat<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        dst: &mut FlatWriter<'_>,
    ) -> Result<()> {
        self.iter().try_for_each(|v| v.lower_flat(cx, dst))
    }

    #[inline]
    fn store<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        offset: usize,
    ) -> Result<()> {
        T::store_list(cx, self, offset)
    }
}

impl<'a, T: Lift<'a>, const N: usize> Lift<'a> for [T; N] {
    #[inline]
    fn lift_flat(cx: &mut LiftContext<'a>, src: &mut FlatReader<'_>) -> Result<Self> {
        let items = (0..N)
            .map(|_| T::lift_flat(cx, src))
            .collect::<Result<Vec<T>>>()?;
        into_array(items)
    }

    #[inline]
    fn load(cx: &mut LiftContext<'a>, bytes: &'a [u8]) -> Result<Self> {
        into_array(T::load_list(cx, bytes, N)?)
    }
}

/// The `N` lifted elements as an array.
fn into_array<T, const N: usize>(items: Vec<T>) -> Result<[T; N]> {
    let len = items.len();
    match <[T; N]>::try_from(items) {
        Ok(array) => Ok(array),
        Err(_) => anyhow::bail!("lifted {len} elements for a list of {N}"),
    }
}
