//! What the runner needs of a component host: compile, instantiate,
//! register, invoke, and tell traps from other errors. witbind is the host
//! under test ([`WitbindHost`](super::witbind_host::WitbindHost)); wasmtime's
//! own component model is the oracle that checks the scripts themselves
//! ([`WasmtimeHost`](super::wasmtime_host::WasmtimeHost)).

use anyhow::Result;
use wast::WastArg;
use witbind::Val;

/// A component host the runner drives, one store per file.
pub trait Host {
    /// A compiled component.
    type Component: Clone;
    /// An instance in the host's store.
    type Instance: Clone;

    /// The name of the engine, as outcomes show it.
    fn backend(&self) -> String;

    /// Compiles (validates and loads) a component's binary.
    fn compile(&mut self, bytes: &[u8]) -> Result<Self::Component>;

    /// Instantiates `component` with what was registered as its imports.
    fn instantiate(&mut self, component: &Self::Component) -> Result<Self::Instance>;

    /// Makes `instance`'s exported functions importable as the instance
    /// `name` by later components.
    fn register(
        &mut self,
        name: &str,
        component: &Self::Component,
        instance: &Self::Instance,
    ) -> Result<()>;

    /// Calls the export `name` of `instance` with `args`, giving its results
    /// as witbind values.
    fn invoke(
        &mut self,
        instance: &Self::Instance,
        name: &str,
        args: &[WastArg<'_>],
    ) -> Result<Vec<Val>>;

    /// Whether `e` is a trap (rather than a host error such as a wrong
    /// argument).
    fn is_trap(&self, e: &anyhow::Error) -> bool;

    /// Whether `e` is the host refusing a valid component it does not
    /// support (which `assert_invalid` must not count as rejecting it).
    fn is_unsupported(&self, e: &anyhow::Error) -> bool;
}
