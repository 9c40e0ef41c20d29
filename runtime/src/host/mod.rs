//! The component host: load a component, link host functions to its
//! imports, instantiate it and call its exports.
//!
//! The API follows `wasmtime::component`: [`Engine`], [`Component`],
//! [`Linker`], [`Store`], [`Instance`] and [`TypedFunc`]. Components are
//! flattened into core wasm instantiations by wasmtime-environ's translator;
//! the core modules run on a backend (wasmtime's core API by default), and every value that
//! crosses the boundary goes through witbind's own Canonical ABI code.

pub(crate) mod backend;
mod component;
mod engine;
mod exports;
mod func;
mod host_func;
mod instance;
mod linker;
mod resources;
mod store;
mod support;
mod typed;
mod types;

pub use component::Component;
pub use engine::Engine;
pub use exports::ExportName;
pub use func::Func;
pub use instance::Instance;
pub use linker::{Linker, LinkerInstance};
pub use store::{AsContextMut, Store, StoreContextMut};
pub use typed::TypedFunc;
