//! The byte-exact conformance runner: checks witbind against vectors computed
//! by the spec's reference implementation (`tests/conformance/README.md`
//! describes the format).
//!
//! Only witbind's public API is used, and no vector is treated specially, so
//! any file of the same format can be run.

mod checks;
mod json;
mod machine;
mod resolve;
mod vector;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use anyhow::{Context, Result};

pub use resolve::{Resolved, Resolver};
pub use vector::{Kind, Segment, Subject, Vector};

/// A vector that failed, and why.
#[derive(Debug, Clone)]
pub struct Failure {
    /// The vector's id (or its line number when it could not be parsed).
    pub id: String,
    /// What differed.
    pub message: String,
}

/// The outcome of running a file of vectors.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// How many vectors passed.
    pub passed: usize,
    /// The vectors that failed, in file order.
    pub failures: Vec<Failure>,
}

/// Runs every vector of the file at `path`.
pub fn run_file(path: &Path) -> Result<Report> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(run_lines(&text))
}

/// Runs every vector of `text`, one JSON object a line (blank lines skipped).
pub fn run_lines(text: &str) -> Report {
    let mut resolver = Resolver::default();
    let mut report = Report::default();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let vector = match Vector::parse(line) {
            Ok(vector) => vector,
            Err(err) => {
                report.failures.push(Failure {
                    id: format!("line {}", number + 1),
                    message: format!("{err:#}"),
                });
                continue;
            }
        };
        match run_vector(&vector, &mut resolver) {
            Ok(()) => report.passed += 1,
            Err(message) => report.failures.push(Failure {
                id: vector.id.clone(),
                message,
            }),
        }
    }
    report
}

/// Runs one vector; a panic in witbind is a failure, not an abort.
pub fn run_vector(vector: &Vector, resolver: &mut Resolver) -> Result<(), String> {
    let resolved = resolver
        .resolve(&vector.wit, &vector.subject)
        .map_err(|err| format!("{err:#}"))?;
    match catch_unwind(AssertUnwindSafe(|| checks::check(vector, &resolved))) {
        Ok(Ok(())) => Ok(()),
        Ok(Err(err)) => Err(format!("{err:#}")),
        Err(panic) => Err(format!(
            "panicked: {}",
            panic
                .downcast_ref::<&str>()
                .copied()
                .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
                .unwrap_or("<non-string payload>")
        )),
    }
}
