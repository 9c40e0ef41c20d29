//! Linking WASI and running a command: [`add_to_linker`], [`run`] and the
//! exit code a guest leaves with ([`I32Exit`]).

use witbind::{AsContextMut, Component, Linker};

use crate::bindings::Command;
use crate::ctx::WasiCtx;

/// A guest called `wasi:cli/exit.exit` or `exit-with-code`: the error its
/// export call ends with, carrying the exit code. [`run`] turns it into the
/// code; with other calls, find it with `err.downcast_ref::<I32Exit>()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the guest exited with code {0}")]
pub struct I32Exit(pub i32);

/// Defines every import of the `wasi:cli/command` world (WASI 0.2.12) in
/// `linker`: `get` finds the [`WasiCtx`] in the store's data, as with the
/// `add_to_linker` that `bindgen!` generates.
///
/// ```
/// # use witbind::{Engine, Linker};
/// struct State {
///     wasi: witbind_wasi::WasiCtx,
/// }
/// let mut linker = Linker::<State>::new(&Engine::default());
/// witbind_wasi::add_to_linker(&mut linker, |state| &mut state.wasi).unwrap();
/// ```
pub fn add_to_linker<T: 'static>(
    linker: &mut Linker<T>,
    get: fn(&mut T) -> &mut WasiCtx,
) -> witbind::Result<()> {
    Command::add_to_linker(linker, get)
}

/// Instantiates the command `component` with `linker` in `store`, calls its
/// `wasi:cli/run.run` and returns the guest's exit code: 0 when `run`
/// returns `ok`, 1 when it returns `err`, and the code the guest gave to
/// `wasi:cli/exit` when it exits early (`exit(3)` is `Ok(3)`).
///
/// A trap (a Rust guest's panic, say) is an `Err` carrying the trap; so
/// are failures to instantiate, naming what is missing.
pub fn run<T: 'static>(
    mut store: impl AsContextMut<Data = T>,
    component: &Component,
    linker: &Linker<T>,
) -> witbind::Result<i32> {
    let command = Command::instantiate(&mut store, component, linker)?;
    match command.wasi_cli_run().call_run(&mut store) {
        Ok(Ok(())) => Ok(0),
        Ok(Err(())) => Ok(1),
        Err(e) => match e.downcast_ref::<I32Exit>() {
            Some(exit) => Ok(exit.0),
            None => Err(e),
        },
    }
}
