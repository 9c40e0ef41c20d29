//! [`StoreContextMut`] and [`AsContextMut`]: a borrow of a store, whichever
//! engine it is on, as host functions and calls receive it; and a store as
//! the place where host resources become [`ResourceAny`]s and back
//! ([`AsResourceTables`]).

use std::marker::PhantomData;

use crate::error::Result;
use crate::host::backend::Backend;
use crate::host::backend::any::{Any, Engines, Family, on_engine};
use crate::host::runtime::state::{Cx, tables_holding, with_tables};
use crate::host::store::Store;
use crate::resources::{AsResourceTables, ResourceAny, ResourceTables};

/// The family of backend store borrows holding `T`.
pub(crate) struct CxF<'a, T>(PhantomData<&'a T>);

impl<'a, T: 'static> Family for CxF<'a, T> {
    type Of<B: Engines> = Cx<'a, T, B>;
}

/// A borrow of a store, handed to host functions so they can reach the
/// user's data and call back into instances.
pub struct StoreContextMut<'a, T: 'static> {
    pub(crate) inner: Any<CxF<'a, T>>,
}

/// Wraps backend `B`'s store borrow.
pub(crate) fn wrap_cx<'a, T: 'static, B: Engines>(cx: Cx<'a, T, B>) -> StoreContextMut<'a, T> {
    StoreContextMut {
        inner: B::wrap::<CxF<'a, T>>(cx),
    }
}

/// Reborrows backend `B`'s store borrow as a [`StoreContextMut`].
pub(crate) fn reborrow_cx<'s, T: 'static, B: Engines>(
    cx: &'s mut Cx<'_, T, B>,
) -> StoreContextMut<'s, T> {
    wrap_cx::<T, B>(B::reborrow(cx))
}

fn user<'s, T: 'static, B: Backend>(cx: &'s Cx<'_, T, B>) -> &'s T {
    &B::data(cx).user
}

fn user_mut<'s, T: 'static, B: Backend>(cx: &'s mut Cx<'_, T, B>) -> &'s mut T {
    &mut B::data_mut(cx).user
}

impl<T: 'static> StoreContextMut<'_, T> {
    /// The user's data.
    pub fn data(&self) -> &T {
        on_engine!(&self.inner, |cx| user::<T, B>(cx))
    }

    /// The user's data, writable.
    pub fn data_mut(&mut self) -> &mut T {
        on_engine!(&mut self.inner, |cx| user_mut::<T, B>(cx))
    }
}

/// Anything a call can run in: a [`Store`](crate::Store) or a
/// [`StoreContextMut`].
pub trait AsContextMut {
    /// The user's data type.
    type Data: 'static;

    /// A fresh borrow of the store.
    fn as_context_mut(&mut self) -> StoreContextMut<'_, Self::Data>;
}

impl<T: 'static> AsContextMut for StoreContextMut<'_, T> {
    type Data = T;

    fn as_context_mut(&mut self) -> StoreContextMut<'_, T> {
        on_engine!(&mut self.inner, |cx| reborrow_cx::<T, B>(cx))
    }
}

/// The store's tables for `handle` (the instance whose host table holds
/// it) or for a new handle of the host (the instance whose host function
/// is running).
fn store_tables<T: 'static, B: Backend, R>(
    cx: &mut Cx<'_, T, B>,
    handle: Option<&ResourceAny>,
    f: impl FnOnce(&mut ResourceTables) -> Result<R>,
) -> Result<R> {
    let at = match handle {
        Some(handle) => match tables_holding::<T, B>(cx, handle.stamp().0, None) {
            Some(at) => at,
            None => anyhow::bail!(
                "the `{}` handle {} belongs to no instance of this store (it is another \
                     store's, or its instance's tables are in use by a call)",
                handle.ty().name(),
                handle.index()
            ),
        },
        None => match B::data(cx).host_caller {
            Some(at) => at,
            None => anyhow::bail!(
                "no host function that may see handles is running in this store, so no \
                 instance is there to hold a new `ResourceAny`: convert host resources inside \
                 a `func_new` function (or a typed host function whose parameters or results \
                 hold a `ResourceAny` or a `Val`), where the calling instance holds them, or \
                 pass the `Resource` itself to a typed call"
            ),
        },
    };
    with_tables::<T, B, _>(cx, at, |_, tables| f(tables))
}

impl<T: 'static> AsResourceTables for StoreContextMut<'_, T> {
    fn with_resource_tables<R>(
        &mut self,
        handle: Option<&ResourceAny>,
        f: impl FnOnce(&mut ResourceTables) -> Result<R>,
    ) -> Result<R> {
        on_engine!(&mut self.inner, |cx| store_tables::<T, B, R>(cx, handle, f))
    }
}

impl<T: 'static> AsResourceTables for Store<T> {
    fn with_resource_tables<R>(
        &mut self,
        handle: Option<&ResourceAny>,
        f: impl FnOnce(&mut ResourceTables) -> Result<R>,
    ) -> Result<R> {
        self.as_context_mut().with_resource_tables(handle, f)
    }
}

impl<S: AsContextMut + ?Sized> AsContextMut for &mut S {
    type Data = S::Data;

    fn as_context_mut(&mut self) -> StoreContextMut<'_, S::Data> {
        (**self).as_context_mut()
    }
}
