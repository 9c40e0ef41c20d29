//! The guest components built by `tests/guests/build.sh` and committed in `tests/fixtures/`.

use std::path::PathBuf;

/// Every fixture, by file stem: one per guest world (see `tests/guests/README.md`).
pub const ALL: &[&str] = &[
    "numbers",
    "strings",
    "strings-utf16",
    "strings-latin1-utf16",
    "lists",
    "records",
    "variants",
    "flag-sets",
    "resources",
    "many-args",
    "host-calls",
    "maps",
    "named-imports",
];

/// Fixtures used only by the benchmarks (`tests/src/bench/`): their imports are not the
/// oracle's, so the differential tests leave them out.
pub const BENCHMARKS: &[&str] = &["bench"];

/// Composed components (`tests/guests/build.sh` wires sub-components with `wac-graph`): a
/// caller and its callees in one component, driven by `tests/tests/composed.rs`. Their only
/// import is the `journal` interface, so the oracle's generic fixtures leave them out.
pub const COMPOSED: &[&str] = &["composed", "composed-hostile", "composed-hostile-caller"];

/// The path of the fixture `name` (a stem from [`ALL`], [`BENCHMARKS`] or [`COMPOSED`]).
pub fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(format!("{name}.wasm"))
}

/// The bytes of the fixture `name`.
///
/// # Errors
/// When the file cannot be read.
pub fn bytes(name: &str) -> anyhow::Result<Vec<u8>> {
    let path = path(name);
    std::fs::read(&path).map_err(|e| anyhow::anyhow!("reading {}: {e}", path.display()))
}
