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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::{ListType, OptionType, TupleType};

    fn tuple(types: Vec<Type>) -> Type {
        Type::Tuple(TupleType::new(types))
    }

    #[test]
    fn a_val_matches_any_type_in_a_signature_and_none_inside_a_container() {
        let list = Type::List(ListType::new(Type::String));
        assert!(
            <(u32, Val)>::typecheck_in_signature(&tuple(vec![Type::U32, list.clone()])).is_ok()
        );
        assert!(
            <((Val, u8),)>::typecheck_in_signature(&tuple(vec![tuple(vec![Type::Char, Type::U8])]))
                .is_ok()
        );
        // The typed elements are still checked, and the arity.
        assert!(<(u32, Val)>::typecheck_in_signature(&tuple(vec![Type::U8, Type::U8])).is_err());
        assert!(<(Val,)>::typecheck_in_signature(&tuple(vec![Type::U8, Type::U8])).is_err());
        // Nested in a container, even inside a tuple, a `Val` has no layout.
        assert!(<(Vec<Val>,)>::typecheck_in_signature(&tuple(vec![list])).is_err());
        let option = Type::Option(OptionType::new(tuple(vec![Type::U32])));
        assert!(<(Option<(Val,)>,)>::typecheck_in_signature(&tuple(vec![option])).is_err());
        assert!(<(u32, Val)>::typecheck(&tuple(vec![Type::U32, Type::U32])).is_err());
    }

    #[test]
    fn tuples_holding_a_val_are_dynamic_and_others_are_not() {
        const {
            assert!(<(u32, Val)>::DYNAMIC);
            assert!(<(u32, (Val,))>::DYNAMIC);
            assert!(<(&Val,)>::DYNAMIC);
            assert!(!<(u32, String)>::DYNAMIC);
            assert!(!<Option<u32>>::DYNAMIC);
        }
    }

    #[test]
    fn a_val_without_its_type_is_an_error() {
        let mut memory = crate::VecMemory::new(vec![0; 16], |_, _, _, _, _| Ok(8));
        let mut cx = LowerContext::new(&mut memory, crate::StringEncoding::Utf8);
        let mut flat = [0u64; 2];
        let err = Lower::lower_flat(&Val::U32(1), &mut cx, &mut FlatWriter::new(&mut flat));
        assert!(format!("{:#}", err.unwrap_err()).contains("signature"));
        let mut cx = LiftContext::without_memory(crate::StringEncoding::Utf8);
        assert!(<Val as Lift>::lift_flat(&mut cx, &mut FlatReader::new(&flat)).is_err());
    }
}
