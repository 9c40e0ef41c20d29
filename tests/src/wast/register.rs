//! `(register "name" $instance)`: the instance's exported functions defined
//! in the runner's [`Linker`] under the interface `name`, each forwarding to
//! the export with [`Func::call`], so that later components may import them.

use std::collections::HashMap;

use anyhow::{Context, Result, bail};
use witbind::types::{ComponentFunc, ComponentItem};
use witbind::{Component, Func, Instance, Linker, Store, Val};

/// The function types of every registered instance, by registered name and
/// export name: a dynamic host function serves any type, so the runner
/// checks an importing component's types against these itself.
#[derive(Default)]
pub struct Registry {
    instances: HashMap<String, HashMap<String, ComponentFunc>>,
}

impl Registry {
    /// Defines every function `component`'s `instance` exports as the
    /// interface `name` of `linker`, and records their types.
    ///
    /// A component calling one of them runs a host function that calls the
    /// registered instance's export in the same store, with the same
    /// [`Val`]s. Only functions can be registered: witbind's [`Linker`]
    /// defines resource types only as host types and namespaces one level
    /// deep, so a registered instance's resources and nested instances are
    /// left out, and importing them fails as a missing import.
    pub fn register(
        &mut self,
        linker: &mut Linker<()>,
        store: &mut Store<()>,
        name: &str,
        component: &Component,
        instance: Instance,
    ) -> Result<()> {
        let ty = component
            .component_type()
            .context("describing the registered component's exports")?;
        let mut namespace = linker
            .instance(name)
            .with_context(|| format!("registering `{name}` in the linker"))?;
        let mut types = HashMap::new();
        for (export, item) in ty.exports() {
            let ComponentItem::ComponentFunc(_) = item else {
                continue;
            };
            let func: Func = instance
                .get_func(&mut *store, export)
                .with_context(|| format!("finding the export `{export}` to register"))?;
            types.insert(export.to_string(), func.ty().clone());
            let label = format!("{name}#{export}");
            namespace.func_new(export, move |mut store, _ty, params, results| {
                let mut out = vec![Val::Bool(false); results.len()];
                func.call(&mut store, params, &mut out)
                    .with_context(|| format!("calling the registered `{label}`"))?;
                results.clone_from_slice(&out);
                Ok(())
            })?;
        }
        self.instances.insert(name.to_string(), types);
        Ok(())
    }

    /// Checks the types of `component`'s imports of registered instances:
    /// each imported function must be exported by the registered instance
    /// with the same type (parameter names included), as linking requires.
    pub fn check_imports(&self, component: &Component) -> Result<()> {
        let ty = component
            .component_type()
            .context("describing the component's imports")?;
        for (name, item) in ty.imports() {
            let Some(registered) = self.instances.get(name) else {
                continue;
            };
            let ComponentItem::ComponentInstance(imported) = item else {
                bail!(
                    "the component imports `{name}` as a {}, but `{name}` is a registered instance",
                    item.kind()
                );
            };
            for (export, item) in imported.exports() {
                let ComponentItem::ComponentFunc(wanted) = item else {
                    continue;
                };
                match registered.get(export) {
                    None => bail!(
                        "the component imports `{name}#{export}`, which the instance \
                         registered as `{name}` does not export"
                    ),
                    Some(have) if have != wanted => bail!(
                        "the component imports `{name}#{export}` as `{wanted}`, but the \
                         instance registered as `{name}` exports it as `{have}`"
                    ),
                    Some(_) => {}
                }
            }
        }
        Ok(())
    }
}
