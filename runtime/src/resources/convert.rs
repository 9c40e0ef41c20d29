//! Conversions between [`Resource<T>`] and [`ResourceAny`], so that code
//! handling handles dynamically (a [`Val::Resource`](crate::Val::Resource))
//! carries resources the host implements like those a guest implements.
//!
//! A host resource becomes a `ResourceAny` by entering the host's table of
//! the instance's [`ResourceTables`] with its host type
//! ([`Resource::resource_type`]); lowering it from there moves or lends it
//! exactly as lowering the `Resource<T>` itself would. The way back takes it
//! out of that table again. Both find the tables through
//! [`AsResourceTables`]: the tables themselves, or a store.

use super::handle_table::HandleKind;
use super::resource::{Resource, ResourceAny};
use super::tables::ResourceTables;
use crate::error::{Result, Trap, trap};

/// Where [`ResourceAny::try_from_resource`] and
/// [`Resource::try_from_resource_any`] find the host's handle table: an
/// instance's [`ResourceTables`] themselves, or (with the component host) a
/// store: `&mut Store<T>` or `&mut StoreContextMut<T>`.
///
/// A store finds the tables of the instance a handle belongs to (the one
/// whose host table holds the `ResourceAny`), and puts a new handle in
/// the tables of the instance whose host function is running: inside a
/// `LinkerInstance::func_new` function (or a typed host
/// function whose parameters or results hold a `ResourceAny` or a `Val`),
/// the instance that called it. Elsewhere a store cannot tell which
/// instance the handle is for, and the conversion is an error.
pub trait AsResourceTables {
    /// Runs `f` on the tables that hold `handle`, or with `None` on those
    /// a new handle of the host goes into.
    #[doc(hidden)]
    fn with_resource_tables<R>(
        &mut self,
        handle: Option<&ResourceAny>,
        f: impl FnOnce(&mut ResourceTables) -> Result<R>,
    ) -> Result<R>;
}

impl AsResourceTables for ResourceTables {
    fn with_resource_tables<R>(
        &mut self,
        _: Option<&ResourceAny>,
        f: impl FnOnce(&mut ResourceTables) -> Result<R>,
    ) -> Result<R> {
        f(self)
    }
}

impl<S: AsResourceTables + ?Sized> AsResourceTables for &mut S {
    fn with_resource_tables<R>(
        &mut self,
        handle: Option<&ResourceAny>,
        f: impl FnOnce(&mut ResourceTables) -> Result<R>,
    ) -> Result<R> {
        (**self).with_resource_tables(handle, f)
    }
}

impl ResourceAny {
    /// The host resource `resource` as a `ResourceAny` in the host's table of
    /// `tables` (see [`AsResourceTables`]: the tables, or a store inside a
    /// host function), of the type [`Resource::<T>::resource_type`].
    ///
    /// An owned `resource` becomes an owned entry: give it to the instance
    /// (lower it as `own`), turn it back with
    /// [`Resource::try_from_resource_any`], or drop it with
    /// [`ResourceTables::drop_host`], which names the host as the destructor.
    /// A borrowed `resource` becomes a borrow of the current call, released
    /// when the call ends; outside a call it is an error.
    ///
    /// ```
    /// use witbind::{
    ///     FlatReader, FlatWriter, LiftContext, LowerContext, Resource, ResourceAny,
    ///     ResourceTables, StringEncoding, Type, Val, VecMemory,
    /// };
    ///
    /// struct File;
    /// let own = Type::Own(Resource::<File>::resource_type());
    /// let mut tables = ResourceTables::new();
    ///
    /// // The host gives the guest its file 7 as a dynamic value...
    /// let any = ResourceAny::try_from_resource(Resource::<File>::new_own(7), &mut tables)?;
    /// let mut flat = [0u64; 1];
    /// let mut cx = LowerContext::<VecMemory>::without_memory(StringEncoding::Utf8)
    ///     .with_resources(&mut tables);
    /// Val::Resource(any).lower_flat(&mut cx, &own, &mut FlatWriter::new(&mut flat))?;
    ///
    /// // ...and takes it back as the guest returns the handle.
    /// let mut cx = LiftContext::without_memory(StringEncoding::Utf8).with_resources(&mut tables);
    /// let Val::Resource(any) = Val::lift_flat(&mut cx, &own, &mut FlatReader::new(&flat))? else {
    ///     unreachable!("an `own` lifts as a resource");
    /// };
    /// let file = Resource::<File>::try_from_resource_any(any, &mut tables)?;
    /// assert_eq!(file, Resource::new_own(7));
    /// # Ok::<(), witbind::Error>(())
    /// ```
    pub fn try_from_resource<T: 'static>(
        resource: Resource<T>,
        mut tables: impl AsResourceTables,
    ) -> Result<Self> {
        tables.with_resource_tables(None, |tables| Self::from_resource_in(resource, tables))
    }

    fn from_resource_in<T: 'static>(
        resource: Resource<T>,
        tables: &mut ResourceTables,
    ) -> Result<Self> {
        let ty = Resource::<T>::resource_type();
        let (index, kind) = if resource.owned() {
            let index = tables.host_mut().insert_own(ty.clone(), resource.rep())?;
            (index, HandleKind::Own)
        } else {
            let index = tables
                .host_mut()
                .insert_borrow(ty.clone(), resource.rep())?;
            (index, HandleKind::Borrow)
        };
        let stamp = tables.host().stamp(index)?;
        Ok(ResourceAny::new(ty, index, kind, stamp))
    }
}

impl<T: 'static> Resource<T> {
    /// The host resource `resource` stands for, as a `Resource<T>`: the way
    /// back from [`ResourceAny::try_from_resource`], and how the host takes a
    /// `T` resource a guest handed it in a [`Val`](crate::Val).
    ///
    /// `resource` must be a handle of `T`'s resource type (an error
    /// otherwise, leaving the table as it was) and live in the host's table
    /// of `tables` (see [`AsResourceTables`]: the tables, or a store, which
    /// finds the instance holding it) ([`Trap::UnknownHandle`], [`Trap::WrongHandleType`],
    /// [`Trap::WrongHandleKind`] for a stale one). An owned handle leaves the
    /// table, which it cannot while it is lent ([`Trap::OwnStillLent`]); a
    /// borrowed one stays until its call ends and gives a borrowed
    /// `Resource`.
    pub fn try_from_resource_any(
        resource: ResourceAny,
        mut tables: impl AsResourceTables,
    ) -> Result<Self> {
        if !Resource::<T>::is_type(resource.ty()) {
            anyhow::bail!(
                "a `{}` resource is not a `{}`",
                resource.ty().name(),
                std::any::type_name::<T>()
            );
        }
        let handle = resource.clone();
        tables.with_resource_tables(Some(&handle), |tables| {
            Self::from_resource_any_in(resource, tables)
        })
    }

    fn from_resource_any_in(resource: ResourceAny, tables: &mut ResourceTables) -> Result<Self> {
        let host = tables.host_mut();
        host.check_stamp(resource.index(), resource.stamp())?;
        let entry = host.get_typed(resource.index(), resource.ty())?;
        if entry.kind() != resource.kind() {
            return trap(Trap::WrongHandleKind {
                index: resource.index(),
                expected: resource.kind().name(),
            });
        }
        match resource.kind() {
            HandleKind::Own => {
                let rep = host.take_own(resource.index(), resource.ty())?;
                Ok(Resource::new_own(rep))
            }
            HandleKind::Borrow => Ok(Resource::new_borrow(entry.rep())),
        }
    }
}
