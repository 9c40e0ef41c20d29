//! Guests from other languages, built by their own toolchains
//! (`wasi/guests/polyglot/`): a Python component (componentize-py 0.25.1)
//! and a JavaScript one (componentize-js 0.23.0), both implementing the
//! world `witbind:polyglot/guest`. Every export is called through
//! `bindgen!` bindings with WASI linked, on both engines, and the same calls
//! go to the same component under wasmtime's component model with
//! wasmtime-wasi 48 (the oracle): results, the host's log and the output
//! must be identical, and both languages must show the behaviour the WIT
//! documents. `wasi:cli/run` runs under both hosts too.
//!
//! The toolchains' own WASI imports are of different 0.2 releases
//! (componentize-py 0.25.1: 0.2.9; componentize-js 0.23.0: 0.2.12; our
//! world adds `wasi:cli/environment@0.2.12`); they link to witbind-wasi's
//! 0.2.12 definitions through the `Linker`'s semver matching, which
//! `wasi_imports_of_older_releases_link` checks.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, OnceLock};

use witbind::{Component, Engine, Linker, Store};
use witbind_wasi::{MemoryOutputPipe, WasiCtx, WasiCtxBuilder};

mod common;

/// The witbind side: `bindgen!` for the world, its `wasi:cli/environment`
/// import taken from witbind-wasi's bindings.
mod witbind_side {
    ::witbind::bindgen!({
        path: "guests/polyglot/wit",
        world: "witbind:polyglot/guest",
        with: { "wasi:cli/environment": witbind_wasi::bindings::wasi::cli::environment },
    });
}

/// The oracle's side: wasmtime's `bindgen!` for the same world, WASI from
/// wasmtime-wasi.
mod wasmtime_side {
    wasmtime::component::bindgen!({
        path: "guests/polyglot/wit",
        world: "witbind:polyglot/guest",
        with: { "wasi": wasmtime_wasi::p2::bindings },
    });
}

/// The guests: fixture names.
const GUESTS: [&str; 2] = ["python", "js"];

/// The engines, made once so that compiled components can be shared.
fn engines() -> &'static [Engine] {
    static ENGINES: OnceLock<Vec<Engine>> = OnceLock::new();
    ENGINES.get_or_init(witbind_tests::engines)
}

/// Values made once per key in this test process.
type Cache<K, V> = Mutex<BTreeMap<K, Arc<OnceLock<V>>>>;

/// A value made once per key in this test process.
fn once<K: Ord, V: Clone>(cache: &Cache<K, V>, key: K, make: impl FnOnce() -> V) -> V {
    let cell = cache.lock().unwrap().entry(key).or_default().clone();
    cell.get_or_init(make).clone()
}

/// The guest compiled for `engine` (one of [`engines`]), once per test
/// process: the components are large (12 and 18 MB) and compiling them is
/// most of these tests' time.
fn component(engine: &Engine, guest: &'static str) -> Component {
    static CACHE: Cache<(String, &str), Component> = Mutex::new(BTreeMap::new());
    once(&CACHE, (engine.backend_kind().to_string(), guest), || {
        Component::from_file(engine, common::fixture(guest)).unwrap()
    })
}

/// The oracle's engine, and the guest compiled for it once.
fn wasmtime_component(guest: &'static str) -> (wasmtime::Engine, wasmtime::component::Component) {
    static ENGINE: OnceLock<wasmtime::Engine> = OnceLock::new();
    static CACHE: Cache<&str, wasmtime::component::Component> = Mutex::new(BTreeMap::new());
    let engine = ENGINE.get_or_init(wasmtime::Engine::default);
    let component = once(&CACHE, guest, || {
        wasmtime::component::Component::from_file(engine, common::fixture(guest)).unwrap()
    });
    (engine.clone(), component)
}

/// What the host's `lookup` knows.
fn known(key: &str) -> Option<String> {
    match key {
        "colour" => Some("grün".to_string()),
        "empty" => Some(String::new()),
        _ => None,
    }
}

const OUTPUT_CAPACITY: usize = 1 << 20;

/// The host's side of the world: its log and what `lookup` knows, plus WASI.
struct WitbindState {
    wasi: WasiCtx,
    log: Vec<String>,
}

impl witbind_side::witbind::polyglot::host::Host for WitbindState {
    fn log(&mut self, msg: String) {
        self.log.push(msg);
    }
    fn lookup(&mut self, key: String) -> Option<String> {
        known(&key)
    }
}

struct WasmtimeState {
    ctx: wasmtime_wasi::WasiCtx,
    table: wasmtime::component::ResourceTable,
    log: Vec<String>,
}

impl wasmtime_wasi::WasiView for WasmtimeState {
    fn ctx(&mut self) -> wasmtime_wasi::WasiCtxView<'_> {
        wasmtime_wasi::WasiCtxView {
            ctx: &mut self.ctx,
            table: &mut self.table,
        }
    }
}

impl wasmtime_side::witbind::polyglot::host::Host for WasmtimeState {
    fn log(&mut self, msg: String) {
        self.log.push(msg);
    }
    fn lookup(&mut self, key: String) -> Option<String> {
        known(&key)
    }
}

/// A shape, the same for both sides' generated types.
#[derive(Clone, Copy, Debug)]
enum Shape {
    Circle(f64),
    Rect(f64, f64),
    Dot,
}

/// A `stats` record: `(count, sum, min, max, label)`.
type Stats = (u32, i64, Option<i32>, Option<i32>, String);

/// What the calls return and leave, in types both sides convert to.
#[derive(Debug, Default, PartialEq)]
struct Calls {
    greet: Vec<String>,
    reverse: Vec<Vec<String>>,
    summarize: Vec<Stats>,
    divide: Vec<Result<i32, String>>,
    /// The bits of each area: equal means the same `f64`.
    area: Vec<u64>,
    checksum: Vec<Vec<u8>>,
    ask: Vec<String>,
    /// The host's log after the calls.
    log: Vec<String>,
    stdout: String,
    stderr: String,
}

const GREET: [&str; 3] = ["world", "ünï wörld", ""];
const SHAPES: [Shape; 5] = [
    Shape::Circle(1.5),
    Shape::Rect(2.0, 3.5),
    Shape::Dot,
    Shape::Rect(f64::INFINITY, 2.0),
    Shape::Circle(-0.0),
];
const DIVIDE: [(i32, i32); 6] = [
    (7, 2),
    (-7, 2),
    (7, 0),
    (i32::MIN, -1),
    (i32::MIN, 1),
    (-9, -3),
];
const ASK: [&str; 3] = ["colour", "empty", "missing"];

fn reverse_inputs() -> Vec<Vec<String>> {
    [&[][..], &["abc", "ünï", "😀x", ""], &["one"]]
        .iter()
        .map(|items| items.iter().map(|s| s.to_string()).collect())
        .collect()
}

fn summarize_inputs() -> Vec<(Vec<i32>, &'static str)> {
    vec![
        (vec![], "empty"),
        (vec![3, -7, 12, 0], "mixed ✓"),
        (
            vec![i32::MIN, i32::MAX, i32::MAX, i32::MIN, i32::MIN],
            "extremes",
        ),
    ]
}

fn checksum_inputs() -> Vec<Vec<u8>> {
    vec![
        vec![],
        vec![1, 2, 3, 250],
        (0..300u32).map(|i| (i * 7 % 256) as u8).collect(),
    ]
}

/// Every export of `api` called under witbind-wasi on `engine`.
fn calls_on_witbind(engine: &Engine, guest: &'static str) -> Calls {
    use witbind_side::exports::witbind::polyglot::api;

    let stdout = MemoryOutputPipe::new(OUTPUT_CAPACITY);
    let stderr = MemoryOutputPipe::new(OUTPUT_CAPACITY);
    let wasi = WasiCtxBuilder::new()
        .stdout(stdout.clone())
        .stderr(stderr.clone())
        .build();
    let mut store = Store::new(
        engine,
        WitbindState {
            wasi,
            log: Vec::new(),
        },
    );
    let linker = witbind_linker(engine);
    let component = component(engine, guest);
    let bindings = witbind_side::Guest::instantiate(&mut store, &component, &linker).unwrap();
    let api = bindings.witbind_polyglot_api();

    let mut calls = Calls::default();
    for name in GREET {
        calls.greet.push(api.call_greet(&mut store, name).unwrap());
    }
    for items in reverse_inputs() {
        calls
            .reverse
            .push(api.call_reverse(&mut store, &items).unwrap());
    }
    for (values, label) in summarize_inputs() {
        let s = api.call_summarize(&mut store, &values, label).unwrap();
        calls
            .summarize
            .push((s.count, s.sum, s.min, s.max, s.label));
    }
    for (a, b) in DIVIDE {
        calls
            .divide
            .push(api.call_divide(&mut store, a, b).unwrap());
    }
    for shape in SHAPES {
        let shape = match shape {
            Shape::Circle(r) => api::Shape::Circle(r),
            Shape::Rect(w, h) => api::Shape::Rect((w, h)),
            Shape::Dot => api::Shape::Dot,
        };
        calls
            .area
            .push(api.call_area(&mut store, &shape).unwrap().to_bits());
    }
    for data in checksum_inputs() {
        calls
            .checksum
            .push(api.call_checksum(&mut store, &data).unwrap());
    }
    for key in ASK {
        calls.ask.push(api.call_ask(&mut store, key).unwrap());
    }
    calls.log = std::mem::take(&mut store.data_mut().log);
    drop(store);
    calls.stdout = String::from_utf8(stdout.contents()).unwrap();
    calls.stderr = String::from_utf8(stderr.contents()).unwrap();
    calls
}

/// WASI and the world's host interface, for witbind.
fn witbind_linker(engine: &Engine) -> Linker<WitbindState> {
    let mut linker = Linker::new(engine);
    witbind_wasi::add_to_linker(&mut linker, |s: &mut WitbindState| &mut s.wasi).unwrap();
    witbind_side::witbind::polyglot::host::add_to_linker(&mut linker, |s: &mut WitbindState| s)
        .unwrap();
    linker
}

/// WASI and the world's host interface, for wasmtime.
fn wasmtime_linker(engine: &wasmtime::Engine) -> wasmtime::component::Linker<WasmtimeState> {
    use wasmtime::component::HasSelf;
    let mut linker = wasmtime::component::Linker::new(engine);
    wasmtime_wasi::p2::add_to_linker_sync(&mut linker).unwrap();
    wasmtime_side::witbind::polyglot::host::add_to_linker::<_, HasSelf<_>>(&mut linker, |s| s)
        .unwrap();
    linker
}

fn wasmtime_store(
    engine: &wasmtime::Engine,
    build: impl FnOnce(&mut wasmtime_wasi::WasiCtxBuilder),
) -> wasmtime::Store<WasmtimeState> {
    let mut builder = wasmtime_wasi::WasiCtx::builder();
    build(&mut builder);
    wasmtime::Store::new(
        engine,
        WasmtimeState {
            ctx: builder.build(),
            table: wasmtime::component::ResourceTable::new(),
            log: Vec::new(),
        },
    )
}

/// The same calls under wasmtime with wasmtime-wasi.
fn calls_on_wasmtime(guest: &'static str) -> Calls {
    use wasmtime_side::exports::witbind::polyglot::api;
    use wasmtime_wasi::p2::pipe::MemoryOutputPipe;

    let (engine, component) = wasmtime_component(guest);
    let stdout = MemoryOutputPipe::new(OUTPUT_CAPACITY);
    let stderr = MemoryOutputPipe::new(OUTPUT_CAPACITY);
    let mut store = wasmtime_store(&engine, |b| {
        b.stdout(stdout.clone()).stderr(stderr.clone());
    });
    let linker = wasmtime_linker(&engine);
    let bindings = wasmtime_side::Guest::instantiate(&mut store, &component, &linker).unwrap();
    let api = bindings.witbind_polyglot_api();

    let mut calls = Calls::default();
    for name in GREET {
        calls.greet.push(api.call_greet(&mut store, name).unwrap());
    }
    for items in reverse_inputs() {
        calls
            .reverse
            .push(api.call_reverse(&mut store, &items).unwrap());
    }
    for (values, label) in summarize_inputs() {
        let s = api.call_summarize(&mut store, &values, label).unwrap();
        calls
            .summarize
            .push((s.count, s.sum, s.min, s.max, s.label));
    }
    for (a, b) in DIVIDE {
        calls
            .divide
            .push(api.call_divide(&mut store, a, b).unwrap());
    }
    for shape in SHAPES {
        let shape = match shape {
            Shape::Circle(r) => api::Shape::Circle(r),
            Shape::Rect(w, h) => api::Shape::Rect((w, h)),
            Shape::Dot => api::Shape::Dot,
        };
        calls
            .area
            .push(api.call_area(&mut store, shape).unwrap().to_bits());
    }
    for data in checksum_inputs() {
        calls
            .checksum
            .push(api.call_checksum(&mut store, &data).unwrap());
    }
    for key in ASK {
        calls.ask.push(api.call_ask(&mut store, key).unwrap());
    }
    calls.log = std::mem::take(&mut store.data_mut().log);
    drop(store);
    calls.stdout = String::from_utf8(stdout.contents().to_vec()).unwrap();
    calls.stderr = String::from_utf8(stderr.contents().to_vec()).unwrap();
    calls
}

/// What the WIT's documentation says the calls give, in either language.
fn documented() -> Calls {
    use std::f64::consts::PI;
    Calls {
        greet: vec![
            "¡hola, WORLD! ✓".into(),
            "¡hola, ÜNÏ WÖRLD! ✓".into(),
            "¡hola, ! ✓".into(),
        ],
        reverse: vec![
            vec![],
            vec!["".into(), "x😀".into(), "ïnü".into(), "cba".into()],
            vec!["eno".into()],
        ],
        summarize: vec![
            (0, 0, None, None, "empty".into()),
            (4, 8, Some(-7), Some(12), "mixed ✓".into()),
            (
                5,
                3 * i64::from(i32::MIN) + 2 * i64::from(i32::MAX),
                Some(i32::MIN),
                Some(i32::MAX),
                "extremes".into(),
            ),
        ],
        divide: vec![
            Ok(3),
            Ok(-3),
            Err("division by zero".into()),
            Err("overflow".into()),
            Ok(i32::MIN),
            Ok(3),
        ],
        area: [PI * 1.5 * 1.5, 7.0, 0.0, f64::INFINITY, PI * -0.0 * -0.0]
            .map(f64::to_bits)
            .to_vec(),
        checksum: checksum_inputs()
            .into_iter()
            .map(|data| {
                let sum = data.iter().map(|&b| u32::from(b)).sum::<u32>();
                let mut out = vec![(sum % 256) as u8, (data.len() % 256) as u8];
                out.extend(data.iter().rev());
                out
            })
            .collect(),
        ask: vec![
            "colour = grün".into(),
            "empty = ".into(),
            "missing is unknown".into(),
        ],
        log: vec![
            "asking colour".into(),
            "asking empty".into(),
            "asking missing".into(),
        ],
        stdout: String::new(),
        stderr: String::new(),
    }
}

#[test]
fn exports_give_what_wasmtime_gives_and_what_the_wit_documents() {
    for guest in GUESTS {
        let expected = calls_on_wasmtime(guest);
        assert_eq!(expected, documented(), "{guest} under wasmtime");
        for engine in engines() {
            let got = calls_on_witbind(engine, guest);
            assert_eq!(
                got,
                expected,
                "{guest} on witbind ({}) differs from wasmtime",
                engine.backend_kind()
            );
        }
    }
}

/// How a `wasi:cli/run` ended.
#[derive(Debug, PartialEq, Eq)]
struct Run {
    stdout: String,
    stderr: String,
    /// The exit code, or `None` for a trap.
    exit: Option<i32>,
    log: Vec<String>,
}

fn run_on_witbind(
    engine: &Engine,
    guest: &'static str,
    args: &[&str],
    env: &[(&str, &str)],
) -> Run {
    let stdout = MemoryOutputPipe::new(OUTPUT_CAPACITY);
    let stderr = MemoryOutputPipe::new(OUTPUT_CAPACITY);
    let wasi = WasiCtxBuilder::new()
        .args(std::iter::once(guest).chain(args.iter().copied()))
        .envs(env.iter().copied())
        .stdout(stdout.clone())
        .stderr(stderr.clone())
        .build();
    let mut store = Store::new(
        engine,
        WitbindState {
            wasi,
            log: Vec::new(),
        },
    );
    let component = component(engine, guest);
    let exit = witbind_wasi::run(&mut store, &component, &witbind_linker(engine)).ok();
    let log = std::mem::take(&mut store.data_mut().log);
    drop(store);
    Run {
        stdout: String::from_utf8(stdout.contents()).unwrap(),
        stderr: String::from_utf8(stderr.contents()).unwrap(),
        exit,
        log,
    }
}

fn run_on_wasmtime(guest: &'static str, args: &[&str], env: &[(&str, &str)]) -> Run {
    use wasmtime_wasi::p2::bindings::sync::Command;
    use wasmtime_wasi::p2::pipe::MemoryOutputPipe;

    let (engine, component) = wasmtime_component(guest);
    let stdout = MemoryOutputPipe::new(OUTPUT_CAPACITY);
    let stderr = MemoryOutputPipe::new(OUTPUT_CAPACITY);
    let mut store = wasmtime_store(&engine, |b| {
        b.arg(guest)
            .args(args)
            .envs(env)
            .stdout(stdout.clone())
            .stderr(stderr.clone());
    });
    let command = Command::instantiate(&mut store, &component, &wasmtime_linker(&engine)).unwrap();
    let exit = match command.wasi_cli_run().call_run(&mut store) {
        Ok(Ok(())) => Some(0),
        Ok(Err(())) => Some(1),
        Err(e) => e.downcast_ref::<wasmtime_wasi::I32Exit>().map(|e| e.0),
    };
    let log = std::mem::take(&mut store.data_mut().log);
    drop(store);
    Run {
        stdout: String::from_utf8(stdout.contents().to_vec()).unwrap(),
        stderr: String::from_utf8(stderr.contents().to_vec()).unwrap(),
        exit,
        log,
    }
}

/// `run` under both hosts, asserting they agree; the oracle's outcome.
fn same_run(guest: &'static str, args: &[&str], env: &[(&str, &str)]) -> Run {
    let expected = run_on_wasmtime(guest, args, env);
    for engine in engines() {
        let got = run_on_witbind(engine, guest, args, env);
        assert_eq!(
            got,
            expected,
            "{guest} {args:?}: run on witbind ({}) differs from wasmtime",
            engine.backend_kind()
        );
    }
    expected
}

fn language(guest: &str) -> &'static str {
    match guest {
        "python" => "python",
        _ => "javascript",
    }
}

#[test]
fn run_as_a_command_reads_arguments_and_environment() {
    let env = [("ZED", "last"), ("A", "1=one"), ("ÜBER", "ü")];
    for guest in GUESTS {
        let out = same_run(guest, &["ünï", "two words", "x"], &env);
        assert_eq!(
            out.stdout,
            format!(
                "polyglot guest in {}\narg 0: {guest}\narg 1: ünï\narg 2: two words\narg 3: x\n\
                 env A=1=one\nenv ZED=last\nenv ÜBER=ü\n¡hola, ÜNÏ! ✓\n\
                 reversed: x sdrow owt ïnü\nlengths: count 3 sum 13 min 1 max 9\n",
                language(guest)
            ),
            "{guest}"
        );
        assert_eq!(out.stderr, "run: done\n", "{guest}");
        assert_eq!(out.exit, Some(0), "{guest}");
        assert!(out.log.is_empty(), "{guest}: {:?}", out.log);

        let out = same_run(guest, &[], &[]);
        assert_eq!(
            out.stdout,
            format!(
                "polyglot guest in {}\narg 0: {guest}\n¡hola, WORLD! ✓\nreversed: \n\
                 lengths: count 0 sum 0 min - max -\n",
                language(guest)
            ),
            "{guest}"
        );
        assert_eq!(out.exit, Some(0), "{guest}");
    }
}

#[test]
fn run_returning_an_error_exits_with_1() {
    for guest in GUESTS {
        let out = same_run(guest, &["please", "fail"], &[]);
        assert_eq!(out.exit, Some(1), "{guest}: {}", out.stderr);
        assert_eq!(
            out.stderr, "run: failing because an argument says so\n",
            "{guest}"
        );
        assert!(
            out.stdout
                .ends_with("lengths: count 2 sum 10 min 4 max 6\n")
        );
    }
}

/// The WASI interfaces each toolchain imports, by version: the releases
/// today's toolchains emit, all linked to witbind-wasi's 0.2.12.
#[test]
fn wasi_imports_of_older_releases_link() {
    let mut versions = BTreeMap::<&str, BTreeMap<String, Vec<String>>>::new();
    for guest in GUESTS.into_iter().chain(["hello"]) {
        let component = component(&engines()[0], guest);
        for name in component.import_names() {
            if let Some((interface, version)) =
                name.strip_prefix("wasi:").and_then(|n| n.split_once('@'))
            {
                versions
                    .entry(guest)
                    .or_default()
                    .entry(version.to_string())
                    .or_default()
                    .push(interface.to_string());
            }
        }
    }
    let releases = |guest: &str| versions[guest].keys().cloned().collect::<Vec<_>>();
    // componentize-py 0.25.1's runtime imports WASI 0.2.9; the world adds
    // `wasi:cli/environment@0.2.12`.
    assert_eq!(releases("python"), ["0.2.12", "0.2.9"]);
    assert_eq!(versions["python"]["0.2.12"], ["cli/environment"]);
    // componentize-js 0.23.0: 0.2.12.
    assert_eq!(releases("js"), ["0.2.12"]);
    // rustc 1.95's wasm32-wasip2 std: 0.2.6.
    assert_eq!(releases("hello"), ["0.2.6"]);
    // Each instantiates (the semver-compatible names resolved) on both
    // engines: the tests above call them; here the Linker alone is asked.
    for engine in engines() {
        for guest in GUESTS {
            witbind_linker(engine)
                .instantiate_pre(&component(engine, guest))
                .unwrap_or_else(|e| panic!("{guest} ({}): {e:#}", engine.backend_kind()));
        }
    }
}
