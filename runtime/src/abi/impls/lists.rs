//! `list<T>` as `[T]`, `Vec<T>` and `Box<[T]>`, and references to any
//! lowerable type. A list of pairs also represents `map<K, V>`, which
//! travels as `list<tuple<K, V>>`: the entries exactly as they travel,
//! duplicate keys included.

use super::{load_pointer_pair, store_pointer_pair, type_mismatch};
use crate::abi::context::{LiftContext, LowerContext};
use crate::abi::flat::{FlatReader, FlatWriter};
use crate::abi::memory::GuestMemory;
use crate::abi::options::MAX_LIST_BYTE_LENGTH;
use crate::abi::traits::{ComponentType, Lift, Lower};
use crate::error::{Result, Trap, trap};
use crate::types::Type;

/// The byte length of `len` elements of `size` bytes, or
/// [`Trap::ListTooLong`] past `MAX_LIST_BYTE_LENGTH`.
#[inline]
pub(crate) fn list_byte_length(len: u64, size: usize) -> Result<u32> {
    let byte_length = len * size as u64;
    if byte_length > u64::from(MAX_LIST_BYTE_LENGTH) {
        return trap(Trap::ListTooLong {
            byte_length,
            max: MAX_LIST_BYTE_LENGTH,
        });
    }
    Ok(byte_length as u32)
}

/// `store_list_into_range`: allocates the list body with `realloc` and
/// stores the elements into it.
pub fn lower_list<T: Lower, M: GuestMemory + ?Sized>(
    cx: &mut LowerContext<'_, M>,
    items: &[T],
) -> Result<(u32, u32)> {
    let ptr = allocate_list(cx, items.len(), T::SIZE32, T::ALIGN32)?;
    T::store_list(cx, items, ptr as usize)?;
    Ok((ptr, items.len() as u32))
}

/// The allocation half of `store_list_into_range`: checks the byte length of
/// `len` elements of `size` bytes against `MAX_LIST_BYTE_LENGTH`, takes that
/// much fuel and asks `realloc` for the list body aligned to `align`.
pub(crate) fn allocate_list<M: GuestMemory + ?Sized>(
    cx: &mut LowerContext<'_, M>,
    len: usize,
    size: usize,
    align: u32,
) -> Result<u32> {
    let byte_length = list_byte_length(len as u64, size)?;
    cx.consume_fuel(u64::from(byte_length))?;
    cx.realloc(0, 0, align, byte_length)
}

/// `load_list_from_range`: checks the length limit, alignment and bounds of a
/// list body and returns its bytes.
pub fn lift_list_bytes<'a>(
    cx: &mut LiftContext<'a>,
    ptr: u32,
    len: u32,
    size: usize,
    align: u32,
) -> Result<&'a [u8]> {
    let byte_length = list_byte_length(u64::from(len), size)?;
    let bytes = cx.guest_range(ptr, u64::from(byte_length), align)?;
    cx.consume_fuel(u64::from(byte_length))?;
    Ok(bytes)
}

fn lift_vec<'a, T: Lift<'a>>(cx: &mut LiftContext<'a>, ptr: u32, len: u32) -> Result<Vec<T>> {
    let bytes = lift_list_bytes(cx, ptr, len, T::SIZE32, T::ALIGN32)?;
    // The host's elements may be larger than the guest's (a `String` is 24
    // bytes, its guest pointer and length 8): charge the difference too.
    let host = std::mem::size_of::<T>().saturating_sub(T::SIZE32) as u64;
    if host > 0 {
        cx.consume_fuel(host * u64::from(len))?;
    }
    T::load_list(cx, bytes, len as usize)
}

impl<T: ComponentType> ComponentType for [T] {
    const SIZE32: usize = 8;
    const ALIGN32: u32 = 4;
    const FLAT_COUNT: usize = 2;
    const MAY_HOLD_HANDLES: bool = T::MAY_HOLD_HANDLES;

    fn typecheck(ty: &Type) -> Result<()> {
        match ty {
            Type::List(list) => T::typecheck(list.element()),
            Type::Map(map) => T::typecheck(map.entry()),
            other => Err(type_mismatch("list<_>", other)),
        }
    }

    #[inline]
    fn check_handles(&self, ty: &Type) -> Result<()> {
        if !T::MAY_HOLD_HANDLES {
            return Ok(());
        }
        match ty {
            Type::List(list) => self
                .iter()
                .try_for_each(|v| v.check_handles(list.element())),
            Type::Map(map) => self.iter().try_for_each(|v| v.check_handles(map.entry())),
            other => Err(type_mismatch("list<_>", other)),
        }
    }
}

impl<T: Lower> Lower for [T] {
    #[inline]
    fn lower_flat<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        dst: &mut FlatWriter<'_>,
    ) -> Result<()> {
        let (ptr, len) = lower_list(cx, self)?;
        dst.push(u64::from(ptr))?;
        dst.push(u64::from(len))
    }

    #[inline]
    fn store<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        offset: usize,
    ) -> Result<()> {
        let pair = lower_list(cx, self)?;
        store_pointer_pair(cx, offset, pair)
    }
}

macro_rules! owned_list {
    ($($ty:ident),*) => {$(
        impl<T: ComponentType> ComponentType for $ty<T> {
            const SIZE32: usize = 8;
            const ALIGN32: u32 = 4;
            const FLAT_COUNT: usize = 2;
            const MAY_HOLD_HANDLES: bool = T::MAY_HOLD_HANDLES;

            fn typecheck(ty: &Type) -> Result<()> {
                <[T]>::typecheck(ty)
            }

            #[inline]
            fn check_handles(&self, ty: &Type) -> Result<()> {
                self[..].check_handles(ty)
            }
        }

        impl<T: Lower> Lower for $ty<T> {
            #[inline]
            fn lower_flat<M: GuestMemory + ?Sized>(
                &self,
                cx: &mut LowerContext<'_, M>,
                dst: &mut FlatWriter<'_>,
            ) -> Result<()> {
                self[..].lower_flat(cx, dst)
            }

            #[inline]
            fn store<M: GuestMemory + ?Sized>(
                &self,
                cx: &mut LowerContext<'_, M>,
                offset: usize,
            ) -> Result<()> {
                self[..].store(cx, offset)
            }
        }

        impl<'a, T: Lift<'a>> Lift<'a> for $ty<T> {
            #[inline]
            fn lift_flat(cx: &mut LiftContext<'a>, src: &mut FlatReader<'_>) -> Result<Self> {
                let ptr = src.next_i32()?;
                let len = src.next_i32()?;
                Ok(lift_vec(cx, ptr, len)?.into())
            }

            #[inline]
            fn load(cx: &mut LiftContext<'a>, bytes: &'a [u8]) -> Result<Self> {
                let (ptr, len) = load_pointer_pair(bytes)?;
                Ok(lift_vec(cx, ptr, len)?.into())
            }
        }
    )*};
}

type BoxSlice<T> = Box<[T]>;
owned_list!(Vec, BoxSlice);

impl<T: ComponentType + ?Sized> ComponentType for &T {
    const SIZE32: usize = T::SIZE32;
    const ALIGN32: u32 = T::ALIGN32;
    const FLAT_COUNT: usize = T::FLAT_COUNT;
    const MAY_HOLD_HANDLES: bool = T::MAY_HOLD_HANDLES;
    const DYNAMIC: bool = T::DYNAMIC;

    fn typecheck(ty: &Type) -> Result<()> {
        T::typecheck(ty)
    }

    fn typecheck_in_signature(ty: &Type) -> Result<()> {
        T::typecheck_in_signature(ty)
    }

    #[inline]
    fn check_handles(&self, ty: &Type) -> Result<()> {
        (**self).check_handles(ty)
    }
}

impl<T: Lower + ?Sized> Lower for &T {
    #[inline]
    fn lower_flat<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        dst: &mut FlatWriter<'_>,
    ) -> Result<()> {
        (**self).lower_flat(cx, dst)
    }

    #[inline]
    fn store<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        offset: usize,
    ) -> Result<()> {
        (**self).store(cx, offset)
    }

    #[inline]
    fn lower_flat_as<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        ty: &Type,
        dst: &mut FlatWriter<'_>,
    ) -> Result<()> {
        (**self).lower_flat_as(cx, ty, dst)
    }

    #[inline]
    fn store_as<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        ty: &Type,
        offset: usize,
    ) -> Result<()> {
        (**self).store_as(cx, ty, offset)
    }
}
