//! [`Linker`]: host definitions by import name, and instantiation.

use std::collections::HashMap;
use std::sync::Arc;

use wasmtime_environ::PrimaryMap;
use wasmtime_environ::component::TypeDef;

use crate::abi::traits::{Lift, Lower};
use crate::error::Result;
use crate::host::component::Component;
use crate::host::engine::Engine;
use crate::host::host_func::HostFunc;
use crate::host::instance::{Instance, instantiate};
use crate::host::store::{AsContextMut, StoreContextMut};
use crate::host::types::FuncType;

type Definitions<T> = HashMap<String, Arc<HostFunc<T>>>;

/// Host definitions for a component's imports, by name: functions of the
/// root (`root()`) and of imported interfaces (`instance("ns:pkg/iface")`).
pub struct Linker<T: 'static> {
    engine: Engine,
    root: Definitions<T>,
    instances: HashMap<String, Definitions<T>>,
}

/// The definitions of one namespace of a [`Linker`]: its root or one
/// interface.
pub struct LinkerInstance<'a, T: 'static> {
    path: Option<String>,
    definitions: &'a mut Definitions<T>,
}

impl<T: 'static> Linker<T> {
    /// An empty linker for components of `engine`.
    pub fn new(engine: &Engine) -> Self {
        Self {
            engine: engine.clone(),
            root: HashMap::new(),
            instances: HashMap::new(),
        }
    }

    /// The engine the linker was made for.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// The root namespace: functions the component imports by plain name.
    pub fn root(&mut self) -> LinkerInstance<'_, T> {
        LinkerInstance {
            path: None,
            definitions: &mut self.root,
        }
    }

    /// The namespace of the imported interface `name` (`"ns:pkg/iface"`),
    /// created when first asked for.
    pub fn instance(&mut self, name: &str) -> Result<LinkerInstance<'_, T>> {
        if self.root.contains_key(name) {
            anyhow::bail!("`{name}` is already defined as a function");
        }
        Ok(LinkerInstance {
            path: Some(name.to_string()),
            definitions: self.instances.entry(name.to_string()).or_default(),
        })
    }

    /// Instantiates `component` in `store`, with every import resolved to
    /// this linker's definitions and type-checked against them.
    ///
    /// Fails naming the import when one is missing or its host function has
    /// other types than the component expects.
    pub fn instantiate(
        &self,
        mut store: impl AsContextMut<Data = T>,
        component: &Component,
    ) -> Result<Instance> {
        let info = &component.inner.info;
        let types = &component.inner.types;
        let mut resolved = PrimaryMap::new();
        for (_, (import, path)) in info.imports.iter() {
            let (name, ext) = &info.import_types[*import];
            let (full_name, def, ty) = match path.as_slice() {
                [] => (name.clone(), self.root.get(name), ext.ty),
                [func] => {
                    let full = format!("{name}#{func}");
                    let ty = match ext.ty {
                        TypeDef::ComponentInstance(i) => {
                            match types[i].exports.get(func.as_str()) {
                                Some(e) => e.ty,
                                None => anyhow::bail!("import `{full}` has no type"),
                            }
                        }
                        _ => anyhow::bail!("import `{name}` is not an instance"),
                    };
                    (full, self.instances.get(name).and_then(|d| d.get(func)), ty)
                }
                _ => anyhow::bail!(
                    "import `{name}`: nested instance imports are not supported by witbind yet"
                ),
            };
            let func_ty = match ty {
                TypeDef::ComponentFunc(f) => FuncType::new(types, f)
                    .map_err(|e| e.context(format!("import `{full_name}`")))?,
                TypeDef::Resource(_) => anyhow::bail!(
                    "import `{full_name}`: imported resource types are not supported by witbind yet"
                ),
                other => anyhow::bail!(
                    "import `{full_name}`: importing a {} is not supported",
                    other.desc()
                ),
            };
            let Some(def) = def else {
                anyhow::bail!(
                    "missing import: the component imports `{full_name}` of type `{}`, which the linker does not define",
                    func_ty.describe()
                );
            };
            def.typecheck(&full_name, &func_ty)?;
            resolved.push((full_name, def.clone()));
        }
        let mut cx = store.as_context_mut();
        instantiate(&mut cx.inner, component, &resolved)
    }
}

impl<T: 'static> LinkerInstance<'_, T> {
    /// Defines the function `name` as `func`, which takes the parameters as
    /// the tuple `P` and returns the results as the tuple `R`.
    pub fn func_wrap<P, R, F>(&mut self, name: &str, func: F) -> Result<()>
    where
        P: for<'a> Lift<'a> + 'static,
        R: Lower + 'static,
        F: Fn(StoreContextMut<'_, T>, P) -> Result<R> + Send + Sync + 'static,
    {
        self.define(name, HostFunc::typed(func))
    }

    fn define(&mut self, name: &str, func: HostFunc<T>) -> Result<()> {
        if self.definitions.contains_key(name) {
            match &self.path {
                Some(path) => anyhow::bail!("`{path}#{name}` is already defined"),
                None => anyhow::bail!("`{name}` is already defined"),
            }
        }
        self.definitions.insert(name.to_string(), Arc::new(func));
        Ok(())
    }
}
