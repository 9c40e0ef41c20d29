//! Alternating timing of the sides (witbind's typed functions, witbind's generated bindings
//! and wasmtime), the comparison table and its JSON form.

use std::hint::black_box;
use std::time::{Duration, Instant};

use anyhow::Result;

use super::{Case, Side};

/// How long one timed batch of a case should take.
const BATCH: Duration = Duration::from_millis(10);
/// Timed batches per engine and case; the median is reported.
pub const ROUNDS: usize = 31;

/// One line of the report.
#[derive(Debug, Clone)]
pub struct Row {
    /// The case.
    pub case: Case,
    /// witbind's median time per operation with `TypedFunc`s, in nanoseconds.
    pub witbind_ns: f64,
    /// witbind's median time per operation through its generated bindings, in nanoseconds.
    pub generated_ns: f64,
    /// wasmtime's median time per operation, in nanoseconds.
    pub wasmtime_ns: f64,
    /// Median time of a `memcpy` of the bytes the case moves, for the bulk cases.
    pub memcpy_ns: Option<f64>,
    /// The median over rounds of witbind's time over wasmtime's in the same round: the two
    /// batches of a round ran back to back under the same machine load, so this is steadier
    /// than the ratio of the medians when the load changes during a run.
    pub ratio: f64,
    /// The same ratio for the generated bindings: their time over wasmtime's, per round.
    pub generated_ratio: f64,
    /// The median over rounds of witbind's time over the `memcpy` of the same round.
    pub memcpy_ratio: Option<f64>,
}

impl Row {
    /// The ratio the issue asks for: 0.5 for the nop and scalar calls, 1.0 otherwise.
    pub fn target(&self) -> f64 {
        match self.case {
            Case::Nop | Case::Scalars | Case::Sixteen => 0.5,
            _ => 1.0,
        }
    }
}

/// The median of `values` (which must not be empty; NaN never occurs in timings).
fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// How many runs of `case` make one batch of about [`BATCH`] on `side`.
fn batch_size(side: &mut dyn Side, case: Case) -> Result<u64> {
    let mut iters = 1u64;
    loop {
        let took = side.run(case, iters)?;
        if took >= BATCH / 4 || iters >= 1 << 24 {
            let per_run = took.as_secs_f64() / iters as f64;
            return Ok(((BATCH.as_secs_f64() / per_run) as u64).max(1));
        }
        iters *= 4;
    }
}

/// The sides of a comparison, in report order; the ratios are against `wasmtime`.
pub struct Sides<'a> {
    /// witbind with `TypedFunc`s.
    pub witbind: &'a mut dyn Side,
    /// witbind through its generated bindings.
    pub generated: &'a mut dyn Side,
    /// wasmtime's component model.
    pub wasmtime: &'a mut dyn Side,
}

/// Times `case` on every side: a warm-up run each, then [`ROUNDS`] rounds of one batch per
/// side, the order rotated every round so no side always runs first. For the bulk cases each
/// round also times a `memcpy` of the same bytes, so all of them see the same machine load.
///
/// # Errors
/// When a side fails the case.
pub fn measure(case: Case, sides: Sides<'_>) -> Result<Row> {
    let mut sides: [&mut dyn Side; 3] = [sides.witbind, sides.generated, sides.wasmtime];
    for side in &mut sides {
        side.run(case, 1)?;
    }
    let iters = batch_size(&mut *sides[0], case)?;
    let ops = (iters * case.ops_per_run()) as f64;
    let mut memcpy = case.bulk_bytes().map(Memcpy::new);
    let mut times: [Vec<f64>; 3] = std::array::from_fn(|_| Vec::with_capacity(ROUNDS));
    let mut memcpy_times = Vec::with_capacity(ROUNDS);
    for round in 0..ROUNDS {
        for k in 0..sides.len() {
            let slot = (round + k) % sides.len();
            let took = sides[slot].run(case, iters)?;
            times[slot].push(took.as_secs_f64() * 1e9 / ops);
        }
        if let Some(memcpy) = &mut memcpy {
            memcpy_times.push(memcpy.time(iters).as_secs_f64() * 1e9 / ops);
        }
    }
    let [mut w, mut g, mut t] = times;
    let per_round = |times: &[f64], reference: &[f64]| -> f64 {
        let mut ratios: Vec<f64> = times.iter().zip(reference).map(|(a, b)| a / b).collect();
        median(&mut ratios)
    };
    let ratio = per_round(&w, &t);
    let generated_ratio = per_round(&g, &t);
    let memcpy_ratio = memcpy.as_ref().map(|_| per_round(&w, &memcpy_times));
    Ok(Row {
        case,
        ratio,
        generated_ratio,
        memcpy_ratio,
        witbind_ns: median(&mut w),
        generated_ns: median(&mut g),
        wasmtime_ns: median(&mut t),
        memcpy_ns: memcpy.map(|_| median(&mut memcpy_times)),
    })
}

/// Copies between two host buffers of a bulk case's size: the speed limit for moving its
/// bytes.
struct Memcpy {
    src: Vec<u8>,
    dst: Vec<u8>,
}

impl Memcpy {
    fn new(bytes: usize) -> Self {
        Memcpy {
            src: vec![0x5a; bytes],
            dst: vec![0; bytes],
        }
    }

    /// The time of `iters` copies.
    fn time(&mut self, iters: u64) -> Duration {
        let start = Instant::now();
        for _ in 0..iters {
            self.dst.copy_from_slice(black_box(&self.src));
            black_box(&mut self.dst);
        }
        start.elapsed()
    }
}

/// The table: `case | witbind ns/op | witbind-gen ns/op | wasmtime ns/op | ratio |
/// gen ratio` (both ratios against wasmtime), then the target ratio and, for the bulk cases,
/// the `memcpy` time and witbind's (typed) time over it.
pub fn table(rows: &[Row]) -> String {
    let mut out = String::from(
        "| case | witbind ns/op | witbind-gen ns/op | wasmtime ns/op | ratio | gen ratio \
         | target | memcpy ns | witbind/memcpy |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n",
    );
    for row in rows {
        let (memcpy, over) = match (row.memcpy_ns, row.memcpy_ratio) {
            (Some(m), Some(r)) => (format!("{m:.0}"), format!("{r:.2}")),
            _ => ("".to_string(), "".to_string()),
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {:.2} | {:.2} | {:.1} | {memcpy} | {over} |\n",
            row.case.name(),
            ns(row.witbind_ns),
            ns(row.generated_ns),
            ns(row.wasmtime_ns),
            row.ratio,
            row.generated_ratio,
            row.target(),
        ));
    }
    out
}

/// A time in nanoseconds, with one decimal below 100.
fn ns(value: f64) -> String {
    if value < 100.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.0}")
    }
}

/// The rows as JSON: one object per case with the same columns as [`table`].
pub fn json(rows: &[Row]) -> serde_json::Value {
    serde_json::Value::Array(
        rows.iter()
            .map(|row| {
                serde_json::json!({
                    "case": row.case.name(),
                    "witbind_ns_per_op": row.witbind_ns,
                    "witbind_gen_ns_per_op": row.generated_ns,
                    "wasmtime_ns_per_op": row.wasmtime_ns,
                    "ratio": row.ratio,
                    "gen_ratio": row.generated_ratio,
                    "target_ratio": row.target(),
                    "memcpy_ns": row.memcpy_ns,
                    "witbind_over_memcpy": row.memcpy_ratio,
                })
            })
            .collect(),
    )
}
