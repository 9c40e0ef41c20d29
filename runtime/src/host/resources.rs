//! Resources in the host: which resource type each of an instance's
//! resources is, the `resource.new`, `resource.rep` and `resource.drop`
//! built-ins, destructors, and access to the instance's handle tables.

use std::mem::MaybeUninit;
use std::sync::Arc;

use wasmtime::{AsContextMut as _, Caller, ValRaw};
use wasmtime_environ::component::TypeResourceTableIndex;

use crate::abi::flat::FlatType;
use crate::error::Result;
use crate::host::backend::wasmtime::{call_raw, flat_to_raw, host_arg, to_engine_error};
use crate::host::component::ComponentInner;
use crate::host::exports::{enter, exit};
use crate::host::instance::Instance;
use crate::host::store::{AsContextMut, StoreContextMut, StoreData};
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
    store: &mut wasmtime::StoreContextMut<'_, StoreData<T>>,
    id: usize,
    f: impl FnOnce(&mut wasmtime::StoreContextMut<'_, StoreData<T>>, &mut ResourceTables) -> Result<R>,
) -> Result<R> {
    let Some(state) = store.data_mut().instances.get_mut(id) else {
        anyhow::bail!("the instance does not belong to this store");
    };
    let Some(mut tables) = state.resources.take() else {
        anyhow::bail!("the instance's handle tables are in use by an outer operation");
    };
    let result = f(store, &mut tables);
    store.data_mut().instances[id].resources = Some(tables);
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
    store: &mut wasmtime::StoreContextMut<'_, StoreData<T>>,
    c: &ComponentInner,
    id: usize,
    resources: &ResourceMap,
    host_dtors: Arc<[Option<Arc<HostDtor<T>>>]>,
    builtin: Builtin,
    table: TypeResourceTableIndex,
) -> Result<wasmtime::Func> {
    let ty = table_resource(&c.types, resources, table)?;
    let (params, results): (&[wasmtime::ValType], &[wasmtime::ValType]) = match builtin {
        Builtin::New | Builtin::Rep => (&[wasmtime::ValType::I32], &[wasmtime::ValType::I32]),
        Builtin::Drop => (&[wasmtime::ValType::I32], &[]),
    };
    let core_ty = wasmtime::FuncType::new(
        store.engine(),
        params.iter().cloned(),
        results.iter().cloned(),
    );
    let entry = move |mut caller: Caller<'_, StoreData<T>>, args: &mut [MaybeUninit<ValRaw>]| {
        run_builtin(&mut caller, id, &ty, &host_dtors, builtin, args).map_err(to_engine_error)
    };
    // SAFETY: the entry point reads one `i32` parameter and writes one `i32`
    // result exactly when `core_ty` declares them.
    Ok(unsafe { wasmtime::Func::new_unchecked(store.as_context_mut(), core_ty, entry) })
}

fn run_builtin<T: 'static>(
    caller: &mut Caller<'_, StoreData<T>>,
    id: usize,
    ty: &ResourceType,
    host_dtors: &[Option<Arc<HostDtor<T>>>],
    builtin: Builtin,
    args: &mut [MaybeUninit<ValRaw>],
) -> Result<()> {
    let arg = host_arg(args, 0, FlatType::I32)? as u32;
    let mut store = caller.as_context_mut();
    match builtin {
        Builtin::New => {
            let index = with_tables(&mut store, id, |_, t| t.resource_new(ty, arg))?;
            args[0] = MaybeUninit::new(flat_to_raw(u64::from(index)));
        }
        Builtin::Rep => {
            let rep = with_tables(&mut store, id, |_, t| t.resource_rep(arg, ty))?;
            args[0] = MaybeUninit::new(flat_to_raw(u64::from(rep)));
        }
        Builtin::Drop => {
            let dropped = with_tables(&mut store, id, |_, t| t.resource_drop(arg, ty))?;
            run_destructor(&mut store, id, host_dtors, dropped)?;
        }
    }
    Ok(())
}

/// Runs the destructor a dropped handle calls for: the guest's (for a
/// resource the instance defines) or the host's (for a host resource).
fn run_destructor<T: 'static>(
    store: &mut wasmtime::StoreContextMut<'_, StoreData<T>>,
    id: usize,
    host_dtors: &[Option<Arc<HostDtor<T>>>],
    dropped: ResourceDrop,
) -> Result<()> {
    match dropped.destructor {
        Destructor::None => Ok(()),
        Destructor::Instance => {
            let state = &store.data().instances[id];
            let index = state
                .resource_types
                .iter()
                .position(|t| *t == dropped.ty)
                .map(|i| i as u32);
            let dtor = index.and_then(|i| state.guest_dtor(&state.component, i));
            match dtor {
                Some(dtor) => {
                    let mut slots = [flat_to_raw(u64::from(dropped.rep))];
                    // SAFETY: guest destructors were checked to have type
                    // (i32) -> () when the instance was created.
                    unsafe { call_raw(&mut *store, &dtor, &mut slots) }
                }
                None => Ok(()),
            }
        }
        Destructor::Host => {
            let state = &store.data().instances[id];
            let index = state.resource_types.iter().position(|t| *t == dropped.ty);
            match index.and_then(|i| host_dtors.get(i).cloned().flatten()) {
                Some(dtor) => dtor(
                    StoreContextMut {
                        inner: store.as_context_mut(),
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
        enter(store.data_mut(), self.id)?;
        let result = with_tables(store, self.id, |_, t| t.drop_host(resource))
            .and_then(|dropped| run_destructor(store, self.id, &[], dropped));
        exit(store.data_mut(), self.id, result.is_ok());
        result
    }
}
