//! [`Instance`]: a handle to an instantiated component in its store, and
//! how its exports are found.

use std::sync::Arc;

use crate::abi::traits::{Lift, Lower};
use crate::error::Result;
use crate::host::backend::any::{Any, Engines, Family, on_engine};
use crate::host::builtins::resource::{host_drop_index, run_destructor};
use crate::host::call::export::ExportFunc;
use crate::host::func::Func;
use crate::host::plan::types::table_resource;
use crate::host::runtime::context::AsContextMut;
use crate::host::runtime::guard::Entered;
use crate::host::runtime::state::{Cx, tables_holding, with_tables};
use crate::host::typed::TypedFunc;
use crate::resources::ResourceAny;
use crate::types::{ResourceOrigin, ResourceType};
use wasmtime_environ::component::{Export, TypeDef};

/// An instantiated component, a handle into the [`Store`](crate::Store) it
/// was created in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Instance {
    /// The store's id.
    pub(crate) store: u64,
    /// The index in the store's instances.
    pub(crate) id: usize,
}

/// How an export is named: `"name"` for a root export, `("ns:pkg/iface",
/// "name")` for a function of an exported interface.
pub trait ExportName {
    /// The exported interface (`None` at the root) and the function name.
    fn path(&self) -> (Option<&str>, &str);
}

impl ExportName for str {
    fn path(&self) -> (Option<&str>, &str) {
        (None, self)
    }
}

impl ExportName for String {
    fn path(&self) -> (Option<&str>, &str) {
        (None, self)
    }
}

impl ExportName for (&str, &str) {
    fn path(&self) -> (Option<&str>, &str) {
        (Some(self.0), self.1)
    }
}

/// A reference names what its target names: `&"run"`, `&String`, `&&str`.
impl<N: ExportName + ?Sized> ExportName for &N {
    fn path(&self) -> (Option<&str>, &str) {
        (**self).path()
    }
}

/// The family of exports resolved on a backend.
pub(crate) struct ExportF;

impl Family for ExportF {
    type Of<B: Engines> = Arc<ExportFunc<B>>;
}

/// An export resolved on any backend.
pub(crate) type AnyExport = Any<ExportF>;

impl Clone for AnyExport {
    fn clone(&self) -> Self {
        on_engine!(self, |e| B::wrap::<ExportF>(e.clone()))
    }
}

fn resolve<T: 'static, B: Engines>(
    cx: &mut Cx<'_, T, B>,
    instance: &Instance,
    name: (Option<&str>, &str),
) -> Result<AnyExport> {
    let export = ExportFunc::<B>::resolve(cx, instance.store, instance.id, name)?;
    Ok(B::wrap::<ExportF>(Arc::new(export)))
}

fn exported_resource<T: 'static, B: Engines>(
    cx: &mut Cx<'_, T, B>,
    instance: &Instance,
    name: (Option<&str>, &str),
) -> Option<ResourceType> {
    let state = B::data(cx).instance(instance.store, instance.id).ok()?;
    match state.plan.export_item(name).ok()? {
        Export::Type(TypeDef::Resource(table)) => {
            table_resource(&state.plan.types, &state.resource_types, *table).ok()
        }
        _ => None,
    }
}

fn drop_resource<T: 'static, B: Engines>(
    cx: &mut Cx<'_, T, B>,
    instance: &Instance,
    resource: ResourceAny,
) -> Result<()> {
    // A handle the host cannot drop (stale, lent, of an ambiguous type) is
    // the host's mistake and leaves the instance usable; a destructor that
    // fails poisons it.
    Entered::<T, B>::enter(cx, instance.store, instance.id)?.run_sparing(|cx, before_guest| {
        *before_guest = true;
        let index = match resource.ty().origin() {
            ResourceOrigin::Host(_) => host_drop_index::<T, B>(cx, instance.id, resource.ty())?,
            // The instance's own types are unique: `run_destructor` finds it.
            ResourceOrigin::Defined(_) => None,
        };
        // The handle lives in the host table of one of the instance's
        // component instances; a handle of none of them is refused there.
        let at = tables_holding::<T, B>(cx, resource.stamp().0, Some(instance.id)).unwrap_or(
            crate::host::runtime::state::TablesAt {
                id: instance.id,
                sub: 0,
            },
        );
        let dropped = with_tables::<T, B, _>(cx, at, |_, t| t.drop_host(resource))?;
        *before_guest = false;
        run_destructor::<T, B>(cx, instance.id, dropped, index)
    })
}

impl Instance {
    /// Finds the export `name` and resolves it for calls.
    pub(crate) fn export(
        &self,
        mut store: impl AsContextMut,
        name: impl ExportName,
    ) -> Result<AnyExport> {
        let mut cx = store.as_context_mut();
        on_engine!(&mut cx.inner, |cx| resolve::<_, B>(cx, self, name.path()))
    }

    /// The export `name` as a dynamic [`Func`].
    pub fn get_func(&self, store: impl AsContextMut, name: impl ExportName) -> Result<Func> {
        Ok(Func {
            export: self.export(store, name)?,
        })
    }

    /// The export `name` as a [`TypedFunc`], failing when it does not exist
    /// or when `P`/`R` do not match its type (the error names both types).
    pub fn get_typed_func<P, R>(
        &self,
        store: impl AsContextMut,
        name: impl ExportName,
    ) -> Result<TypedFunc<P, R>>
    where
        P: Lower,
        R: for<'a> Lift<'a>,
    {
        self.get_func(store, name)?.typed()
    }

    /// The resource type the component exports as `name` (`("ns:pkg/iface",
    /// "name")` for a resource of an exported interface), as this instance
    /// defines it: what the [`ResourceAny`]s of that resource carry. `None`
    /// when the component exports no resource of that name.
    pub fn get_resource(
        &self,
        mut store: impl AsContextMut,
        name: impl ExportName,
    ) -> Option<ResourceType> {
        let mut cx = store.as_context_mut();
        on_engine!(&mut cx.inner, |cx| exported_resource::<_, B>(
            cx,
            self,
            name.path()
        ))
    }

    /// Drops a guest resource the host holds (an owned [`ResourceAny`] an
    /// export of this instance returned), running the guest's destructor.
    /// This enters the instance like an export call: a trapped instance
    /// refuses it, and a trapping destructor poisons the instance.
    pub fn resource_drop(&self, mut store: impl AsContextMut, resource: ResourceAny) -> Result<()> {
        let mut cx = store.as_context_mut();
        on_engine!(&mut cx.inner, |cx| drop_resource::<_, B>(
            cx, self, resource
        ))
    }
}
