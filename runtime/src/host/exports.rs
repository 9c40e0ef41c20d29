//! Finding a lifted export of an instance and resolving its canonical
//! options once, so calls do no lookups.

use anyhow::Context as _;
use wasmtime_environ::component::{CoreDef, Export, ExportIndex, NameMapNoIntern};

use crate::abi::context::{HostcallFuel, LiftContext, LowerContext};
use crate::abi::options::{MAX_FLAT_PARAMS, MAX_FLAT_RESULTS, StringEncoding};
use crate::error::Result;
use crate::host::backend::{Active, Backend, check_signature};
use crate::host::instance::{Instance, encoding, resolve_export};
use crate::host::resources::with_tables;
use crate::host::store::{AsContextMut, StoreCx, StoreData};
use crate::resources::ResourceTables;

type Func = <Active as Backend>::Func;
use crate::host::types::FuncType;

/// How an export is named: `"name"` for a root export, `("ns:pkg/iface",
/// "name")` for a function of an exported interface.
pub trait ExportName {
    /// The exported interface (`None` at the root) and the function name.
    fn path(&self) -> (Option<&str>, &str);
}

impl ExportName for &str {
    fn path(&self) -> (Option<&str>, &str) {
        (None, self)
    }
}

impl ExportName for String {
    fn path(&self) -> (Option<&str>, &str) {
        (None, self)
    }
}

impl ExportName for (&str, &str) {
    fn path(&self) -> (Option<&str>, &str) {
        (Some(self.0), self.1)
    }
}

/// A lifted export with its canonical options resolved.
#[derive(Clone)]
pub(crate) struct ExportFunc {
    pub(crate) store: u64,
    pub(crate) instance: usize,
    pub(crate) func: Func,
    pub(crate) memory: Option<<Active as Backend>::Memory>,
    pub(crate) realloc: Option<Func>,
    pub(crate) post_return: Option<Func>,
    pub(crate) encoding: StringEncoding,
    pub(crate) ty: FuncType,
    /// Core parameter count: flat parameters or one pointer.
    pub(crate) core_params: usize,
    /// Core result types: the flat result or one pointer.
    pub(crate) core_results: Box<[crate::FlatType]>,
    /// The display name, for errors.
    pub(crate) name: String,
}

impl ExportFunc {
    /// Runs `lower` with a context that lowers into this export's memory
    /// (through its `realloc`) with its string encoding, `fuel` and, for
    /// handles, `tables`; gives back what `lower` returned and the fuel left.
    pub(crate) fn lower_with<T: 'static, R>(
        &self,
        store: &mut StoreCx<'_, T>,
        fuel: HostcallFuel,
        tables: Option<&mut ResourceTables>,
        lower: impl FnOnce(
            &mut LowerContext<'_, <Active as Backend>::View<'_, StoreData<T>>>,
        ) -> Result<R>,
    ) -> Result<(R, HostcallFuel)> {
        let mut view = self
            .memory
            .map(|m| Active::view(Active::reborrow(store), m, self.realloc));
        let mut cx = match &mut view {
            Some(view) => LowerContext::new(view, self.encoding),
            None => LowerContext::without_memory(self.encoding),
        }
        .with_fuel(fuel);
        if let Some(tables) = tables {
            cx = cx.with_resources(tables);
        }
        let value = lower(&mut cx)?;
        Ok((value, *cx.fuel()))
    }

    /// Runs `lift` with a context that lifts from this export's memory with
    /// its string encoding, `fuel` and, for handles, `tables`.
    pub(crate) fn lift_with<T: 'static, R>(
        &self,
        store: &StoreCx<'_, T>,
        fuel: HostcallFuel,
        tables: Option<&mut ResourceTables>,
        lift: impl FnOnce(&mut LiftContext<'_>) -> Result<R>,
    ) -> Result<R> {
        let mut cx = match self.memory {
            Some(m) => LiftContext::new(Active::memory_bytes(store, m), self.encoding),
            None => LiftContext::without_memory(self.encoding),
        }
        .with_fuel(fuel);
        if let Some(tables) = tables {
            cx = cx.with_resources(tables);
        }
        lift(&mut cx)
    }

    /// The part of a call after the parameters are lowered into `slots`,
    /// shared by typed and dynamic calls: runs the core function, lifts the
    /// results with `lift` (inside the call's handle scope when the signature
    /// has handles, whose exit then checks the borrows) and runs post-return
    /// after the results are lifted.
    pub(crate) fn call_and_lift<T: 'static, R>(
        &self,
        store: &mut StoreCx<'_, T>,
        slots: &mut [u64; MAX_FLAT_PARAMS],
        lift: impl FnOnce(
            &mut StoreCx<'_, T>,
            &[u64; MAX_FLAT_PARAMS],
            Option<&mut ResourceTables>,
        ) -> Result<R>,
    ) -> Result<R> {
        // SAFETY: `check_signature` verified, when the export was resolved,
        // that the function takes `core_params` values of the flattened
        // parameter types, which the caller lowered into `slots`, and returns
        // `core_results`, for which `slots` has room.
        unsafe {
            Active::call_raw(
                store,
                self.func,
                slots,
                self.core_params,
                &self.core_results,
            )
        }?;
        let results = if self.ty.has_handles {
            with_tables(store, self.instance, |store, tables| {
                let results = lift(store, slots, Some(&mut *tables))?;
                tables.exit_call()?;
                Ok(results)
            })?
        } else {
            lift(store, slots, None)?
        };
        if let Some(post_return) = &self.post_return {
            // SAFETY: the post-return function was checked to take exactly
            // the export's core results, which are still in `slots`.
            unsafe { Active::call_raw(store, *post_return, slots, self.core_results.len(), &[]) }?;
        }
        Ok(results)
    }
}

impl Instance {
    /// Finds the export `name` and resolves it for calls.
    pub(crate) fn export_func(
        &self,
        mut store: impl AsContextMut,
        name: impl ExportName,
    ) -> Result<ExportFunc> {
        let mut cx = store.as_context_mut();
        let store = &mut cx.inner;
        let (interface, func_name) = name.path();
        let display = match interface {
            Some(i) => format!("{i}#{func_name}"),
            None => func_name.to_string(),
        };
        let state = self.state(Active::data(store))?;
        let c = state.component.clone();
        let info = &c.info;
        let lookup = |map: &wasmtime_environ::component::NameMap<_, (ExportIndex, _)>, n: &str| {
            map.get(n, &NameMapNoIntern).map(|(i, _)| *i)
        };
        let index = match interface {
            None => lookup(&info.exports, func_name),
            Some(iface) => match lookup(&info.exports, iface).map(|i| &info.export_items[i]) {
                Some(Export::Instance { exports, .. }) => lookup(exports, func_name),
                _ => anyhow::bail!("the component exports no interface `{iface}`"),
            },
        }
        .with_context(|| format!("the component exports no function `{display}`"))?;
        let Export::LiftedFunction { ty, func, options } = &info.export_items[index] else {
            anyhow::bail!("export `{display}` is not a function");
        };
        let ty = FuncType::new(&c.types, &state.resource_types, *ty)
            .with_context(|| format!("export `{display}`"))?;
        let CoreDef::Export(core) = func else {
            anyhow::bail!("export `{display}` lifts a built-in, which witbind does not support");
        };
        let func = Active::extern_func(resolve_export(store, &c, self.id, core)?)
            .with_context(|| format!("export `{display}` does not lift a function"))?;
        let options = &info.options[*options];
        let state = &Active::data(store).instances[self.id];
        let memory = options.memory().map(|i| state.memory(i)).transpose()?;
        let realloc = match options.data_model {
            wasmtime_environ::component::CanonicalOptionsDataModel::LinearMemory(o) => {
                o.realloc.map(|i| state.realloc(i)).transpose()?
            }
            wasmtime_environ::component::CanonicalOptionsDataModel::Gc {} => None,
        };
        let post_return = options
            .post_return
            .map(|i| state.post_return(i))
            .transpose()?;
        let params = if ty.param_flat.len() <= MAX_FLAT_PARAMS {
            ty.param_flat.to_vec()
        } else {
            vec![crate::FlatType::I32]
        };
        let results = if ty.result_flat.len() <= MAX_FLAT_RESULTS {
            ty.result_flat.to_vec()
        } else {
            vec![crate::FlatType::I32]
        };
        check_signature(store, func, &params, &results, &display)?;
        if let Some(post_return) = &post_return {
            check_signature(store, *post_return, &results, &[], &display)?;
        }
        Ok(ExportFunc {
            store: self.store,
            instance: self.id,
            func,
            memory,
            realloc,
            post_return,
            encoding: encoding(options.string_encoding),
            core_params: params.len(),
            core_results: results.into(),
            ty,
            name: display,
        })
    }
}

/// Marks instance `instance` of store `store` entered for a call.
pub(crate) fn enter<T>(data: &mut StoreData<T>, store: u64, instance: usize) -> Result<()> {
    match data.instances.get_mut(instance) {
        Some(state) if data.id == store => state.enter(),
        _ => anyhow::bail!("the instance belongs to another store"),
    }
}

/// Marks the export call finished; a failed call poisons the instance.
pub(crate) fn exit<T>(data: &mut StoreData<T>, instance: usize, ok: bool) {
    if let Some(state) = data.instances.get_mut(instance) {
        state.exit(ok);
    }
}
