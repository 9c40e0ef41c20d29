//! [`Func`]: an export called with dynamic [`Val`]s, whatever its type.

use crate::abi::context::HostcallFuel;
use crate::abi::flat::FlatReader;
use crate::abi::options::{MAX_FLAT_PARAMS, MAX_FLAT_RESULTS};
use crate::error::Result;
use crate::host::backend::{Active, Backend};
use crate::host::exports::{ExportFunc, ExportName, enter, exit};
use crate::host::instance::Instance;
use crate::host::resources::with_tables;
use crate::host::store::{AsContextMut, StoreCx};
use crate::resources::ResourceTables;
use crate::types::Type;
use crate::val::{Val, lift_flat_values, lower_flat_values};

/// An exported function called with [`Val`]s, checked against its type at
/// each call.
#[derive(Clone)]
pub struct Func {
    pub(crate) export: ExportFunc,
}

impl std::fmt::Debug for Func {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Func")
            .field("name", &self.export.name)
            .field("type", &self.export.ty.describe())
            .finish()
    }
}

/// The element types of a tuple type (a parameter or result list).
pub(crate) fn tuple_types(ty: &Type) -> &[Type] {
    match ty {
        Type::Tuple(t) => t.types(),
        _ => std::slice::from_ref(ty),
    }
}

impl Instance {
    /// The export `name` as a dynamic [`Func`].
    pub fn get_func(&self, store: impl AsContextMut, name: impl ExportName) -> Result<Func> {
        let export = self.export_func(store, name)?;
        Ok(Func { export })
    }
}

impl Func {
    /// The parameter types.
    pub fn params(&self) -> &[Type] {
        tuple_types(&self.export.ty.params)
    }

    /// The result types.
    pub fn results(&self) -> &[Type] {
        tuple_types(&self.export.ty.results)
    }

    /// Calls the export with `params`, writing its results to `results`
    /// (which must have one slot per result), then runs `post-return`.
    ///
    /// Values that do not match the function's types are an error; a trap
    /// is an error after which the instance refuses further calls.
    pub fn call(
        &self,
        mut store: impl AsContextMut,
        params: &[Val],
        results: &mut [Val],
    ) -> Result<()> {
        if results.len() != self.results().len() {
            anyhow::bail!(
                "`{}` returns {} values, but {} result slots were given",
                self.export.name,
                self.results().len(),
                results.len()
            );
        }
        if params.len() != self.params().len() {
            anyhow::bail!(
                "`{}` takes {} parameters, but {} values were given",
                self.export.name,
                self.params().len(),
                params.len()
            );
        }
        for (i, (value, ty)) in params.iter().zip(self.params()).enumerate() {
            if !val_matches(value, ty) {
                anyhow::bail!(
                    "`{}`: parameter {i} is not a value of type `{ty}`: {value:?}",
                    self.export.name
                );
            }
        }
        let mut cx = store.as_context_mut();
        let store = &mut cx.inner;
        enter(
            Active::data_mut(store),
            self.export.store,
            self.export.instance,
        )?;
        let outcome = self.run(store, params);
        exit(
            Active::data_mut(store),
            self.export.instance,
            outcome.is_ok(),
        );
        for (slot, value) in results.iter_mut().zip(outcome?) {
            *slot = value;
        }
        Ok(())
    }

    fn run<T: 'static>(&self, store: &mut StoreCx<'_, T>, params: &[Val]) -> Result<Vec<Val>> {
        let e = &self.export;
        let fuel = HostcallFuel::new(Active::data(store).hostcall_fuel);
        let (flat, fuel) = if e.ty.has_handles {
            with_tables(store, e.instance, |store, tables| {
                tables.enter_call();
                self.lower_params(store, params, fuel, Some(tables))
            })?
        } else {
            self.lower_params(store, params, fuel, None)?
        };
        if flat.len() != e.core_params {
            anyhow::bail!(
                "parameters lowered to {} core values, expected {}",
                flat.len(),
                e.core_params
            );
        }
        let mut slots = [0u64; MAX_FLAT_PARAMS];
        for (slot, bits) in slots.iter_mut().zip(&flat) {
            *slot = *bits;
        }
        e.call_and_lift(store, &mut slots, |store, slots, tables| {
            self.lift_results(store, slots, fuel, tables)
        })
    }

    /// Lowers the parameters to flat values (or a spilled tuple).
    fn lower_params<T: 'static>(
        &self,
        store: &mut StoreCx<'_, T>,
        params: &[Val],
        fuel: HostcallFuel,
        tables: Option<&mut ResourceTables>,
    ) -> Result<(Vec<u64>, HostcallFuel)> {
        self.export.lower_with(store, fuel, tables, |cx| {
            lower_flat_values(cx, MAX_FLAT_PARAMS, self.params(), params, None)
        })
    }

    /// Lifts the results from the core results in `slots`.
    fn lift_results<T: 'static>(
        &self,
        store: &mut StoreCx<'_, T>,
        slots: &[u64; MAX_FLAT_PARAMS],
        fuel: HostcallFuel,
        tables: Option<&mut ResourceTables>,
    ) -> Result<Vec<Val>> {
        let count = self.export.core_results.len();
        self.export.lift_with(store, fuel, tables, |cx| {
            let mut reader = FlatReader::new(&slots[..count]);
            lift_flat_values(cx, MAX_FLAT_RESULTS, self.results(), &mut reader)
        })
    }
}

/// Whether `value` is a value of `ty`: checked before a dynamic call enters
/// the guest, so a host's mistake does not poison the instance.
fn val_matches(value: &Val, ty: &Type) -> bool {
    let all = |values: &[Val], types: &[Type]| {
        values.len() == types.len() && values.iter().zip(types).all(|(v, t)| val_matches(v, t))
    };
    let payload = |value: &Option<Box<Val>>, ty: Option<&Type>| match (value, ty) {
        (None, None) => true,
        (Some(v), Some(t)) => val_matches(v, t),
        _ => false,
    };
    match (value, ty) {
        (Val::Bool(_), Type::Bool)
        | (Val::S8(_), Type::S8)
        | (Val::U8(_), Type::U8)
        | (Val::S16(_), Type::S16)
        | (Val::U16(_), Type::U16)
        | (Val::S32(_), Type::S32)
        | (Val::U32(_), Type::U32)
        | (Val::S64(_), Type::S64)
        | (Val::U64(_), Type::U64)
        | (Val::Float32(_), Type::F32)
        | (Val::Float64(_), Type::F64)
        | (Val::Char(_), Type::Char)
        | (Val::String(_), Type::String) => true,
        (Val::List(items), Type::List(l)) => items.iter().all(|v| val_matches(v, l.element())),
        (Val::Record(fields), Type::Record(r)) => {
            fields.len() == r.fields().len()
                && fields
                    .iter()
                    .zip(r.fields())
                    .all(|((name, v), f)| *name == f.name && val_matches(v, &f.ty))
        }
        (Val::Tuple(values), Type::Tuple(t)) => all(values, t.types()),
        (Val::Variant(name, value), Type::Variant(v)) => v
            .cases()
            .iter()
            .find(|c| c.name == *name)
            .is_some_and(|c| payload(value, c.ty.as_ref())),
        (Val::Enum(name), Type::Enum(e)) => e.names().contains(name),
        (Val::Option(value), Type::Option(o)) => {
            value.as_ref().is_none_or(|v| val_matches(v, o.some()))
        }
        (Val::Result(Ok(value)), Type::Result(r)) => payload(value, r.ok()),
        (Val::Result(Err(value)), Type::Result(r)) => payload(value, r.err()),
        (Val::Flags(names), Type::Flags(f)) => names.iter().all(|n| f.names().contains(n)),
        (Val::Resource(r), Type::Own(t) | Type::Borrow(t)) => r.ty() == t,
        _ => false,
    }
}
