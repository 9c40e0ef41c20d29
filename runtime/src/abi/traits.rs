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

    /// Whether the value takes its layout from the component type it is
    /// lifted or lowered as, not from this Rust type: a
    /// [`Val`](crate::Val), or a tuple holding one. Such a type lifts and
    /// lowers only through the `*_as` methods ([`Lower::lower_flat_as`],
    /// [`Lower::store_as`], [`Lift::lift_flat_as`], [`Lift::load_as`]),
    /// which function calls use for their parameter and result lists, and
    /// its `SIZE32`, `ALIGN32` and `FLAT_COUNT` mean nothing. Every other
    /// type keeps this default, and its calls compile to what they were.
    const DYNAMIC: bool = false;

    /// Checks that this Rust type represents the component-level type `ty`,
    /// with an error naming both when it does not.
    fn typecheck(ty: &Type) -> Result<()>;

    /// [`typecheck`](Self::typecheck) where the value is lifted and
    /// lowered with `ty` at hand (the `*_as` methods): a function's
    /// parameter or result list, and the elements of tuples in it. Only a
    /// [`Val`](crate::Val), which matches any type there, and the tuples
    /// holding one differ from `typecheck`, which refuses a `Val` nested
    /// in a list, option, record, ..., whose layout would have to come
    /// from the Rust type.
    fn typecheck_in_signature(ty: &Type) -> Result<()> {
        Self::typecheck(ty)
    }

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

    /// [`lower_flat`](Self::lower_flat) as the component type `ty`, which
    /// passed [`typecheck_in_signature`](ComponentType::typecheck_in_signature):
    /// how calls lower their parameter and result lists. The default
    /// ignores `ty`; [`DYNAMIC`](ComponentType::DYNAMIC) types lower by it.
    #[inline(always)]
    fn lower_flat_as<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        ty: &Type,
        dst: &mut FlatWriter<'_>,
    ) -> Result<()> {
        let _ = ty;
        self.lower_flat(cx, dst)
    }

    /// [`store`](Self::store) as the component type `ty` (see
    /// [`lower_flat_as`](Self::lower_flat_as)); `offset` is checked for
    /// `ty`'s size and alignment.
    #[inline(always)]
    fn store_as<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        ty: &Type,
        offset: usize,
    ) -> Result<()> {
        let _ = ty;
        self.store(cx, offset)
    }

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

    /// [`lift_flat`](Self::lift_flat) as the component type `ty`, which
    /// passed [`typecheck_in_signature`](ComponentType::typecheck_in_signature):
    /// how calls lift their parameter and result lists. The default
    /// ignores `ty`; [`DYNAMIC`](ComponentType::DYNAMIC) types lift by it.
    #[inline(always)]
    fn lift_flat_as(cx: &mut LiftContext<'a>, ty: &Type, src: &mut FlatReader<'_>) -> Result<Self> {
        let _ = ty;
        Self::lift_flat(cx, src)
    }

    /// [`load`](Self::load) as the component type `ty` (see
    /// [`lift_flat_as`](Self::lift_flat_as)): `bytes` are `ty`'s size.
    #[inline(always)]
    fn load_as(cx: &mut LiftContext<'a>, ty: &Type, bytes: &'a [u8]) -> Result<Self> {
        let _ = ty;
        Self::load(cx, bytes)
    }

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
