//! The component host: load a component, link host functions to its
//! imports, instantiate it and call its exports, on wasmtime or wasmi.
//!
//! The API follows `wasmtime::component`: [`Engine`], [`Component`],
//! [`Linker`], [`Store`], [`Instance`] and [`TypedFunc`]. The code is in
//! layers, each using only the ones below it (`docs/architecture.md` draws
//! them):
//!
//! 1. the types users touch: [`engine`](Engine), [`Store`], [`Component`],
//!    [`Linker`], [`Instance`], [`InstancePre`], [`Func`], [`TypedFunc`];
//! 2. `link`: instantiation, walking a plan's initializers;
//! 3. `call`: the one call path (flatten, spill, lower, call, lift,
//!    post-return) of export calls and host functions;
//! 4. `builtins`: `resource.new/rep/drop`;
//! 5. `runtime`: per-instance state and the guard that enters an instance;
//! 6. `plan`: a component loaded once into a plan (translation, checks,
//!    types, compiled core modules);
//! 7. `backend`: the `Backend` trait, one implementation per engine, and
//!    the dispatch from "any engine" to generic code.

mod access;
pub(crate) mod backend;
mod builtins;
mod call;
mod component;
mod engine;
mod func;
mod instance;
mod instance_pre;
mod link;
mod linker;
mod module;
mod plan;
mod runtime;
mod semver;
mod store;
mod typed;

pub use access::Access;
pub use backend::StoreLimits;
pub use backend::any::BackendKind;
pub use call::borrowed::BorrowedParams;
pub use component::Component;
pub use engine::{Config, Engine};
pub use func::Func;
pub use instance::{ExportName, Instance};
pub use instance_pre::InstancePre;
pub use linker::{Linker, LinkerInstance};
pub use module::Module;
pub use runtime::context::{AsContextMut, StoreContextMut};
pub use store::{DEFAULT_MAX_HANDLES, Store};
pub use typed::TypedFunc;
