//! Runs a file of Canonical ABI conformance vectors against witbind.
//!
//! `conformance FILE` prints the first failures with their ids, then
//! `N passed, M failed`; the exit code is non-zero when any vector failed.

use std::path::PathBuf;
use std::process::ExitCode;

use witbind_tests::conformance::run_file;

/// How many failures are printed in full.
const SHOWN_FAILURES: usize = 20;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let (Some(path), None) = (args.next(), args.next()) else {
        eprintln!("usage: conformance FILE");
        return ExitCode::from(2);
    };
    let report = match run_file(&PathBuf::from(path)) {
        Ok(report) => report,
        Err(err) => {
            eprintln!("error: {err:#}");
            return ExitCode::from(2);
        }
    };
    for failure in report.failures.iter().take(SHOWN_FAILURES) {
        println!("FAIL {}: {}", failure.id, failure.message);
    }
    if report.failures.len() > SHOWN_FAILURES {
        println!("... and {} more", report.failures.len() - SHOWN_FAILURES);
    }
    println!("{} passed, {} failed", report.passed, report.failures.len());
    if report.failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
