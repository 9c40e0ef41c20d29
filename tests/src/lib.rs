//! Shared helpers of witbind's integration tests, conformance runner and benchmarks.

pub mod conformance;
pub mod roundtrip;

pub use roundtrip::{Lowered, assert_round_trip, bump_memory, lower};
