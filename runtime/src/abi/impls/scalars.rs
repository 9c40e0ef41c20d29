//! Booleans, integers, floats and `char`.

use super::{array, type_mismatch};
use crate::abi::context::{LiftContext, LowerContext};
use crate::abi::flat::{FlatReader, FlatWriter, f32_bits, f32_from_bits, f64_bits, f64_from_bits};
use crate::abi::memory::GuestMemory;
use crate::abi::traits::{ComponentType, Lift, Lower};
use crate::error::{Result, Trap, trap};
use crate::types::Type;

macro_rules! integers {
    ($($ty:ty => $variant:ident, $wit:literal, $to_flat:expr, $from_flat:expr;)*) => {$(
        impl ComponentType for $ty {
            const SIZE32: usize = core::mem::size_of::<$ty>();
            const ALIGN32: u32 = core::mem::size_of::<$ty>() as u32;
            const FLAT_COUNT: usize = 1;

            fn typecheck(ty: &Type) -> Result<()> {
                match ty {
                    Type::$variant => Ok(()),
                    other => Err(type_mismatch($wit, other)),
                }
            }
        }

        impl Lower for $ty {
            #[inline]
            fn lower_flat<M: GuestMemory + ?Sized>(
                &self,
                _cx: &mut LowerContext<'_, M>,
                dst: &mut FlatWriter<'_>,
            ) -> Result<()> {
                let to_flat: fn($ty) -> u64 = $to_flat;
                dst.push(to_flat(*self))
            }

            #[inline]
            fn store<M: GuestMemory + ?Sized>(
                &self,
                cx: &mut LowerContext<'_, M>,
                offset: usize,
            ) -> Result<()> {
                cx.write(offset, self.to_le_bytes())
            }

            #[inline]
            fn store_list<M: GuestMemory + ?Sized>(
                cx: &mut LowerContext<'_, M>,
                items: &[Self],
                offset: usize,
            ) -> Result<()> {
                if cfg!(target_endian = "little") {
                    cx.write_slice(offset, bytemuck::cast_slice(items))
                } else {
                    let dst = cx.slice_mut(offset, items.len() * Self::SIZE32)?;
                    for (chunk, item) in dst.chunks_exact_mut(Self::SIZE32).zip(items) {
                        chunk.copy_from_slice(&item.to_le_bytes());
                    }
                    Ok(())
                }
            }
        }

        impl<'a> Lift<'a> for $ty {
            #[inline]
            fn lift_flat(_cx: &mut LiftContext<'a>, src: &mut FlatReader<'_>) -> Result<Self> {
                let from_flat: fn(u64) -> $ty = $from_flat;
                Ok(from_flat(src.next_raw()?))
            }

            #[inline]
            fn load(_cx: &mut LiftContext<'a>, bytes: &'a [u8]) -> Result<Self> {
                Ok(<$ty>::from_le_bytes(array(bytes)?))
            }

            #[inline]
            fn load_list(_cx: &mut LiftContext<'a>, bytes: &'a [u8], len: usize) -> Result<Vec<Self>> {
                let bytes = bytes.get(..len * Self::SIZE32).unwrap_or(bytes);
                if cfg!(target_endian = "little") {
                    // An aligned body (the usual case: guest memory is page
                    // aligned and the pointer was checked) is one copy;
                    // `pod_collect_to_vec` would zero the vector first.
                    match bytemuck::try_cast_slice::<u8, Self>(bytes) {
                        Ok(items) => Ok(items.to_vec()),
                        Err(_) => Ok(bytemuck::pod_collect_to_vec(bytes)),
                    }
                } else {
                    Ok(bytes
                        .chunks_exact(Self::SIZE32)
                        .map(|c| <$ty>::from_le_bytes(c.try_into().unwrap_or_default()))
                        .collect())
                }
            }

            #[inline]
            fn validate_list(_cx: &mut LiftContext<'a>, _bytes: &'a [u8], _len: usize) -> Result<()> {
                Ok(())
            }
        }
    )*};
}

integers! {
    u8 => U8, "u8", |v| u64::from(v), |v| v as u8;
    i8 => S8, "s8", |v| u64::from(v as i32 as u32), |v| v as u8 as i8;
    u16 => U16, "u16", |v| u64::from(v), |v| v as u16;
    i16 => S16, "s16", |v| u64::from(v as i32 as u32), |v| v as u16 as i16;
    u32 => U32, "u32", |v| u64::from(v), |v| v as u32;
    i32 => S32, "s32", |v| u64::from(v as u32), |v| v as u32 as i32;
    u64 => U64, "u64", |v| v, |v| v;
    i64 => S64, "s64", |v| v as u64, |v| v as i64;
}

macro_rules! floats {
    ($($ty:ty => $variant:ident, $wit:literal, $bits:ident, $from_bits:ident, $raw:ty;)*) => {$(
        impl ComponentType for $ty {
            const SIZE32: usize = core::mem::size_of::<$ty>();
            const ALIGN32: u32 = core::mem::size_of::<$ty>() as u32;
            const FLAT_COUNT: usize = 1;

            fn typecheck(ty: &Type) -> Result<()> {
                match ty {
                    Type::$variant => Ok(()),
                    other => Err(type_mismatch($wit, other)),
                }
            }
        }

        impl Lower for $ty {
            #[inline]
            fn lower_flat<M: GuestMemory + ?Sized>(
                &self,
                _cx: &mut LowerContext<'_, M>,
                dst: &mut FlatWriter<'_>,
            ) -> Result<()> {
                dst.push(u64::from($bits(*self)))
            }

            #[inline]
            fn store<M: GuestMemory + ?Sized>(
                &self,
                cx: &mut LowerContext<'_, M>,
                offset: usize,
            ) -> Result<()> {
                cx.write(offset, $bits(*self).to_le_bytes())
            }

            fn store_list<M: GuestMemory + ?Sized>(
                cx: &mut LowerContext<'_, M>,
                items: &[Self],
                offset: usize,
            ) -> Result<()> {
                let dst = cx.slice_mut(offset, items.len() * Self::SIZE32)?;
                for (chunk, item) in dst.chunks_exact_mut(Self::SIZE32).zip(items) {
                    chunk.copy_from_slice(&$bits(*item).to_le_bytes());
                }
                Ok(())
            }
        }

        impl<'a> Lift<'a> for $ty {
            #[inline]
            fn lift_flat(_cx: &mut LiftContext<'a>, src: &mut FlatReader<'_>) -> Result<Self> {
                Ok($from_bits(src.next_raw()? as $raw))
            }

            #[inline]
            fn load(_cx: &mut LiftContext<'a>, bytes: &'a [u8]) -> Result<Self> {
                Ok($from_bits(<$raw>::from_le_bytes(array(bytes)?)))
            }

            fn load_list(_cx: &mut LiftContext<'a>, bytes: &'a [u8], len: usize) -> Result<Vec<Self>> {
                let bytes = bytes.get(..len * Self::SIZE32).unwrap_or(bytes);
                Ok(bytes
                    .chunks_exact(Self::SIZE32)
                    .map(|c| $from_bits(<$raw>::from_le_bytes(c.try_into().unwrap_or_default())))
                    .collect())
            }

            #[inline]
            fn validate_list(_cx: &mut LiftContext<'a>, _bytes: &'a [u8], _len: usize) -> Result<()> {
                Ok(())
            }
        }
    )*};
}

floats! {
    f32 => F32, "f32", f32_bits, f32_from_bits, u32;
    f64 => F64, "f64", f64_bits, f64_from_bits, u64;
}

impl ComponentType for bool {
    const SIZE32: usize = 1;
    const ALIGN32: u32 = 1;
    const FLAT_COUNT: usize = 1;

    fn typecheck(ty: &Type) -> Result<()> {
        match ty {
            Type::Bool => Ok(()),
            other => Err(type_mismatch("bool", other)),
        }
    }
}

impl Lower for bool {
    #[inline]
    fn lower_flat<M: GuestMemory + ?Sized>(
        &self,
        _cx: &mut LowerContext<'_, M>,
        dst: &mut FlatWriter<'_>,
    ) -> Result<()> {
        dst.push(u64::from(*self))
    }

    #[inline]
    fn store<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        offset: usize,
    ) -> Result<()> {
        cx.write(offset, [u8::from(*self)])
    }

    fn store_list<M: GuestMemory + ?Sized>(
        cx: &mut LowerContext<'_, M>,
        items: &[Self],
        offset: usize,
    ) -> Result<()> {
        let dst = cx.slice_mut(offset, items.len())?;
        for (byte, item) in dst.iter_mut().zip(items) {
            *byte = u8::from(*item);
        }
        Ok(())
    }
}

impl<'a> Lift<'a> for bool {
    #[inline]
    fn lift_flat(_cx: &mut LiftContext<'a>, src: &mut FlatReader<'_>) -> Result<Self> {
        Ok(src.next_i32()? != 0)
    }

    #[inline]
    fn load(_cx: &mut LiftContext<'a>, bytes: &'a [u8]) -> Result<Self> {
        let [b] = array(bytes)?;
        Ok(b != 0)
    }

    fn load_list(_cx: &mut LiftContext<'a>, bytes: &'a [u8], len: usize) -> Result<Vec<Self>> {
        Ok(bytes.iter().take(len).map(|&b| b != 0).collect())
    }

    #[inline]
    fn validate_list(_cx: &mut LiftContext<'a>, _bytes: &'a [u8], _len: usize) -> Result<()> {
        Ok(())
    }
}

/// `convert_i32_to_char`: a Unicode scalar value, or [`Trap::InvalidChar`].
#[inline]
pub(crate) fn char_from_u32(code: u32) -> Result<char> {
    match char::from_u32(code) {
        Some(c) => Ok(c),
        None => trap(Trap::InvalidChar(code)),
    }
}

impl ComponentType for char {
    const SIZE32: usize = 4;
    const ALIGN32: u32 = 4;
    const FLAT_COUNT: usize = 1;

    fn typecheck(ty: &Type) -> Result<()> {
        match ty {
            Type::Char => Ok(()),
            other => Err(type_mismatch("char", other)),
        }
    }
}

impl Lower for char {
    #[inline]
    fn lower_flat<M: GuestMemory + ?Sized>(
        &self,
        _cx: &mut LowerContext<'_, M>,
        dst: &mut FlatWriter<'_>,
    ) -> Result<()> {
        dst.push(u64::from(u32::from(*self)))
    }

    #[inline]
    fn store<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        offset: usize,
    ) -> Result<()> {
        cx.write(offset, u32::from(*self).to_le_bytes())
    }
}

impl<'a> Lift<'a> for char {
    #[inline]
    fn lift_flat(_cx: &mut LiftContext<'a>, src: &mut FlatReader<'_>) -> Result<Self> {
        char_from_u32(src.next_i32()?)
    }

    #[inline]
    fn load(_cx: &mut LiftContext<'a>, bytes: &'a [u8]) -> Result<Self> {
        char_from_u32(u32::from_le_bytes(array(bytes)?))
    }
}
