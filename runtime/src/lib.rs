//! Typed Rust host bindings for WebAssembly components.
//!
//! `witbind` implements the Component Model's Canonical ABI: Rust values are
//! lowered into a guest's linear memory and lifted back out exactly as the
//! spec prescribes, with every malformed guest input reported as a [`Trap`].

#[cfg(all(feature = "host", not(any(feature = "wasmtime", feature = "wasmi"))))]
compile_error!("witbind's `host` feature needs an engine: enable `wasmtime` or `wasmi`");

// Lets the derives' `::witbind::...` paths resolve inside this crate too.
extern crate self as witbind;

pub mod abi;
mod error;
#[cfg(feature = "host")]
pub mod host;
pub mod resources;
pub mod types;
mod val;

#[doc(hidden)]
#[path = "internal/mod.rs"]
pub mod __internal;

// Compiled for the docs and witbind's own tests only.
#[cfg(all(feature = "host", any(doc, doctest, test)))]
pub mod bindgen_examples;

pub use abi::bump::BumpAllocator;
pub use abi::context::{CallState, HostcallFuel, LiftContext, LowerContext};
pub use abi::flags::FlagsIter;
pub use abi::flat::{FlatReader, FlatType, FlatWriter};
pub use abi::memory::{GuestMemory, VecMemory};
pub use abi::options::StringEncoding;
pub use abi::traits::{ComponentType, Lift, Lower};
pub use abi::views::{WasmList, WasmStr};
#[cfg(feature = "wasmi")]
pub use abi::wasmi_memory::{WasmiMemory, WasmiRealloc};
pub use error::{CoreTrap, Error, Result, Trap};
#[cfg(feature = "host")]
pub use host::{
    Access, AsContextMut, BackendKind, BorrowedParams, Component, Config, Engine, ExportName, Func,
    Instance, InstancePre, Linker, LinkerInstance, Module, Store, StoreContextMut, TypedFunc,
};
#[cfg(feature = "host")]
pub use host::{DEFAULT_MAX_HANDLES, StoreLimits};
pub use resources::{
    AsResourceTables, Borrowed, Resource, ResourceAny, ResourceTable, ResourceTableError,
    ResourceTables,
};
pub use types::Type;
pub use val::{CanonContext, CoreFuncType, Val, lift_flat_values, lower_flat_values};
pub use witbind_macros::{ComponentType, Lift, Lower, bindgen, flags};
