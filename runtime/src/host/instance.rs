//! Instantiation: running the translated component's initializers on the
//! backend, defining every trampoline they ask for, and the per-instance
//! state that calls consult.

use std::collections::HashMap;
use std::sync::Arc;

use anyhow::Context as _;
use wasmtime_environ::component::{
    CoreDef, CoreExport, ExportItem, GlobalInitializer, InstantiateModule, LoweredIndex,
    RuntimeImportIndex, RuntimeMemoryIndex, RuntimePostReturnIndex, RuntimeReallocIndex,
    StaticModuleIndex, Trampoline, TrampolineIndex, TypeResourceTableIndex,
};
use wasmtime_environ::{EntityIndex, PrimaryMap};

use crate::abi::flat::FlatType;
use crate::abi::options::{MAX_FLAT_PARAMS, MAX_FLAT_RESULTS};
use crate::error::{Result, Trap, trap};
use crate::host::backend::{Active, Backend, check_signature};
use crate::host::component::{Component, ComponentInner};
use crate::host::host_func::{HostFunc, ImportCall};
use crate::host::resources::{Builtin, HostDtor, define_builtin};
use crate::host::store::{StoreCx, StoreData};
use crate::host::types::{FuncType, ResourceMap};
use crate::resources::ResourceTables;

type Func = <Active as Backend>::Func;
type Memory = <Active as Backend>::Memory;
type Extern = <Active as Backend>::Extern;

/// An instantiated component, a handle into the [`Store`](crate::Store) it
/// was created in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Instance {
    /// The store's id.
    pub(crate) store: u64,
    /// The index in the store's instances.
    pub(crate) id: usize,
}

impl Instance {
    /// This instance's state, or an error when `data` is another store's.
    pub(crate) fn state<'a, T>(&self, data: &'a StoreData<T>) -> Result<&'a InstanceState> {
        match data.instances.get(self.id) {
            Some(state) if data.id == self.store => Ok(state),
            _ => anyhow::bail!("the instance belongs to another store"),
        }
    }
}

/// The runtime state of one instance, kept in its store.
pub(crate) struct InstanceState {
    pub(crate) component: Arc<ComponentInner>,
    core: Vec<(<Active as Backend>::Instance, StaticModuleIndex)>,
    memories: Vec<Option<Memory>>,
    reallocs: Vec<Option<Func>>,
    post_returns: Vec<Option<Func>>,
    /// Destructors of the resources the component defines, by
    /// `DefinedResourceIndex`.
    guest_dtors: Vec<Option<Func>>,
    /// The resource type of each of the component's resources.
    pub(crate) resource_types: Arc<ResourceMap>,
    /// The handle tables; `None` while an operation has taken them out.
    /// Boxed so taking them out and putting them back moves a pointer, not
    /// the tables (a few hundred bytes copied twice per call with handles).
    pub(crate) resources: Option<Box<ResourceTables>>,
    /// An export call is running (re-entering traps).
    pub(crate) in_call: bool,
    /// A call trapped: the instance refuses further calls.
    pub(crate) trapped: bool,
}

impl InstanceState {
    fn new(component: Arc<ComponentInner>, resource_types: Arc<ResourceMap>) -> Self {
        let info = &component.info;
        let imported = info.imported_resources.len();
        let mut tables = ResourceTables::new();
        for ty in resource_types.iter().skip(imported) {
            tables.implement(ty.clone());
        }
        Self {
            guest_dtors: vec![None; (info.num_resources as usize).saturating_sub(imported)],
            resource_types,
            resources: Some(Box::new(tables)),
            memories: vec![None; info.num_runtime_memories as usize],
            reallocs: vec![None; info.num_runtime_reallocs as usize],
            post_returns: vec![None; info.num_runtime_post_returns as usize],
            core: Vec::new(),
            component,
            in_call: false,
            trapped: false,
        }
    }

    /// The memory the canonical options name by `index`.
    pub(crate) fn memory(&self, index: RuntimeMemoryIndex) -> Result<Memory> {
        match self
            .memories
            .get(index.as_u32() as usize)
            .copied()
            .flatten()
        {
            Some(m) => Ok(m),
            None => trap(Trap::NoMemory),
        }
    }

    /// The `realloc` the canonical options name by `index`.
    pub(crate) fn realloc(&self, index: RuntimeReallocIndex) -> Result<Func> {
        match self
            .reallocs
            .get(index.as_u32() as usize)
            .cloned()
            .flatten()
        {
            Some(r) => Ok(r),
            None => trap(Trap::NoRealloc),
        }
    }

    /// The `post-return` the canonical options name by `index`.
    pub(crate) fn post_return(&self, index: RuntimePostReturnIndex) -> Result<Func> {
        match self
            .post_returns
            .get(index.as_u32() as usize)
            .copied()
            .flatten()
        {
            Some(f) => Ok(f),
            None => anyhow::bail!("post-return function {} is not initialized", index.as_u32()),
        }
    }

    /// The destructor the component declared for its resource `index` (a
    /// `ResourceIndex`), if it defines that resource and declared one.
    pub(crate) fn guest_dtor(&self, c: &ComponentInner, index: u32) -> Option<Func> {
        let defined = c
            .info
            .defined_resource_index(wasmtime_environ::component::ResourceIndex::from_u32(index))?;
        self.guest_dtors
            .get(defined.as_u32() as usize)
            .copied()
            .flatten()
    }

    /// Checks that the instance may be entered and marks it entered.
    pub(crate) fn enter(&mut self) -> Result<()> {
        if self.trapped {
            return trap(Trap::InstanceTrapped);
        }
        if self.in_call {
            return trap(Trap::Reentered);
        }
        self.in_call = true;
        Ok(())
    }

    /// Marks the call finished; a failed call poisons the instance.
    pub(crate) fn exit(&mut self, ok: bool) {
        self.in_call = false;
        if !ok {
            self.trapped = true;
        }
    }
}

/// The core signature a lowered import has: flat parameters (or one
/// pointer), then a return pointer when the results spill.
pub(crate) fn lowered_core_signature(ty: &FuncType) -> (Vec<FlatType>, Vec<FlatType>) {
    let mut params = if ty.param_flat.len() <= MAX_FLAT_PARAMS {
        ty.param_flat.to_vec()
    } else {
        vec![FlatType::I32]
    };
    let results = if ty.result_flat.len() <= MAX_FLAT_RESULTS {
        ty.result_flat.to_vec()
    } else {
        params.push(FlatType::I32);
        Vec::new()
    };
    (params, results)
}

/// A host function for an import, with the import's full name.
pub(crate) type NamedHostFunc<T> = (String, Arc<HostFunc<T>>);

/// What instantiation takes from the linker, resolved and type-checked.
pub(crate) struct Imports<T: 'static> {
    /// The host function of each runtime import that is a function.
    pub(crate) funcs: PrimaryMap<RuntimeImportIndex, Option<NamedHostFunc<T>>>,
    /// The resource type of each of the component's resources.
    pub(crate) resource_types: Arc<ResourceMap>,
    /// The host destructor of each imported resource, by `ResourceIndex`.
    pub(crate) host_dtors: Arc<[Option<Arc<HostDtor<T>>>]>,
}

/// Instantiates `component` in `store` as instance number `id` (the next
/// one) with the linker's `imports`.
pub(crate) fn instantiate<T: 'static>(
    store: &mut StoreCx<'_, T>,
    component: &Component,
    id: usize,
    imports: &Imports<T>,
) -> Result<Instance> {
    let c = component.inner.clone();
    if !Active::same_engine(&Active::store_engine(store), c.engine.backend()) {
        anyhow::bail!("the component was compiled by another engine than the store's");
    }
    if id != Active::data(store).instances.len() {
        anyhow::bail!("the store changed while the instance was being linked");
    }
    let state = InstanceState::new(c.clone(), imports.resource_types.clone());
    Active::data_mut(store).instances.push(state);
    let result = run_initializers(store, &c, id, imports);
    if result.is_err() {
        Active::data_mut(store).instances[id].trapped = true;
    }
    let store = Active::data(store).id;
    result.map(|()| Instance { store, id })
}

fn run_initializers<T: 'static>(
    store: &mut StoreCx<'_, T>,
    c: &ComponentInner,
    id: usize,
    imports: &Imports<T>,
) -> Result<()> {
    let lowered: HashMap<LoweredIndex, RuntimeImportIndex> = c
        .info
        .initializers
        .iter()
        .filter_map(|init| match init {
            GlobalInitializer::LowerImport { index, import } => Some((*index, *import)),
            _ => None,
        })
        .collect();
    let mut trampolines = PrimaryMap::<TrampolineIndex, Func>::new();
    for (_, trampoline) in c.trampolines.iter() {
        let builtin = |b, ty: &TypeResourceTableIndex, store: &mut StoreCx<'_, T>| {
            let dtors = imports.host_dtors.clone();
            define_builtin(store, c, id, &imports.resource_types, dtors, b, *ty)
        };
        let (index, lower_ty, options) = match trampoline {
            Trampoline::LowerImport {
                index,
                lower_ty,
                options,
            } => (index, lower_ty, options),
            Trampoline::ResourceNew { ty, .. } => {
                trampolines.push(builtin(Builtin::New, ty, store)?);
                continue;
            }
            Trampoline::ResourceRep { ty, .. } => {
                trampolines.push(builtin(Builtin::Rep, ty, store)?);
                continue;
            }
            Trampoline::ResourceDrop { ty, .. } => {
                trampolines.push(builtin(Builtin::Drop, ty, store)?);
                continue;
            }
            other => anyhow::bail!("unsupported trampoline `{}`", other.symbol_name()),
        };
        let Some((name, host)) = lowered
            .get(index)
            .and_then(|i| imports.funcs.get(*i))
            .and_then(Option::as_ref)
        else {
            anyhow::bail!("lowered import {} has no host function", index.as_u32());
        };
        let ty = FuncType::new(&c.types, &imports.resource_types, *lower_ty)?;
        let options = &c.info.options[*options];
        let (params, results) = lowered_core_signature(&ty);
        let core = c.types[options.core_type].unwrap_func();
        let core_params = core
            .params()
            .iter()
            .map(core_flat)
            .collect::<Result<Vec<_>>>()?;
        let core_results = core
            .results()
            .iter()
            .map(core_flat)
            .collect::<Result<Vec<_>>>()?;
        if core_params != params || core_results != results {
            anyhow::bail!(
                "import `{name}`: the lowered core type does not match the canonical ABI"
            );
        }
        let realloc = match options.data_model {
            wasmtime_environ::component::CanonicalOptionsDataModel::LinearMemory(o) => o.realloc,
            wasmtime_environ::component::CanonicalOptionsDataModel::Gc {} => None,
        };
        let call = ImportCall {
            instance: id,
            memory: options.memory(),
            realloc,
            encoding: encoding(options.string_encoding),
            ty,
        };
        trampolines.push(host.define(store, &params, &results, call));
    }

    for init in &c.info.initializers {
        match init {
            GlobalInitializer::InstantiateModule(InstantiateModule::Static(module, args), _) => {
                let externs = args
                    .iter()
                    .map(|def| resolve(store, c, id, &trampolines, def))
                    .collect::<Result<Vec<_>>>()?;
                let instance = Active::instantiate(store, &c.modules[*module], &externs)
                    .with_context(|| {
                        format!("failed to instantiate core module {}", module.as_u32())
                    })?;
                Active::data_mut(store).instances[id]
                    .core
                    .push((instance, *module));
            }
            GlobalInitializer::LowerImport { .. } => {}
            GlobalInitializer::ExtractMemory(e) => {
                let export = e.export.clone().map_index(EntityIndex::Memory);
                let memory = Active::extern_memory(resolve_export(store, c, id, &export)?)
                    .context("a canonical `memory` option names something that is not a memory")?;
                Active::data_mut(store).instances[id].memories[e.index.as_u32() as usize] =
                    Some(memory);
            }
            GlobalInitializer::ExtractRealloc(e) => {
                let func = resolve_func(store, c, id, &trampolines, &e.def, "realloc")?;
                let i32 = FlatType::I32;
                check_signature(store, func, &[i32, i32, i32, i32], &[i32], "realloc")?;
                let realloc = func;
                Active::data_mut(store).instances[id].reallocs[e.index.as_u32() as usize] =
                    Some(realloc);
            }
            GlobalInitializer::ExtractPostReturn(e) => {
                let func = resolve_func(store, c, id, &trampolines, &e.def, "post-return")?;
                Active::data_mut(store).instances[id].post_returns[e.index.as_u32() as usize] =
                    Some(func);
            }
            GlobalInitializer::Resource(r) => {
                let Some(def) = &r.dtor else { continue };
                let func = resolve_func(store, c, id, &trampolines, def, "dtor")?;
                let i32 = [FlatType::I32];
                check_signature(store, func, &i32, &[], "resource destructor")?;
                let slot = Active::data_mut(store).instances[id]
                    .guest_dtors
                    .get_mut(r.index.as_u32() as usize);
                match slot {
                    Some(slot) => *slot = Some(func),
                    None => anyhow::bail!("resource {} is out of range", r.index.as_u32()),
                }
            }
            other => anyhow::bail!("unsupported initializer {other:?}"),
        }
    }
    Ok(())
}

fn resolve_func<T: 'static>(
    store: &mut StoreCx<'_, T>,
    c: &ComponentInner,
    id: usize,
    trampolines: &PrimaryMap<TrampolineIndex, Func>,
    def: &CoreDef,
    what: &str,
) -> Result<Func> {
    Active::extern_func(resolve(store, c, id, trampolines, def)?)
        .with_context(|| format!("the `{what}` option names something that is not a function"))
}

/// The backend item a core definition refers to.
fn resolve<T: 'static>(
    store: &mut StoreCx<'_, T>,
    c: &ComponentInner,
    id: usize,
    trampolines: &PrimaryMap<TrampolineIndex, Func>,
    def: &CoreDef,
) -> Result<Extern> {
    match def {
        CoreDef::Export(export) => resolve_export(store, c, id, export),
        CoreDef::Trampoline(index) => match trampolines.get(*index) {
            Some(f) => Ok(Active::func_extern(*f)),
            None => anyhow::bail!("trampoline {} is not defined", index.as_u32()),
        },
        other => anyhow::bail!("unsupported core definition {other:?}"),
    }
}

/// An export of an earlier core instance.
pub(crate) fn resolve_export<T: 'static>(
    store: &mut StoreCx<'_, T>,
    c: &ComponentInner,
    id: usize,
    export: &CoreExport<EntityIndex>,
) -> Result<Extern> {
    let Some(&(instance, module)) = Active::data(store).instances[id]
        .core
        .get(export.instance.as_u32() as usize)
    else {
        anyhow::bail!(
            "core instance {} is not instantiated yet",
            export.instance.as_u32()
        );
    };
    let name = match &export.item {
        ExportItem::Name(name) => name.as_str(),
        ExportItem::Index(index) => match c.export_names[module].get(index) {
            Some(name) => name.as_str(),
            None => anyhow::bail!("core module {} does not export {index:?}", module.as_u32()),
        },
    };
    Active::export(store, instance, name)
        .with_context(|| format!("core instance has no export `{name}`"))
}

/// The flat type of a core value type of a component's core function.
fn core_flat(ty: &wasmtime_environ::WasmValType) -> Result<FlatType> {
    use wasmtime_environ::WasmValType as V;
    match ty {
        V::I32 => Ok(FlatType::I32),
        V::I64 => Ok(FlatType::I64),
        V::F32 => Ok(FlatType::F32),
        V::F64 => Ok(FlatType::F64),
        other => anyhow::bail!("core value type `{other}` is not supported by witbind"),
    }
}

/// witbind's string encoding for wasmtime-environ's.
pub(crate) fn encoding(e: wasmtime_environ::component::StringEncoding) -> crate::StringEncoding {
    use wasmtime_environ::component::StringEncoding as E;
    match e {
        E::Utf8 => crate::StringEncoding::Utf8,
        E::Utf16 => crate::StringEncoding::Utf16,
        E::CompactUtf16 => crate::StringEncoding::CompactUtf16,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::{TupleType, Type};

    fn func(params: Vec<Type>, results: Vec<Type>) -> FuncType {
        let params = Type::Tuple(TupleType::new(params));
        let results = Type::Tuple(TupleType::new(results));
        FuncType {
            param_flat: params.flat_types().into(),
            result_flat: results.flat_types().into(),
            has_handles: false,
            params,
            results,
        }
    }

    #[test]
    fn lowered_imports_take_flat_params_and_return_one_value() {
        let (params, results) =
            lowered_core_signature(&func(vec![Type::U64, Type::F32], vec![Type::U32]));
        assert_eq!(params, [FlatType::I64, FlatType::F32]);
        assert_eq!(results, [FlatType::I32]);
    }

    #[test]
    fn lowered_imports_spill_params_to_a_pointer_and_results_to_an_out_pointer() {
        let nine_strings = vec![Type::String; 9];
        let (params, results) = lowered_core_signature(&func(nine_strings, vec![Type::String]));
        assert_eq!(params, [FlatType::I32, FlatType::I32]);
        assert!(results.is_empty());
    }
}
