//! The fuzz targets' logic, as plain functions: `fuzz/` (cargo-fuzz, nightly)
//! calls them on generated inputs, and `tests/tests/fuzz_corpora.rs` replays
//! the committed corpora through them on stable. Each `run` panics when a
//! property fails and returns otherwise. `docs/fuzzing.md` describes the
//! targets and campaigns.
//!
//! - [`lift`]: arbitrary bytes lifted as arbitrary types;
//! - [`differential`]: witbind against `wasmtime::component` on an echo
//!   component of a fixed family of types;
//! - [`binary`]: arbitrary and mutated component binaries loaded and
//!   instantiated;
//! - [`resources`]: sequences of resource operations against a model of the
//!   handle tables.

pub mod binary;
pub mod differential;
pub mod echo_component;
pub mod family;
pub mod generate;
pub mod lift;
pub mod resources;
pub mod wasmtime_val;

/// A target's function: runs one input, panics when a property fails.
pub type Target = fn(&[u8]);

/// Every target, by the name of its `fuzz/fuzz_targets/` file and corpus
/// directory, with its function.
pub const TARGETS: &[(&str, Target)] = &[
    ("lift", lift::run),
    ("differential", differential::run),
    ("component", binary::run),
    ("resources", resources::run),
];
