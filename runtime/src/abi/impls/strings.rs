//! `string` as `str`, `String`, `Box<str>`, `Arc<str>` and `Cow<str>`.

use std::borrow::Cow;
use std::sync::Arc;

use super::{load_pointer_pair, store_pointer_pair, type_mismatch};
use crate::abi::context::{LiftContext, LowerContext};
use crate::abi::flat::{FlatReader, FlatWriter};
use crate::abi::memory::GuestMemory;
use crate::abi::strings::{lift_string, lower_string};
use crate::abi::traits::{ComponentType, Lift, Lower};
use crate::error::Result;
use crate::types::Type;

macro_rules! string_type {
    ($($ty:ty),*) => {$(
        impl ComponentType for $ty {
            const SIZE32: usize = 8;
            const ALIGN32: u32 = 4;
            const FLAT_COUNT: usize = 2;

            fn typecheck(ty: &Type) -> Result<()> {
                match ty {
                    Type::String => Ok(()),
                    other => Err(type_mismatch("string", other)),
                }
            }
        }

        impl Lower for $ty {
            #[inline]
            fn lower_flat<M: GuestMemory + ?Sized>(
                &self,
                cx: &mut LowerContext<'_, M>,
                dst: &mut FlatWriter<'_>,
            ) -> Result<()> {
                let (ptr, len) = lower_string(cx, self.as_ref())?;
                dst.push(u64::from(ptr))?;
                dst.push(u64::from(len))
            }

            #[inline]
            fn store<M: GuestMemory + ?Sized>(
                &self,
                cx: &mut LowerContext<'_, M>,
                offset: usize,
            ) -> Result<()> {
                let pair = lower_string(cx, self.as_ref())?;
                store_pointer_pair(cx, offset, pair)
            }
        }
    )*};
}

string_type!(str, String, Box<str>, Arc<str>, Cow<'_, str>);

macro_rules! lift_string_type {
    ($($ty:ty),*) => {$(
        impl<'a> Lift<'a> for $ty {
            #[inline]
            fn lift_flat(cx: &mut LiftContext<'a>, src: &mut FlatReader<'_>) -> Result<Self> {
                let ptr = src.next_i32()?;
                let len = src.next_i32()?;
                Ok(lift_string(cx, ptr, len)?.into())
            }

            #[inline]
            fn load(cx: &mut LiftContext<'a>, bytes: &'a [u8]) -> Result<Self> {
                let (ptr, len) = load_pointer_pair(bytes)?;
                Ok(lift_string(cx, ptr, len)?.into())
            }
        }
    )*};
}

lift_string_type!(String, Box<str>, Arc<str>, Cow<'a, str>);
