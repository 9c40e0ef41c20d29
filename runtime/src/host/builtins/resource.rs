//! The handle built-ins `resource.new`, `resource.rep` and `resource.drop`
//! of one instance, the destructors a drop runs, and the host resource
//! types a [`Linker`](crate::Linker) defines.

use std::sync::Arc;

use wasmtime_environ::component::{ResourceIndex, TypeResourceTable, TypeResourceTableIndex};

use crate::abi::flat::FlatType;
use crate::error::{Result, Trap, trap};
use crate::host::backend::any::Engines;
use crate::host::plan::ComponentPlan;
use crate::host::plan::types::{ResourceMap, table_resource};
use crate::host::runtime::context::reborrow_cx;
use crate::host::runtime::state::{Cx, HostDtor, TablesAt, check_may_leave, with_tables};
use crate::resources::{Destructor, ResourceDrop};
use crate::types::ResourceType;

/// A resource type the host defines in a [`Linker`](crate::Linker).
pub(crate) struct HostResource<T: 'static> {
    /// The resource type.
    pub(crate) ty: ResourceType,
    /// What runs when a guest drops the last owned handle.
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

/// The resource types of instance number `instance` of `plan`: `imported`
/// (the host's types, in `ResourceIndex` order), then one fresh type per
/// resource the component defines, unique in the store.
pub(crate) fn resource_map(
    plan: &ComponentPlan,
    instance: usize,
    imported: Vec<ResourceType>,
) -> Arc<ResourceMap> {
    let first = imported.len() as u64;
    let defined = plan
        .defined_resource_names
        .iter()
        .zip(first..)
        .map(|(name, i)| ResourceType::defined_static(name, ((instance as u64) << 32) | i));
    imported.into_iter().chain(defined).collect()
}

/// Which of the three handle built-ins a trampoline is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Builtin {
    /// `resource.new`: a rep becomes a new owned handle.
    New,
    /// `resource.rep`: a handle's rep.
    Rep,
    /// `resource.drop`: a handle is dropped, maybe running a destructor.
    Drop,
}

/// Defines the core function of the built-in `builtin` of instance `id`
/// for the component's resource table `table`, of the prepared signature
/// `sig` (`(i32) -> i32` for new and rep, `(i32)` for drop).
pub(crate) fn define_builtin<T: 'static, B: Engines>(
    cx: &mut Cx<'_, T, B>,
    plan: &ComponentPlan,
    id: usize,
    resources: &ResourceMap,
    (builtin, table): (Builtin, TypeResourceTableIndex),
    sig: &B::HostSig,
) -> Result<B::Func> {
    let ty = table_resource(&plan.types, resources, table)?;
    // The built-in's own resource: what decides the destructor, even when
    // one host type backs several imported resources.
    let TypeResourceTable::Concrete {
        ty: index,
        instance: sub,
    } = plan.types[table]
    else {
        anyhow::bail!("abstract resource types are not supported by witbind yet");
    };
    // The handles live in the tables of the component instance that calls
    // the built-in.
    let at = TablesAt {
        id,
        sub: sub.as_u32(),
    };
    let body = move |mut cx: Cx<'_, T, B>, args: &mut [u64]| {
        run_builtin::<T, B>(&mut cx, at, (&ty, index), builtin, args)
    };
    Ok(B::host_func_with(cx, sig, body))
}

fn run_builtin<T: 'static, B: Engines>(
    cx: &mut Cx<'_, T, B>,
    at: TablesAt,
    (ty, index): (&ResourceType, ResourceIndex),
    builtin: Builtin,
    args: &mut [u64],
) -> Result<()> {
    let id = at.id;
    // `resource.rep` only reads the instance's own table: the spec lets a
    // `realloc` or `post-return` call it; creating and dropping handles
    // they may not.
    if builtin != Builtin::Rep {
        check_may_leave::<T, B>(cx, at)?;
    }
    let Some(slot) = args.first_mut() else {
        return trap(Trap::MissingFlatValue {
            expected: 1,
            got: 0,
        });
    };
    let arg = *slot as u32;
    match builtin {
        Builtin::New => {
            let index = with_tables::<T, B, _>(cx, at, |_, t| t.resource_new(ty, arg))?;
            *slot = u64::from(index);
        }
        Builtin::Rep => {
            let rep = with_tables::<T, B, _>(cx, at, |_, t| t.resource_rep(arg, ty))?;
            *slot = u64::from(rep);
        }
        Builtin::Drop => {
            let dropped = with_tables::<T, B, _>(cx, at, |_, t| t.resource_drop(arg, ty))?;
            run_destructor::<T, B>(cx, id, dropped, Some(index))?;
        }
    }
    Ok(())
}

/// The resource of instance `id` that a handle of type `ty` the host drops
/// stands for, found by the type. A host resource type the component
/// imports several times (one Rust type behind several imports) is only
/// found when those imports share their destructor: the handle names its
/// type, not the import it came through, and running another import's
/// destructor would be wrong. The caller asks before the handle leaves its
/// table, so a refusal changes nothing.
pub(crate) fn host_drop_index<T: 'static, B: Engines>(
    cx: &Cx<'_, T, B>,
    id: usize,
    ty: &ResourceType,
) -> Result<Option<ResourceIndex>> {
    let data = B::data(cx);
    let Some(state) = data.instances.get(id) else {
        anyhow::bail!("the instance is not in this store");
    };
    let dtors = data.host_dtors.get(id);
    let dtor = |i: usize| dtors.and_then(|d| d.get(i).cloned().flatten());
    let mut found: Option<usize> = None;
    for (i, _) in state
        .resource_types
        .iter()
        .enumerate()
        .filter(|(_, t)| *t == ty)
    {
        match found {
            None => found = Some(i),
            Some(first) => {
                let same = match (dtor(first), dtor(i)) {
                    (Some(a), Some(b)) => Arc::ptr_eq(&a, &b),
                    (a, b) => a.is_none() && b.is_none(),
                };
                if !same {
                    anyhow::bail!(
                        "cannot drop a `{}` handle from the host: the component imports that \
                         resource type more than once, with different destructors, and the \
                         handle does not say which import it came through; back each import \
                         with its own Rust type",
                        ty.name()
                    );
                }
            }
        }
    }
    Ok(found.map(|i| ResourceIndex::from_u32(i as u32)))
}

/// Runs the destructor a dropped handle calls for: the guest's (for a
/// resource instance `id` defines) or the host's (for a host resource), of
/// the instance's resource `index` (a `resource.drop` knows it; a drop by
/// the host finds it by the handle's type).
pub(crate) fn run_destructor<T: 'static, B: Engines>(
    cx: &mut Cx<'_, T, B>,
    id: usize,
    dropped: ResourceDrop,
    index: Option<ResourceIndex>,
) -> Result<()> {
    let data = B::data(cx);
    let state = &data.instances[id];
    let index = index.or_else(|| state.resource_index(&dropped.ty));
    // Defined by one of the component instances inside this one: the
    // handle's own (`Instance`) or another that passed it through a call
    // between them (`Foreign`); its destructor runs in the defining one.
    let defined_here = index.filter(|i| state.plan.info.defined_resource_index(*i).is_some());
    match dropped.destructor {
        Destructor::None => Ok(()),
        Destructor::Instance | Destructor::Foreign if defined_here.is_some() => {
            match defined_here.and_then(|i| state.guest_dtor(i)) {
                Some(dtor) => {
                    let mut slots = [u64::from(dropped.rep)];
                    // SAFETY: guest destructors were checked to have type
                    // (i32) -> () when the instance was created.
                    unsafe { B::call_raw(cx, dtor, &mut slots, &[FlatType::I32], &[]) }
                }
                None => Ok(()),
            }
        }
        Destructor::Instance => Ok(()),
        Destructor::Host => {
            let dtors = data.host_dtors.get(id);
            let dtor = index.and_then(|i| dtors?.get(i.as_u32() as usize).cloned().flatten());
            match dtor {
                Some(dtor) => dtor(reborrow_cx::<T, B>(cx), dropped.rep),
                None => Ok(()),
            }
        }
        Destructor::Foreign => trap(Trap::ForeignResourceDrop {
            resource: dropped.ty.name().to_string(),
        }),
    }
}
