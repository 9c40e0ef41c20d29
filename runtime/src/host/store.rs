//! [`Store`]: the user's data together with every instance's runtime state.

use crate::abi::options::DEFAULT_HOSTCALL_FUEL;
use crate::host::backend::{Active, Backend};
use crate::host::engine::Engine;
use crate::host::instance::InstanceState;

/// What the backend's store holds: the user's `T` and witbind's own state.
pub(crate) struct StoreData<T> {
    /// Unique in the process: tells whether an instance belongs here.
    pub(crate) id: u64,
    pub(crate) user: T,
    pub(crate) hostcall_fuel: usize,
    pub(crate) instances: Vec<InstanceState>,
}

/// A borrow of the backend's store.
pub(crate) type StoreCx<'a, T> = <Active as Backend>::Cx<'a, StoreData<T>>;

/// Owns the user's data of type `T` and all instances created in it.
pub struct Store<T: 'static> {
    pub(crate) inner: <Active as Backend>::Store<StoreData<T>>,
}

impl<T: 'static> Store<T> {
    /// A store for components of `engine`, holding `data`.
    pub fn new(engine: &Engine, data: T) -> Self {
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let data = StoreData {
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            user: data,
            hostcall_fuel: DEFAULT_HOSTCALL_FUEL,
            instances: Vec::new(),
        };
        Self {
            inner: Active::new_store(engine.backend(), data),
        }
    }

    /// The user's data.
    pub fn data(&self) -> &T {
        &Active::store_data(&self.inner).user
    }

    /// The user's data, writable.
    pub fn data_mut(&mut self) -> &mut T {
        &mut Active::store_data_mut(&mut self.inner).user
    }

    /// Gives the user's data back.
    pub fn into_data(self) -> T {
        Active::into_data(self.inner).user
    }

    /// Sets how many bytes of strings and lists one call (an export call or
    /// a host function call) may lift or lower; past it the call traps with
    /// [`Trap::HostcallFuelExhausted`](crate::Trap::HostcallFuelExhausted).
    pub fn set_hostcall_fuel(&mut self, bytes: usize) {
        Active::store_data_mut(&mut self.inner).hostcall_fuel = bytes;
    }

    /// The hostcall fuel each call starts with.
    pub fn hostcall_fuel(&self) -> usize {
        Active::store_data(&self.inner).hostcall_fuel
    }
}

impl<T: 'static> std::fmt::Debug for Store<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field(
                "instances",
                &Active::store_data(&self.inner).instances.len(),
            )
            .field(
                "hostcall_fuel",
                &Active::store_data(&self.inner).hostcall_fuel,
            )
            .finish()
    }
}

/// A borrow of a store, handed to host functions so they can reach the
/// user's data and call back into instances.
pub struct StoreContextMut<'a, T: 'static> {
    pub(crate) inner: StoreCx<'a, T>,
}

impl<T: 'static> StoreContextMut<'_, T> {
    /// The user's data.
    pub fn data(&self) -> &T {
        &Active::data(&self.inner).user
    }

    /// The user's data, writable.
    pub fn data_mut(&mut self) -> &mut T {
        &mut Active::data_mut(&mut self.inner).user
    }
}

/// Anything a call can run in: a [`Store`] or a [`StoreContextMut`].
pub trait AsContextMut {
    /// The user's data type.
    type Data: 'static;

    /// A fresh borrow of the store.
    fn as_context_mut(&mut self) -> StoreContextMut<'_, Self::Data>;
}

impl<T: 'static> AsContextMut for Store<T> {
    type Data = T;

    fn as_context_mut(&mut self) -> StoreContextMut<'_, T> {
        StoreContextMut {
            inner: Active::cx(&mut self.inner),
        }
    }
}

impl<T: 'static> AsContextMut for StoreContextMut<'_, T> {
    type Data = T;

    fn as_context_mut(&mut self) -> StoreContextMut<'_, T> {
        StoreContextMut {
            inner: Active::reborrow(&mut self.inner),
        }
    }
}

impl<S: AsContextMut + ?Sized> AsContextMut for &mut S {
    type Data = S::Data;

    fn as_context_mut(&mut self) -> StoreContextMut<'_, S::Data> {
        (**self).as_context_mut()
    }
}
