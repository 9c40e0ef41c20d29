//! Shared helpers of witbind's integration tests, conformance runner and benchmarks.

pub mod bench;
pub mod conformance;
pub mod fixtures;
pub mod fuzz;
pub mod oracle;
pub mod roundtrip;
pub mod wast;

pub use roundtrip::{Lowered, assert_round_trip, assert_same_as_val, bump_memory, lower};

/// One engine of every backend compiled in (wasmtime, then wasmi): tests that
/// run a component run it on each, so both engines pass the same tests.
pub fn engines() -> Vec<witbind::Engine> {
    witbind::Engine::available_backends()
        .iter()
        .map(|kind| witbind::Engine::with_backend(*kind).expect("default engine configuration"))
        .collect()
}
