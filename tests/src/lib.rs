//! Shared helpers of witbind's integration tests, conformance runner and benchmarks.

pub mod bench;
pub mod conformance;
pub mod fixtures;
pub mod oracle;
