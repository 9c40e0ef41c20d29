//! The three traits every value crossing the component boundary implements.

use crate::abi::context::{LiftContext, LowerContext};
use crate::abi::flat::{FlatReader, FlatWriter};
use crate::abi::memory::GuestMemory;
use crate::error::Result;
use crate::types::Type;

/// A Rust type with a Canonical ABI representation.
///
/// The layout constants are the spec's `elem_size`, `alignment` and the
/// length of `flatten_type`, fixed at compile time. Lift and lower code reads
/// memory through checked accessors, so a wrong constant gives wrong values or
/// an error, never undefined behaviour.
pub trait ComponentType {
    /// Size in bytes in linear memory.
    const SIZE32: usize;
    /// Alignment in bytes in linear memory (a power of two).
    const ALIGN32: u32;
    /// How many flat core values the type takes.
    const FLAT_COUNT: usize;

    /// Whether a value of this type may hold a resource handle. Containers
    /// are `true` when an element type is; a lazy
    /// [`WasmList`](crate::WasmList) refuses such elements at compile time,
    /// and only such types walk their values in
    /// [`check_handles`](ComponentType::check_handles).
    const MAY_HOLD_HANDLES: bool = false;

    /// Checks that this Rust type represents the component-level type `ty`,
    /// with an error naming both when it does not.
    fn typecheck(ty: &Type) -> Result<()>;

    /// Checks that every handle in the value whose Rust type does not fix
    /// its resource type (a [`ResourceAny`](crate::ResourceAny)) is of the
    /// resource type `ty` names at its place, as the spec's `lift_own` and
    /// `lift_borrow` do; `ty` has passed [`typecheck`](Self::typecheck).
    /// Typed calls run it on the host's arguments before lowering them and
    /// on the values they lift. Containers pass each element its type;
    /// types that hold no handles keep this default, which checks nothing.
    fn check_handles(&self, ty: &Type) -> Result<()> {
        let _ = ty;
        Ok(())
    }

    /// [`check_handles`](Self::check_handles) for a parameter or result
    /// list, a Rust tuple whose element types are `types`.
    fn check_list_handles(&self, types: &[Type]) -> Result<()> {
        if Self::MAY_HOLD_HANDLES {
            self.check_handles(&Type::Tuple(crate::types::TupleType::new(types.to_vec())))
        } else {
            Ok(())
        }
    }
}

/// A Rust value that can be lowered into a guest.
pub trait Lower: ComponentType {
    /// Pushes the value's [`ComponentType::FLAT_COUNT`] flat core values.
    fn lower_flat<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        dst: &mut FlatWriter<'_>,
    ) -> Result<()>;

    /// Stores the value at `offset` in guest memory, which the caller has
    /// checked: `SIZE32` bytes there are in bounds and aligned.
    fn store<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        offset: usize,
    ) -> Result<()>;

    /// Stores `items` one after another from `offset`: the body of a list.
    /// Scalar types override this with a bulk copy.
    fn store_list<M: GuestMemory + ?Sized>(
        cx: &mut LowerContext<'_, M>,
        items: &[Self],
        offset: usize,
    ) -> Result<()>
    where
        Self: Sized,
    {
        for (i, item) in items.iter().enumerate() {
            item.store(cx, offset + i * Self::SIZE32)?;
        }
        Ok(())
    }
}

/// A Rust value that can be lifted out of a guest. `'a` is the lifetime of
/// the guest memory, which zero-copy views such as
/// [`WasmStr`](crate::WasmStr) borrow.
pub trait Lift<'a>: ComponentType + Sized {
    /// Reads the value from its [`ComponentType::FLAT_COUNT`] flat values.
    fn lift_flat(cx: &mut LiftContext<'a>, src: &mut FlatReader<'_>) -> Result<Self>;

    /// Reads the value from `bytes`, exactly `SIZE32` bytes of guest memory.
    fn load(cx: &mut LiftContext<'a>, bytes: &'a [u8]) -> Result<Self>;

    /// Reads `len` values from `bytes`, exactly `len * SIZE32` bytes of guest
    /// memory: the body of a list. Scalar types override this with a bulk copy.
    fn load_list(cx: &mut LiftContext<'a>, bytes: &'a [u8], len: usize) -> Result<Vec<Self>> {
        let mut out = Vec::with_capacity(len);
        for i in 0..len {
            let start = i * Self::SIZE32;
            let Some(element) = bytes.get(start..start + Self::SIZE32) else {
                anyhow::bail!(
                    "list body of {} bytes is too short for {len} elements",
                    bytes.len()
                );
            };
            out.push(Self::load(cx, element)?);
        }
        Ok(out)
    }

    /// Checks `len` values in `bytes` without keeping them: what a lazy
    /// [`WasmList`](crate::WasmList) does when it is created. Types for which
    /// every bit pattern is valid override this with a no-op.
    fn validate_list(cx: &mut LiftContext<'a>, bytes: &'a [u8], len: usize) -> Result<()> {
        for i in 0..len {
            let start = i * Self::SIZE32;
            let Some(element) = bytes.get(start..start + Self::SIZE32) else {
                anyhow::bail!(
                    "list body of {} bytes is too short for {len} elements",
                    bytes.len()
                );
            };
            Self::load(cx, element)?;
        }
        Ok(())
    }
}
