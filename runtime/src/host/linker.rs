//! [`Linker`]: host definitions by import name, and instantiation.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, Weak};

use wasmtime_environ::PrimaryMap;
use wasmtime_environ::component::{ComponentTypes, TypeDef, TypeResourceTable};

use crate::abi::traits::{ComponentType, Lift, Lower};
use crate::error::{Result, Trap, trap};
use crate::host::backend::any::{Engines, on_engine};
use crate::host::builtins::resource::{HostResource, resource_map};
use crate::host::call::borrowed::BorrowedParams;
use crate::host::call::import::HostFunc;
use crate::host::component::Component;
use crate::host::engine::Engine;
use crate::host::instance::Instance;
use crate::host::link::{ImportedModules, Imports, LoweredHosts, instantiate, lower_imports};
use crate::host::module::Module;
use crate::host::plan::ComponentPlan;
use crate::host::plan::types::{FuncType, ResourceMap};
use crate::host::runtime::context::{AsContextMut, StoreContextMut};
use crate::host::runtime::state::{Cx, HostDtor, HostDtors};
use crate::host::semver::{Matched, VersionedMap};
use crate::resources::Resource;
use crate::types::{ComponentFunc, ResourceType};
use crate::val::Val;

/// The Rust type behind every resource
/// [`Linker::define_unknown_imports_as_traps`] defines: private, so no
/// handle of it can ever be made.
struct UnknownImport;

/// One host definition.
enum Definition<T: 'static> {
    Func(Arc<HostFunc<T>>),
    Resource(HostResource<T>),
    Module(Module),
}

impl<T: 'static> Clone for Definition<T> {
    fn clone(&self) -> Self {
        match self {
            Definition::Func(f) => Definition::Func(f.clone()),
            Definition::Resource(r) => Definition::Resource(r.clone()),
            Definition::Module(m) => Definition::Module(m.clone()),
        }
    }
}

impl<T: 'static> Definition<T> {
    fn kind(&self) -> &'static str {
        match self {
            Definition::Func(_) => "function",
            Definition::Resource(_) => "resource type",
            Definition::Module(_) => "core module",
        }
    }
}

type Definitions<T> = HashMap<String, Definition<T>>;

/// Host definitions for a component's imports, by name: functions of the
/// root (`root()`) and of imported interfaces (`instance("ns:pkg/iface")`).
///
/// # Names and semver
///
/// Interface names may carry a version (`wasi:cli/stdout@0.2.0`). An import
/// is resolved to the interface defined under its exact name, or else, as
/// wasmtime's linker does, to the highest semver-compatible version defined:
/// an import of `a:b/c@0.2.1` is satisfied by `a:b/c@0.2.0` or `a:b/c@0.2.4`
/// (same minor version below 1.0, same major version from 1.0 on; a 0.0.x
/// version or a pre-release only by itself). This relies on interfaces of
/// one track never changing, as semver promises. Definitions made through
/// [`LinkerInstance::exact`] opt out: they satisfy only imports of their
/// interface's exact name.
pub struct Linker<T: 'static> {
    engine: Engine,
    root: Definitions<T>,
    instances: VersionedMap<Definitions<T>>,
    /// The items of each interface defined for exact-name imports only.
    exact_only: HashMap<String, HashSet<String>>,
    /// Counts the changes to the definitions: a resolution made at one
    /// generation holds until the next change.
    generation: u64,
    /// The last resolution [`instantiate`](Self::instantiate) made, reused
    /// while the component and the definitions stay the same: instantiating
    /// one component again and again (a command run per request) costs
    /// what an [`InstancePre`](crate::InstancePre) costs.
    last_resolved: Mutex<Option<LastResolved<T>>>,
}

/// A resolution of a component's imports, and what it was made for.
struct LastResolved<T: 'static> {
    /// The component (held weakly: the cache must not keep it alive, and
    /// a dropped one cannot match again).
    plan: Weak<ComponentPlan>,
    generation: u64,
    imports: ResolvedImports<T>,
}

impl<T: 'static> Clone for Linker<T> {
    fn clone(&self) -> Self {
        Self {
            engine: self.engine.clone(),
            root: self.root.clone(),
            instances: self.instances.clone(),
            exact_only: self.exact_only.clone(),
            generation: self.generation,
            last_resolved: Mutex::new(None),
        }
    }
}

/// The definitions of one namespace of a [`Linker`]: its root or one
/// interface.
pub struct LinkerInstance<'a, T: 'static> {
    path: Option<String>,
    definitions: &'a mut Definitions<T>,
    /// The interface's exact-only items; `None` at the root, whose names
    /// carry no versions.
    exact_only: Option<&'a mut HashSet<String>>,
    /// Whether definitions made now are exact-only.
    exact: bool,
}

impl<T: 'static> Linker<T> {
    /// An empty linker for components of `engine`.
    pub fn new(engine: &Engine) -> Self {
        Self {
            engine: engine.clone(),
            root: HashMap::new(),
            instances: VersionedMap::default(),
            exact_only: HashMap::new(),
            generation: 0,
            last_resolved: Mutex::new(None),
        }
    }

    /// The engine the linker was made for.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// The root namespace: functions the component imports by plain name.
    pub fn root(&mut self) -> LinkerInstance<'_, T> {
        self.generation += 1;
        LinkerInstance {
            path: None,
            definitions: &mut self.root,
            exact_only: None,
            exact: false,
        }
    }

    /// The namespace of the imported interface `name` (`"ns:pkg/iface"`),
    /// created when first asked for.
    pub fn instance(&mut self, name: &str) -> Result<LinkerInstance<'_, T>> {
        if self.root.contains_key(name) {
            anyhow::bail!("`{name}` is already defined as a function");
        }
        self.generation += 1;
        Ok(LinkerInstance {
            path: Some(name.to_string()),
            definitions: self.instances.entry_or_default(name),
            exact_only: Some(self.exact_only.entry(name.to_string()).or_default()),
            exact: false,
        })
    }

    /// The definition of `item` of the imported interface `name`: the one of
    /// the interface defined under `name`, or else of the highest
    /// semver-compatible version defined, unless it is exact-only.
    fn instance_item(&self, name: &str, item: &str) -> Option<&Definition<T>> {
        let (key, defs, matched) = self.instances.lookup(name)?;
        let exact_only = || self.exact_only.get(key).is_some_and(|e| e.contains(item));
        match matched {
            Matched::Compatible if exact_only() => None,
            _ => defs.get(item),
        }
    }

    /// For an import `name#item` that [`instance_item`](Self::instance_item)
    /// does not find because a compatible version defines it for exact
    /// imports only: the name of that version's interface.
    fn exact_only_key(&self, name: &str, item: &str) -> Option<&str> {
        let (key, _, matched) = self.instances.lookup(name)?;
        let exact_only = self.exact_only.get(key).is_some_and(|e| e.contains(item));
        (matched == Matched::Compatible && exact_only).then_some(key)
    }

    /// For an import `name#item` (a `desc`) that
    /// [`instance_item`](Self::instance_item) does not find because a
    /// compatible version defines it for exact imports only: the error
    /// saying so.
    fn exact_only_error(&self, name: &str, item: &str, desc: &str) -> Option<anyhow::Error> {
        let key = self.exact_only_key(name, item)?;
        Some(anyhow::anyhow!(
            "missing import: the component imports `{name}#{item}` ({desc}); {}",
            exact_only_note(key, item)
        ))
    }

    /// Defines every import of `component` this linker does not define
    /// yet, so that instantiating it no longer fails on them: a function
    /// becomes one that traps when called
    /// ([`Trap::UnknownImport`](crate::Trap::UnknownImport), naming the
    /// import), at the root and in imported interfaces alike.
    ///
    /// An unknown resource type becomes a host resource type of a private
    /// Rust type, named after the import: neither the host nor the guest
    /// can make a handle of it (a guest cannot create handles of a type it
    /// imports), so a function taking one can never receive one. Value
    /// types need no definition. A definition the linker already has is
    /// kept, even of the wrong kind (instantiating then reports it); an
    /// interface defined under a semver-compatible version (see the type's
    /// documentation) counts as defined, and its missing items are added to
    /// it. An imported component, module or nested instance is an error
    /// naming it.
    pub fn define_unknown_imports_as_traps(&mut self, component: &Component) -> Result<()> {
        let plan = &component.plan;
        let (info, types) = (&plan.info, &plan.types);
        for (_, (name, ext)) in info.import_types.iter() {
            match ext.ty {
                TypeDef::ComponentInstance(instance) => {
                    if self.root.contains_key(name) {
                        continue;
                    }
                    // An interface defined under a semver-compatible
                    // version satisfies the import: its missing items are
                    // added to it, not to a new
                    // interface of the import's exact name, which would
                    // hide the definitions it has.
                    let key = match self.instances.lookup(name) {
                        Some((key, _, _)) => key.to_string(),
                        None => name.to_string(),
                    };
                    // A resource that only re-exports another import's
                    // (an `eq` alias, as `wasi:clocks` re-exports
                    // `wasi:io`'s `pollable`) gets no type of its own: the
                    // other import's definition serves it.
                    let aliases: Vec<bool> = types[instance]
                        .exports
                        .iter()
                        .map(|(item, export)| {
                            aliases_other_import(plan, export.ty, &format!("{name}#{item}"))
                        })
                        .collect();
                    let mut linker = self.instance(&key)?;
                    for ((item, export), alias) in types[instance].exports.iter().zip(aliases) {
                        if !alias {
                            linker.define_unknown_as_trap(item, export.ty, Some(name))?;
                        }
                    }
                }
                ty => {
                    if !self.instances.contains_key(name) {
                        self.root().define_unknown_as_trap(name, ty, None)?;
                    }
                }
            }
        }
        Ok(())
    }

    /// Instantiates `component` in `store`, with every import resolved to
    /// this linker's definitions and type-checked against them.
    ///
    /// Fails naming the import when one is missing or its host function has
    /// other types than the component expects.
    pub fn instantiate(
        &self,
        store: impl AsContextMut<Data = T>,
        component: &Component,
    ) -> Result<Instance> {
        self.resolve_cached(component)?
            .instantiate(store, component)
    }

    /// [`resolve`](Self::resolve), reusing the last resolution when it was
    /// made for this component and these definitions.
    fn resolve_cached(&self, component: &Component) -> Result<ResolvedImports<T>> {
        let mut last = self
            .last_resolved
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(cached) = last.as_ref()
            && cached.generation == self.generation
            && std::ptr::eq(cached.plan.as_ptr(), Arc::as_ptr(&component.plan))
        {
            return Ok(cached.imports.clone());
        }
        let imports = self.resolve(component)?;
        *last = Some(LastResolved {
            plan: Arc::downgrade(&component.plan),
            generation: self.generation,
            imports: imports.clone(),
        });
        Ok(imports)
    }

    /// Finds the definition of every import of `component` and checks it
    /// against the import's type: the part of instantiation that does not
    /// depend on the store.
    pub(crate) fn resolve(&self, component: &Component) -> Result<ResolvedImports<T>> {
        let plan = &component.plan;
        self.check_missing(plan)?;
        let (info, types) = (&plan.info, &plan.types);
        let mut found = PrimaryMap::new();
        for (_, (import, path)) in info.imports.iter() {
            let (name, ext) = &info.import_types[*import];
            let (full_name, def, ty) = match path.as_slice() {
                [] => (name.clone(), self.root.get(name), ext.ty),
                [item] => {
                    let full = format!("{name}#{item}");
                    let ty = match ext.ty {
                        TypeDef::ComponentInstance(i) => {
                            match types[i].exports.get(item.as_str()) {
                                Some(e) => e.ty,
                                None => anyhow::bail!("import `{full}` has no type"),
                            }
                        }
                        _ => anyhow::bail!("import `{name}` is not an instance"),
                    };
                    (full, self.instance_item(name, item), ty)
                }
                _ => anyhow::bail!(
                    "import `{name}`: nested instance imports are not supported by witbind yet"
                ),
            };
            let Some(def) = def else {
                if let [item] = path.as_slice()
                    && let Some(e) = self.exact_only_error(name, item, ty.desc())
                {
                    return Err(e);
                }
                anyhow::bail!(
                    "missing import: the component imports `{full_name}` ({}), which the linker does not define",
                    ty.desc()
                );
            };
            found.push((full_name, def, ty));
        }

        let mut imported = Vec::new();
        let mut host_dtors: Vec<Option<Arc<HostDtor<T>>>> = Vec::new();
        for (_, import) in info.imported_resources.iter() {
            match &found[*import] {
                (_, Definition::Resource(r), TypeDef::Resource(_)) => {
                    imported.push(r.ty.clone());
                    host_dtors.push(Some(r.dtor.clone()));
                }
                (name, def, _) => anyhow::bail!(
                    "import `{name}`: the component imports a resource type, the linker defines a {}",
                    def.kind()
                ),
            }
        }
        // Imports can only name imported resources, so any instance's
        // resource map types them the same.
        let resource_types = resource_map(plan, 0, imported.clone());
        self.check_declared(plan, &resource_types)?;
        let mut funcs = PrimaryMap::new();
        let mut modules = PrimaryMap::new();
        for (_, (full_name, def, ty)) in found.into_iter() {
            // `check_declared` type-checked each with every other import.
            let (func, module) = match (ty, def) {
                (TypeDef::ComponentFunc(_), Definition::Func(host)) => {
                    (Some((full_name, host.clone())), None)
                }
                (TypeDef::Module(_), Definition::Module(m)) => (None, Some(m.clone())),
                (TypeDef::Resource(_), Definition::Resource(_)) => (None, None),
                (TypeDef::ComponentFunc(_) | TypeDef::Resource(_) | TypeDef::Module(_), def) => {
                    anyhow::bail!(
                        "import `{full_name}`: the component imports a {}, the linker defines a {}",
                        ty.desc(),
                        def.kind()
                    )
                }
                (other, _) => anyhow::bail!(
                    "import `{full_name}`: importing a {} is not supported",
                    other.desc()
                ),
            };
            funcs.push(func);
            modules.push(module);
        }
        Ok(ResolvedImports {
            lowered: Arc::new(lower_imports(plan, &funcs, &resource_types)?),
            imported: imported.into(),
            host_dtors: host_dtors.into(),
            modules: Arc::new(modules),
        })
    }
}

/// A declared import the linker has no definition for.
struct Missing<'a> {
    /// The imported interface, `None` at the root.
    interface: Option<&'a str>,
    item: &'a str,
    /// What it is: `function`, `resource`.
    desc: &'a str,
    /// The interface of a compatible version defining it for exact imports
    /// only.
    exact_only: Option<&'a str>,
}

impl std::fmt::Display for Missing<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "`{}` ({})", self.item, self.desc)?;
        if let Some(key) = self.exact_only {
            write!(f, " [{}]", exact_only_note(key, self.item))?;
        }
        Ok(())
    }
}

/// Why an import is not found although the compatible interface `key`
/// defines `item`.
fn exact_only_note(key: &str, item: &str) -> String {
    format!(
        "the linker defines `{key}#{item}` for imports of exactly that name only \
         (`LinkerInstance::exact`, `bindgen!`'s `exact`)"
    )
}

impl<T: 'static> Linker<T> {
    /// Fails when the linker defines nothing for some of the functions and
    /// resources the component imports, listing every one of them, by
    /// interface, in one error: a host learns all it lacks at once. A
    /// definition of another kind or type is left to the checks that
    /// follow, which name the mismatch.
    fn check_missing(&self, plan: &ComponentPlan) -> Result<()> {
        let (info, types) = (&plan.info, &plan.types);
        let mut missing = Vec::new();
        for (_, (name, ext)) in info.import_types.iter() {
            match ext.ty {
                // A function defined under the interface's name is a kind
                // mismatch, named by `check_declared`.
                TypeDef::ComponentInstance(_) if self.root.contains_key(name) => {}
                TypeDef::ComponentInstance(instance) => {
                    for (item, export) in types[instance].exports.iter() {
                        let needed =
                            matches!(export.ty, TypeDef::ComponentFunc(_) | TypeDef::Resource(_));
                        if needed
                            && self.instance_item(name, item).is_none()
                            && !aliases_other_import(plan, export.ty, &format!("{name}#{item}"))
                        {
                            missing.push(Missing {
                                interface: Some(name),
                                item,
                                desc: export.ty.desc(),
                                exact_only: self.exact_only_key(name, item),
                            });
                        }
                    }
                }
                TypeDef::ComponentFunc(_) | TypeDef::Resource(_)
                    if !self.root.contains_key(name) && !self.instances.contains_key(name) =>
                {
                    missing.push(Missing {
                        interface: None,
                        item: name,
                        desc: ext.ty.desc(),
                        exact_only: None,
                    });
                }
                _ => {}
            }
        }
        match missing.as_slice() {
            [] => Ok(()),
            [one] => {
                let full = match one.interface {
                    Some(interface) => format!("{interface}#{}", one.item),
                    None => one.item.to_string(),
                };
                match one.exact_only {
                    Some(key) => anyhow::bail!(
                        "missing import: the component imports `{full}` ({}); {}",
                        one.desc,
                        exact_only_note(key, one.item)
                    ),
                    None => anyhow::bail!(
                        "missing import: the component imports `{full}` ({}), which the linker \
                         does not define",
                        one.desc
                    ),
                }
            }
            all => {
                let mut message = format!(
                    "missing imports: the component imports {} items the linker does not define:",
                    all.len()
                );
                // By interface, in the order the component first names each.
                let mut groups: Vec<(Option<&str>, Vec<String>)> = Vec::new();
                for m in all {
                    match groups.iter_mut().find(|(i, _)| *i == m.interface) {
                        Some((_, items)) => items.push(m.to_string()),
                        None => groups.push((m.interface, vec![m.to_string()])),
                    }
                }
                for (interface, items) in groups {
                    let place = match interface {
                        Some(interface) => format!("interface `{interface}`"),
                        None => "root".to_string(),
                    };
                    message.push_str(&format!("\n  {place}: {}", items.join(", ")));
                }
                message.push_str(
                    "\ndefine them in the linker (`Linker::root`, `Linker::instance`, or the \
                     `add_to_linker` of the bindings that implement them)",
                );
                Err(anyhow::anyhow!(message))
            }
        }
    }

    /// Checks that every import the component declares is defined with its
    /// declared kind and type, whether or not its core code uses it: the
    /// component's type promises all of them.
    fn check_declared(&self, plan: &ComponentPlan, resource_types: &ResourceMap) -> Result<()> {
        let (info, types) = (&plan.info, &plan.types);
        for (_, (name, ext)) in info.import_types.iter() {
            match ext.ty {
                TypeDef::ComponentInstance(instance) => {
                    if let Some(def) = self.root.get(name) {
                        anyhow::bail!(
                            "import `{name}`: the component imports an instance, the linker \
                             defines a {}",
                            def.kind()
                        );
                    }
                    for (item, export) in types[instance].exports.iter() {
                        let full = format!("{name}#{item}");
                        let def = self.instance_item(name, item);
                        if def.is_none() && aliases_other_import(plan, export.ty, &full) {
                            continue;
                        }
                        if def.is_none()
                            && let Some(e) = self.exact_only_error(name, item, export.ty.desc())
                        {
                            return Err(e);
                        }
                        check_item(&full, def, export.ty, types, resource_types)?;
                    }
                }
                ty => {
                    if self.instances.contains_key(name) && !self.root.contains_key(name) {
                        anyhow::bail!(
                            "import `{name}`: the component imports a {}, the linker defines an \
                             interface",
                            ty.desc()
                        );
                    }
                    check_item(name, self.root.get(name), ty, types, resource_types)?;
                }
            }
        }
        Ok(())
    }
}

/// Whether the resource type `ty`, declared by the import `name`, is an
/// `(eq ...)` alias of a resource that another import introduces, as
/// `wasi:io/streams` re-exports the `error` of `wasi:io/error`: it needs no
/// definition of its own, the other import's serves (which `resolve`
/// requires).
fn aliases_other_import(plan: &ComponentPlan, ty: TypeDef, name: &str) -> bool {
    let (info, types) = (&plan.info, &plan.types);
    let TypeDef::Resource(table) = ty else {
        return false;
    };
    let TypeResourceTable::Concrete { ty: resource, .. } = &types[table] else {
        return false;
    };
    let Some(import) = info.imported_resources.get(*resource) else {
        return false;
    };
    let (index, path) = &info.imports[*import];
    let (import_name, _) = &info.import_types[*index];
    let introduced_by = match path.as_slice() {
        [] => import_name.clone(),
        [item] => format!("{import_name}#{item}"),
        _ => return false,
    };
    introduced_by != name
}

/// Checks the linker's definition `def` of the declared import `name` of
/// type `ty`.
fn check_item<T: 'static>(
    name: &str,
    def: Option<&Definition<T>>,
    ty: TypeDef,
    types: &ComponentTypes,
    resource_types: &ResourceMap,
) -> Result<()> {
    match (ty, def) {
        (TypeDef::ComponentFunc(f), Some(Definition::Func(host))) => {
            let func_ty = FuncType::new(types, resource_types, f)
                .map_err(|e| e.context(format!("import `{name}`")))?;
            host.typecheck(name, &func_ty)
        }
        (TypeDef::Resource(table), Some(Definition::Resource(r))) => {
            // Two imports of one resource (an `(eq ...)` bound, or one
            // interface re-exporting another's type) must be defined as
            // that one type: the component's code takes them as the same.
            let TypeResourceTable::Concrete { ty: index, .. } = &types[table] else {
                return Ok(());
            };
            match resource_types.get(index.as_u32() as usize) {
                Some(expected) if *expected != r.ty => anyhow::bail!(
                    "import `{name}`: the component declares this resource type equal \
                     (`eq`) to another import's, but the linker defines a different type for \
                     it; define both with the same Rust type"
                ),
                _ => Ok(()),
            }
        }
        (TypeDef::Module(m), Some(Definition::Module(module))) => {
            module.check_against(name, &types[m], types.module_types())
        }
        (TypeDef::ComponentFunc(_) | TypeDef::Resource(_) | TypeDef::Module(_), Some(def)) => {
            anyhow::bail!(
                "import `{name}`: the component imports a {}, the linker defines a {}",
                ty.desc(),
                def.kind()
            )
        }
        (TypeDef::ComponentFunc(_) | TypeDef::Resource(_) | TypeDef::Module(_), None) => {
            anyhow::bail!(
                "missing import: the component imports `{name}` ({}), which the linker does not \
             define",
                ty.desc()
            )
        }
        // A value type (a record, an enum, ...) needs no definition.
        (TypeDef::Interface(_), _) => Ok(()),
        (other, _) => anyhow::bail!(
            "import `{name}`: importing a {} is not supported by witbind yet",
            other.desc()
        ),
    }
}

/// A component's imports resolved to a linker's definitions and
/// type-checked: what an [`InstancePre`](crate::InstancePre) keeps so each
/// instantiation does only per-instance work.
pub(crate) struct ResolvedImports<T: 'static> {
    /// The host function and prepared types of each lowered import.
    lowered: Arc<LoweredHosts<T>>,
    /// The host's resource types, by imported `ResourceIndex`.
    imported: Arc<[ResourceType]>,
    host_dtors: HostDtors<T>,
    /// The core module of each import that is one.
    modules: Arc<ImportedModules>,
}

impl<T: 'static> Clone for ResolvedImports<T> {
    fn clone(&self) -> Self {
        Self {
            lowered: self.lowered.clone(),
            imported: self.imported.clone(),
            host_dtors: self.host_dtors.clone(),
            modules: self.modules.clone(),
        }
    }
}

impl<T: 'static> ResolvedImports<T> {
    /// Instantiates `component` (the one these imports were resolved for)
    /// in `store`.
    pub(crate) fn instantiate(
        &self,
        mut store: impl AsContextMut<Data = T>,
        component: &Component,
    ) -> Result<Instance> {
        let mut cx = store.as_context_mut();
        on_engine!(&mut cx.inner, |cx| self.instantiate_on::<B>(cx, component))
    }

    fn instantiate_on<B: Engines>(
        &self,
        cx: &mut Cx<'_, T, B>,
        component: &Component,
    ) -> Result<Instance> {
        let data = B::data(cx);
        let id = data.instances.len();
        if data.max_instances.is_some_and(|max| id >= max) {
            anyhow::bail!(
                "the store holds {id} component instances, its limit (`StoreLimits::component_instances`)"
            );
        }
        let imports = Imports {
            lowered: self.lowered.clone(),
            resource_types: resource_map(&component.plan, id, self.imported.to_vec()),
            host_dtors: self.host_dtors.clone(),
            modules: self.modules.clone(),
        };
        instantiate::<T, B>(cx, &component.plan, id, &imports)?;
        Ok(Instance {
            store: B::data(cx).id,
            id,
        })
    }
}

impl<T: 'static> LinkerInstance<'_, T> {
    /// This namespace, through which definitions satisfy only imports of
    /// the interface's exact name: an import of a semver-compatible version
    /// (see [`Linker`]) does not find them. At the root, whose names carry
    /// no versions, this changes nothing.
    pub fn exact(&mut self) -> LinkerInstance<'_, T> {
        LinkerInstance {
            path: self.path.clone(),
            definitions: &mut *self.definitions,
            exact_only: self.exact_only.as_deref_mut(),
            exact: true,
        }
    }

    /// Defines the function `name` as `func`, which takes the parameters as
    /// the tuple `P` and returns the results as the tuple `R`. As in
    /// [`Func::typed`](crate::Func::typed), a [`Val`] may stand for any whole
    /// parameter or result.
    pub fn func_wrap<P, R, F>(&mut self, name: &str, func: F) -> Result<()>
    where
        P: for<'a> Lift<'a> + 'static,
        R: Lower + 'static,
        F: Fn(StoreContextMut<'_, T>, P) -> Result<R> + Send + Sync + 'static,
    {
        self.define(name, Definition::Func(Arc::new(HostFunc::typed(func))))
    }

    /// Defines the function `name` as `func`, whose parameters (of the
    /// component types of the tuple `P`) borrow the guest's memory: `func`
    /// lifts them from [`BorrowedParams`] as views such as
    /// [`WasmStr`](crate::WasmStr), and gets the store's data, not the store.
    pub fn func_wrap_borrowed<P, R, F>(&mut self, name: &str, func: F) -> Result<()>
    where
        P: ComponentType + 'static,
        R: Lower + 'static,
        F: for<'a> Fn(&mut T, &mut BorrowedParams<'a>) -> Result<R> + Send + Sync + 'static,
    {
        let func = HostFunc::borrowed::<P, R>(Arc::new(func));
        self.define(name, Definition::Func(Arc::new(func)))
    }

    /// Defines the function `name` as `func`, which takes dynamic [`Val`]s
    /// and serves whatever type the component imports `name` with: it gets
    /// the store, the import's type (parameter names and types, result
    /// types), the arguments, and one result slot per result to fill.
    ///
    /// The slots hold `Val::Bool(false)` until `func` writes them; results
    /// that do not match the import's result types trap the call. Host
    /// resources travel as [`Val::Resource`]: make one from a
    /// [`Resource<R>`] with
    /// [`ResourceAny::try_from_resource(resource, &mut store)`](crate::ResourceAny::try_from_resource),
    /// and take one back with
    /// [`Resource::try_from_resource_any(any, &mut store)`](crate::Resource::try_from_resource_any).
    ///
    /// ```
    /// # fn main() -> witbind::Result<()> {
    /// use witbind::{Engine, Linker, Val};
    ///
    /// let mut linker = Linker::<()>::new(&Engine::default());
    /// linker.root().func_new("is-even", |_store, ty, params, results| {
    ///     assert_eq!(ty.to_string(), "func(n: u32) -> bool");
    ///     let [Val::U32(n)] = params else {
    ///         anyhow::bail!("`is-even` takes a u32, got {params:?}");
    ///     };
    ///     results[0] = Val::Bool(n % 2 == 0);
    ///     Ok(())
    /// })?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn func_new(
        &mut self,
        name: &str,
        func: impl Fn(StoreContextMut<'_, T>, &ComponentFunc, &[Val], &mut [Val]) -> Result<()>
        + Send
        + Sync
        + 'static,
    ) -> Result<()> {
        self.define(name, Definition::Func(Arc::new(HostFunc::dynamic(func))))
    }

    /// Defines the resource type `name` as the host's type `R`: handles of
    /// it are [`Resource<R>`]. `dtor` runs with the rep when a guest drops
    /// the last owned handle.
    pub fn resource<R: 'static>(
        &mut self,
        name: &str,
        dtor: impl Fn(StoreContextMut<'_, T>, u32) -> Result<()> + Send + Sync + 'static,
    ) -> Result<()> {
        let resource = HostResource {
            ty: Resource::<R>::resource_type(),
            dtor: Arc::new(dtor),
        };
        self.define(name, Definition::Resource(resource))
    }

    /// Defines `name` as the core module `module`, for a component that
    /// imports a core module (`(import "name" (core module ...))`). The
    /// module must import nothing the component does not give it and
    /// export everything the component declares, with the same types;
    /// instantiating checks that, naming the item.
    pub fn module(&mut self, name: &str, module: &Module) -> Result<()> {
        self.define(name, Definition::Module(module.clone()))
    }

    /// Defines `name`, an import of type `ty` from the imported interface
    /// `interface` (`None` at the root), as
    /// [`Linker::define_unknown_imports_as_traps`] says, unless it is
    /// defined already. The trap and the resource type are named after the
    /// import, even when this namespace is a semver-compatible version of
    /// its interface.
    fn define_unknown_as_trap(
        &mut self,
        name: &str,
        ty: TypeDef,
        interface: Option<&str>,
    ) -> Result<()> {
        if self.definitions.contains_key(name) {
            return Ok(());
        }
        let full = match interface {
            Some(interface) => format!("{interface}#{name}"),
            None => name.to_string(),
        };
        match ty {
            TypeDef::ComponentFunc(_) => {
                let func = HostFunc::dynamic(move |_, _, _, _| {
                    trap(Trap::UnknownImport { name: full.clone() })
                });
                self.define(name, Definition::Func(Arc::new(func)))
            }
            TypeDef::Resource(_) => {
                let resource = HostResource {
                    ty: ResourceType::host::<UnknownImport>(&full),
                    dtor: Arc::new(|_, _| Ok(())),
                };
                self.define(name, Definition::Resource(resource))
            }
            TypeDef::Interface(_) => Ok(()),
            TypeDef::Module(_) => anyhow::bail!(
                "import `{full}`: an imported core module cannot be defined as traps; define \
                 it with `LinkerInstance::module`"
            ),
            other => anyhow::bail!(
                "import `{full}`: cannot define an imported {} as traps; witbind does not \
                 support importing one yet",
                other.desc()
            ),
        }
    }

    fn define(&mut self, name: &str, definition: Definition<T>) -> Result<()> {
        if self.definitions.contains_key(name) {
            match &self.path {
                Some(path) => anyhow::bail!("`{path}#{name}` is already defined"),
                None => anyhow::bail!("`{name}` is already defined"),
            }
        }
        self.definitions.insert(name.to_string(), definition);
        if self.exact
            && let Some(exact_only) = self.exact_only.as_deref_mut()
        {
            exact_only.insert(name.to_string());
        }
        Ok(())
    }
}
