//! witbind as the runner's host, through its public API only.

use anyhow::{Context, Result, bail};
use wast::WastArg;
use witbind::{Component, Engine, Instance, Linker, Store, Trap, Val};

use super::host::Host;
use super::register::Registry;
use super::values::arg_to_val;

/// The text witbind's loader puts in the error of a valid component using a
/// construct it does not run yet (`host/plan/support.rs`).
const UNSUPPORTED: &str = "unsupported component construct";

/// One witbind store with a linker holding what was registered.
pub struct WitbindHost {
    engine: Engine,
    store: Store<()>,
    linker: Linker<()>,
    registry: Registry,
}

impl WitbindHost {
    /// A host with an empty store and linker on `engine`.
    pub fn new(engine: &Engine) -> Self {
        Self {
            engine: engine.clone(),
            store: Store::new(engine, ()),
            linker: Linker::new(engine),
            registry: Registry::default(),
        }
    }
}

impl Host for WitbindHost {
    type Component = Component;
    type Instance = Instance;

    fn backend(&self) -> String {
        self.engine.backend_kind().to_string()
    }

    fn compile(&mut self, bytes: &[u8]) -> Result<Component> {
        Component::new(&self.engine, bytes)
    }

    fn instantiate(&mut self, component: &Component) -> Result<Instance> {
        self.registry
            .check_imports(component)
            .context("linking the component")?;
        self.linker
            .instantiate(&mut self.store, component)
            .context("instantiating the component")
    }

    fn register(&mut self, name: &str, component: &Component, instance: &Instance) -> Result<()> {
        self.registry.register(
            &mut self.linker,
            &mut self.store,
            name,
            component,
            *instance,
        )
    }

    fn invoke(
        &mut self,
        instance: &Instance,
        name: &str,
        args: &[WastArg<'_>],
    ) -> Result<Vec<Val>> {
        let func = instance
            .get_func(&mut self.store, name)
            .with_context(|| format!("finding the export `{name}`"))?;
        if args.len() != func.params().len() {
            bail!(
                "`{name}` has type `{}`: {} argument(s) given",
                func.ty(),
                args.len()
            );
        }
        let params = args
            .iter()
            .zip(func.params())
            .map(|(arg, ty)| arg_to_val(arg, ty))
            .collect::<Result<Vec<_>>>()?;
        let mut results = vec![Val::Bool(false); func.results().len()];
        func.call(&mut self.store, &params, &mut results)?;
        Ok(results)
    }

    fn is_trap(&self, e: &anyhow::Error) -> bool {
        e.downcast_ref::<Trap>().is_some() || e.chain().any(|e| e.downcast_ref::<Trap>().is_some())
    }

    fn is_unsupported(&self, e: &anyhow::Error) -> bool {
        format!("{e:#}").contains(UNSUPPORTED)
    }
}
