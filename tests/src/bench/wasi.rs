//! `bench-report`'s WASI rows: the same `wasm32-wasip2` guests
//! (`wasi/fixtures/`) run end to end, instantiated and run as commands,
//! under witbind-wasi (on wasmtime and on wasmi) and under wasmtime-wasi 48,
//! the reference. Components are compiled once per side; each run builds
//! its context, instantiates and calls `wasi:cli/run`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result, ensure};

use super::rounds::{self, Summary, summarize};

/// 64 MiB: what the stream cases move.
const BULK: usize = 64 << 20;
/// The chunk the guest writes or reads at a time.
const CHUNK: usize = 64 << 10;

/// One WASI benchmark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WasiCase {
    /// `hello`: instantiate, print two lines, exit.
    Hello,
    /// 64 MiB to stdout in 64 KiB writes, into an in-memory pipe.
    Stdout,
    /// 64 MiB read from a file in a preopened directory, 64 KiB at a time.
    FileRead,
}

impl WasiCase {
    /// Every case, in report order.
    pub const ALL: [WasiCase; 3] = [WasiCase::Hello, WasiCase::Stdout, WasiCase::FileRead];

    /// The case's name in reports.
    pub fn name(self) -> &'static str {
        match self {
            WasiCase::Hello => "wasi hello (instantiate + run)",
            WasiCase::Stdout => "wasi 64 MiB stdout, 64 KiB writes",
            WasiCase::FileRead => "wasi 64 MiB file read, 64 KiB reads",
        }
    }

    /// The committed guest it runs.
    fn fixture(self) -> &'static str {
        match self {
            WasiCase::Hello => "hello",
            WasiCase::Stdout | WasiCase::FileRead => "bench",
        }
    }

    /// The guest's arguments (after its name).
    fn args(self, bulk: usize) -> Vec<String> {
        match self {
            WasiCase::Hello => vec![],
            WasiCase::Stdout => vec!["write".into(), bulk.to_string(), CHUNK.to_string()],
            WasiCase::FileRead => vec!["read".into(), "/data/big.bin".into(), CHUNK.to_string()],
        }
    }

    /// What the guest prints to stdout and stderr when it did its work.
    fn check(self, bulk: usize, stdout: &[u8], stderr: &[u8]) -> Result<()> {
        let stderr = String::from_utf8_lossy(stderr);
        match self {
            WasiCase::Hello => ensure!(
                stdout == b"hello, world\n" && stderr == "hello, stderr\n",
                "hello printed {:?} / {stderr:?}",
                String::from_utf8_lossy(stdout)
            ),
            WasiCase::Stdout => ensure!(
                stdout.len() == bulk && stdout.iter().all(|&b| b == b'x'),
                "the guest wrote {} bytes to stdout, not {bulk} `x`s ({stderr})",
                stdout.len()
            ),
            WasiCase::FileRead => {
                ensure!(stderr == format!("{bulk}\n"), "the guest read {stderr:?}")
            }
        }
        Ok(())
    }

    /// Runs in one timed round: enough for about 10 ms on the fastest side.
    fn runs_per_round(self) -> u32 {
        match self {
            WasiCase::Hello => 20,
            WasiCase::Stdout | WasiCase::FileRead => 1,
        }
    }

    /// Timed rounds; the median is reported.
    fn rounds(self) -> usize {
        match self {
            WasiCase::Hello => 31,
            WasiCase::Stdout | WasiCase::FileRead => 9,
        }
    }
}

/// The committed WASI guest `name`.
fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../wasi/fixtures")
        .join(format!("{name}.wasm"))
}

/// A folder with the file the read case reads (`data/big.bin`, as long
/// as the stream cases' size), removed when dropped.
pub struct DataDir {
    root: PathBuf,
    bulk: usize,
}

impl DataDir {
    fn new(bulk: usize) -> Result<Self> {
        let root = std::env::temp_dir().join(format!("witbind-bench-wasi-{}", std::process::id()));
        let data = root.join("data");
        std::fs::create_dir_all(&data)?;
        let bytes: Vec<u8> = (0..bulk).map(|i| (i % 251) as u8).collect();
        std::fs::write(data.join("big.bin"), bytes)?;
        Ok(Self { root, bulk })
    }

    fn data(&self) -> PathBuf {
        self.root.join("data")
    }
}

impl Drop for DataDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// One side of the WASI rows.
trait WasiSide {
    fn name(&self) -> String;
    /// One run of `case`, end to end; its time.
    fn run(&mut self, case: WasiCase, data: &DataDir) -> Result<Duration>;
}

/// witbind-wasi on one of witbind's engines.
struct Witbind {
    engine: witbind::Engine,
    linker: witbind::Linker<witbind_wasi::WasiCtx>,
    components: Vec<(&'static str, witbind::Component)>,
}

impl Witbind {
    fn new(kind: witbind::BackendKind) -> Result<Self> {
        let engine = witbind::Engine::with_backend(kind)?;
        let mut linker = witbind::Linker::new(&engine);
        witbind_wasi::add_to_linker(&mut linker, |ctx| ctx)?;
        let components = ["hello", "bench"]
            .into_iter()
            .map(|name| Ok((name, witbind::Component::from_file(&engine, fixture(name))?)))
            .collect::<Result<_>>()?;
        Ok(Self {
            engine,
            linker,
            components,
        })
    }
}

impl WasiSide for Witbind {
    fn name(&self) -> String {
        format!("witbind-wasi/{}", self.engine.backend_kind())
    }

    fn run(&mut self, case: WasiCase, data: &DataDir) -> Result<Duration> {
        use witbind_wasi::{DirPerms, FilePerms, MemoryOutputPipe, WasiCtxBuilder};
        let component = &self
            .components
            .iter()
            .find(|(name, _)| *name == case.fixture())
            .expect("every fixture is loaded")
            .1;
        let stdout = MemoryOutputPipe::new(data.bulk + 1024);
        let stderr = MemoryOutputPipe::new(1024);
        let start = Instant::now();
        let mut builder = WasiCtxBuilder::new();
        builder
            .arg(case.fixture())
            .args(case.args(data.bulk))
            .stdout(stdout.clone())
            .stderr(stderr.clone());
        if case == WasiCase::FileRead {
            builder.preopened_dir(data.data(), "/data", DirPerms::READ, FilePerms::READ)?;
        }
        let mut store = witbind::Store::new(&self.engine, builder.build());
        let code = witbind_wasi::run(&mut store, component, &self.linker)?;
        let took = start.elapsed();
        ensure!(code == 0, "{}: exit code {code}", case.name());
        case.check(data.bulk, &stdout.contents(), &stderr.contents())?;
        Ok(took)
    }
}

/// A wasmtime error as an `anyhow` one.
fn wt<T>(result: wasmtime::Result<T>) -> Result<T> {
    result.map_err(|e| anyhow::anyhow!("{e:?}"))
}

/// wasmtime-wasi 48 on wasmtime's component model: the reference.
struct Wasmtime {
    engine: wasmtime::Engine,
    linker: wasmtime::component::Linker<WasmtimeState>,
    components: Vec<(&'static str, wasmtime::component::Component)>,
}

struct WasmtimeState {
    ctx: wasmtime_wasi::WasiCtx,
    table: wasmtime::component::ResourceTable,
}

impl wasmtime_wasi::WasiView for WasmtimeState {
    fn ctx(&mut self) -> wasmtime_wasi::WasiCtxView<'_> {
        wasmtime_wasi::WasiCtxView {
            ctx: &mut self.ctx,
            table: &mut self.table,
        }
    }
}

impl Wasmtime {
    fn new() -> Result<Self> {
        let engine = wasmtime::Engine::default();
        let mut linker = wasmtime::component::Linker::new(&engine);
        wt(wasmtime_wasi::p2::add_to_linker_sync(&mut linker))?;
        let components = ["hello", "bench"]
            .into_iter()
            .map(|name| {
                Ok((
                    name,
                    wt(wasmtime::component::Component::from_file(
                        &engine,
                        fixture(name),
                    ))?,
                ))
            })
            .collect::<Result<_>>()?;
        Ok(Self {
            engine,
            linker,
            components,
        })
    }
}

impl WasiSide for Wasmtime {
    fn name(&self) -> String {
        "wasmtime-wasi".into()
    }

    fn run(&mut self, case: WasiCase, data: &DataDir) -> Result<Duration> {
        use wasmtime_wasi::FsPerms;
        use wasmtime_wasi::p2::bindings::sync::Command;
        use wasmtime_wasi::p2::pipe::MemoryOutputPipe;
        let component = &self
            .components
            .iter()
            .find(|(name, _)| *name == case.fixture())
            .expect("every fixture is loaded")
            .1;
        let stdout = MemoryOutputPipe::new(data.bulk + 1024);
        let stderr = MemoryOutputPipe::new(1024);
        let start = Instant::now();
        let mut builder = wasmtime_wasi::WasiCtx::builder();
        builder
            .arg(case.fixture())
            .args(&case.args(data.bulk))
            .stdout(stdout.clone())
            .stderr(stderr.clone());
        if case == WasiCase::FileRead {
            wt(builder.preopened_dir(data.data(), "/data", FsPerms::ReadOnly))?;
        }
        let state = WasmtimeState {
            ctx: builder.build(),
            table: wasmtime::component::ResourceTable::new(),
        };
        let mut store = wasmtime::Store::new(&self.engine, state);
        let command = wt(Command::instantiate(&mut store, component, &self.linker))?;
        let result = wt(command.wasi_cli_run().call_run(&mut store))?;
        let took = start.elapsed();
        ensure!(result.is_ok(), "{}: the guest failed", case.name());
        case.check(data.bulk, &stdout.contents(), &stderr.contents())?;
        Ok(took)
    }
}

/// One WASI row: the case and each side's time per run and ratio against
/// wasmtime-wasi.
#[derive(Debug, Clone)]
pub struct WasiRow {
    /// The case.
    pub case: WasiCase,
    /// The sides' times and ratios.
    pub summary: Summary,
}

/// The sides' names, in column order; the last is the reference.
pub fn side_names() -> Vec<String> {
    vec![
        "witbind-wasi/wasmtime".into(),
        "witbind-wasi/wasmi".into(),
        "wasmtime-wasi".into(),
    ]
}

/// Every side, in [`side_names`] order.
fn sides() -> Result<Vec<Box<dyn WasiSide>>> {
    Ok(vec![
        Box::new(Witbind::new(witbind::BackendKind::Wasmtime)?),
        Box::new(Witbind::new(witbind::BackendKind::Wasmi)?),
        Box::new(Wasmtime::new()?),
    ])
}

/// Runs every case once on every side, checking each run's output: what
/// the rows measure (with `bulk` bytes for the stream cases), without
/// timing it.
///
/// # Errors
/// The first run that fails or prints other than its case documents.
pub fn check_all(bulk: usize) -> Result<()> {
    let data = DataDir::new(bulk)?;
    for mut side in sides()? {
        for case in WasiCase::ALL {
            side.run(case, &data)
                .with_context(|| format!("{} on {}", case.name(), side.name()))?;
        }
    }
    Ok(())
}

/// Times the cases whose name contains `filter` on every side, rounds
/// alternating the sides' order.
///
/// # Errors
/// When a side cannot load the guests or a run fails or prints other than
/// the case's documented output.
pub fn measure(filter: &str) -> Result<Vec<WasiRow>> {
    let cases: Vec<WasiCase> = WasiCase::ALL
        .into_iter()
        .filter(|c| c.name().contains(filter))
        .collect();
    if cases.is_empty() {
        return Ok(Vec::new());
    }
    let data = DataDir::new(BULK).context("writing the 64 MiB file of the read case")?;
    let mut sides = sides()?;
    let reference = sides.len() - 1;
    let mut rows = Vec::new();
    for case in cases {
        let mut times: Vec<Vec<f64>> = vec![Vec::new(); sides.len()];
        for side in &mut sides {
            side.run(case, &data)
                .with_context(|| format!("{} on {}", case.name(), side.name()))?;
        }
        for round in 0..case.rounds() {
            for k in 0..sides.len() {
                let slot = (round + k) % sides.len();
                let mut total = Duration::ZERO;
                for _ in 0..case.runs_per_round() {
                    total += sides[slot].run(case, &data)?;
                }
                times[slot].push(total.as_secs_f64() * 1e6 / f64::from(case.runs_per_round()));
            }
        }
        let summary = summarize(&mut times, reference);
        eprintln!("{}: {:.2?}", case.name(), summary.ratio);
        rows.push(WasiRow { case, summary });
    }
    Ok(rows)
}

/// The WASI table: each side's time per run and its ratio against
/// wasmtime-wasi, and the target (1.0).
pub fn table(rows: &[WasiRow]) -> String {
    let rows: Vec<_> = rows.iter().map(|r| (r.case.name(), &r.summary)).collect();
    rounds::table(&side_names(), &rows)
}

/// The WASI rows as JSON.
pub fn json(rows: &[WasiRow]) -> serde_json::Value {
    let rows: Vec<_> = rows.iter().map(|r| (r.case.name(), &r.summary)).collect();
    rounds::json(&side_names(), &rows, "us_per_run")
}
