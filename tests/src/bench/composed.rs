//! Calls between sub-components: a composed component whose caller calls
//! its sibling callee [`CALLS`] times per host call (a `nop`, a 64-byte
//! string, a `list<u32>` of 1 Ki, a resource method), timed under witbind
//! on both engines and under wasmtime's component model, on the same file.
//! Every crossing goes through a fused adapter, so these rows measure the
//! adapters and the host built-ins they call.

use std::time::{Duration, Instant};

use anyhow::{Context as _, Result, ensure};

use super::rounds::{self, Summary, summarize};

/// Calls into the callee per host call.
pub const CALLS: u32 = 100_000;

/// Calls into the callee before the timed host call, on a fresh instance:
/// the rows measure crossings, not the first touch of new memory pages.
const WARM_UP: u32 = 1_000;

/// One cross-component case: the caller's export that loops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComposedCase {
    /// `nop()`.
    Nop,
    /// `take-string(s)` with a 64-byte string.
    String64,
    /// `take-list(l)` with 1024 `u32`s.
    List1Ki,
    /// `[method]thing.get(self)`: a borrow of a resource the callee defines.
    ResourceMethod,
}

impl ComposedCase {
    /// Every case, in report order.
    pub const ALL: [ComposedCase; 4] = [
        ComposedCase::Nop,
        ComposedCase::String64,
        ComposedCase::List1Ki,
        ComposedCase::ResourceMethod,
    ];

    /// The case's name in reports.
    pub fn name(self) -> &'static str {
        match self {
            ComposedCase::Nop => "composed: nop x100k",
            ComposedCase::String64 => "composed: string 64 B x100k",
            ComposedCase::List1Ki => "composed: list<u32> 1 Ki x100k",
            ComposedCase::ResourceMethod => "composed: resource method x100k",
        }
    }

    /// The caller's export that runs the case.
    fn export(self) -> &'static str {
        match self {
            ComposedCase::Nop => "nop-loop",
            ComposedCase::String64 => "string-loop",
            ComposedCase::List1Ki => "list-loop",
            ComposedCase::ResourceMethod => "resource-loop",
        }
    }

    /// What the loop returns for `n` calls: the sum of what the callee
    /// returned (the string's length, the list's last element, the rep).
    fn expected(self, n: u32) -> u32 {
        match self {
            ComposedCase::Nop => 0,
            ComposedCase::String64 => 64 * n,
            ComposedCase::List1Ki => 1023 * n,
            ComposedCase::ResourceMethod => 42 * n,
        }
    }
}

/// The composed component. The callee's `realloc` hands out one scratch
/// block (arguments live for one call only); the caller keeps a 64-byte
/// string and a 1 Ki list in its data.
pub const COMPOSED_WAT: &str = r#"(component
    (component $callee
        (core module $m
            (memory (export "mem") 1)
            (func (export "realloc") (param i32 i32 i32 i32) (result i32) i32.const 1024)
            (func (export "nop"))
            (func (export "take-string") (param i32 i32) (result i32) local.get 1)
            (func (export "take-list") (param i32 i32) (result i32)
                local.get 0 local.get 1 i32.const 1 i32.sub i32.const 4 i32.mul i32.add i32.load)
            (func (export "make") (param i32) (result i32) local.get 0)
            (func (export "get") (param i32) (result i32) local.get 0))
        (core instance $i (instantiate $m))
        (type $t (resource (rep i32)))
        (core func $new (canon resource.new $t))
        (core module $mk
            (import "" "new" (func $new (param i32) (result i32)))
            (func (export "make") (result i32) i32.const 42 call $new))
        (core instance $mk (instantiate $mk (with "" (instance (export "new" (func $new))))))
        (export $t2 "thing" (type $t))
        (func (export "nop") (canon lift (core func $i "nop")))
        (func (export "take-string") (param "s" string) (result u32)
            (canon lift (core func $i "take-string") (memory (core memory $i "mem"))
                (realloc (core func $i "realloc"))))
        (func (export "take-list") (param "l" (list u32)) (result u32)
            (canon lift (core func $i "take-list") (memory (core memory $i "mem"))
                (realloc (core func $i "realloc"))))
        (func (export "make") (result (own $t2)) (canon lift (core func $mk "make")))
        (func (export "get") (param "self" (borrow $t2)) (result u32)
            (canon lift (core func $i "get"))))
    (component $caller
        (import "thing" (type $t (sub resource)))
        (import "nop" (func $nop))
        (import "take-string" (func $take-string (param "s" string) (result u32)))
        (import "take-list" (func $take-list (param "l" (list u32)) (result u32)))
        (import "make" (func $make (result (own $t))))
        (import "get" (func $get (param "self" (borrow $t)) (result u32)))
        (core module $mem (memory (export "mem") 1))
        (core instance $mem (instantiate $mem))
        (core func $nop (canon lower (func $nop)))
        (core func $take-string (canon lower (func $take-string) (memory (core memory $mem "mem"))))
        (core func $take-list (canon lower (func $take-list) (memory (core memory $mem "mem"))))
        (core func $make (canon lower (func $make)))
        (core func $get (canon lower (func $get)))
        (core module $m
            (import "mem" "mem" (memory 1))
            (import "" "nop" (func $nop))
            (import "" "take-string" (func $take-string (param i32 i32) (result i32)))
            (import "" "take-list" (func $take-list (param i32 i32) (result i32)))
            (import "" "make" (func $make (result i32)))
            (import "" "get" (func $get (param i32) (result i32)))
            (func $fill
                (local $i i32)
                (memory.fill (i32.const 0) (i32.const 0x61) (i32.const 64))
                (loop $l
                    (i32.store (i32.add (i32.const 4096) (i32.mul (local.get $i) (i32.const 4)))
                        (local.get $i))
                    (local.set $i (i32.add (local.get $i) (i32.const 1)))
                    (br_if $l (i32.lt_u (local.get $i) (i32.const 1024)))))
            (start $fill)
            (func (export "nop-loop") (param $n i32) (result i32)
                (loop $l
                    (if (local.get $n) (then
                        call $nop
                        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                        (br $l))))
                i32.const 0)
            (func (export "string-loop") (param $n i32) (result i32)
                (local $sum i32)
                (loop $l
                    (if (local.get $n) (then
                        (local.set $sum (i32.add (local.get $sum)
                            (call $take-string (i32.const 0) (i32.const 64))))
                        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                        (br $l))))
                local.get $sum)
            (func (export "list-loop") (param $n i32) (result i32)
                (local $sum i32)
                (loop $l
                    (if (local.get $n) (then
                        (local.set $sum (i32.add (local.get $sum)
                            (call $take-list (i32.const 4096) (i32.const 1024))))
                        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                        (br $l))))
                local.get $sum)
            (func (export "resource-loop") (param $n i32) (result i32)
                (local $sum i32) (local $h i32)
                (local.set $h (call $make))
                (loop $l
                    (if (local.get $n) (then
                        (local.set $sum (i32.add (local.get $sum) (call $get (local.get $h))))
                        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                        (br $l))))
                local.get $sum))
        (core instance $o (instantiate $m
            (with "mem" (instance $mem))
            (with "" (instance
                (export "nop" (func $nop)) (export "take-string" (func $take-string))
                (export "take-list" (func $take-list)) (export "make" (func $make))
                (export "get" (func $get))))))
        (func (export "nop-loop") (param "n" u32) (result u32) (canon lift (core func $o "nop-loop")))
        (func (export "string-loop") (param "n" u32) (result u32) (canon lift (core func $o "string-loop")))
        (func (export "list-loop") (param "n" u32) (result u32) (canon lift (core func $o "list-loop")))
        (func (export "resource-loop") (param "n" u32) (result u32) (canon lift (core func $o "resource-loop"))))
    (instance $callee (instantiate $callee))
    (instance $caller (instantiate $caller
        (with "thing" (type $callee "thing"))
        (with "nop" (func $callee "nop"))
        (with "take-string" (func $callee "take-string"))
        (with "take-list" (func $callee "take-list"))
        (with "make" (func $callee "make"))
        (with "get" (func $callee "get"))))
    (export "nop-loop" (func $caller "nop-loop"))
    (export "string-loop" (func $caller "string-loop"))
    (export "list-loop" (func $caller "list-loop"))
    (export "resource-loop" (func $caller "resource-loop"))
)"#;

/// Runs one case's export with `n` calls and checks its sum.
type RunFn = Box<dyn FnMut(ComposedCase, u32) -> Result<Duration>>;

/// The sides' names, in column order; the last is the reference.
pub fn side_names() -> Vec<String> {
    vec!["witbind".into(), "witbind/wasmi".into(), "wasmtime".into()]
}

fn witbind_side(kind: witbind::BackendKind) -> Result<RunFn> {
    let engine = witbind::Engine::with_backend(kind)?;
    let wasm = wat::parse_str(COMPOSED_WAT)?;
    let component = witbind::Component::new(&engine, wasm)?;
    let linker = witbind::Linker::new(&engine);
    Ok(Box::new(move |case, n| {
        // A fresh instance per run: the resource loop leaves a handle.
        let mut store = witbind::Store::new(&engine, ());
        let instance = linker.instantiate(&mut store, &component)?;
        let f = instance.get_typed_func::<(u32,), (u32,)>(&mut store, case.export())?;
        f.call(&mut store, (WARM_UP,))?;
        let start = Instant::now();
        let (sum,) = f.call(&mut store, (n,))?;
        let took = start.elapsed();
        ensure!(sum == case.expected(n), "{}: got {sum}", case.name());
        Ok(took)
    }))
}

fn wasmtime_side() -> Result<RunFn> {
    use wasmtime::component;
    let engine = wasmtime::Engine::default();
    let wasm = wat::parse_str(COMPOSED_WAT)?;
    let component =
        component::Component::new(&engine, wasm).map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let linker = component::Linker::<()>::new(&engine);
    Ok(Box::new(move |case, n| {
        let mut store = wasmtime::Store::new(&engine, ());
        let wt = |e: wasmtime::Error| anyhow::anyhow!("{e:?}");
        let instance = linker.instantiate(&mut store, &component).map_err(wt)?;
        let f = instance
            .get_typed_func::<(u32,), (u32,)>(&mut store, case.export())
            .map_err(wt)?;
        f.call(&mut store, (WARM_UP,)).map_err(wt)?;
        let start = Instant::now();
        let (sum,) = f.call(&mut store, (n,)).map_err(wt)?;
        let took = start.elapsed();
        ensure!(sum == case.expected(n), "{}: got {sum}", case.name());
        Ok(took)
    }))
}

fn sides() -> Result<Vec<RunFn>> {
    Ok(vec![
        witbind_side(witbind::BackendKind::Wasmtime)?,
        witbind_side(witbind::BackendKind::Wasmi)?,
        wasmtime_side()?,
    ])
}

/// Runs every case once with `n` calls on every side, checking the sums:
/// what the rows measure, without timing it.
///
/// # Errors
/// The first run that fails or sums wrong.
pub fn check_all(n: u32) -> Result<()> {
    let names = side_names();
    for (mut side, name) in sides()?.into_iter().zip(&names) {
        for case in ComposedCase::ALL {
            side(case, n).with_context(|| format!("{} on {name}", case.name()))?;
        }
    }
    Ok(())
}

/// One row: the case and each side's time per host call (of [`CALLS`]
/// crossings) and ratio against wasmtime.
#[derive(Debug, Clone)]
pub struct ComposedRow {
    /// The case.
    pub case: ComposedCase,
    /// The sides' times and ratios.
    pub summary: Summary,
}

/// Rounds per case, alternating the sides' order.
const ROUNDS: usize = 7;

/// Times the cases whose name contains `filter` on every side.
///
/// # Errors
/// When a side cannot load the component or a run fails.
pub fn measure(filter: &str) -> Result<Vec<ComposedRow>> {
    let cases: Vec<ComposedCase> = ComposedCase::ALL
        .into_iter()
        .filter(|c| c.name().contains(filter))
        .collect();
    if cases.is_empty() {
        return Ok(Vec::new());
    }
    let mut sides = sides()?;
    let reference = sides.len() - 1;
    let mut rows = Vec::new();
    for case in cases {
        let mut times: Vec<Vec<f64>> = vec![Vec::new(); sides.len()];
        for round in 0..ROUNDS {
            for k in 0..sides.len() {
                let slot = (round + k) % sides.len();
                let took = sides[slot](case, CALLS)?;
                times[slot].push(took.as_secs_f64() * 1e6);
            }
        }
        let summary = summarize(&mut times, reference);
        eprintln!("{}: {:.2?}", case.name(), summary.ratio);
        rows.push(ComposedRow { case, summary });
    }
    Ok(rows)
}

/// The table: each side's time per host call and its ratio against
/// wasmtime, and the target (1.0).
pub fn table(rows: &[ComposedRow]) -> String {
    let rows: Vec<_> = rows.iter().map(|r| (r.case.name(), &r.summary)).collect();
    rounds::table(&side_names(), &rows)
}

/// The rows as JSON.
pub fn json(rows: &[ComposedRow]) -> serde_json::Value {
    let rows: Vec<_> = rows.iter().map(|r| (r.case.name(), &r.summary)).collect();
    rounds::json(&side_names(), &rows, "us_per_call")
}
