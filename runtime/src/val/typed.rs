//! [`Val`] among typed values: [`ComponentType`], [`Lower`] and [`Lift`]
//! for a `Val` that stands for a whole parameter or result of a typed call
//! (or a tuple element of one), so a call can be partly typed:
//! `func.typed::<(u32, Val), (Val,)>()`.
//!
//! A `Val` has no layout of its own: it lifts and lowers as the type the
//! signature gives it at its place, which only the `*_as` methods receive
//! ([`ComponentType::DYNAMIC`]). Inside a list, option, record, ... the
//! enclosing Rust type would have to know its size, so
//! [`ComponentType::typecheck`] refuses it there; use a `Val` for the
//! enclosing value instead.

use crate::abi::context::{LiftContext, LowerContext};
use crate::abi::flat::{FlatReader, FlatWriter};
use crate::abi::memory::GuestMemory;
use crate::abi::traits::{ComponentType, Lift, Lower};
use crate::error::{Error, Result};
use crate::types::Type;

use super::Val;

/// The error of a `Val` lifted or lowered without its type.
fn untyped() -> Error {
    anyhow::anyhow!(
        "a `Val` lifts and lowers only as a whole parameter or result of a typed call (or a \
         tuple element of one), where the signature gives its type"
    )
}

/// A `Val` matches any type as a parameter or result; its layout constants
/// are placeholders ([`ComponentType::DYNAMIC`]).
impl ComponentType for Val {
    const SIZE32: usize = 0;
    const ALIGN32: u32 = 1;
    const FLAT_COUNT: usize = 0;
    const DYNAMIC: bool = true;

    /// Refuses the `Val` nested in another Rust type (a `Vec<Val>`, an
    /// `Option<Val>`, a record field), which would need its layout.
    fn typecheck(ty: &Type) -> Result<()> {
        anyhow::bail!(
            "type mismatch: a `Val` can stand for a whole parameter or result (or a tuple \
             element of one), not for a `{ty}` nested in a list, option, result, record or \
             variant; use a `Val` for the enclosing value"
        )
    }

    /// Any type: the value is checked against it as it is lowered.
    fn typecheck_in_signature(_: &Type) -> Result<()> {
        Ok(())
    }
}

impl Lower for Val {
    fn lower_flat<M: GuestMemory + ?Sized>(
        &self,
        _: &mut LowerContext<'_, M>,
        _: &mut FlatWriter<'_>,
    ) -> Result<()> {
        Err(untyped())
    }

    fn store<M: GuestMemory + ?Sized>(&self, _: &mut LowerContext<'_, M>, _: usize) -> Result<()> {
        Err(untyped())
    }

    /// Lowers as `ty`; a value that does not fit it is an error, as for
    /// [`Val::lower_flat`].
    #[inline]
    fn lower_flat_as<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        ty: &Type,
        dst: &mut FlatWriter<'_>,
    ) -> Result<()> {
        Val::lower_flat(self, cx, ty, dst)
    }

    #[inline]
    fn store_as<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        ty: &Type,
        offset: usize,
    ) -> Result<()> {
        Val::store(self, cx, ty, offset)
    }
}

impl<'a> Lift<'a> for Val {
    fn lift_flat(_: &mut LiftContext<'a>, _: &mut FlatReader<'_>) -> Result<Self> {
        Err(untyped())
    }

    fn load(_: &mut LiftContext<'a>, _: &'a [u8]) -> Result<Self> {
        Err(untyped())
    }

    fn validate_list(_: &mut LiftContext<'a>, _: &'a [u8], _: usize) -> Result<()> {
        Err(untyped())
    }

    #[inline]
    fn lift_flat_as(cx: &mut LiftContext<'a>, ty: &Type, src: &mut FlatReader<'_>) -> Result<Self> {
        Val::lift_flat(cx, ty, src)
    }

    #[inline]
    fn load_as(cx: &mut LiftContext<'a>, ty: &Type, bytes: &'a [u8]) -> Result<Self> {
        Val::load(cx, ty, bytes)
    }
}
