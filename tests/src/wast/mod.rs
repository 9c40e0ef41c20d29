//! A runner of `.wast` scripts of the Component Model (the `wast` crate's
//! format with `(component ...)` directives) on witbind, through its public
//! API only: [`Component`](witbind::Component), [`Linker`](witbind::Linker),
//! [`Store`](witbind::Store), [`Instance`](witbind::Instance),
//! [`Func`](witbind::Func) and [`Val`](witbind::Val).
//!
//! [`run_file`] runs every directive of one file on one engine, in one
//! store, and reports each directive that failed with the file,
//! line:column and directive it came from. `docs/conformance.md` lists what
//! is supported and how each assertion is judged.

mod directive;
mod outcome;
mod register;
mod runner;
pub mod values;

pub use outcome::{Failure, FileOutcome};

use std::path::Path;

/// Runs the `.wast` file at `path` on `engine`.
///
/// A file that cannot be read or parsed is one failure; otherwise every
/// directive runs, in order, and each failing one is reported (a failed
/// `(component ...)` leaves no current instance, so the `invoke`s after it
/// fail too, naming it).
pub fn run_file(engine: &witbind::Engine, path: &Path) -> FileOutcome {
    let name = path.display().to_string();
    match std::fs::read_to_string(path) {
        Ok(text) => run_source(engine, &name, &text),
        Err(e) => FileOutcome::unreadable(engine, &name, format!("cannot read the file: {e}")),
    }
}

/// Runs the `.wast` script `text`, named `name` in messages, on `engine`.
pub fn run_source(engine: &witbind::Engine, name: &str, text: &str) -> FileOutcome {
    runner::Runner::new(engine, name, text).run()
}

/// [`run_file`] on one engine of every backend compiled in
/// ([`crate::engines`]), wasmtime first.
pub fn run_file_on_every_engine(path: &Path) -> Vec<FileOutcome> {
    crate::engines()
        .iter()
        .map(|engine| run_file(engine, path))
        .collect()
}
