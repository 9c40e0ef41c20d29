//! Alternating timing of the sides (witbind's typed functions and generated bindings on each
//! engine, and wasmtime's component model), the comparison table and its JSON form.

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
    /// Each side's median time per operation, in nanoseconds, in the order of the sides.
    pub ns: Vec<f64>,
    /// Each side's ratio against the reference side: the median over rounds of its time over
    /// the reference's in the same round (the batches of a round ran back to back under the
    /// same machine load, so this is steadier than the ratio of the medians).
    pub ratio: Vec<f64>,
    /// Median time of a `memcpy` of the bytes the case moves, for the bulk cases.
    pub memcpy_ns: Option<f64>,
    /// Each side's median over rounds of its time over the `memcpy` of the same round.
    pub memcpy_ratio: Option<Vec<f64>>,
}

impl Row {
    /// The ratio against wasmtime's component model the issue asks for: 0.5 for the nop and
    /// scalar calls, 1.0 otherwise.
    pub fn target(&self) -> f64 {
        match self.case {
            Case::Nop | Case::Scalars | Case::Sixteen => 0.5,
            _ => 1.0,
        }
    }
}

/// The median of `values` (which must not be empty; NaN never occurs in timings).
pub(crate) fn median(values: &mut [f64]) -> f64 {
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

/// The median over rounds of `times` over `reference`, round by round.
fn per_round(times: &[f64], reference: &[f64]) -> f64 {
    let mut ratios: Vec<f64> = times.iter().zip(reference).map(|(a, b)| a / b).collect();
    median(&mut ratios)
}

/// Times `case` on every side of `sides`, with ratios against `sides[reference]`: a warm-up
/// and a batch size per side (an interpreter needs fewer runs for the same time), then
/// [`ROUNDS`] rounds of one batch per side, the order rotated every round so no side always
/// runs first. For the bulk cases each round also times a `memcpy` of the same bytes, so all
/// of them see the same machine load.
///
/// # Errors
/// When a side fails the case.
pub fn measure(case: Case, sides: &mut [Box<dyn Side>], reference: usize) -> Result<Row> {
    let mut iters = Vec::with_capacity(sides.len());
    for side in sides.iter_mut() {
        side.run(case, 1)?;
        iters.push(batch_size(&mut **side, case)?);
    }
    let mut memcpy = case.bulk_bytes().map(Memcpy::new);
    let mut times: Vec<Vec<f64>> = vec![Vec::with_capacity(ROUNDS); sides.len()];
    let mut memcpy_times = Vec::with_capacity(ROUNDS);
    for round in 0..ROUNDS {
        for k in 0..sides.len() {
            let slot = (round + k) % sides.len();
            let took = sides[slot].run(case, iters[slot])?;
            let ops = (iters[slot] * case.ops_per_run()) as f64;
            times[slot].push(took.as_secs_f64() * 1e9 / ops);
        }
        if let Some(memcpy) = &mut memcpy {
            let ops = iters[0] * case.ops_per_run();
            memcpy_times.push(memcpy.time(ops).as_secs_f64() * 1e9 / ops as f64);
        }
    }
    let ratio = times
        .iter()
        .map(|t| per_round(t, &times[reference]))
        .collect();
    let memcpy_ratio = memcpy
        .as_ref()
        .map(|_| times.iter().map(|t| per_round(t, &memcpy_times)).collect());
    Ok(Row {
        case,
        ratio,
        memcpy_ratio,
        ns: times.iter_mut().map(|t| median(t)).collect(),
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

/// The table: one `ns/op` column per side, one ratio column per side other than the
/// reference (against it), the target ratio, and for the bulk cases the `memcpy` time and
/// each typed witbind side's time over it (`names` are the sides' names, in order).
pub fn table(names: &[String], reference: usize, rows: &[Row]) -> String {
    let others: Vec<usize> = (0..names.len()).filter(|&i| i != reference).collect();
    let typed: Vec<usize> = (0..names.len())
        .filter(|&i| i != reference && !names[i].contains("-gen"))
        .collect();
    let mut header = String::from("| case |");
    for name in names {
        header += &format!(" {name} ns/op |");
    }
    for &i in &others {
        header += &format!(" {} ratio |", names[i]);
    }
    header += " target | memcpy ns |";
    for &i in &typed {
        header += &format!(" {}/memcpy |", names[i]);
    }
    let columns = header.matches('|').count() - 1;
    let mut out = header + "\n| --- |" + &" ---: |".repeat(columns - 1) + "\n";
    for row in rows {
        out += &format!("| {} |", row.case.name());
        for value in &row.ns {
            out += &format!(" {} |", ns(*value));
        }
        for &i in &others {
            out += &format!(" {:.2} |", row.ratio[i]);
        }
        out += &format!(" {:.1} |", row.target());
        match (row.memcpy_ns, &row.memcpy_ratio) {
            (Some(m), Some(r)) => {
                out += &format!(" {m:.0} |");
                for &i in &typed {
                    out += &format!(" {:.2} |", r[i]);
                }
            }
            _ => out += &" |".repeat(1 + typed.len()),
        }
        out += "\n";
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

/// The rows as JSON: one object per case with each side's time and ratio by name.
pub fn json(names: &[String], rows: &[Row]) -> serde_json::Value {
    serde_json::Value::Array(
        rows.iter()
            .map(|row| {
                let sides: serde_json::Map<String, serde_json::Value> = names
                    .iter()
                    .enumerate()
                    .map(|(i, name)| {
                        let side = serde_json::json!({
                            "ns_per_op": row.ns[i],
                            "ratio": row.ratio[i],
                            "over_memcpy": row.memcpy_ratio.as_ref().map(|r| r[i]),
                        });
                        (name.clone(), side)
                    })
                    .collect();
                serde_json::json!({
                    "case": row.case.name(),
                    "sides": sides,
                    "target_ratio": row.target(),
                    "memcpy_ns": row.memcpy_ns,
                })
            })
            .collect(),
    )
}
