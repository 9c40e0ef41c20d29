//! Host benchmarks: the `bench` fixture (`tests/guests/bench`) called through witbind and
//! through `wasmtime::component`, case by case, with the same inputs.
//!
//! [`Side`] is one engine ready to run the cases: [`WitbindSide`] (witbind's `TypedFunc`s) and
//! [`GeneratedSide`] (witbind's `bindgen!` bindings), each on wasmtime or wasmi
//! (`Witbind::on`), and [`WasmtimeSide`] (wasmtime's component model with its `bindgen!`
//! bindings); [`report`] alternates them and prints the comparison, and [`floor`] times each
//! engine's core `nop`
//! (`cargo run --release -p witbind-tests --bin bench-report`). [`wasi`] times whole WASI
//! programs under witbind-wasi and wasmtime-wasi; [`composed`] times calls between
//! sub-components (fused adapters) beside wasmtime's. The criterion bench
//! `tests/benches/host.rs` runs the same sides.

pub mod cases;
pub mod composed;
pub mod floor;
mod generated_side;
pub mod report;
mod shapes;
pub mod wasi;
mod wasmtime_side;
mod witbind_side;

use std::time::Duration;

pub use cases::{Case, Inputs};
pub use generated_side::GeneratedSide;
pub use wasmtime_side::WasmtimeSide;
pub use witbind_side::{Binding, TypedExports, Witbind, WitbindSide};

/// One engine with the `bench` fixture instantiated, able to run every [`Case`].
pub trait Side {
    /// The side's name in reports.
    fn name(&self) -> String;

    /// Runs `case` `iters` times and gives the time the runs took. Setup a case needs (for
    /// example handles to drop) is done outside the measured time.
    ///
    /// # Errors
    /// When a call fails or gives a result other than the case's documented one.
    fn run(&mut self, case: Case, iters: u64) -> anyhow::Result<Duration>;
}

/// How to make one side.
pub type MakeSide = fn() -> anyhow::Result<Box<dyn Side>>;

/// Every side by name, in report order: witbind's typed functions and generated bindings on
/// wasmtime, wasmtime's component model (the reference, at [`REFERENCE`]), then witbind's two
/// on wasmi.
pub const SIDES: [(&str, MakeSide); 5] = [
    ("witbind", || Ok(Box::new(WitbindSide::new()?))),
    ("witbind-gen", || Ok(Box::new(GeneratedSide::new()?))),
    ("wasmtime", || Ok(Box::new(WasmtimeSide::new()?))),
    ("witbind/wasmi", || {
        Ok(Box::new(WitbindSide::on(&wasmi()?)?))
    }),
    ("witbind-gen/wasmi", || {
        Ok(Box::new(GeneratedSide::on(&wasmi()?)?))
    }),
];

fn wasmi() -> anyhow::Result<witbind::Engine> {
    witbind::Engine::with_backend(witbind::BackendKind::Wasmi)
}

/// Every side of [`SIDES`], made.
///
/// # Errors
/// When a side cannot load or instantiate the fixture.
pub fn all_sides() -> anyhow::Result<Vec<Box<dyn Side>>> {
    use anyhow::Context as _;
    SIDES
        .iter()
        .map(|(name, make)| make().with_context(|| format!("{name} side")))
        .collect()
}

/// The index of wasmtime's component model in [`all_sides`]: what ratios are against.
pub const REFERENCE: usize = 2;

/// The index of witbind's typed functions on wasmi in [`all_sides`].
pub const WITBIND_WASMI: usize = 3;
