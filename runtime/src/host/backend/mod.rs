//! The core wasm engine underneath the component host, behind [`Backend`].
//!
//! Everything the host needs from an engine is a method of [`Backend`]: a
//! store with the host's data, a memory view implementing
//! [`GuestMemory`](crate::GuestMemory), raw core calls that move flat values
//! as `u64` bit patterns, host function definitions, and core module
//! instantiation. Everything above is generic over the backend; only
//! [`engines`](crate::host::runtime::engines) names the implementations, one
//! per engine compiled in. Lift and lower code never sees an engine at all.

pub(crate) mod any;
#[cfg(feature = "wasmi")]
pub(crate) mod wasmi;
#[cfg(feature = "wasmtime")]
pub(crate) mod wasmtime;

use crate::abi::flat::FlatType;
use crate::abi::memory::GuestMemory;
use crate::error::Result;

/// Bounds on what a store's guests may allocate, enforced by the engine:
/// each field is `None` for no bound. Set with
/// [`Store::set_limits`](crate::Store::set_limits).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StoreLimits {
    /// Bytes one linear memory may grow to: `memory.grow` past it returns
    /// -1, and instantiating a module whose memory starts larger fails.
    pub memory_size: Option<usize>,
    /// Elements one table may grow to.
    pub table_elements: Option<usize>,
    /// Core instances the store may hold (a component instance has one per
    /// core module it instantiates).
    pub core_instances: Option<usize>,
    /// Linear memories the store may hold.
    pub memories: Option<usize>,
    /// Tables the store may hold.
    pub tables: Option<usize>,
    /// Component instances the store may hold (checked by witbind).
    pub component_instances: Option<usize>,
}

/// An engine's own `StoreLimits` built from witbind's: wasmtime and wasmi
/// have builders of the same shape, so one macro serves both.
macro_rules! engine_limits {
    ($engine:ident, $limits:expr) => {{
        let limits: &$crate::host::backend::StoreLimits = $limits;
        let mut builder = $engine::StoreLimitsBuilder::new();
        if let Some(n) = limits.memory_size {
            builder = builder.memory_size(n);
        }
        if let Some(n) = limits.table_elements {
            builder = builder.table_elements(n);
        }
        if let Some(n) = limits.core_instances {
            builder = builder.instances(n);
        }
        if let Some(n) = limits.memories {
            builder = builder.memories(n);
        }
        if let Some(n) = limits.tables {
            builder = builder.tables(n);
        }
        builder.build()
    }};
}

pub(crate) use engine_limits;

/// A core wasm engine.
///
/// `D` is the data a store holds. Values cross as flat `u64` bit patterns
/// (see [`crate::abi::flat`]); the backend converts them to its own
/// representation using the flat types it is given.
pub(crate) trait Backend: 'static {
    /// Compiles modules; shared by stores.
    type Engine: Clone + Send + Sync;
    /// A compiled core module.
    type Module: Send + Sync;
    /// A module's export, found in advance: see [`Backend::export_key`].
    type ExportKey: Send + Sync;
    /// Owns instances and the data `D`.
    type Store<D: 'static>;
    /// A mutable borrow of a store: what calls and host functions run in.
    type Cx<'a, D: 'static>;
    /// A core function.
    type Func: Copy + Send + Sync + 'static;
    /// A core linear memory.
    type Memory: Copy + Send + Sync + 'static;
    /// A mutable `i32` global the host creates: an instance's flags, which
    /// fused adapters read and write.
    type Global: Copy + Send + Sync + 'static;
    /// A core module instance.
    type Instance: Copy + Send + Sync + 'static;
    /// Anything a core instance exports or a module imports.
    type Extern: Clone;
    /// A memory with its `realloc`, seen through a store borrow.
    type View<'a, D: 'static>: GuestMemory;
    /// A host function's core signature, prepared once (the engine's type
    /// registered, the flat types kept) for any number of definitions.
    type HostSig: Clone + Send + Sync + 'static;
    /// The engine's resource limiter state.
    type Limits: Send + Sync + 'static;

    /// Whether two engines are the same one.
    fn same_engine(a: &Self::Engine, b: &Self::Engine) -> bool;
    /// Whether the engine compiles wasm to machine code: a short loop in
    /// wasm then costs less than a host call (fused adapters copy strings
    /// in wasm, see `builtins::copy_in_wasm`), where an interpreter is
    /// better off calling the host.
    fn compiles_wasm(engine: &Self::Engine) -> bool;
    /// Validates and compiles a core module.
    fn compile(engine: &Self::Engine, wasm: &[u8]) -> Result<Self::Module>;
    /// The module's precompiled form, or `None` when the engine has none
    /// (an interpreter recompiles from the wasm, which is cheap).
    fn serialize_module(module: &Self::Module) -> Result<Option<Vec<u8>>>;
    /// A module from the bytes [`Backend::serialize_module`] gave.
    ///
    /// # Safety
    ///
    /// `bytes` must come from `serialize_module` of this backend: the engine
    /// rejects bytes of another version or configuration with an error, but
    /// may load arbitrary bytes as native code.
    unsafe fn deserialize_module(engine: &Self::Engine, bytes: &[u8]) -> Result<Self::Module>;
    /// A new store holding `data`.
    fn new_store<D: 'static>(engine: &Self::Engine, data: D) -> Self::Store<D>;
    /// The engine's form of `limits`.
    fn limits(limits: &StoreLimits) -> Self::Limits;
    /// Makes the store enforce the limits `limits` finds in its data (read
    /// again whenever a guest grows a memory or table; the counts of
    /// instances, memories and tables are taken now).
    fn set_limiter<D: 'static>(store: &mut Self::Store<D>, limits: fn(&mut D) -> &mut Self::Limits);
    /// The store's engine.
    fn store_engine<D: 'static>(store: &Self::Cx<'_, D>) -> Self::Engine;
    /// Borrows a store.
    fn cx<D: 'static>(store: &mut Self::Store<D>) -> Self::Cx<'_, D>;
    /// Reborrows a store borrow for a shorter time.
    fn reborrow<'a, D: 'static>(cx: &'a mut Self::Cx<'_, D>) -> Self::Cx<'a, D>;
    /// The store's data.
    fn store_data<D: 'static>(store: &Self::Store<D>) -> &D;
    /// The store's data, writable.
    fn store_data_mut<D: 'static>(store: &mut Self::Store<D>) -> &mut D;
    /// Gives the store's data back.
    fn into_data<D: 'static>(store: Self::Store<D>) -> D;
    /// Sets the fuel the store's guests may still burn; an error when the
    /// engine was not configured to consume fuel.
    fn set_fuel<D: 'static>(store: &mut Self::Store<D>, fuel: u64) -> Result<()>;
    /// The fuel left; an error when the engine does not consume fuel.
    fn fuel<D: 'static>(store: &Self::Store<D>) -> Result<u64>;
    /// Interrupts guests `ticks` epochs from now; an error when the engine
    /// has no epoch interruption (or was not configured for it).
    fn set_epoch_deadline<D: 'static>(store: &mut Self::Store<D>, ticks: u64) -> Result<()>;
    /// Advances the engine's epoch by one tick; an error when the engine
    /// has no epochs.
    fn increment_epoch(engine: &Self::Engine) -> Result<()>;
    /// The data behind a store borrow.
    fn data<'a, D: 'static>(cx: &'a Self::Cx<'_, D>) -> &'a D;
    /// The data behind a store borrow, writable.
    fn data_mut<'a, D: 'static>(cx: &'a mut Self::Cx<'_, D>) -> &'a mut D;

    /// A memory's current bytes.
    fn memory_bytes<'a, D: 'static>(cx: &'a Self::Cx<'_, D>, memory: Self::Memory) -> &'a [u8];
    /// A memory's current bytes together with the store's data, both
    /// borrowed at once: what a host function with borrowed parameters
    /// needs (it reads the guest's memory while it changes its own data).
    fn memory_and_data_mut<'a, D: 'static>(
        cx: &'a mut Self::Cx<'_, D>,
        memory: Self::Memory,
    ) -> (&'a [u8], &'a mut D);
    /// A view of `memory` whose `realloc` calls `realloc` (checked to have
    /// type `(i32, i32, i32, i32) -> i32`).
    fn view<'a, D: 'static>(
        cx: Self::Cx<'a, D>,
        memory: Self::Memory,
        realloc: Option<Self::Func>,
    ) -> Self::View<'a, D>;

    /// A core function's parameter and result types, or an error when one
    /// is not a number type.
    fn signature<D: 'static>(
        cx: &Self::Cx<'_, D>,
        func: Self::Func,
    ) -> Result<(Vec<FlatType>, Vec<FlatType>)>;
    /// Calls `func` with the flat values in `slots`, of types `params`, and
    /// writes its results, of types `results`, to the start of `slots`.
    ///
    /// # Safety
    ///
    /// `func`'s signature, as [`Backend::signature`] gives it, must be
    /// exactly `params -> results`; `slots` must hold at least as many
    /// values as either list.
    unsafe fn call_raw<D: 'static>(
        cx: &mut Self::Cx<'_, D>,
        func: Self::Func,
        slots: &mut [u64],
        params: &[FlatType],
        results: &[FlatType],
    ) -> Result<()>;
    /// Prepares the core signature `params -> results` for host functions.
    fn host_sig(engine: &Self::Engine, params: &[FlatType], results: &[FlatType]) -> Self::HostSig;
    /// Defines a host function of the prepared signature `sig`. `body`
    /// gets the arguments as flat values in a slice as long as the longer
    /// list, and leaves the results at its start.
    fn host_func_with<D: 'static, F>(
        cx: &mut Self::Cx<'_, D>,
        sig: &Self::HostSig,
        body: F,
    ) -> Self::Func
    where
        F: for<'a> Fn(Self::Cx<'a, D>, &mut [u64]) -> Result<()> + Send + Sync + 'static;
    /// Defines a host function of the core signature `params -> results`.
    #[cfg(all(test, feature = "wasmi"))]
    fn host_func<D: 'static, F>(
        cx: &mut Self::Cx<'_, D>,
        params: &[FlatType],
        results: &[FlatType],
        body: F,
    ) -> Self::Func
    where
        F: for<'a> Fn(Self::Cx<'a, D>, &mut [u64]) -> Result<()> + Send + Sync + 'static,
    {
        let sig = Self::host_sig(&Self::store_engine(cx), params, results);
        Self::host_func_with(cx, &sig, body)
    }

    /// Instantiates a core module with its imports in order.
    fn instantiate<D: 'static>(
        cx: &mut Self::Cx<'_, D>,
        module: &Self::Module,
        imports: &[Self::Extern],
    ) -> Result<Self::Instance>;
    /// A core instance's export `name`.
    fn export<D: 'static>(
        cx: &mut Self::Cx<'_, D>,
        instance: Self::Instance,
        name: &str,
    ) -> Option<Self::Extern>;
    /// The key of `module`'s export `name`, found once so that each
    /// instance's export is found without a lookup by name.
    fn export_key(module: &Self::Module, name: &str) -> Option<Self::ExportKey>;
    /// The export `key` (of the module `instance` was instantiated from).
    fn export_at<D: 'static>(
        cx: &mut Self::Cx<'_, D>,
        instance: Self::Instance,
        key: &Self::ExportKey,
    ) -> Option<Self::Extern>;
    /// Writes `func` at `index` of the table `table` (an imported table):
    /// an element segment applied by the host. Out of bounds is an error.
    fn table_set<D: 'static>(
        cx: &mut Self::Cx<'_, D>,
        table: &Self::Extern,
        index: u64,
        func: Self::Func,
    ) -> Result<()>;
    /// A function as an import.
    fn func_extern(func: Self::Func) -> Self::Extern;
    /// The function an export is, if it is one.
    fn extern_func(item: Self::Extern) -> Option<Self::Func>;
    /// The memory an export is, if it is one.
    fn extern_memory(item: Self::Extern) -> Option<Self::Memory>;
    /// A memory as an import.
    fn memory_extern(memory: Self::Memory) -> Self::Extern;
    /// A new mutable `i32` global holding `value`.
    fn new_global<D: 'static>(cx: &mut Self::Cx<'_, D>, value: i32) -> Result<Self::Global>;
    /// A global as an import.
    fn global_extern(global: Self::Global) -> Self::Extern;
    /// A global's value (0 when it is not an `i32`, which the host's own
    /// globals always are).
    fn global_get<D: 'static>(cx: &mut Self::Cx<'_, D>, global: Self::Global) -> i32;
    /// Sets a global the host created.
    fn global_set<D: 'static>(cx: &mut Self::Cx<'_, D>, global: Self::Global, value: i32);
}

/// Checks that a core function has exactly the given flat signature: what
/// makes [`Backend::call_raw`] of it sound.
pub(crate) fn check_signature<B: Backend, D: 'static>(
    cx: &B::Cx<'_, D>,
    func: B::Func,
    params: &[FlatType],
    results: &[FlatType],
    what: &str,
) -> Result<()> {
    let (got_params, got_results) = B::signature(cx, func)?;
    if got_params != params || got_results != results {
        anyhow::bail!(
            "{what}: core function type ({got_params:?}) -> ({got_results:?}) does not match \
             the canonical ABI's ({params:?}) -> ({results:?})"
        );
    }
    Ok(())
}
