//! Runs the `bench` fixture through witbind and through wasmtime's component model in one
//! process, alternating the two per case, prints the comparison table and writes it as JSON
//! to `target/bench-report.json` (under `CARGO_TARGET_DIR` when that is set).
//!
//! `cargo run --release -p witbind-tests --bin bench-report [FILTER]`: with a FILTER, only
//! the cases whose name contains it. See `docs/performance.md`.

use std::path::PathBuf;

use anyhow::Context as _;
use witbind_tests::bench::report::{self, Row};
use witbind_tests::bench::{Case, WasmtimeSide, WitbindSide};

fn main() -> anyhow::Result<()> {
    let filter = std::env::args().nth(1).unwrap_or_default();
    let mut witbind = WitbindSide::new().context("witbind side")?;
    let mut wasmtime = WasmtimeSide::new().context("wasmtime side")?;
    let mut rows: Vec<Row> = Vec::new();
    for case in Case::ALL.into_iter().filter(|c| c.name().contains(&filter)) {
        let row = report::measure(case, &mut witbind, &mut wasmtime)
            .with_context(|| format!("case `{}`", case.name()))?;
        eprintln!("{}: {:.2}", case.name(), row.ratio());
        rows.push(row);
    }
    print!("{}", report::table(&rows));
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"));
    std::fs::create_dir_all(&target)?;
    let path = target.join("bench-report.json");
    let text = serde_json::to_string_pretty(&report::json(&rows))?;
    std::fs::write(&path, text + "\n").with_context(|| format!("writing {}", path.display()))?;
    eprintln!("wrote {}", path.display());
    Ok(())
}
