//! What a store holds besides the user's data: every instance's runtime
//! state (its core instances, the canonical options' memories, `realloc`s
//! and `post-return`s, resource destructors and handle tables), and the
//! entered / poisoned flags the spec's instance rules need.

use std::sync::Arc;

use anyhow::Context as _;
use wasmtime_environ::component::{
    CoreExport, ExportItem, ResourceIndex, RuntimeMemoryIndex, RuntimePostReturnIndex,
    RuntimeReallocIndex, StaticModuleIndex, TrampolineIndex,
};
use wasmtime_environ::{EntityIndex, PrimaryMap};

use crate::error::{Result, Trap, trap};
use crate::host::backend::Backend;
use crate::host::backend::any::Engines;
use crate::host::plan::ComponentPlan;
use crate::host::plan::types::ResourceMap;
use crate::resources::{HandleTable, ResourceTables};

/// What the backend's store holds: the user's `T` and witbind's own state.
pub(crate) struct StoreData<T: 'static, B: Backend> {
    /// Unique in the process: tells whether an instance belongs here.
    pub(crate) id: u64,
    /// The user's data.
    pub(crate) user: T,
    /// The hostcall fuel each call starts with.
    pub(crate) hostcall_fuel: usize,
    /// The bound on each handle table of the instances created from now on.
    pub(crate) max_handles: u32,
    /// The engine's limiter state, which the engine consults.
    pub(crate) engine_limits: B::Limits,
    /// The bound on component instances.
    pub(crate) max_instances: Option<usize>,
    /// The store's instances, by `Instance::id`.
    pub(crate) instances: Vec<InstanceState<B>>,
    /// Each instance's host destructors, by `Instance::id`.
    pub(crate) host_dtors: Vec<HostDtors<T>>,
    /// The instance whose call of a host function that may see handles
    /// (its parameters or results hold a `ResourceAny` or a `Val`) is
    /// running: where the store's conversions of host resources to
    /// `ResourceAny`s put them.
    pub(crate) host_caller: Option<TablesAt>,
    /// The calls between sub-components in progress whose handles are
    /// scoped (their signature has borrows), innermost last: the caller's
    /// and the callee's tables, whose scopes `exit-sync-call` closes.
    pub(crate) adapter_calls: Vec<(TablesAt, TablesAt)>,
}

/// Which handle tables: those of component instance `sub` (a
/// `RuntimeComponentInstanceIndex`: the top-level component or one of the
/// sub-components it instantiates) inside the store's instance `id`. The
/// spec gives every component instance its own tables, so two instances
/// of one nested component number their handles independently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TablesAt {
    /// The store's instance (`Instance::id`).
    pub(crate) id: usize,
    /// The component instance inside it.
    pub(crate) sub: u32,
}

/// A host destructor: gets the rep of an owned host resource whose last
/// handle was dropped.
pub(crate) type HostDtor<T> =
    dyn Fn(crate::host::runtime::context::StoreContextMut<'_, T>, u32) -> Result<()> + Send + Sync;

/// The host destructor of each imported resource of an instance, by
/// `ResourceIndex`.
pub(crate) type HostDtors<T> = Arc<[Option<Arc<HostDtor<T>>>]>;

/// A borrow of backend `B`'s store holding `T`.
pub(crate) type Cx<'a, T, B> = <B as Backend>::Cx<'a, StoreData<T, B>>;

/// The runtime state of one component instance.
pub(crate) struct InstanceState<B: Backend> {
    /// What the instance was created from.
    pub(crate) plan: Arc<ComponentPlan>,
    /// The core instances, in the order the plan created them, with the
    /// plan's module each instantiates (`None` for a module the linker
    /// gave); `None` for a module that only fills tables, which the host
    /// applied instead of instantiating (it exports nothing).
    pub(crate) core: Vec<Option<(B::Instance, Option<StaticModuleIndex>)>>,
    /// The canonical options' memories, by `RuntimeMemoryIndex`.
    pub(crate) memories: Vec<Option<B::Memory>>,
    /// The canonical options' `realloc`s, by `RuntimeReallocIndex`.
    pub(crate) reallocs: Vec<Option<B::Func>>,
    /// The canonical options' `post-return`s, by `RuntimePostReturnIndex`.
    pub(crate) post_returns: Vec<Option<B::Func>>,
    /// Destructors of the resources the component defines, by
    /// `DefinedResourceIndex`.
    pub(crate) guest_dtors: Vec<Option<B::Func>>,
    /// The resource type of each of the component's resources.
    pub(crate) resource_types: Arc<ResourceMap>,
    /// The handle tables of each component instance inside (by
    /// `RuntimeComponentInstanceIndex`); `None` while an operation has
    /// taken them out. Boxed so taking them out and putting them back moves
    /// a pointer, not the tables (a few hundred bytes copied twice per call
    /// with handles).
    pub(crate) resources: Vec<Option<Box<ResourceTables>>>,
    /// The host's table of the guest resources it holds, shared by every
    /// component instance inside (as wasmtime keeps one host table, so a
    /// resource from one sub-component's export may go into another's);
    /// swapped into the tables taken out by [`with_tables`].
    pub(crate) host_table: Box<HandleTable>,
    /// The host table is swapped into tables taken out now.
    host_taken: bool,
    /// The flags global of each component instance inside (by
    /// `RuntimeComponentInstanceIndex`) that a fused adapter uses: its
    /// `may_leave`, 1 or 0, which adapters read and write directly.
    pub(crate) flags: Vec<Option<B::Global>>,
    /// The core function of each trampoline (lowered imports and
    /// built-ins), for exports that lift one again.
    pub(crate) trampolines: PrimaryMap<TrampolineIndex, B::Func>,
    /// An export call is running (re-entering traps).
    pub(crate) in_call: bool,
    /// A call trapped: the instance refuses further calls.
    pub(crate) trapped: bool,
    /// The spec's `may_leave`: false while the instance's `realloc` or
    /// `post-return` runs, when calling an import or built-in traps.
    pub(crate) may_leave: bool,
}

impl<B: Backend> InstanceState<B> {
    /// The state of a new instance of `plan` whose resources are
    /// `resource_types` (imported ones first), whose handle tables keep
    /// their indices below `max_handles`.
    pub(crate) fn new(
        plan: Arc<ComponentPlan>,
        resource_types: Arc<ResourceMap>,
        max_handles: u32,
    ) -> Self {
        let info = &plan.info;
        let imported = info.imported_resources.len();
        let mut tables: Vec<ResourceTables> = (0..info.num_runtime_component_instances.max(1))
            .map(|_| {
                ResourceTables::with_tables(
                    HandleTable::with_limit(max_handles),
                    HandleTable::with_limit(max_handles),
                )
            })
            .collect();
        // Each defined resource is implemented by the component instance
        // that defines it.
        for (ty, (_, sub)) in resource_types
            .iter()
            .skip(imported)
            .zip(info.defined_resource_instances.iter())
        {
            if let Some(tables) = tables.get_mut(sub.as_u32() as usize) {
                tables.implement(ty.clone());
            }
        }
        Self {
            guest_dtors: vec![None; (info.num_resources as usize).saturating_sub(imported)],
            resource_types,
            resources: tables.into_iter().map(|t| Some(Box::new(t))).collect(),
            host_table: Box::new(HandleTable::with_limit(max_handles)),
            host_taken: false,
            memories: vec![None; info.num_runtime_memories as usize],
            reallocs: vec![None; info.num_runtime_reallocs as usize],
            post_returns: vec![None; info.num_runtime_post_returns as usize],
            core: Vec::new(),
            flags: Vec::new(),
            trampolines: PrimaryMap::new(),
            plan,
            in_call: false,
            trapped: false,
            may_leave: true,
        }
    }

    /// The memory the canonical options name by `index`.
    pub(crate) fn memory(&self, index: RuntimeMemoryIndex) -> Result<B::Memory> {
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
    pub(crate) fn realloc(&self, index: RuntimeReallocIndex) -> Result<B::Func> {
        match self
            .reallocs
            .get(index.as_u32() as usize)
            .copied()
            .flatten()
        {
            Some(r) => Ok(r),
            None => trap(Trap::NoRealloc),
        }
    }

    /// The `post-return` the canonical options name by `index`.
    pub(crate) fn post_return(&self, index: RuntimePostReturnIndex) -> Result<B::Func> {
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

    /// The destructor the component declared for its resource `index`, if
    /// it defines that resource and declared one.
    pub(crate) fn guest_dtor(&self, index: ResourceIndex) -> Option<B::Func> {
        let defined = self.plan.info.defined_resource_index(index)?;
        self.guest_dtors
            .get(defined.as_u32() as usize)
            .copied()
            .flatten()
    }

    /// The index of resource type `ty` among the instance's resources.
    pub(crate) fn resource_index(&self, ty: &crate::types::ResourceType) -> Option<ResourceIndex> {
        let index = self.resource_types.iter().position(|t| t == ty)?;
        Some(ResourceIndex::from_u32(index as u32))
    }
}

impl<T, B: Backend> StoreData<T, B> {
    /// Instance `id`'s state, or an error when it is not in this store.
    pub(crate) fn instance(&self, store: u64, id: usize) -> Result<&InstanceState<B>> {
        match self.instances.get(id) {
            Some(state) if self.id == store => Ok(state),
            _ => anyhow::bail!("the instance belongs to another store"),
        }
    }
}

/// Sets instance `id`'s `may_leave`: false while its `realloc` or
/// `post-return` may run, true again afterwards (whatever they returned).
/// The flags globals of its component instances that fused adapters use
/// follow, so that an adapter called from there traps too.
#[inline]
pub(crate) fn set_may_leave<T: 'static, B: Backend>(
    cx: &mut Cx<'_, T, B>,
    id: usize,
    may_leave: bool,
) {
    let Some(state) = B::data_mut(cx).instances.get_mut(id) else {
        return;
    };
    state.may_leave = may_leave;
    for sub in 0..state.flags.len() {
        if let Some(global) = B::data(cx).instances[id].flags[sub] {
            B::global_set(cx, global, i32::from(may_leave));
        }
    }
}

/// The flags global of component instance `at`, created on first use
/// with `may_leave` set.
pub(crate) fn flags_global<T: 'static, B: Backend>(
    cx: &mut Cx<'_, T, B>,
    at: TablesAt,
) -> Result<B::Global> {
    let sub = at.sub as usize;
    let existing = B::data(cx).instances[at.id]
        .flags
        .get(sub)
        .copied()
        .flatten();
    if let Some(global) = existing {
        return Ok(global);
    }
    let global = B::new_global(cx, 1)?;
    let flags = &mut B::data_mut(cx).instances[at.id].flags;
    if flags.len() <= sub {
        flags.resize(sub + 1, None);
    }
    flags[sub] = Some(global);
    Ok(global)
}

/// Records `caller` as the instance whose host function call is running,
/// returning the one it replaces (to restore when the call returns).
#[inline]
pub(crate) fn set_host_caller<T: 'static, B: Backend>(
    cx: &mut Cx<'_, T, B>,
    caller: Option<TablesAt>,
) -> Option<TablesAt> {
    std::mem::replace(&mut B::data_mut(cx).host_caller, caller)
}

/// Traps with [`Trap::CannotLeave`] when component instance `at` may not
/// leave now: what every import and built-in checks first. Besides the
/// host's own flag, a fused adapter clears the flags global of an instance
/// whose `realloc` it calls.
#[inline]
pub(crate) fn check_may_leave<T: 'static, B: Backend>(
    cx: &mut Cx<'_, T, B>,
    at: TablesAt,
) -> Result<()> {
    let global = match B::data(cx).instances.get(at.id) {
        Some(state) if !state.may_leave => return trap(Trap::CannotLeave),
        Some(state) => state.flags.get(at.sub as usize).copied().flatten(),
        None => None,
    };
    match global {
        Some(global) if B::global_get(cx, global) == 0 => trap(Trap::CannotLeave),
        _ => Ok(()),
    }
}

/// Runs `f` with the handle tables `at` taken out of the store, so that
/// `f` can use the store (memory, `realloc`) at the same time, and puts
/// them back whatever `f` returns.
#[inline]
pub(crate) fn with_tables<T: 'static, B: Backend, R>(
    cx: &mut Cx<'_, T, B>,
    at: TablesAt,
    f: impl FnOnce(&mut Cx<'_, T, B>, &mut ResourceTables) -> Result<R>,
) -> Result<R> {
    let mut tables = take_tables::<T, B>(cx, at)?;
    let result = f(cx, &mut tables);
    put_tables::<T, B>(cx, at, tables);
    result
}

/// The handle tables `at`, in place and without the shared host table:
/// for the operations between component instances (fused adapters), which
/// never touch the host's handles.
#[inline]
pub(crate) fn instance_tables<'c, T: 'static, B: Backend>(
    cx: &'c mut Cx<'_, T, B>,
    at: TablesAt,
) -> Result<&'c mut ResourceTables> {
    let Some(state) = B::data_mut(cx).instances.get_mut(at.id) else {
        anyhow::bail!("the instance does not belong to this store");
    };
    match state.resources.get_mut(at.sub as usize) {
        Some(Some(tables)) => Ok(tables),
        Some(None) => {
            anyhow::bail!("the instance's handle tables are in use by an outer operation")
        }
        None => anyhow::bail!("component instance {} has no handle tables", at.sub),
    }
}

/// Runs `f` inside the handle tables `at` when `handles` says the values
/// moved carry handles, and without them otherwise. `f` is called from one
/// place, so it is inlined whole into both cases.
#[inline(always)]
pub(crate) fn maybe_with_tables<T: 'static, B: Backend, R>(
    cx: &mut Cx<'_, T, B>,
    at: TablesAt,
    handles: bool,
    f: impl FnOnce(&mut Cx<'_, T, B>, Option<&mut ResourceTables>) -> Result<R>,
) -> Result<R> {
    let mut taken = if handles {
        Some(take_tables::<T, B>(cx, at)?)
    } else {
        None
    };
    let result = f(cx, taken.as_deref_mut());
    if let Some(tables) = taken {
        put_tables::<T, B>(cx, at, tables);
    }
    result
}

/// Takes the handle tables `at` out of the store, with the instance's
/// shared host table swapped in.
#[inline]
fn take_tables<T: 'static, B: Backend>(
    cx: &mut Cx<'_, T, B>,
    at: TablesAt,
) -> Result<Box<ResourceTables>> {
    let Some(state) = B::data_mut(cx).instances.get_mut(at.id) else {
        anyhow::bail!("the instance does not belong to this store");
    };
    let Some(slot) = state.resources.get_mut(at.sub as usize) else {
        anyhow::bail!("component instance {} has no handle tables", at.sub);
    };
    match slot.take() {
        Some(mut tables) if !state.host_taken => {
            tables.swap_host(&mut state.host_table);
            state.host_taken = true;
            Ok(tables)
        }
        taken => {
            *slot = taken;
            anyhow::bail!("the instance's handle tables are in use by an outer operation")
        }
    }
}

/// Puts the handle tables `at` back into the store, and the shared host
/// table back into the instance.
#[inline]
fn put_tables<T: 'static, B: Backend>(
    cx: &mut Cx<'_, T, B>,
    at: TablesAt,
    mut tables: Box<ResourceTables>,
) {
    let state = &mut B::data_mut(cx).instances[at.id];
    tables.swap_host(&mut state.host_table);
    state.host_taken = false;
    state.resources[at.sub as usize] = Some(tables);
}

/// The tables whose host table is `host_table`, among the store's
/// instances (or only instance `id`'s, when given).
pub(crate) fn tables_holding<T: 'static, B: Backend>(
    cx: &Cx<'_, T, B>,
    host_table: u64,
    id: Option<usize>,
) -> Option<TablesAt> {
    let instances = &B::data(cx).instances;
    // Every component instance inside shares the host table: any one's
    // tables reach it.
    let in_instance = |id: usize| {
        let state = instances.get(id)?;
        (!state.host_taken && state.host_table.id() == host_table)
            .then_some(TablesAt { id, sub: 0 })
    };
    match id {
        Some(id) => in_instance(id),
        None => (0..instances.len()).find_map(in_instance),
    }
}

/// The item an export of one of instance `id`'s core instances is
/// (instance `id` being of `plan`).
pub(crate) fn core_export<T: 'static, B: Engines>(
    cx: &mut Cx<'_, T, B>,
    plan: &ComponentPlan,
    id: usize,
    export: &CoreExport<EntityIndex>,
) -> Result<B::Extern> {
    let state = &B::data(cx).instances[id];
    let Some(&Some((instance, module))) = state.core.get(export.instance.as_u32() as usize) else {
        anyhow::bail!(
            "core instance {} is not instantiated yet or exports nothing",
            export.instance.as_u32()
        );
    };
    let found = match (&export.item, module) {
        (ExportItem::Index(index), Some(module)) => {
            let keys = &plan.export_keys::<B>()?[module];
            match keys.binary_search_by_key(index, |(entity, _)| *entity) {
                Ok(at) => B::export_at(cx, instance, &keys[at].1),
                Err(_) => {
                    anyhow::bail!("core module {} does not export {index:?}", module.as_u32())
                }
            }
        }
        (ExportItem::Name(name), _) => B::export(cx, instance, name),
        (ExportItem::Index(_), None) => {
            anyhow::bail!("an imported core module's export is named by index")
        }
    };
    found.with_context(|| format!("core instance {} lacks an export", export.instance.as_u32()))
}
