//! Runs the `bench` fixture through witbind (with `TypedFunc`s, and through its generated
//! bindings) and through wasmtime's component model in one process, alternating the three
//! per case, prints the comparison table and writes it as JSON to `target/bench-report.json`
//! (under `CARGO_TARGET_DIR` when that is set).
//!
//! `cargo run --release -p witbind-tests --bin bench-report [FILTER]`: with a FILTER, only
//! the cases whose name contains it.
//!
//! `bench-report --only witbind|witbind-gen|wasmtime FILTER`: for profiling, runs only that engine on
//! the matching cases for a few seconds each and prints no table
//! (`perf record -g target/release/bench-report --only witbind "resource drop"`).
//! See `docs/performance.md`.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use witbind_tests::bench::report::{self, Row};
use witbind_tests::bench::{Case, GeneratedSide, Side, WasmtimeSide, WitbindSide};

/// How long `--only` runs each case.
const PROFILE_TIME: Duration = Duration::from_secs(4);

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [only, side, filter] if only == "--only" => profile(side, filter),
        [] => compare(""),
        [filter] => compare(filter),
        _ => anyhow::bail!(
            "usage: bench-report [FILTER] | bench-report --only witbind|witbind-gen|wasmtime FILTER"
        ),
    }
}

/// The cases whose name contains `filter`.
fn cases(filter: &str) -> impl Iterator<Item = Case> + '_ {
    Case::ALL
        .into_iter()
        .filter(move |c| c.name().contains(filter))
}

/// Runs only `side` on the matching cases, for a profiler.
fn profile(side: &str, filter: &str) -> anyhow::Result<()> {
    let mut side: Box<dyn Side> = match side {
        "witbind" => Box::new(WitbindSide::new()?),
        "witbind-gen" => Box::new(GeneratedSide::new()?),
        "wasmtime" => Box::new(WasmtimeSide::new()?),
        other => anyhow::bail!("unknown engine `{other}`: witbind, witbind-gen or wasmtime"),
    };
    for case in cases(filter) {
        let start = Instant::now();
        let mut runs = 0u64;
        while start.elapsed() < PROFILE_TIME {
            side.run(case, 1000)?;
            runs += 1000;
        }
        eprintln!("{}: {runs} runs on {}", case.name(), side.name());
    }
    Ok(())
}

/// Times every side on the matching cases and reports them side by side.
fn compare(filter: &str) -> anyhow::Result<()> {
    let mut witbind = WitbindSide::new().context("witbind side")?;
    let mut generated = GeneratedSide::new().context("witbind-gen side")?;
    let mut wasmtime = WasmtimeSide::new().context("wasmtime side")?;
    let mut rows: Vec<Row> = Vec::new();
    for case in cases(filter) {
        let sides = report::Sides {
            witbind: &mut witbind,
            generated: &mut generated,
            wasmtime: &mut wasmtime,
        };
        let row =
            report::measure(case, sides).with_context(|| format!("case `{}`", case.name()))?;
        eprintln!(
            "{}: {:.2} (gen {:.2})",
            case.name(),
            row.ratio,
            row.generated_ratio
        );
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
