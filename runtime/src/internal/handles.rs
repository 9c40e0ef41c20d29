//! Placeholder handle types for `bindgen!` output until the runtime has
//! typed resources: a raw handle index tagged with the resource's marker
//! type. They lift and lower the index only; no handle table is consulted.

use core::fmt;
use core::marker::PhantomData;

use crate::abi::context::{LiftContext, LowerContext};
use crate::abi::flat::{FlatReader, FlatWriter};
use crate::abi::impls::type_mismatch;
use crate::abi::memory::GuestMemory;
use crate::abi::traits::{ComponentType, Lift, Lower};
use crate::error::Result;
use crate::types::Type;

macro_rules! handle {
    ($name:ident, $variant:ident, $wit:literal, $doc:literal) => {
        #[doc = $doc]
        pub struct $name<R> {
            /// The handle's index in the guest's handle table.
            pub index: u32,
            resource: PhantomData<fn() -> R>,
        }

        impl<R> $name<R> {
            /// The handle with table index `index`.
            pub fn new(index: u32) -> Self {
                Self {
                    index,
                    resource: PhantomData,
                }
            }
        }

        impl<R> fmt::Debug for $name<R> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.index)
            }
        }

        impl<R> PartialEq for $name<R> {
            fn eq(&self, other: &Self) -> bool {
                self.index == other.index
            }
        }

        impl<R> ComponentType for $name<R> {
            const SIZE32: usize = 4;
            const ALIGN32: u32 = 4;
            const FLAT_COUNT: usize = 1;

            fn typecheck(ty: &Type) -> Result<()> {
                match ty {
                    Type::$variant(_) => Ok(()),
                    other => Err(type_mismatch($wit, other)),
                }
            }
        }

        impl<R> Lower for $name<R> {
            fn lower_flat<M: GuestMemory + ?Sized>(
                &self,
                _cx: &mut LowerContext<'_, M>,
                dst: &mut FlatWriter<'_>,
            ) -> Result<()> {
                dst.push(u64::from(self.index))
            }

            fn store<M: GuestMemory + ?Sized>(
                &self,
                cx: &mut LowerContext<'_, M>,
                offset: usize,
            ) -> Result<()> {
                cx.write(offset, self.index.to_le_bytes())
            }
        }

        impl<'a, R> Lift<'a> for $name<R> {
            fn lift_flat(_cx: &mut LiftContext<'a>, src: &mut FlatReader<'_>) -> Result<Self> {
                Ok(Self::new(src.next_i32()?))
            }

            fn load(_cx: &mut LiftContext<'a>, bytes: &'a [u8]) -> Result<Self> {
                Ok(Self::new(super::load_le_uint(bytes, 4)?))
            }
        }
    };
}

handle!(
    OwnHandle,
    Own,
    "own<_>",
    "An `own<R>` handle's raw index (placeholder until typed resources)."
);
handle!(
    BorrowHandle,
    Borrow,
    "borrow<_>",
    "A `borrow<R>` handle's raw index (placeholder until typed resources)."
);
