//! [`Store`]: the user's data together with every instance's runtime state,
//! on the engine it was created for.

use std::marker::PhantomData;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::abi::options::DEFAULT_HOSTCALL_FUEL;
use crate::error::Result;
use crate::host::backend::any::{Any, Engines, Family, on_engine};
use crate::host::backend::{Backend, StoreLimits};
use crate::host::engine::{Engine, Limits};
use crate::host::runtime::context::{AsContextMut, StoreContextMut, wrap_cx};
use crate::host::runtime::state::StoreData;
use crate::resources::MAX_HANDLES;

/// The family of backend stores holding `T`.
pub(crate) struct StoreF<T>(PhantomData<T>);

impl<T: 'static> Family for StoreF<T> {
    type Of<B: Engines> = B::Store<StoreData<T, B>>;
}

/// Owns the user's data of type `T` and all instances created in it.
pub struct Store<T: 'static> {
    pub(crate) inner: Any<StoreF<T>>,
    /// The bounds the engine enforces.
    limits: Limits,
}

/// The default bound on each handle table of a store's instances: a guest
/// creating handles in a loop traps with
/// [`Trap::HandleTableFull`](crate::Trap::HandleTableFull) after this many,
/// long before the host runs short of memory (about 40 bytes each).
pub const DEFAULT_MAX_HANDLES: u32 = 100_000;

/// An epoch deadline that is never reached (and cannot overflow when the
/// engine adds it to the current epoch).
const NO_DEADLINE: u64 = u64::MAX / 2;

/// A new store of backend `B`.
///
/// # Panics
///
/// Never: epochs are on only for engines that have them.
fn new_store<T: 'static, B: Engines>(engine: &B::Engine, data: T, limits: Limits) -> Store<T> {
    static NEXT_ID: AtomicU64 = AtomicU64::new(0);
    let data = StoreData::<T, B> {
        id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        user: data,
        hostcall_fuel: DEFAULT_HOSTCALL_FUEL,
        max_handles: DEFAULT_MAX_HANDLES + 1,
        engine_limits: B::limits(&StoreLimits::default()),
        max_instances: None,
        instances: Vec::new(),
        host_dtors: Vec::new(),
        host_caller: None,
        adapter_calls: Vec::new(),
    };
    let mut store = B::new_store(engine, data);
    B::set_limiter(&mut store, engine_limits::<T, B>);
    if limits.epochs {
        // A new store's guests run until a deadline is set (wasmtime's own
        // default deadline would interrupt them at once).
        B::set_epoch_deadline(&mut store, NO_DEADLINE)
            .expect("the engine was configured for epochs");
    }
    Store {
        inner: B::wrap::<StoreF<T>>(store),
        limits,
    }
}

/// Where a store's data keeps the engine's limiter state.
fn engine_limits<T: 'static, B: Backend>(data: &mut StoreData<T, B>) -> &mut B::Limits {
    &mut data.engine_limits
}

fn set_limits<T: 'static, B: Backend>(store: &mut B::Store<StoreData<T, B>>, limits: &StoreLimits) {
    let data = B::store_data_mut(store);
    data.engine_limits = B::limits(limits);
    data.max_instances = limits.component_instances;
    B::set_limiter(store, engine_limits::<T, B>);
}

fn data<T: 'static, B: Backend>(store: &B::Store<StoreData<T, B>>) -> &StoreData<T, B> {
    B::store_data(store)
}

fn data_mut<T: 'static, B: Backend>(store: &mut B::Store<StoreData<T, B>>) -> &mut StoreData<T, B> {
    B::store_data_mut(store)
}

fn into_user<T: 'static, B: Backend>(store: B::Store<StoreData<T, B>>) -> T {
    B::into_data(store).user
}

fn context<T: 'static, B: Engines>(
    store: &mut B::Store<StoreData<T, B>>,
) -> StoreContextMut<'_, T> {
    wrap_cx::<T, B>(B::cx(store))
}

impl<T: 'static> Store<T> {
    /// A store for components of `engine`, holding `data`.
    pub fn new(engine: &Engine, data: T) -> Self {
        let limits = engine.limits;
        on_engine!(&engine.inner, |engine| new_store::<T, B>(
            engine, data, limits
        ))
    }

    /// The user's data.
    pub fn data(&self) -> &T {
        on_engine!(&self.inner, |s| &data::<T, B>(s).user)
    }

    /// The user's data, writable.
    pub fn data_mut(&mut self) -> &mut T {
        on_engine!(&mut self.inner, |s| &mut data_mut::<T, B>(s).user)
    }

    /// Gives the user's data back.
    pub fn into_data(self) -> T {
        on_engine!(self.inner, |s| into_user::<T, B>(s))
    }

    /// Sets how many bytes of strings and lists one call (an export call or
    /// a host function call) may lift or lower; past it the call traps with
    /// [`Trap::HostcallFuelExhausted`](crate::Trap::HostcallFuelExhausted).
    pub fn set_hostcall_fuel(&mut self, bytes: usize) {
        on_engine!(&mut self.inner, |s| data_mut::<T, B>(s).hostcall_fuel =
            bytes)
    }

    /// The hostcall fuel each call starts with.
    pub fn hostcall_fuel(&self) -> usize {
        on_engine!(&self.inner, |s| data::<T, B>(s).hostcall_fuel)
    }

    /// Bounds what the store's guests may allocate: memory and table
    /// sizes, and counts of instances, memories and tables. Past a size
    /// bound, `memory.grow` and `table.grow` fail (return -1) as the spec
    /// allows; past a count, instantiation fails with an error. A guest
    /// can then exhaust neither the host's memory nor its address space.
    pub fn set_limits(&mut self, limits: StoreLimits) {
        on_engine!(&mut self.inner, |s| set_limits::<T, B>(s, &limits))
    }

    /// Bounds each handle table of the instances created from now on (the
    /// instance's own, and the host's table of its resources): past
    /// `max` live handles, creating one traps with
    /// [`Trap::HandleTableFull`](crate::Trap::HandleTableFull). The default is
    /// [`DEFAULT_MAX_HANDLES`]; the spec's own bound, `2^28 - 1` handles,
    /// caps any larger value.
    pub fn set_max_handles(&mut self, max: u32) {
        let limit = max.saturating_add(1).min(MAX_HANDLES);
        on_engine!(&mut self.inner, |s| data_mut::<T, B>(s).max_handles = limit)
    }

    /// The bound [`Store::set_max_handles`] set, as a number of handles.
    pub fn max_handles(&self) -> u32 {
        on_engine!(&self.inner, |s| data::<T, B>(s).max_handles) - 1
    }

    /// Gives the store's guests `fuel` units of execution (about one per
    /// core instruction) from now on; past it a call traps with
    /// [`CoreTrap::OutOfFuel`](crate::CoreTrap::OutOfFuel), which poisons
    /// that instance only: the store and its other instances stay usable,
    /// with fuel set again. Fails on an engine without
    /// [`Config::consume_fuel`](crate::Config::consume_fuel).
    pub fn set_fuel(&mut self, fuel: u64) -> Result<()> {
        if !self.limits.fuel {
            anyhow::bail!("the engine was made without `Config::consume_fuel(true)`");
        }
        on_engine!(&mut self.inner, |s| B::set_fuel(s, fuel))
    }

    /// The fuel left (see [`Store::set_fuel`]).
    pub fn fuel(&self) -> Result<u64> {
        if !self.limits.fuel {
            anyhow::bail!("the engine was made without `Config::consume_fuel(true)`");
        }
        on_engine!(&self.inner, |s| B::fuel(s))
    }

    /// Interrupts the store's guests once the engine's epoch has advanced
    /// `ticks` times from now ([`Engine::increment_epoch`]): a call running
    /// then traps with [`CoreTrap::Interrupted`](crate::CoreTrap::Interrupted).
    /// Fails on an engine without
    /// [`Config::epoch_interruption`](crate::Config::epoch_interruption).
    pub fn set_epoch_deadline(&mut self, ticks: u64) -> Result<()> {
        if !self.limits.epochs {
            anyhow::bail!("the engine was made without `Config::epoch_interruption(true)`");
        }
        let ticks = ticks.min(NO_DEADLINE);
        on_engine!(&mut self.inner, |s| B::set_epoch_deadline(s, ticks))
    }

    fn instance_count(&self) -> usize {
        on_engine!(&self.inner, |s| data::<T, B>(s).instances.len())
    }
}

impl<T: 'static> std::fmt::Debug for Store<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("backend", &self.inner.kind())
            .field("instances", &self.instance_count())
            .field("hostcall_fuel", &self.hostcall_fuel())
            .finish()
    }
}

impl<T: 'static> AsContextMut for Store<T> {
    type Data = T;

    fn as_context_mut(&mut self) -> StoreContextMut<'_, T> {
        on_engine!(&mut self.inner, |s| context::<T, B>(s))
    }
}
