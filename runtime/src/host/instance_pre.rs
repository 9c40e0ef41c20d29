//! [`InstancePre`]: a component paired with the linker that satisfies its
//! imports, to create many instances of it.

use crate::error::Result;
use crate::host::backend::{Active, Backend};
use crate::host::component::Component;
use crate::host::instance::Instance;
use crate::host::linker::Linker;
use crate::host::store::AsContextMut;

/// A component and the host definitions for its imports, ready to be
/// instantiated in any number of stores. Cheap to clone.
pub struct InstancePre<T: 'static> {
    component: Component,
    linker: Linker<T>,
}

impl<T: 'static> Clone for InstancePre<T> {
    fn clone(&self) -> Self {
        Self {
            component: self.component.clone(),
            linker: self.linker.clone(),
        }
    }
}

impl<T: 'static> Linker<T> {
    /// Pairs `component` with (a copy of) this linker's current
    /// definitions. Fails when the component was compiled by another engine.
    pub fn instantiate_pre(&self, component: &Component) -> Result<InstancePre<T>> {
        if !Active::same_engine(self.engine().backend(), component.inner.engine.backend()) {
            anyhow::bail!("the component was compiled by another engine than the linker's");
        }
        Ok(InstancePre {
            component: component.clone(),
            linker: self.clone(),
        })
    }
}

impl<T: 'static> InstancePre<T> {
    /// The component.
    pub fn component(&self) -> &Component {
        &self.component
    }

    /// Instantiates the component in `store`; fails like
    /// [`Linker::instantiate`] when an import is missing or mistyped.
    pub fn instantiate(&self, store: impl AsContextMut<Data = T>) -> Result<Instance> {
        self.linker.instantiate(store, &self.component)
    }
}
