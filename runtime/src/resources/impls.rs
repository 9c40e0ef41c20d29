//! [`ComponentType`], [`Lower`] and [`Lift`] for handles: a handle travels as
//! one `i32`, its index in the receiving side's table.
//!
//! [`Resource<T>`] and [`ResourceAny`] are `own<R>`; [`Borrowed`] of either
//! is `borrow<R>`. Lifting and lowering go through the context's
//! [`ResourceTables`](super::ResourceTables), and fail (without panicking)
//! when the context has none.

use super::handle_table::{HANDLE_FUEL, HandleKind};
use super::resource::{Borrowed, Resource, ResourceAny};
use crate::abi::context::{LiftContext, LowerContext};
use crate::abi::flat::{FlatReader, FlatWriter};
use crate::abi::impls::{array, type_mismatch};
use crate::abi::memory::GuestMemory;
use crate::abi::traits::{ComponentType, Lift, Lower};
use crate::error::Result;
use crate::types::Type;

/// Layout constants shared by every handle type.
macro_rules! handle_layout {
    () => {
        const SIZE32: usize = 4;
        const ALIGN32: u32 = 4;
        const FLAT_COUNT: usize = 1;
        const MAY_HOLD_HANDLES: bool = true;
    };
}

/// [`ComponentType::check_handles`] of a [`ResourceAny`] held as `kind`
/// where the signature says `ty`: its resource type must be the one `ty`
/// names ([`Trap::WrongHandleType`](crate::Trap::WrongHandleType)
/// otherwise).
fn check_any(resource: &ResourceAny, kind: HandleKind, ty: &Type) -> Result<()> {
    let expected = match (kind, ty) {
        (HandleKind::Own, Type::Own(rt)) | (HandleKind::Borrow, Type::Borrow(rt)) => rt,
        (HandleKind::Own, other) => return Err(type_mismatch("own<_>", other)),
        (HandleKind::Borrow, other) => return Err(type_mismatch("borrow<_>", other)),
    };
    resource.check_type(expected)
}

/// `Lower::lower_flat` and `Lower::store` from a function turning the value
/// into the index the guest receives.
macro_rules! lower_via_index {
    ($index:expr) => {
        fn lower_flat<M: GuestMemory + ?Sized>(
            &self,
            cx: &mut LowerContext<'_, M>,
            dst: &mut FlatWriter<'_>,
        ) -> Result<()> {
            let index: fn(&Self, &mut LowerContext<'_, M>) -> Result<u32> = $index;
            cx.consume_fuel(HANDLE_FUEL)?;
            dst.push(u64::from(index(self, cx)?))
        }

        fn store<M: GuestMemory + ?Sized>(
            &self,
            cx: &mut LowerContext<'_, M>,
            offset: usize,
        ) -> Result<()> {
            let index: fn(&Self, &mut LowerContext<'_, M>) -> Result<u32> = $index;
            cx.consume_fuel(HANDLE_FUEL)?;
            let index = index(self, cx)?;
            cx.write(offset, index.to_le_bytes())
        }
    };
}

/// `Lift::lift_flat` and `Lift::load` from a function turning the index the
/// guest sent into the value.
macro_rules! lift_via_index {
    ($lift:expr) => {
        fn lift_flat(cx: &mut LiftContext<'a>, src: &mut FlatReader<'_>) -> Result<Self> {
            let lift: fn(&mut LiftContext<'a>, u32) -> Result<Self> = $lift;
            let index = src.next_i32()?;
            cx.consume_fuel(HANDLE_FUEL)?;
            lift(cx, index)
        }

        fn load(cx: &mut LiftContext<'a>, bytes: &'a [u8]) -> Result<Self> {
            let lift: fn(&mut LiftContext<'a>, u32) -> Result<Self> = $lift;
            let index = u32::from_le_bytes(array(bytes)?);
            cx.consume_fuel(HANDLE_FUEL)?;
            lift(cx, index)
        }
    };
}

impl<T: 'static> ComponentType for Resource<T> {
    handle_layout!();

    fn typecheck(ty: &Type) -> Result<()> {
        match ty {
            Type::Own(rt) if Resource::<T>::is_type(rt) => Ok(()),
            other => Err(type_mismatch(
                &format!("own<{}>", std::any::type_name::<T>()),
                other,
            )),
        }
    }
}

impl<T: 'static> Lower for Resource<T> {
    lower_via_index!(|this, cx| {
        if !this.owned() {
            anyhow::bail!("a borrowed `Resource` cannot be passed as `own`: only its owner can");
        }
        cx.resources()?
            .lower_own(&Resource::<T>::resource_type(), this.rep())
    });
}

impl<'a, T: 'static> Lift<'a> for Resource<T> {
    lift_via_index!(|cx, index| {
        let rep = cx
            .resources()?
            .lift_own(index, &Resource::<T>::resource_type())?;
        Ok(Resource::new_own(rep))
    });
}

impl<T: 'static> ComponentType for Borrowed<Resource<T>> {
    handle_layout!();

    fn typecheck(ty: &Type) -> Result<()> {
        match ty {
            Type::Borrow(rt) if Resource::<T>::is_type(rt) => Ok(()),
            other => Err(type_mismatch(
                &format!("borrow<{}>", std::any::type_name::<T>()),
                other,
            )),
        }
    }
}

impl<T: 'static> Lower for Borrowed<Resource<T>> {
    lower_via_index!(|this, cx| {
        cx.resources()?
            .lower_borrow(&Resource::<T>::resource_type(), this.0.rep())
    });
}

impl<'a, T: 'static> Lift<'a> for Borrowed<Resource<T>> {
    lift_via_index!(|cx, index| {
        let rep = cx
            .resources()?
            .lift_borrow(index, &Resource::<T>::resource_type())?;
        Ok(Borrowed(Resource::new_borrow(rep)))
    });
}

impl ComponentType for ResourceAny {
    handle_layout!();

    fn typecheck(ty: &Type) -> Result<()> {
        match ty {
            Type::Own(_) => Ok(()),
            other => Err(type_mismatch("own<_>", other)),
        }
    }

    fn check_handles(&self, ty: &Type) -> Result<()> {
        check_any(self, HandleKind::Own, ty)
    }
}

impl Lower for ResourceAny {
    lower_via_index!(|this, cx| cx.resources()?.lower_any(this, HandleKind::Own, None));
}

impl<'a> Lift<'a> for ResourceAny {
    lift_via_index!(|cx, index| cx.resources()?.lift_any(index, HandleKind::Own, None));
}

impl ComponentType for Borrowed<ResourceAny> {
    handle_layout!();

    fn typecheck(ty: &Type) -> Result<()> {
        match ty {
            Type::Borrow(_) => Ok(()),
            other => Err(type_mismatch("borrow<_>", other)),
        }
    }

    fn check_handles(&self, ty: &Type) -> Result<()> {
        check_any(&self.0, HandleKind::Borrow, ty)
    }
}

impl Lower for Borrowed<ResourceAny> {
    lower_via_index!(|this, cx| { cx.resources()?.lower_any(&this.0, HandleKind::Borrow, None) });
}

impl<'a> Lift<'a> for Borrowed<ResourceAny> {
    lift_via_index!(|cx, index| {
        let any = cx.resources()?.lift_any(index, HandleKind::Borrow, None)?;
        Ok(Borrowed(any))
    });
}
