//! [`TypedFunc`]: an export called with Rust parameter and result tuples.

use std::marker::PhantomData;

use crate::abi::context::HostcallFuel;
use crate::abi::flat::{FlatReader, FlatWriter};
use crate::abi::options::{MAX_FLAT_PARAMS, MAX_FLAT_RESULTS};
use crate::abi::traits::{Lift, Lower};
use crate::error::Result;
use crate::host::backend::{Active, Backend};
use crate::host::exports::{ExportFunc, ExportName, enter, exit};
use crate::host::instance::Instance;
use crate::host::resources::with_tables;
use crate::host::store::{AsContextMut, StoreCx};
use crate::resources::ResourceTables;

/// An exported function whose parameters are the tuple `P` and results the
/// tuple `R`, both checked against the component's type when it is created.
///
/// Parameters spill to memory allocated with the guest's `realloc` when they
/// take more than 16 core values; results come back through a pointer the
/// export returns when they take more than one.
pub struct TypedFunc<P, R> {
    pub(crate) export: ExportFunc,
    pub(crate) _marker: PhantomData<fn(P) -> R>,
}

impl<P, R> Clone for TypedFunc<P, R> {
    fn clone(&self) -> Self {
        Self {
            export: self.export.clone(),
            _marker: PhantomData,
        }
    }
}

impl<P, R> std::fmt::Debug for TypedFunc<P, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TypedFunc")
            .field("name", &self.export.name)
            .field("type", &self.export.ty.describe())
            .finish()
    }
}

impl Instance {
    /// The export `name` as a [`TypedFunc`], failing when it does not exist
    /// or when `P`/`R` do not match its type (the error names both types).
    pub fn get_typed_func<P, R>(
        &self,
        store: impl AsContextMut,
        name: impl ExportName,
    ) -> Result<TypedFunc<P, R>>
    where
        P: Lower,
        R: for<'a> Lift<'a>,
    {
        let export = self.export_func(store, name)?;
        let check = P::typecheck(&export.ty.params).and_then(|()| R::typecheck(&export.ty.results));
        if let Err(e) = check {
            return Err(e.context(format!(
                "export `{}`: the Rust type `fn{} -> {}` does not match the component's type `{}`",
                export.name,
                std::any::type_name::<P>(),
                std::any::type_name::<R>(),
                export.ty.describe()
            )));
        }
        Ok(TypedFunc {
            export,
            _marker: PhantomData,
        })
    }
}

impl<P, R> TypedFunc<P, R>
where
    P: Lower,
    R: for<'a> Lift<'a>,
{
    /// Calls the export: lowers `params`, runs the guest, lifts the results,
    /// then runs the guest's `post-return`.
    ///
    /// A trap (in the guest, or a Canonical ABI rule the guest broke) is an
    /// `Err`, and the instance then refuses further calls.
    pub fn call(&self, store: impl AsContextMut, params: P) -> Result<R> {
        self.export.call_typed(store, params)
    }
}

impl ExportFunc {
    /// A typed call: the body of [`TypedFunc::call`], run on an export whose
    /// types the caller checked against `P` and `R`.
    pub(crate) fn call_typed<P, R>(&self, mut store: impl AsContextMut, params: P) -> Result<R>
    where
        P: Lower,
        R: for<'a> Lift<'a>,
    {
        let mut cx = store.as_context_mut();
        let store = &mut cx.inner;
        enter(Active::data_mut(store), self.store, self.instance)?;
        let result = self.run_typed(store, &params);
        exit(Active::data_mut(store), self.instance, result.is_ok());
        result
    }

    fn run_typed<T: 'static, P, R>(&self, store: &mut StoreCx<'_, T>, params: &P) -> Result<R>
    where
        P: Lower,
        R: for<'a> Lift<'a>,
    {
        let mut slots = [0u64; MAX_FLAT_PARAMS];
        let fuel = HostcallFuel::new(Active::data(store).hostcall_fuel);
        let fuel = if self.ty.has_handles {
            with_tables(store, self.instance, |store, tables| {
                tables.enter_call();
                self.lower_typed(store, params, &mut slots, fuel, Some(tables))
            })?
        } else {
            self.lower_typed(store, params, &mut slots, fuel, None)?
        };
        self.call_and_lift(store, &mut slots, |store, slots, tables| {
            self.lift_typed(store, slots, fuel, tables)
        })
    }

    /// Lowers the parameters into `slots`, or into memory from `realloc`
    /// when they spill, and gives back the fuel left.
    fn lower_typed<T: 'static, P: Lower>(
        &self,
        store: &mut StoreCx<'_, T>,
        params: &P,
        slots: &mut [u64; MAX_FLAT_PARAMS],
        fuel: HostcallFuel,
        tables: Option<&mut ResourceTables>,
    ) -> Result<HostcallFuel> {
        let ((), fuel) = self.lower_with(store, fuel, tables, |cx| {
            let count = self.ty.param_flat.len();
            if count <= MAX_FLAT_PARAMS {
                let mut flat = [0u64; MAX_FLAT_PARAMS];
                let mut writer = FlatWriter::new(&mut flat[..count]);
                params.lower_flat(cx, &mut writer)?;
                if writer.len() != count {
                    anyhow::bail!(
                        "parameters lowered to {} core values, expected {count}",
                        writer.len()
                    );
                }
                for (slot, bits) in slots.iter_mut().zip(&flat[..count]) {
                    *slot = *bits;
                }
            } else {
                let ptr = cx.realloc(0, 0, P::ALIGN32, P::SIZE32 as u32)?;
                params.store(cx, ptr as usize)?;
                slots[0] = u64::from(ptr);
            }
            Ok(())
        })?;
        Ok(fuel)
    }

    /// Lifts the results from the core result in `slots`, or from the
    /// memory it points to when they spill.
    fn lift_typed<T: 'static, R: for<'a> Lift<'a>>(
        &self,
        store: &mut StoreCx<'_, T>,
        slots: &[u64; MAX_FLAT_PARAMS],
        fuel: HostcallFuel,
        tables: Option<&mut ResourceTables>,
    ) -> Result<R> {
        self.lift_with(store, fuel, tables, |cx| {
            if self.ty.result_flat.len() <= MAX_FLAT_RESULTS {
                let count = self.ty.result_flat.len();
                R::lift_flat(cx, &mut FlatReader::new(&slots[..count]))
            } else {
                let ptr = slots[0] as u32;
                let bytes = cx.guest_range(ptr, R::SIZE32 as u64, R::ALIGN32)?;
                R::load(cx, bytes)
            }
        })
    }
}
