//! Loading: a component binary becomes a [`ComponentPlan`] once, at
//! `Component::new`: wasmtime-environ's translator and inliner flatten it
//! into core module instantiations and trampolines, [`support`] rejects
//! what witbind does not run, and the backend compiles every core module.
//! Instantiation only walks the plan.

pub(crate) mod describe;
pub(crate) mod serialized;
pub(crate) mod support;
pub(crate) mod table_fill;
pub(crate) mod types;
pub(crate) mod value_size;

use std::collections::HashMap;
use std::sync::OnceLock;
use std::sync::atomic::AtomicBool;

use anyhow::Context as _;
use wasmtime_environ::component::{
    self as env, ComponentTypes, ComponentTypesBuilder, FixedEncoding, GlobalInitializer,
    LoweredIndex, RuntimeImportIndex, StaticModuleIndex, Trampoline, TrampolineIndex, Transcode,
    Translator, TypeComponentIndex,
};
use wasmtime_environ::{EntityIndex, PrimaryMap, ScopeVec, Tunables};

use crate::abi::flat::FlatType;
use crate::error::Result;
use crate::host::backend::Backend;
use crate::host::backend::any::{Any, Engines, Family, on_engine};
use crate::host::builtins::copy_in_wasm;
use crate::host::plan::table_fill::{TableFill, table_fill};
use crate::val::CoreFuncType;

/// The family of a backend's engines.
pub(crate) struct EngineF;

impl Family for EngineF {
    type Of<B: Engines> = B::Engine;
}

/// The family of a backend's compiled core modules of one component.
pub(crate) struct ModulesF;

impl Family for ModulesF {
    type Of<B: Engines> = PrimaryMap<StaticModuleIndex, B::Module>;
}

/// The export keys of one core module, sorted by exported entity.
pub(crate) type ModuleExportKeys<K> = Vec<(EntityIndex, K)>;

/// The family of a backend's export keys of one component's core modules,
/// by module and exported entity.
pub(crate) struct ExportKeysF;

impl Family for ExportKeysF {
    type Of<B: Engines> = PrimaryMap<StaticModuleIndex, ModuleExportKeys<B::ExportKey>>;
}

/// The family of a backend's prepared host-function signatures, one per
/// trampoline of a plan.
pub(crate) struct HostSigsF;

impl Family for HostSigsF {
    type Of<B: Engines> = PrimaryMap<TrampolineIndex, B::HostSig>;
}

/// The family of a backend's compiled wasm string copies
/// ([`copy_in_wasm`]), one per encoding a plan's adapters copy.
pub(crate) struct CopiesF;

impl Family for CopiesF {
    type Of<B: Engines> = Vec<(FixedEncoding, B::Module)>;
}

/// An engine of any backend.
pub(crate) type AnyEngine = Any<EngineF>;

impl Clone for AnyEngine {
    fn clone(&self) -> Self {
        on_engine!(self, |engine| wrap_engine::<B>(engine.clone()))
    }
}

/// Wraps a backend's engine.
pub(crate) fn wrap_engine<B: Engines>(engine: B::Engine) -> AnyEngine {
    B::wrap::<EngineF>(engine)
}

/// Whether two engines are the same one.
pub(crate) fn same_engine(a: &AnyEngine, b: &AnyEngine) -> bool {
    on_engine!((a, b), |a, b| same::<B>(a, b), else false)
}

fn same<B: Backend>(a: &B::Engine, b: &B::Engine) -> bool {
    B::same_engine(a, b)
}

/// What instantiation needs, computed once.
pub(crate) struct ComponentPlan {
    /// The engine that compiled the core modules.
    pub(crate) engine: AnyEngine,
    /// The flattened component: imports, exports and initializers.
    pub(crate) info: env::Component,
    /// Every trampoline the initializers refer to.
    pub(crate) trampolines: PrimaryMap<TrampolineIndex, Trampoline>,
    /// The component's types.
    pub(crate) types: ComponentTypes,
    /// The compiled core modules.
    pub(crate) modules: Any<ModulesF>,
    /// For each core module, the key of each exported entity, to resolve
    /// the inliner's by-index references without looking up names.
    pub(crate) export_keys: Any<ExportKeysF>,
    /// The table writes of each module that only fills tables.
    table_fills: PrimaryMap<StaticModuleIndex, Option<TableFill>>,
    /// The component binary, for [`ComponentPlan::serialize`].
    source: Vec<u8>,
    /// The core signature the component declares for each trampoline.
    pub(crate) trampoline_types: PrimaryMap<TrampolineIndex, CoreFuncType>,
    /// The same, prepared for the engine's host functions.
    pub(crate) host_sigs: Any<HostSigsF>,
    /// The wasm string copies that stand for the plan's `copy`
    /// transcoders, when the engine compiles wasm.
    copies: Any<CopiesF>,
    /// The runtime import each lowered import lowers.
    pub(crate) lowered_imports: HashMap<LoweredIndex, RuntimeImportIndex>,
    /// How many resource tables `types` has (`TypeResourceTableIndex`es
    /// below it are valid).
    pub(crate) resource_tables: u32,
    /// The name of each resource the component defines, in
    /// `DefinedResourceIndex` order.
    pub(crate) defined_resource_names: Vec<&'static str>,
    /// Whether one instance's `realloc` and destructor functions passed
    /// their signature checks, which then hold for every instance.
    pub(crate) signatures_checked: AtomicBool,
    /// The component's own type among `types`.
    component_ty: TypeComponentIndex,
    /// Unique to this plan: the identity of its description's resources.
    pub(crate) serial: u64,
    /// The description [`ComponentPlan::describe`] built, once.
    description: OnceLock<crate::types::Component>,
}

/// Where a plan's core modules come from.
enum ModuleSource<'a> {
    /// Compiled from the component's core wasm.
    Compile,
    /// Deserialized from their precompiled forms.
    Precompiled(&'a [&'a [u8]]),
}

impl ComponentPlan {
    /// Validates, translates and checks `bytes`, and compiles its core
    /// modules on `engine`.
    pub(crate) fn load(engine: &AnyEngine, bytes: &[u8]) -> Result<Self> {
        Self::build(engine, bytes, ModuleSource::Compile)
    }

    /// A plan from the bytes [`ComponentPlan::serialize`] wrote.
    ///
    /// # Safety
    ///
    /// `bytes` must come from `serialize` (see
    /// [`Backend::deserialize_module`]).
    pub(crate) unsafe fn deserialize(engine: &AnyEngine, bytes: &[u8]) -> Result<Self> {
        let read = serialized::read(bytes, engine.kind())?;
        let source = if read.modules.is_empty() {
            ModuleSource::Compile
        } else {
            ModuleSource::Precompiled(&read.modules)
        };
        Self::build(engine, read.component, source)
    }

    /// The plan's serialized form: the component binary and, where the
    /// backend has them, its precompiled core modules.
    pub(crate) fn serialize(&self) -> Result<Vec<u8>> {
        let modules = on_engine!(&self.modules, |modules| serialize_all::<B>(modules)?);
        Ok(serialized::write(
            self.engine.kind(),
            &self.source,
            &modules,
        ))
    }

    fn build(engine: &AnyEngine, bytes: &[u8], source: ModuleSource<'_>) -> Result<Self> {
        let mut tunables = Tunables::default_host();
        // witbind runs the synchronous component model: adapters between
        // sub-components then need no task bookkeeping.
        tunables.concurrency_support = false;
        let scope = ScopeVec::new();
        // Fixed-length lists, maps, and names carrying `(implements ..)` or
        // `(external-id ..)` (WIT's named imports and `@external-id`) are
        // component-model features behind flags in the spec's validation;
        // witbind runs them. An import is linked by its name: a named
        // import's label, not the interface it implements.
        let features = wasmparser::WasmFeatures::default()
            | wasmparser::WasmFeatures::CM_FIXED_LENGTH_LISTS
            | wasmparser::WasmFeatures::CM_MAP
            | wasmparser::WasmFeatures::CM_IMPLEMENTS;
        // Neither backend runs exception handling; without it, adapters
        // between sub-components carry no exception barrier either.
        let features = features.difference(wasmparser::WasmFeatures::EXCEPTIONS);
        let mut validator = wasmparser::Validator::new_with_features(features);
        let mut types = ComponentTypesBuilder::new(&validator);
        let translator = Translator::new(&tunables, &mut validator, &mut types, &scope);
        // The translator asserts on some malformed inputs instead of
        // returning an error: a panic there is the input's fault, so it is
        // an error here, never a crash of the host.
        let translated = catch_translator_panic(|| translator.translate(bytes))?;
        let (translation, modules) = translated.map_err(translation_error)?;
        value_size::check(bytes)?;
        support::check_supported(&translation)?;

        let compiled = match source {
            ModuleSource::Compile => {
                let wasm: Vec<&[u8]> = modules.values().map(|m| m.wasm).collect();
                on_engine!(engine, |engine| compile_all::<B>(engine, &wasm)?)
            }
            ModuleSource::Precompiled(precompiled) => {
                if precompiled.len() != modules.len() {
                    anyhow::bail!(
                        "the serialized component has {} precompiled modules, its binary {}",
                        precompiled.len(),
                        modules.len()
                    );
                }
                // SAFETY: `deserialize`'s caller guarantees the bytes come
                // from `serialize`.
                on_engine!(engine, |engine| unsafe {
                    deserialize_all::<B>(engine, precompiled)?
                })
            }
        };
        let export_names: Vec<Vec<(EntityIndex, &str)>> = modules
            .values()
            .map(|module| {
                let names = &module.module;
                names
                    .exports
                    .iter()
                    .map(|(name, entity)| (*entity, &names.strings[*name]))
                    .collect()
            })
            .collect();
        let table_fills = modules.values().map(table_fill).collect();
        let export_keys = on_engine!(&compiled, |compiled| export_keys::<B>(
            compiled,
            &export_names
        )?);
        let resource_tables = types.num_resource_tables() as u32;
        let (types, component_ty) =
            catch_translator_panic(|| types.finish(&translation.component))?;
        let trampoline_types = translation
            .trampolines
            .values()
            .map(|t| trampoline_type(&types, &translation.component, t))
            .collect::<Result<PrimaryMap<TrampolineIndex, _>>>()?;
        let host_sigs = on_engine!(engine, |engine| host_sigs::<B>(engine, &trampoline_types));
        let copies = on_engine!(engine, |engine| compile_copies::<B>(
            engine,
            &translation.trampolines
        )?);
        let lowered_imports = translation
            .component
            .initializers
            .iter()
            .filter_map(|init| match init {
                GlobalInitializer::LowerImport { index, import } => Some((*index, *import)),
                _ => None,
            })
            .collect();
        let info = &translation.component;
        let defined_resource_names = defined_resource_names(info, &types);
        Ok(Self {
            resource_tables,
            defined_resource_names,
            trampoline_types,
            host_sigs,
            copies,
            lowered_imports,
            engine: engine.clone(),
            info: translation.component,
            trampolines: translation.trampolines,
            types,
            modules: compiled,
            export_keys,
            table_fills,
            signatures_checked: AtomicBool::new(false),
            source: bytes.to_vec(),
            component_ty,
            serial: describe::next_serial(),
            description: OnceLock::new(),
        })
    }

    /// The component's type: its imports and exports, described once and
    /// then shared.
    pub(crate) fn describe(&self) -> Result<crate::types::Component> {
        if let Some(described) = self.description.get() {
            return Ok(described.clone());
        }
        let described = describe::describe(self, self.component_ty)?;
        // Another thread may have described it meanwhile, identically.
        Ok(self.description.get_or_init(|| described).clone())
    }

    /// The item the component exports as `name` (in the exported interface
    /// `interface`, or at the root).
    pub(crate) fn export_item(
        &self,
        (interface, name): (Option<&str>, &str),
    ) -> Result<&env::Export> {
        let info = &self.info;
        let lookup = |map: &env::NameMap<_, (env::ExportIndex, _)>, n: &str| {
            map.get(n, &env::NameMapNoIntern).map(|(index, _)| *index)
        };
        let index = match interface {
            None => lookup(&info.exports, name),
            Some(iface) => match lookup(&info.exports, iface).map(|i| &info.export_items[i]) {
                Some(env::Export::Instance { exports, .. }) => lookup(exports, name),
                _ => anyhow::bail!("the component exports no interface `{iface}`"),
            },
        };
        match index {
            Some(index) => Ok(&info.export_items[index]),
            None => match interface {
                Some(iface) => anyhow::bail!("the component exports no `{iface}#{name}`"),
                None => anyhow::bail!("the component exports no `{name}`"),
            },
        }
    }

    /// For each core module that only fills imported tables, the writes
    /// that stand for instantiating it.
    pub(crate) fn table_fill(&self, module: StaticModuleIndex) -> Option<&TableFill> {
        self.table_fills.get(module).and_then(Option::as_ref)
    }

    /// The export keys for backend `B`, by module and entity.
    pub(crate) fn export_keys<B: Engines>(
        &self,
    ) -> Result<&PrimaryMap<StaticModuleIndex, ModuleExportKeys<B::ExportKey>>> {
        self.for_backend::<B, _>(&self.export_keys)
    }

    /// The compiled modules for backend `B`, or an error when the plan was
    /// compiled by another backend.
    pub(crate) fn modules<B: Engines>(&self) -> Result<&PrimaryMap<StaticModuleIndex, B::Module>> {
        self.for_backend::<B, _>(&self.modules)
    }

    /// The compiled wasm copy of strings of `encoding`, when the engine
    /// compiles wasm and the plan's adapters copy such strings.
    pub(crate) fn copy_module<B: Engines>(&self, encoding: FixedEncoding) -> Option<&B::Module> {
        let copies = B::get::<CopiesF>(&self.copies)?;
        copies.iter().find(|(e, _)| *e == encoding).map(|(_, m)| m)
    }

    /// The plan's `B` form of `any`, or an error naming both backends.
    fn for_backend<'p, B: Engines, F: Family>(&self, any: &'p Any<F>) -> Result<&'p F::Of<B>> {
        match B::get(any) {
            Some(found) => Ok(found),
            None => anyhow::bail!(
                "the component was compiled for {}, not {}",
                self.modules.kind(),
                B::KIND
            ),
        }
    }
}

/// The name of each resource the component defines, in
/// `DefinedResourceIndex` order: the name it is exported under (`file`,
/// or `ns:pkg/iface#file`), so that errors about its handles name it, or
/// `resource<index>` for one it does not export.
fn defined_resource_names(info: &env::Component, types: &ComponentTypes) -> Vec<&'static str> {
    let imported = info.imported_resources.len() as u32;
    let mut names: Vec<Option<String>> = vec![None; (info.num_resources - imported) as usize];
    let mut name_export = |name: String, export: &env::Export| {
        let env::Export::Type(env::TypeDef::Resource(table)) = export else {
            return;
        };
        let env::TypeResourceTable::Concrete { ty, .. } = &types[*table] else {
            return;
        };
        let slot = ty.as_u32().checked_sub(imported).map(|i| i as usize);
        if let Some(slot) = slot.and_then(|i| names.get_mut(i)) {
            slot.get_or_insert(name);
        }
    };
    for (name, (index, _)) in info.exports.raw_iter() {
        let name: &str = name;
        match &info.export_items[*index] {
            env::Export::Instance { exports, .. } => {
                for (item, (index, _)) in exports.raw_iter() {
                    let item: &str = item;
                    name_export(format!("{name}#{item}"), &info.export_items[*index]);
                }
            }
            export => name_export(name.to_string(), export),
        }
    }
    names
        .into_iter()
        .enumerate()
        .map(|(i, name)| {
            let name = name.unwrap_or_else(|| format!("resource{}", i as u32 + imported));
            crate::types::intern(&name)
        })
        .collect()
}

/// Compiles every core module, several at once when the machine has more
/// than one core (a large component has hundreds of them).
fn compile_all<B: Engines>(engine: &B::Engine, wasm: &[&[u8]]) -> Result<Any<ModulesF>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let compile = |(index, wasm): (usize, &&[u8])| {
        B::compile(engine, wasm).with_context(|| format!("failed to compile core module {index}"))
    };
    let compiled: Vec<B::Module> = if threads < 2 || wasm.len() < 2 {
        wasm.iter()
            .enumerate()
            .map(compile)
            .collect::<Result<_>>()?
    } else {
        let chunk = wasm.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let workers: Vec<_> = wasm
                .chunks(chunk)
                .enumerate()
                .map(|(n, part)| {
                    scope.spawn(move || {
                        part.iter()
                            .enumerate()
                            .map(|(i, w)| compile((n * chunk + i, w)))
                            .collect::<Result<Vec<_>>>()
                    })
                })
                .collect();
            let mut all = Vec::with_capacity(wasm.len());
            for worker in workers {
                match worker.join() {
                    Ok(part) => all.extend(part?),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            Ok::<_, crate::Error>(all)
        })?
    };
    Ok(B::wrap::<ModulesF>(compiled.into_iter().collect()))
}

/// The translator's error: a validation error names the component
/// invalid; anything else is a valid construct the translator does not
/// implement (as a function import exported again as is).
fn translation_error(error: wasmtime_environ::error::Error) -> crate::Error {
    let message = format!("{error:?}");
    if error
        .downcast_ref::<wasmparser::BinaryReaderError>()
        .is_some()
    {
        anyhow::anyhow!(message).context("invalid component")
    } else {
        anyhow::anyhow!(
            "unsupported component construct: {message} (wasmtime-environ's translator, which \
             witbind uses, does not implement it)"
        )
    }
}

/// Runs a step of wasmtime-environ's translator, turning a panic into an
/// error naming the component as invalid.
fn catch_translator_panic<R>(step: impl FnOnce() -> R) -> Result<R> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(step)).map_err(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".to_string());
        anyhow::anyhow!(
            "invalid component: the component translator rejected it by panicking ({message})"
        )
    })
}

/// The core signature of a trampoline: the lowered import's as the
/// component declares it, or the handle built-ins' fixed ones.
fn trampoline_type(
    types: &ComponentTypes,
    info: &env::Component,
    trampoline: &Trampoline,
) -> Result<CoreFuncType> {
    let i32 = FlatType::I32;
    Ok(match trampoline {
        Trampoline::LowerImport { options, .. } => {
            let declared = types[info.options[*options].core_type].unwrap_func();
            CoreFuncType {
                params: core_flat_types(declared.params())?,
                results: core_flat_types(declared.results())?,
            }
        }
        Trampoline::ResourceNew { .. } | Trampoline::ResourceRep { .. } => CoreFuncType {
            params: vec![i32],
            results: vec![i32],
        },
        Trampoline::ResourceDrop { .. } => CoreFuncType {
            params: vec![i32],
            results: vec![],
        },
        Trampoline::Trap => CoreFuncType {
            params: vec![i32],
            results: vec![],
        },
        Trampoline::ResourceTransferOwn | Trampoline::ResourceTransferBorrow => CoreFuncType {
            params: vec![i32; 3],
            results: vec![i32],
        },
        Trampoline::EnterSyncCall => CoreFuncType {
            params: vec![i32; 3],
            results: vec![],
        },
        Trampoline::ExitSyncCall => CoreFuncType {
            params: vec![],
            results: vec![],
        },
        Trampoline::Transcoder { op, .. } => crate::host::builtins::transcode::signature(*op),
        other => anyhow::bail!("unsupported trampoline `{}`", other.symbol_name()),
    })
}

/// The flat types of a component's core function type.
fn core_flat_types(types: &[wasmtime_environ::WasmValType]) -> Result<Vec<FlatType>> {
    types
        .iter()
        .map(|ty| match core_flat_type(ty) {
            Some(flat) => Ok(flat),
            None => anyhow::bail!("core value type `{ty}` is not supported by witbind"),
        })
        .collect()
}

/// The flat type of a core number type; `None` for any other value type.
pub(crate) fn core_flat_type(ty: &wasmtime_environ::WasmValType) -> Option<FlatType> {
    use wasmtime_environ::WasmValType as V;
    match ty {
        V::I32 => Some(FlatType::I32),
        V::I64 => Some(FlatType::I64),
        V::F32 => Some(FlatType::F32),
        V::F64 => Some(FlatType::F64),
        _ => None,
    }
}

/// The wasm copy of every encoding `trampolines` copy strings of, when the
/// engine compiles wasm.
fn compile_copies<B: Engines>(
    engine: &B::Engine,
    trampolines: &PrimaryMap<TrampolineIndex, Trampoline>,
) -> Result<Any<CopiesF>> {
    let mut copies: Vec<(FixedEncoding, B::Module)> = Vec::new();
    if B::compiles_wasm(engine) {
        for trampoline in trampolines.values() {
            let Trampoline::Transcoder {
                op: Transcode::Copy(encoding),
                ..
            } = trampoline
            else {
                continue;
            };
            if copies.iter().all(|(e, _)| e != encoding) {
                let module = B::compile(engine, &copy_in_wasm::module(*encoding))
                    .context("failed to compile the adapters' string copy")?;
                copies.push((*encoding, module));
            }
        }
    }
    Ok(B::wrap::<CopiesF>(copies))
}

/// Every trampoline's signature prepared for backend `B`'s host functions.
fn host_sigs<B: Engines>(
    engine: &B::Engine,
    types: &PrimaryMap<TrampolineIndex, CoreFuncType>,
) -> Any<HostSigsF> {
    let sigs = types
        .values()
        .map(|t| B::host_sig(engine, &t.params, &t.results))
        .collect();
    B::wrap::<HostSigsF>(sigs)
}

/// The key of every export of every module, from the exports' `names`.
fn export_keys<B: Engines>(
    modules: &PrimaryMap<StaticModuleIndex, B::Module>,
    names: &[Vec<(EntityIndex, &str)>],
) -> Result<Any<ExportKeysF>> {
    let mut keys = PrimaryMap::with_capacity(modules.len());
    for (module, names) in modules.values().zip(names) {
        let mut module_keys = Vec::with_capacity(names.len());
        for (entity, name) in names {
            let Some(key) = B::export_key(module, name) else {
                anyhow::bail!("a compiled core module lacks its export `{name}`");
            };
            module_keys.push((*entity, key));
        }
        module_keys.sort_by_key(|(entity, _)| *entity);
        keys.push(module_keys);
    }
    Ok(B::wrap::<ExportKeysF>(keys))
}

/// The precompiled forms of `modules`, or none when the backend has none.
fn serialize_all<B: Engines>(
    modules: &PrimaryMap<StaticModuleIndex, B::Module>,
) -> Result<Vec<Vec<u8>>> {
    let mut out = Vec::with_capacity(modules.len());
    for module in modules.values() {
        match B::serialize_module(module)? {
            Some(bytes) => out.push(bytes),
            None => return Ok(Vec::new()),
        }
    }
    Ok(out)
}

/// Loads precompiled modules.
///
/// # Safety
///
/// As [`Backend::deserialize_module`].
unsafe fn deserialize_all<B: Engines>(
    engine: &B::Engine,
    precompiled: &[&[u8]],
) -> Result<Any<ModulesF>> {
    let modules = precompiled
        .iter()
        .enumerate()
        .map(|(i, bytes)| {
            // SAFETY: as this function's contract.
            unsafe { B::deserialize_module(engine, bytes) }
                .with_context(|| format!("failed to load precompiled core module {i}"))
        })
        .collect::<Result<PrimaryMap<_, _>>>()?;
    Ok(B::wrap::<ModulesF>(modules))
}

/// witbind's string encoding for wasmtime-environ's.
pub(crate) fn encoding(e: env::StringEncoding) -> crate::StringEncoding {
    match e {
        env::StringEncoding::Utf8 => crate::StringEncoding::Utf8,
        env::StringEncoding::Utf16 => crate::StringEncoding::Utf16,
        env::StringEncoding::CompactUtf16 => crate::StringEncoding::CompactUtf16,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_translator_panic_is_an_error_naming_the_component_invalid() {
        let err = catch_translator_panic(|| -> u32 { panic!("unexpected section") }).unwrap_err();
        let message = format!("{err}");
        assert!(message.contains("invalid component"), "{message}");
        assert!(message.contains("unexpected section"), "{message}");
        assert_eq!(catch_translator_panic(|| 7).unwrap(), 7);
    }
}
