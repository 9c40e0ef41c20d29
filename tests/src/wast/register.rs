//! `(register "name" $instance)`: the instance's exported functions defined
//! in the runner's [`Linker`] under the interface `name`, each forwarding to
//! the export with [`Func::call`], so that later components may import them.

use anyhow::{Context, Result};
use witbind::types::ComponentItem;
use witbind::{Component, Func, Instance, Linker, Store, Val};

/// Defines every function `component`'s `instance` exports as the
/// interface `name` of `linker`.
///
/// A component calling one of them runs a host function that calls the
/// registered instance's export in the same store, with the same [`Val`]s.
/// Only functions can be registered: witbind's [`Linker`] defines resource
/// types only as host types and namespaces one level deep, so a registered
/// instance's resources and nested instances are left out, and importing
/// them fails as a missing import.
pub fn register(
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
    for (export, item) in ty.exports() {
        if let ComponentItem::ComponentFunc(_) = item {
            let func: Func = instance
                .get_func(&mut *store, export)
                .with_context(|| format!("finding the export `{export}` to register"))?;
            let label = format!("{name}#{export}");
            namespace.func_new(export, move |mut store, _ty, params, results| {
                let mut out = vec![Val::Bool(false); results.len()];
                func.call(&mut store, params, &mut out)
                    .with_context(|| format!("calling the registered `{label}`"))?;
                results.clone_from_slice(&out);
                Ok(())
            })?;
        }
    }
    Ok(())
}
