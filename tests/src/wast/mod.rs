//! A runner of `.wast` scripts of the Component Model (the `wast` crate's
//! format with `(component ...)` directives) on witbind, through its public
//! API only: [`Component`](witbind::Component), [`Linker`](witbind::Linker),
//! [`Store`](witbind::Store), [`Instance`](witbind::Instance),
//! [`Func`](witbind::Func) and [`Val`](witbind::Val).
//!
//! [`run_file`] runs every directive of one file on one engine, in one
//! store, and reports each directive that failed with the file,
//! line:column and directive it came from. The same runner drives
//! wasmtime's own component model ([`run_source_on_wasmtime`]), the oracle
//! that checks the scripts' expectations. `docs/conformance.md` lists what
//! is supported and how each assertion is judged.

mod directive;
mod host;
mod outcome;
mod register;
mod runner;
pub mod values;
mod wasmtime_host;
mod witbind_host;

pub use outcome::{Failure, FileOutcome};

use std::path::Path;

use host::Host;

/// Runs the `.wast` file at `path` on `engine`.
///
/// A file that cannot be read or parsed is one failure; otherwise every
/// directive runs, in order, and each failing one is reported (a failed
/// `(component ...)` leaves no current instance, so the `invoke`s after it
/// fail too, naming it).
pub fn run_file(engine: &witbind::Engine, path: &Path) -> FileOutcome {
    on_file(witbind_host::WitbindHost::new(engine), path)
}

/// Runs the `.wast` script `text`, named `name` in messages, on `engine`.
pub fn run_source(engine: &witbind::Engine, name: &str, text: &str) -> FileOutcome {
    runner::Runner::new(witbind_host::WitbindHost::new(engine), name, text).run()
}

/// [`run_file`] on one engine of every backend compiled in
/// ([`crate::engines`]), wasmtime first.
pub fn run_file_on_every_engine(path: &Path) -> Vec<FileOutcome> {
    crate::engines()
        .iter()
        .map(|engine| run_file(engine, path))
        .collect()
}

/// Runs the `.wast` file at `path` on wasmtime's own component model: the
/// oracle, which checks that a script expects what the reference
/// implementation does.
pub fn run_file_on_wasmtime(path: &Path) -> FileOutcome {
    on_file(wasmtime_host::WasmtimeHost::default(), path)
}

/// [`run_file_on_wasmtime`] for the script `text`, named `name`.
pub fn run_source_on_wasmtime(name: &str, text: &str) -> FileOutcome {
    runner::Runner::new(wasmtime_host::WasmtimeHost::default(), name, text).run()
}

fn on_file(host: impl Host, path: &Path) -> FileOutcome {
    let name = path.display().to_string();
    match std::fs::read_to_string(path) {
        Ok(text) => runner::Runner::new(host, &name, &text).run(),
        Err(e) => {
            FileOutcome::unreadable(host.backend(), &name, format!("cannot read the file: {e}"))
        }
    }
}
