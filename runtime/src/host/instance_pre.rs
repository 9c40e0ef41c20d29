//! [`InstancePre`]: a component paired with the linker that satisfies its
//! imports, to create many instances of it.

use crate::error::Result;
use crate::host::component::Component;
use crate::host::instance::Instance;
use crate::host::linker::{Linker, ResolvedImports};
use crate::host::plan::same_engine;
use crate::host::runtime::context::AsContextMut;

/// A component and the host definitions for its imports, resolved and
/// type-checked once, ready to be instantiated in any number of stores with
/// only per-instance work. Cheap to clone.
pub struct InstancePre<T: 'static> {
    component: Component,
    imports: ResolvedImports<T>,
}

impl<T: 'static> Clone for InstancePre<T> {
    fn clone(&self) -> Self {
        Self {
            component: self.component.clone(),
            imports: self.imports.clone(),
        }
    }
}

impl<T: 'static> Linker<T> {
    /// Resolves `component`'s imports to this linker's current definitions
    /// and type-checks them. Fails when the component was compiled by
    /// another engine, or like [`Linker::instantiate`] when an import is
    /// missing or mistyped.
    pub fn instantiate_pre(&self, component: &Component) -> Result<InstancePre<T>> {
        if !same_engine(&self.engine().inner, &component.plan.engine) {
            anyhow::bail!("the component was compiled by another engine than the linker's");
        }
        Ok(InstancePre {
            component: component.clone(),
            imports: self.resolve(component)?,
        })
    }
}

impl<T: 'static> InstancePre<T> {
    /// The component.
    pub fn component(&self) -> &Component {
        &self.component
    }

    /// Instantiates the component in `store`.
    pub fn instantiate(&self, store: impl AsContextMut<Data = T>) -> Result<Instance> {
        self.imports.instantiate(store, &self.component)
    }
}
