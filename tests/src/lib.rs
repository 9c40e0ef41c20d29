//! Shared helpers of witbind's integration tests, conformance runner and benchmarks.

pub mod bench;
pub mod conformance;
pub mod fixtures;
pub mod oracle;
pub mod roundtrip;

pub use roundtrip::{Lowered, assert_round_trip, assert_same_as_val, bump_memory, lower};
