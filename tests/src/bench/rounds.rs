//! What the whole-program rows (WASI programs, calls between
//! sub-components) share: each side's times over rounds summarised as a
//! median and a median ratio against the reference side, printed as one
//! table and written as JSON.

use super::report::median;

/// One case's summary: each side's median time (µs) and median ratio
/// against the reference.
#[derive(Debug, Clone)]
pub struct Summary {
    /// Each side's median time, in microseconds.
    pub us: Vec<f64>,
    /// Each side's ratio against the reference side (the median over
    /// rounds of the round's ratio).
    pub ratio: Vec<f64>,
}

/// Summarises `times` (µs per round, by side) against the side at
/// `reference`.
pub fn summarize(times: &mut [Vec<f64>], reference: usize) -> Summary {
    let ratio = times
        .iter()
        .map(|t| {
            let mut r: Vec<f64> = t
                .iter()
                .zip(&times[reference])
                .map(|(a, b)| a / b)
                .collect();
            median(&mut r)
        })
        .collect();
    let us = times.iter_mut().map(|t| median(t)).collect();
    Summary { us, ratio }
}

/// The table of `rows` (case name and summary): each side's time, each
/// side's ratio but the reference's (the last side), and the target (1.0).
pub fn table(names: &[String], rows: &[(&str, &Summary)]) -> String {
    let mut out = String::from("| case |");
    for name in names {
        out += &format!(" {name} µs |");
    }
    for name in &names[..names.len() - 1] {
        out += &format!(" {name} ratio |");
    }
    out += " target |\n| --- |";
    out += &" ---: |".repeat(2 * names.len());
    out += "\n";
    for (case, summary) in rows {
        out += &format!("| {case} |");
        for us in &summary.us {
            out += &format!(" {us:.0} |");
        }
        for ratio in &summary.ratio[..names.len() - 1] {
            out += &format!(" {ratio:.2} |");
        }
        out += " 1.0 |\n";
    }
    out
}

/// The rows as JSON: each side's time (under `time_key`) and ratio by name.
pub fn json(names: &[String], rows: &[(&str, &Summary)], time_key: &str) -> serde_json::Value {
    serde_json::Value::Array(
        rows.iter()
            .map(|(case, summary)| {
                let sides: serde_json::Map<String, serde_json::Value> = names
                    .iter()
                    .enumerate()
                    .map(|(i, name)| {
                        let side = serde_json::json!({
                            time_key: summary.us[i],
                            "ratio": summary.ratio[i],
                        });
                        (name.clone(), side)
                    })
                    .collect();
                serde_json::json!({ "case": case, "sides": sides, "target_ratio": 1.0 })
            })
            .collect(),
    )
}
