//! A function's parameter or result list crossing the boundary: the spec's
//! `lower_flat_values` and `lift_flat_values`, written once for typed lists
//! (a Rust tuple implementing [`Lower`]/[`Lift`], which may hold
//! [`Val`](crate::Val)s) and dynamic ones (a list of `Val`s), both with the
//! list's types as one tuple [`Type`].
//!
//! A list travels as flat core values while it needs at most `max_flat` of
//! them. Past that it spills to memory as a tuple passed by pointer: into
//! memory from the guest's `realloc` (the host's arguments to an export) or
//! at an out-pointer the guest passed (a host function's results); and it
//! is read from the tuple a pointer names (an export's results, a host
//! function's arguments).

use crate::abi::context::{LiftContext, LowerContext};
use crate::abi::flat::{FlatReader, FlatWriter};
use crate::abi::memory::{GuestMemory, check_aligned, check_range};
use crate::abi::traits::{ComponentType, Lift, Lower};
use crate::error::Result;
use crate::types::Type;

/// A list of values the host lowers; `ty` is the list's types as one
/// tuple type.
pub(crate) trait LowerList {
    /// Whether the list may hold handles as values the host converts
    /// itself ([`ResourceAny`](crate::ResourceAny)s, [`Val`](crate::Val)s):
    /// a host function returning such a list records its caller while it
    /// runs, which the store's conversions between
    /// [`Resource`](crate::Resource) and `ResourceAny` need.
    #[cfg(feature = "host")]
    const HOST_HANDLES: bool;

    /// Checks the resource types of the handles in the list against
    /// `ty` before anything is lowered (and so before the guest's
    /// `realloc` runs).
    fn check_handles(&self, ty: &Type) -> Result<()>;

    /// Lowers every value, in order, to flat values.
    fn lower_flat<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        ty: &Type,
        dst: &mut FlatWriter<'_>,
    ) -> Result<()>;

    /// Stores the values as a tuple at `ptr`.
    fn store<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        ty: &Type,
        ptr: usize,
    ) -> Result<()>;
}

/// A list of values the host lifts; `ty` is the list's types as one tuple
/// type.
pub(crate) trait LiftList<'a>: Sized {
    /// As [`LowerList::HOST_HANDLES`], for a host function's parameters.
    #[cfg(feature = "host")]
    const HOST_HANDLES: bool;

    /// Lifts the values from flat values.
    fn lift_flat(cx: &mut LiftContext<'a>, ty: &Type, src: &mut FlatReader<'_>) -> Result<Self>;

    /// Loads the values from the tuple in `bytes`.
    fn load(cx: &mut LiftContext<'a>, ty: &Type, bytes: &'a [u8]) -> Result<Self>;
}

/// A Rust tuple is a typed list; `ty` was checked against it already
/// (`typecheck_in_signature`), but for the resource types of its
/// [`ResourceAny`](crate::ResourceAny)s, which only the values know. The
/// `*_as` methods are the plain ones for every tuple without a
/// [`Val`](crate::Val).
impl<P: Lower + ?Sized> LowerList for P {
    #[cfg(feature = "host")]
    const HOST_HANDLES: bool = P::MAY_HOLD_HANDLES || P::DYNAMIC;

    #[inline(always)]
    fn check_handles(&self, ty: &Type) -> Result<()> {
        if P::MAY_HOLD_HANDLES {
            ComponentType::check_handles(self, ty)
        } else {
            Ok(())
        }
    }

    #[inline]
    fn lower_flat<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        ty: &Type,
        dst: &mut FlatWriter<'_>,
    ) -> Result<()> {
        Lower::lower_flat_as(self, cx, ty, dst)
    }

    #[inline]
    fn store<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        ty: &Type,
        ptr: usize,
    ) -> Result<()> {
        Lower::store_as(self, cx, ty, ptr)
    }
}

impl<'a, P: Lift<'a>> LiftList<'a> for P {
    #[cfg(feature = "host")]
    const HOST_HANDLES: bool = P::MAY_HOLD_HANDLES || P::DYNAMIC;

    #[inline]
    fn lift_flat(cx: &mut LiftContext<'a>, ty: &Type, src: &mut FlatReader<'_>) -> Result<Self> {
        let values: Self = Lift::lift_flat_as(cx, ty, src)?;
        if P::MAY_HOLD_HANDLES {
            values.check_handles(ty)?;
        }
        Ok(values)
    }

    #[inline]
    fn load(cx: &mut LiftContext<'a>, ty: &Type, bytes: &'a [u8]) -> Result<Self> {
        let values: Self = Lift::load_as(cx, ty, bytes)?;
        if P::MAY_HOLD_HANDLES {
            values.check_handles(ty)?;
        }
        Ok(values)
    }
}

/// How a list of types travels: its flat value count and, for when it
/// spills, the size and alignment of its tuple.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ListShape {
    /// How many flat values the list takes.
    pub(crate) flat: usize,
    /// The tuple's size in bytes.
    pub(crate) size: u32,
    /// The tuple's alignment.
    pub(crate) align: u32,
}

impl ListShape {
    /// The shape of a list whose types are the tuple type `tuple`.
    pub(crate) fn of(tuple: &Type) -> Self {
        Self {
            flat: tuple.flat_types().len(),
            size: tuple.size32(),
            align: tuple.align32(),
        }
    }

    /// Whether the list travels in memory past `max_flat` flat values.
    #[inline]
    pub(crate) fn spills(&self, max_flat: usize) -> bool {
        self.flat > max_flat
    }
}

/// Where a list that spills goes.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Spill {
    /// Into memory allocated with the guest's `realloc`; the pointer is the
    /// one flat value.
    Realloc,
    /// At the out-pointer the guest gave; no flat value.
    At(u32),
}

/// `lower_flat_values`: lowers `values` (of the tuple type `ty`, shaped
/// `shape`) into `dst`, or spills them as `spill` says past `max_flat` flat
/// values. Returns how many flat values it wrote.
#[inline]
pub(crate) fn lower_values<M, V>(
    cx: &mut LowerContext<'_, M>,
    max_flat: usize,
    ty: &Type,
    shape: ListShape,
    values: &V,
    dst: &mut [u64],
    spill: Spill,
) -> Result<usize>
where
    M: GuestMemory + ?Sized,
    V: LowerList + ?Sized,
{
    values.check_handles(ty)?;
    if shape.spills(max_flat) {
        let (ptr, written) = match spill {
            // `realloc` checks its result's alignment and range.
            Spill::Realloc => (cx.realloc(0, 0, shape.align, shape.size)?, 1),
            Spill::At(ptr) => {
                check_aligned(ptr, shape.align)?;
                check_range(ptr, u64::from(shape.size), cx.memory()?.len())?;
                (ptr, 0)
            }
        };
        values.store(cx, ty, ptr as usize)?;
        if written == 1 {
            match dst.first_mut() {
                Some(slot) => *slot = u64::from(ptr),
                None => anyhow::bail!("no room for the spilled list's pointer"),
            }
        }
        return Ok(written);
    }
    let Some(flat) = dst.get_mut(..shape.flat) else {
        anyhow::bail!(
            "{} flat values do not fit in {} slots",
            shape.flat,
            dst.len()
        );
    };
    let mut writer = FlatWriter::new(flat);
    values.lower_flat(cx, ty, &mut writer)?;
    if writer.len() != shape.flat {
        anyhow::bail!(
            "values lowered to {} core values, expected {}",
            writer.len(),
            shape.flat
        );
    }
    Ok(shape.flat)
}

/// `lift_flat_values`: lifts a list of the tuple type `ty` (shaped
/// `shape`) from the flat values in `src`, or, past `max_flat` of them,
/// from the tuple at the pointer that is `src`'s next value.
#[inline]
pub(crate) fn lift_values<'a, V: LiftList<'a>>(
    cx: &mut LiftContext<'a>,
    max_flat: usize,
    ty: &Type,
    shape: ListShape,
    src: &mut FlatReader<'_>,
) -> Result<V> {
    if shape.spills(max_flat) {
        let ptr = src.next_i32()?;
        let bytes = cx.guest_range(ptr, u64::from(shape.size), shape.align)?;
        return V::load(cx, ty, bytes);
    }
    V::lift_flat(cx, ty, src)
}

/// The element types of a list's tuple type.
pub(crate) fn list_types(ty: &Type) -> &[Type] {
    match ty {
        Type::Tuple(t) => t.types(),
        other => std::slice::from_ref(other),
    }
}
