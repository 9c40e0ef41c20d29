//! Runs the `bench` fixture through witbind (with `TypedFunc`s and through its generated
//! bindings, on wasmtime and on wasmi) and through wasmtime's component model in one process,
//! alternating the sides per case, prints the comparison table and each engine's core-call
//! floor, then the WASI rows (whole `wasm32-wasip2` programs under witbind-wasi and
//! wasmtime-wasi, `witbind_tests::bench::wasi`), the rows of calls between sub-components
//! (`witbind_tests::bench::composed`), and writes the rows as JSON to `target/bench-report.json` (under
//! `CARGO_TARGET_DIR` when that is set).
//!
//! `cargo run --release -p witbind-tests --bin bench-report [FILTER]`: with a FILTER, only
//! the cases whose name contains it.
//!
//! `bench-report --only SIDE FILTER` (SIDE: witbind, witbind-gen, witbind/wasmi,
//! witbind-gen/wasmi or wasmtime): for profiling, runs only that side on the matching cases
//! for a few seconds each and prints no table
//! (`perf record -g target/release/bench-report --only witbind "resource drop"`).
//! See `docs/performance.md`.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use witbind_tests::bench::report::{self, Row};
use witbind_tests::bench::{
    Case, REFERENCE, SIDES, WITBIND_WASMI, all_sides, composed, floor, wasi,
};

/// How long `--only` runs each case.
const PROFILE_TIME: Duration = Duration::from_secs(4);

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [only, side, filter] if only == "--only" => profile(side, filter),
        [] => compare(""),
        [filter] => compare(filter),
        _ => anyhow::bail!("usage: bench-report [FILTER] | bench-report --only SIDE FILTER"),
    }
}

/// The cases whose name contains `filter`.
fn cases(filter: &str) -> impl Iterator<Item = Case> + '_ {
    Case::ALL
        .into_iter()
        .filter(move |c| c.name().contains(filter))
}

/// Runs only the side named `name` on the matching cases, for a profiler.
fn profile(name: &str, filter: &str) -> anyhow::Result<()> {
    let Some((_, make)) = SIDES.iter().find(|(side, _)| *side == name) else {
        let names: Vec<&str> = SIDES.iter().map(|(side, _)| *side).collect();
        anyhow::bail!("unknown side `{name}`: one of {}", names.join(", "));
    };
    let mut side = make()?;
    for case in cases(filter) {
        let start = Instant::now();
        let mut runs = 0u64;
        while start.elapsed() < PROFILE_TIME {
            side.run(case, 1000)?;
            runs += 1000;
        }
        eprintln!("{}: {runs} runs on {name}", case.name());
    }
    Ok(())
}

/// Times every side on the matching cases and reports them side by side.
fn compare(filter: &str) -> anyhow::Result<()> {
    let mut all = all_sides()?;
    let names: Vec<String> = all.iter().map(|s| s.name()).collect();
    let mut rows: Vec<Row> = Vec::new();
    for case in cases(filter) {
        let row = report::measure(case, &mut all, REFERENCE)
            .with_context(|| format!("case `{}`", case.name()))?;
        eprintln!("{}: {:.2?}", case.name(), row.ratio);
        rows.push(row);
    }
    print!("{}", report::table(&names, REFERENCE, &rows));
    let wasi_rows = wasi::measure(filter)?;
    if !wasi_rows.is_empty() {
        print!(
            "\nWASI programs end to end (µs per run):\n\n{}",
            wasi::table(&wasi_rows)
        );
    }
    let composed_rows = composed::measure(filter)?;
    if !composed_rows.is_empty() {
        print!(
            "\nCalls between sub-components, {} per host call (µs per host call):\n\n{}",
            composed::CALLS,
            composed::table(&composed_rows)
        );
    }
    let floors = floor::measure()?;
    println!(
        "\ncore nop floor (the engine's own TypedFunc): wasmtime {:.1} ns, wasmi {:.1} ns",
        floors.wasmtime_ns, floors.wasmi_ns
    );
    if let Some(nop) = rows.iter().find(|r| r.case == Case::Nop) {
        println!(
            "witbind func() over its engine's core nop: wasmtime {:.2}x, wasmi {:.2}x (target on wasmi: 2x)",
            nop.ns[0] / floors.wasmtime_ns,
            nop.ns[WITBIND_WASMI] / floors.wasmi_ns
        );
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"));
    std::fs::create_dir_all(&target)?;
    let path = target.join("bench-report.json");
    let json = serde_json::json!({
        "rows": report::json(&names, &rows),
        "wasi_rows": wasi::json(&wasi_rows),
        "composed_rows": composed::json(&composed_rows),
        "core_nop_floor_ns": { "wasmtime": floors.wasmtime_ns, "wasmi": floors.wasmi_ns },
    });
    let text = serde_json::to_string_pretty(&json)?;
    std::fs::write(&path, text + "\n").with_context(|| format!("writing {}", path.display()))?;
    eprintln!("wrote {}", path.display());
    Ok(())
}
