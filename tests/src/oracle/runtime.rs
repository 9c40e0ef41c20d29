//! What the differential tests need from either runtime.

use anyhow::{Context, Result};

use super::host::HostState;
use super::neutral::{Neutral, Outcome};

/// An instance of a fixture in one runtime (wasmtime or witbind), driven with neutral values.
pub trait Runtime {
    /// Calls the export `name`: `func` for a world-level function, `interface#func` for a
    /// function of an exported interface (e.g. `witbind:guests/guest-side#[method]stack.push`).
    ///
    /// A trap (or any failure inside the call) is an [`Outcome::Trapped`]; after one the
    /// instance may not be entered again.
    ///
    /// # Errors
    /// When the export does not exist or an argument names an unknown handle.
    fn call(&mut self, name: &str, args: &[Neutral]) -> Result<Outcome>;

    /// Drops the resource behind `handle` (running its destructor if it is owned).
    ///
    /// # Errors
    /// When `handle` is unknown, already dropped, or its destructor traps.
    fn drop_handle(&mut self, handle: &Neutral) -> Result<()>;

    /// The host state: events recorded and counters.
    fn host(&self) -> &HostState;

    /// Calls `name` and returns its single result.
    ///
    /// # Errors
    /// As [`Runtime::call`], and when the call trapped or did not return one value.
    fn call1(&mut self, name: &str, args: &[Neutral]) -> Result<Neutral> {
        self.call(name, args)?
            .single()
            .with_context(|| format!("calling {name}"))
    }
}
