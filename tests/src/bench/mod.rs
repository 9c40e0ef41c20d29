//! Host benchmarks: the `bench` fixture (`tests/guests/bench`) called through witbind and
//! through `wasmtime::component`, case by case, with the same inputs.
//!
//! [`Side`] is one engine ready to run the cases: [`WitbindSide`] (witbind's `TypedFunc`s),
//! [`GeneratedSide`] (witbind's `bindgen!` bindings) and [`WasmtimeSide`] (wasmtime's
//! `bindgen!` bindings); [`report`] alternates them and prints the comparison
//! (`cargo run --release -p witbind-tests --bin bench-report`). The criterion bench
//! `tests/benches/host.rs` runs the same sides.

pub mod cases;
mod generated_side;
pub mod report;
mod shapes;
mod wasmtime_side;
mod witbind_side;

use std::time::Duration;

pub use cases::{Case, Inputs};
pub use generated_side::GeneratedSide;
pub use wasmtime_side::WasmtimeSide;
pub use witbind_side::{Binding, TypedExports, Witbind, WitbindSide};

/// One engine with the `bench` fixture instantiated, able to run every [`Case`].
pub trait Side {
    /// The engine's name in reports.
    fn name(&self) -> &'static str;

    /// Runs `case` `iters` times and gives the time the runs took. Setup a case needs (for
    /// example handles to drop) is done outside the measured time.
    ///
    /// # Errors
    /// When a call fails or gives a result other than the case's documented one.
    fn run(&mut self, case: Case, iters: u64) -> anyhow::Result<Duration>;
}
