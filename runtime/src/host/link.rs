//! Instantiation: walking a [`ComponentPlan`]'s initializers on the
//! backend, defining every trampoline they ask for (lowered imports and
//! built-ins), and filling the new instance's runtime state.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use anyhow::Context as _;
use wasmtime_environ::component::{
    CanonicalOptionsDataModel, CoreDef, GlobalInitializer, InstantiateModule, RuntimeImportIndex,
    Trampoline, TrampolineIndex, Transcode,
};
use wasmtime_environ::{EntityIndex, PrimaryMap};

use crate::abi::flat::FlatType;
use crate::error::Result;
use crate::host::backend::any::Engines;
use crate::host::backend::check_signature;
use crate::host::builtins::adapter;
use crate::host::builtins::resource::{Builtin, define_builtin};
use crate::host::call::import::{HostFunc, ImportCall, LoweredImport};
use crate::host::module::{CoreModuleF, Module};
use crate::host::plan::table_fill::TableFill;
use crate::host::plan::types::{FuncType, ResourceMap};
use crate::host::plan::{ComponentPlan, EngineF, HostSigsF, encoding};
use crate::host::runtime::state::{
    Cx, HostDtors, InstanceState, TablesAt, core_export, flags_global,
};
use crate::resources::HandleKind;
use crate::val::CanonContext;

/// A host function for an import, with the import's full name.
pub(crate) type NamedHostFunc<T> = (String, Arc<HostFunc<T>>);

/// The host function behind a lowered import and what the import's
/// trampoline needs in every instance.
pub(crate) type LoweredHost<T> = (Arc<HostFunc<T>>, Arc<LoweredImport>);

/// The lowered import of each trampoline that is one.
pub(crate) type LoweredHosts<T> = PrimaryMap<TrampolineIndex, Option<LoweredHost<T>>>;

/// What instantiation takes from the linker, resolved and type-checked.
pub(crate) struct Imports<T: 'static> {
    /// The host function and prepared types of each lowered import.
    pub(crate) lowered: Arc<LoweredHosts<T>>,
    /// The resource type of each of the component's resources.
    pub(crate) resource_types: Arc<ResourceMap>,
    /// The host destructor of each imported resource, by `ResourceIndex`.
    pub(crate) host_dtors: HostDtors<T>,
    /// The core module of each import that is one.
    pub(crate) modules: Arc<ImportedModules>,
}

/// The core module the linker gave for each import that is one.
pub(crate) type ImportedModules = PrimaryMap<RuntimeImportIndex, Option<Module>>;

/// Instantiates `plan` in the store behind `cx` as instance number `id`
/// (the next one) with the linker's `imports`. A failure leaves the
/// instance in the store, poisoned.
pub(crate) fn instantiate<T: 'static, B: Engines>(
    cx: &mut Cx<'_, T, B>,
    plan: &Arc<ComponentPlan>,
    id: usize,
    imports: &Imports<T>,
) -> Result<()> {
    let store_engine = B::store_engine(cx);
    let same = B::get::<EngineF>(&plan.engine).is_some_and(|e| B::same_engine(e, &store_engine));
    if !same {
        anyhow::bail!("the component was compiled by another engine than the store's");
    }
    if id != B::data(cx).instances.len() {
        anyhow::bail!("the store changed while the instance was being linked");
    }
    let max_handles = B::data(cx).max_handles;
    let state = InstanceState::new(plan.clone(), imports.resource_types.clone(), max_handles);
    let data = B::data_mut(cx);
    data.instances.push(state);
    data.host_dtors.push(imports.host_dtors.clone());
    let result = run_initializers::<T, B>(cx, plan, id, imports);
    if result.is_err() {
        B::data_mut(cx).instances[id].trapped = true;
    }
    result
}

fn run_initializers<T: 'static, B: Engines>(
    cx: &mut Cx<'_, T, B>,
    plan: &ComponentPlan,
    id: usize,
    imports: &Imports<T>,
) -> Result<()> {
    let mut trampolines = define_trampolines::<T, B>(cx, plan, id, imports)?;
    let mut copies = copies_to_wasm::<B>(plan);
    let modules = plan.modules::<B>()?;
    // The functions checked below are exports of the plan's own modules or
    // its trampolines, whose types are the same in every instance: one
    // instance that passed the checks proves them for all.
    let signatures_checked = plan.signatures_checked.load(Ordering::Relaxed);
    let mut externs = Vec::new();
    for init in &plan.info.initializers {
        match init {
            GlobalInitializer::InstantiateModule(InstantiateModule::Static(module, args), _) => {
                externs.clear();
                for def in args.iter() {
                    copy_in_wasm::<T, B>(cx, plan, id, &mut trampolines, &mut copies, def);
                    externs.push(resolve::<T, B>(cx, plan, id, &trampolines, def)?);
                }
                let instance = match plan.table_fill(*module) {
                    Some(fill) => {
                        apply_table_fill::<T, B>(cx, fill, &externs).with_context(|| {
                            format!("failed to instantiate core module {}", module.as_u32())
                        })?;
                        None
                    }
                    None => {
                        let instance = B::instantiate(cx, &modules[*module], &externs)
                            .with_context(|| {
                                format!("failed to instantiate core module {}", module.as_u32())
                            })?;
                        Some((instance, Some(*module)))
                    }
                };
                B::data_mut(cx).instances[id].core.push(instance);
            }
            GlobalInitializer::InstantiateModule(InstantiateModule::Import(index, args), _) => {
                let Some(Some(module)) = imports.modules.get(*index) else {
                    anyhow::bail!("imported core module {} is not defined", index.as_u32());
                };
                externs.clear();
                for ((name, field), _) in &module.inner.imports {
                    let Some(def) = args.get(name).and_then(|items| items.get(field)) else {
                        anyhow::bail!(
                            "the component gives the imported core module no `{name}` `{field}`"
                        );
                    };
                    externs.push(resolve::<T, B>(cx, plan, id, &trampolines, def)?);
                }
                let instance = instantiate_imported::<T, B>(cx, module, &externs)?;
                B::data_mut(cx).instances[id]
                    .core
                    .push(Some((instance, None)));
            }
            GlobalInitializer::LowerImport { .. } => {}
            GlobalInitializer::ExtractMemory(e) => {
                let export = e.export.clone().map_index(EntityIndex::Memory);
                let memory = B::extern_memory(core_export::<T, B>(cx, plan, id, &export)?)
                    .context("a canonical `memory` option names something that is not a memory")?;
                B::data_mut(cx).instances[id].memories[e.index.as_u32() as usize] = Some(memory);
            }
            GlobalInitializer::ExtractRealloc(e) => {
                let func = resolve_func::<T, B>(cx, plan, id, &trampolines, &e.def, "realloc")?;
                if !signatures_checked {
                    let i32 = FlatType::I32;
                    check_signature::<B, _>(cx, func, &[i32, i32, i32, i32], &[i32], "realloc")?;
                }
                B::data_mut(cx).instances[id].reallocs[e.index.as_u32() as usize] = Some(func);
            }
            GlobalInitializer::ExtractPostReturn(e) => {
                let func = resolve_func::<T, B>(cx, plan, id, &trampolines, &e.def, "post-return")?;
                B::data_mut(cx).instances[id].post_returns[e.index.as_u32() as usize] = Some(func);
            }
            GlobalInitializer::Resource(r) => {
                let Some(def) = &r.dtor else { continue };
                let func = resolve_func::<T, B>(cx, plan, id, &trampolines, def, "dtor")?;
                if !signatures_checked {
                    let i32 = [FlatType::I32];
                    check_signature::<B, _>(cx, func, &i32, &[], "resource destructor")?;
                }
                let slot = B::data_mut(cx).instances[id]
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
    plan.signatures_checked.store(true, Ordering::Relaxed);
    B::data_mut(cx).instances[id].trampolines = trampolines;
    Ok(())
}

/// The `copy` transcoders of `plan` that have a wasm version on `B`.
fn copies_to_wasm<B: Engines>(plan: &ComponentPlan) -> Vec<TrampolineIndex> {
    plan.trampolines
        .iter()
        .filter(|(_, t)| match t {
            Trampoline::Transcoder {
                op: Transcode::Copy(encoding),
                ..
            } => plan.copy_module::<B>(*encoding).is_some(),
            _ => false,
        })
        .map(|(index, _)| index)
        .collect()
}

/// Puts the wasm version of the `copy` transcoder `def` names, if it is
/// one of `pending`, in its place (see [`adapter::copy_in_wasm`]); a
/// transcoder whose memories do not exist yet stays pending.
fn copy_in_wasm<T: 'static, B: Engines>(
    cx: &mut Cx<'_, T, B>,
    plan: &ComponentPlan,
    id: usize,
    trampolines: &mut PrimaryMap<TrampolineIndex, B::Func>,
    pending: &mut Vec<TrampolineIndex>,
    def: &CoreDef,
) {
    let CoreDef::Trampoline(index) = def else {
        return;
    };
    let Some(at) = pending.iter().position(|p| p == index) else {
        return;
    };
    let Trampoline::Transcoder { op, from, to, .. } = plan.trampolines[*index] else {
        return;
    };
    let host = trampolines[*index];
    if let Some(func) = adapter::copy_in_wasm::<T, B>(cx, plan, id, (op, from, to), host) {
        trampolines[*index] = func;
        pending.swap_remove(at);
    }
}

/// Instantiates a core module the linker gave, on the store's engine.
fn instantiate_imported<T: 'static, B: Engines>(
    cx: &mut Cx<'_, T, B>,
    module: &Module,
    externs: &[B::Extern],
) -> Result<B::Instance> {
    let store_engine = B::store_engine(cx);
    let same = B::get::<EngineF>(&module.inner.engine.inner)
        .is_some_and(|e| B::same_engine(e, &store_engine));
    let compiled = B::get::<CoreModuleF>(&module.inner.compiled);
    match compiled {
        Some(compiled) if same => B::instantiate(cx, compiled, externs)
            .context("failed to instantiate the imported core module"),
        _ => anyhow::bail!(
            "the imported core module was compiled by another engine than the store's"
        ),
    }
}

/// Instantiates a module that only fills tables by writing its element
/// segments, in order, with its instantiation arguments `externs`.
fn apply_table_fill<T: 'static, B: Engines>(
    cx: &mut Cx<'_, T, B>,
    fill: &TableFill,
    externs: &[B::Extern],
) -> Result<()> {
    for segment in &fill.segments {
        let Some(table) = externs.get(segment.table) else {
            anyhow::bail!("an element segment's table is not among the module's imports");
        };
        for (at, func) in segment.funcs.iter().enumerate() {
            let Some(func) = externs.get(*func).and_then(|f| B::extern_func(f.clone())) else {
                anyhow::bail!("an element segment's function is not among the module's imports");
            };
            B::table_set(cx, table, segment.offset + at as u64, func)?;
        }
    }
    Ok(())
}

/// Prepares every lowered import of `plan` once, for all its instances:
/// its host function from `funcs`, its options and its types (which name
/// only imported resources, typed by `resource_types`), checked against
/// the core type the plan computed.
pub(crate) fn lower_imports<T: 'static>(
    plan: &ComponentPlan,
    funcs: &PrimaryMap<RuntimeImportIndex, Option<NamedHostFunc<T>>>,
    resource_types: &ResourceMap,
) -> Result<LoweredHosts<T>> {
    let mut lowered_hosts = PrimaryMap::new();
    for (index, trampoline) in plan.trampolines.iter() {
        let Trampoline::LowerImport {
            index: lowered,
            lower_ty,
            options,
        } = trampoline
        else {
            lowered_hosts.push(None);
            continue;
        };
        let Some((name, host)) = plan
            .lowered_imports
            .get(lowered)
            .and_then(|i| funcs.get(*i))
            .and_then(Option::as_ref)
        else {
            anyhow::bail!("lowered import {} has no host function", lowered.as_u32());
        };
        let ty = FuncType::new(&plan.types, resource_types, *lower_ty)?;
        let core = ty.core(CanonContext::Lower);
        if core != plan.trampoline_types[index] {
            anyhow::bail!(
                "import `{name}`: the lowered core type does not match the canonical ABI"
            );
        }
        let options = &plan.info.options[*options];
        let realloc = match options.data_model {
            CanonicalOptionsDataModel::LinearMemory(o) => o.realloc,
            CanonicalOptionsDataModel::Gc {} => None,
        };
        let import = LoweredImport {
            memory: options.memory(),
            realloc,
            encoding: encoding(options.string_encoding),
            ty,
            core,
            sub: options.instance.as_u32(),
        };
        lowered_hosts.push(Some((host.clone(), Arc::new(import))));
    }
    Ok(lowered_hosts)
}

/// Defines the core function of every trampoline of the plan, for
/// instance `id`, with the signatures the plan prepared.
fn define_trampolines<T: 'static, B: Engines>(
    cx: &mut Cx<'_, T, B>,
    plan: &ComponentPlan,
    id: usize,
    imports: &Imports<T>,
) -> Result<PrimaryMap<TrampolineIndex, B::Func>> {
    let Some(sigs) = B::get::<HostSigsF>(&plan.host_sigs) else {
        anyhow::bail!("the component was compiled for another backend than the store's");
    };
    let mut trampolines = PrimaryMap::<TrampolineIndex, B::Func>::new();
    // Built on the first handle transfer, shared by all of them.
    let mut table_resources = None;
    for (index, trampoline) in plan.trampolines.iter() {
        let sig = &sigs[index];
        let builtin = |builtin, table, cx: &mut Cx<'_, T, B>| {
            define_builtin::<T, B>(cx, plan, id, &imports.resource_types, (builtin, table), sig)
        };
        let func = match trampoline {
            Trampoline::LowerImport { .. } => {
                let Some(Some((host, lowered))) = imports.lowered.get(index) else {
                    anyhow::bail!("trampoline {} has no host function", index.as_u32());
                };
                let call = ImportCall {
                    instance: id,
                    lowered: lowered.clone(),
                };
                host.define::<B>(cx, sig, call)
            }
            Trampoline::ResourceNew { ty, .. } => builtin(Builtin::New, *ty, cx)?,
            Trampoline::ResourceRep { ty, .. } => builtin(Builtin::Rep, *ty, cx)?,
            Trampoline::ResourceDrop { ty, .. } => builtin(Builtin::Drop, *ty, cx)?,
            Trampoline::Trap => B::host_func_with(cx, sig, |_, args: &mut [u64]| {
                adapter::adapter_trap(args.first().copied().unwrap_or(0))
            }),
            Trampoline::ResourceTransferOwn | Trampoline::ResourceTransferBorrow => {
                let kind = match trampoline {
                    Trampoline::ResourceTransferOwn => HandleKind::Own,
                    _ => HandleKind::Borrow,
                };
                let tables = table_resources
                    .get_or_insert_with(|| adapter::table_resources(plan, &imports.resource_types))
                    .clone();
                B::host_func_with(cx, sig, move |mut cx, args: &mut [u64]| {
                    adapter::transfer::<T, B>(&mut cx, id, &tables, kind, args)
                })
            }
            Trampoline::EnterSyncCall => {
                B::host_func_with(cx, sig, move |mut cx, args: &mut [u64]| {
                    adapter::enter_call::<T, B>(&mut cx, id, args)
                })
            }
            Trampoline::ExitSyncCall => B::host_func_with(cx, sig, |mut cx, _: &mut [u64]| {
                adapter::exit_call::<T, B>(&mut cx)
            }),
            Trampoline::Transcoder { op, from, to, .. } => {
                let what = (*op, *from, *to);
                B::host_func_with(cx, sig, move |mut cx, args: &mut [u64]| {
                    adapter::run_transcoder::<T, B>(&mut cx, id, what, args)
                })
            }
            other => anyhow::bail!("unsupported trampoline `{}`", other.symbol_name()),
        };
        trampolines.push(func);
    }
    Ok(trampolines)
}

fn resolve_func<T: 'static, B: Engines>(
    cx: &mut Cx<'_, T, B>,
    plan: &ComponentPlan,
    id: usize,
    trampolines: &PrimaryMap<TrampolineIndex, B::Func>,
    def: &CoreDef,
    what: &str,
) -> Result<B::Func> {
    B::extern_func(resolve::<T, B>(cx, plan, id, trampolines, def)?)
        .with_context(|| format!("the `{what}` option names something that is not a function"))
}

/// The backend item a core definition refers to.
fn resolve<T: 'static, B: Engines>(
    cx: &mut Cx<'_, T, B>,
    plan: &ComponentPlan,
    id: usize,
    trampolines: &PrimaryMap<TrampolineIndex, B::Func>,
    def: &CoreDef,
) -> Result<B::Extern> {
    match def {
        CoreDef::Export(export) => core_export::<T, B>(cx, plan, id, export),
        CoreDef::Trampoline(index) => match trampolines.get(*index) {
            Some(f) => Ok(B::func_extern(*f)),
            None => anyhow::bail!("trampoline {} is not defined", index.as_u32()),
        },
        CoreDef::InstanceFlags(sub) => {
            let at = TablesAt {
                id,
                sub: sub.as_u32(),
            };
            Ok(B::global_extern(flags_global::<T, B>(cx, at)?))
        }
        other => anyhow::bail!("unsupported core definition {other:?}"),
    }
}
