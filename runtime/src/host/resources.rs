//! Resources in the host: which resource type each of an instance's
//! resources is, the `resource.new`, `resource.rep` and `resource.drop`
//! built-ins, destructors, and access to the instance's handle tables.

use std::sync::Arc;

use wasmtime_environ::component::TypeResourceTableIndex;

use crate::abi::flat::FlatType;
use crate::error::Result;
use crate::error::{Trap, trap};
use crate::host::backend::{Active, Backend};
use crate::host::component::ComponentInner;
use crate::host::exports::{enter, exit};
use crate::host::instance::Instance;
use crate::host::store::{AsContextMut, StoreContextMut, StoreCx};
use crate::host::types::{ResourceMap, table_resource};
use crate::resources::{Destructor, ResourceAny, ResourceDrop, ResourceTables};
use crate::types::ResourceType;

/// A host destructor: gets the rep of an owned host resource whose last
/// handle a guest dropped.
pub(crate) type HostDtor<T> = dyn Fn(StoreContextMut<'_, T>, u32) -> Result<()> + Send + Sync;

/// A resource type the host defines in a [`Linker`](crate::Linker).
pub(crate) struct HostResource<T: 'static> {
    pub(crate) ty: ResourceType,
    pub(crate) dtor: Arc<HostDtor<T>>,
}

impl<T: 'static> Clone for HostResource<T> {
    fn clone(&self) -> Self {
        Self {
            ty: self.ty.clone(),
            dtor: self.dtor.clone(),
        }
    }
}

/// The resource types of instance number `instance` of `c`: `imported` (the
/// host's types, in `ResourceIndex` order), then one fresh type per resource
/// the component defines, unique in the store.
pub(crate) fn resource_map(
    c: &ComponentInner,
    instance: usize,
    imported: Vec<ResourceType>,
) -> Arc<ResourceMap> {
    let defined = (imported.len() as u32..c.info.num_resources).map(|i| {
        ResourceType::defined(
            &format!("resource{i}"),
            ((instance as u64) << 32) | u64::from(i),
        )
    });
    imported.into_iter().chain(defined).collect()
}

/// Runs `f` with the handle tables of instance `id` taken out of the store,
/// so that `f` can use the store (memory, `realloc`) at the same time, and
/// puts them back whatever `f` returns.
pub(crate) fn with_tables<T: 'static, R>(
    store: &mut StoreCx<'_, T>,
    id: usize,
    f: impl FnOnce(&mut StoreCx<'_, T>, &mut ResourceTables) -> Result<R>,
) -> Result<R> {
    let Some(state) = Active::data_mut(store).instances.get_mut(id) else {
        anyhow::bail!("the instance does not belong to this store");
    };
    let Some(mut tables) = state.resources.take() else {
        anyhow::bail!("the instance's handle tables are in use by an outer operation");
    };
    let result = f(store, &mut tables);
    Active::data_mut(store).instances[id].resources = Some(tables);
    result
}

/// Which of the three handle built-ins a trampoline is.
#[derive(Clone, Copy)]
pub(crate) enum Builtin {
    New,
    Rep,
    Drop,
}

/// Defines the core function of a `resource.new/rep/drop` built-in of
/// instance `id` for the component's resource table `table`.
pub(crate) fn define_builtin<T: 'static>(
    store: &mut StoreCx<'_, T>,
    c: &ComponentInner,
    id: usize,
    resources: &ResourceMap,
    host_dtors: Arc<[Option<Arc<HostDtor<T>>>]>,
    builtin: Builtin,
    table: TypeResourceTableIndex,
) -> Result<<Active as Backend>::Func> {
    let ty = table_resource(&c.types, resources, table)?;
    let i32 = FlatType::I32;
    let results: &[FlatType] = match builtin {
        Builtin::New | Builtin::Rep => &[i32],
        Builtin::Drop => &[],
    };
    let body = move |mut cx: StoreCx<'_, T>, args: &mut [u64]| {
        run_builtin(&mut cx, id, &ty, &host_dtors, builtin, args)
    };
    Ok(Active::host_func(store, &[i32], results, Arc::new(body)))
}

fn run_builtin<T: 'static>(
    store: &mut StoreCx<'_, T>,
    id: usize,
    ty: &ResourceType,
    host_dtors: &[Option<Arc<HostDtor<T>>>],
    builtin: Builtin,
    args: &mut [u64],
) -> Result<()> {
    let Some(slot) = args.first_mut() else {
        return trap(Trap::MissingFlatValue {
            expected: 1,
            got: 0,
        });
    };
    let arg = *slot as u32;
    match builtin {
        Builtin::New => {
            let index = with_tables(store, id, |_, t| t.resource_new(ty, arg))?;
            *slot = u64::from(index);
        }
        Builtin::Rep => {
            let rep = with_tables(store, id, |_, t| t.resource_rep(arg, ty))?;
            *slot = u64::from(rep);
        }
        Builtin::Drop => {
            let dropped = with_tables(store, id, |_, t| t.resource_drop(arg, ty))?;
            run_destructor(store, id, host_dtors, dropped)?;
        }
    }
    Ok(())
}

/// Runs the destructor a dropped handle calls for: the guest's (for a
/// resource the instance defines) or the host's (for a host resource).
fn run_destructor<T: 'static>(
    store: &mut StoreCx<'_, T>,
    id: usize,
    host_dtors: &[Option<Arc<HostDtor<T>>>],
    dropped: ResourceDrop,
) -> Result<()> {
    match dropped.destructor {
        Destructor::None => Ok(()),
        Destructor::Instance => {
            let state = &Active::data(store).instances[id];
            let index = state
                .resource_types
                .iter()
                .position(|t| *t == dropped.ty)
                .map(|i| i as u32);
            let dtor = index.and_then(|i| state.guest_dtor(&state.component, i));
            match dtor {
                Some(dtor) => {
                    let mut slots = [u64::from(dropped.rep)];
                    // SAFETY: guest destructors were checked to have type
                    // (i32) -> () when the instance was created.
                    unsafe { Active::call_raw(store, dtor, &mut slots, 1, &[]) }
                }
                None => Ok(()),
            }
        }
        Destructor::Host => {
            let state = &Active::data(store).instances[id];
            let index = state.resource_types.iter().position(|t| *t == dropped.ty);
            match index.and_then(|i| host_dtors.get(i).cloned().flatten()) {
                Some(dtor) => dtor(
                    StoreContextMut {
                        inner: Active::reborrow(store),
                    },
                    dropped.rep,
                ),
                None => Ok(()),
            }
        }
        Destructor::Foreign => anyhow::bail!(
            "dropping a resource of another component instance is not supported by witbind yet"
        ),
    }
}

impl Instance {
    /// Drops a guest resource the host holds (an owned [`ResourceAny`] an
    /// export of this instance returned), running the guest's destructor.
    /// This enters the instance like an export call: a trapped instance
    /// refuses it, and a trapping destructor poisons the instance.
    pub fn resource_drop(&self, mut store: impl AsContextMut, resource: ResourceAny) -> Result<()> {
        let mut cx = store.as_context_mut();
        let store = &mut cx.inner;
        enter(Active::data_mut(store), self.store, self.id)?;
        let result = with_tables(store, self.id, |_, t| t.drop_host(resource))
            .and_then(|dropped| run_destructor(store, self.id, &[], dropped));
        exit(Active::data_mut(store), self.id, result.is_ok());
        result
    }
}
