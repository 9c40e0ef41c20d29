//! [`Access`]: what a host function generated with `bindgen!`'s `store`
//! flag receives in place of `&mut self`: the store (to reach all of its
//! data and to call back into guests) together with the accessor that finds
//! the host's implementation in the store's data.

use crate::host::runtime::context::{AsContextMut, StoreContextMut};

/// The store of a running host function and the projection `get` from the
/// store's data `T` to the host's implementation `U`.
///
/// `bindgen!` hands it to the methods of a `HostWithStore<T>` trait (the
/// functions marked `store` in `imports`). Through it a host function can
///
/// - reach its implementation ([`get`](Self::get)) or all of the store's
///   data ([`data_mut`](Self::data_mut)), and
/// - call exports of component instances, since `Access` is an
///   [`AsContextMut`]: pass `&mut access` where a call wants a store.
///
/// The spec forbids entering an instance that is already running: calling
/// an export of the instance whose import is running (or of any instance
/// below it on the call stack) fails with
/// [`Trap::Reentered`](crate::Trap::Reentered); exports of other instances
/// can be called.
///
/// ```
/// # #[cfg(feature = "wasmtime")] {
/// use witbind::{Access, AsContextMut, Engine, Store};
///
/// struct Counter { calls: u32 }
/// struct State { counter: Counter, log: Vec<String> }
///
/// fn counter(state: &mut State) -> &mut Counter { &mut state.counter }
///
/// let engine = Engine::default();
/// let mut store = Store::new(&engine, State { counter: Counter { calls: 0 }, log: vec![] });
/// let mut access = Access::new(store.as_context_mut(), counter);
/// access.get().calls += 1;
/// access.data_mut().log.push("called".into());
/// assert_eq!(store.data().counter.calls, 1);
/// # }
/// ```
pub struct Access<'a, T: 'static, U: ?Sized> {
    store: StoreContextMut<'a, T>,
    get: fn(&mut T) -> &mut U,
}

impl<'a, T: 'static, U: ?Sized> Access<'a, T, U> {
    /// Pairs a store with the accessor of the host's implementation in its
    /// data.
    pub fn new(store: StoreContextMut<'a, T>, get: fn(&mut T) -> &mut U) -> Self {
        Self { store, get }
    }

    /// The host's implementation: `get` applied to the store's data.
    pub fn get(&mut self) -> &mut U {
        (self.get)(self.store.data_mut())
    }

    /// The accessor this `Access` applies in [`get`](Self::get).
    pub fn getter(&self) -> fn(&mut T) -> &mut U {
        self.get
    }

    /// All of the store's data.
    pub fn data(&self) -> &T {
        self.store.data()
    }

    /// All of the store's data, writable.
    pub fn data_mut(&mut self) -> &mut T {
        self.store.data_mut()
    }

    /// The store itself.
    pub fn store(&mut self) -> StoreContextMut<'_, T> {
        self.store.as_context_mut()
    }
}

impl<T: 'static, U: ?Sized> AsContextMut for Access<'_, T, U> {
    type Data = T;

    fn as_context_mut(&mut self) -> StoreContextMut<'_, T> {
        self.store.as_context_mut()
    }
}
