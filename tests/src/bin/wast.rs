//! Runs Component Model `.wast` scripts on witbind, on every engine.
//!
//! `wast [--notes] [--oracle] FILES...` prints one line per file and engine
//! (`PASS` or `FAIL`, with each failing directive's `file:line:column` under
//! it), then a summary; `--notes` also prints the passes judged leniently
//! (trap and error texts that differ from the script's); `--oracle` also
//! runs each file on wasmtime's own component model, to check the script's
//! expectations. The exit code is 1 when any file failed on any engine, 2
//! for a usage error.

use std::path::PathBuf;
use std::process::ExitCode;

use witbind_tests::wast::{run_file_on_every_engine, run_file_on_wasmtime};

fn main() -> ExitCode {
    let (mut notes, mut oracle) = (false, false);
    let mut files = Vec::new();
    for arg in std::env::args_os().skip(1) {
        match arg.to_str() {
            Some("--notes") => notes = true,
            Some("--oracle") => oracle = true,
            Some("--help" | "-h") => {
                println!("usage: wast [--notes] [--oracle] FILES...");
                return ExitCode::SUCCESS;
            }
            _ => files.push(PathBuf::from(arg)),
        }
    }
    if files.is_empty() {
        eprintln!("usage: wast [--notes] [--oracle] FILES...");
        return ExitCode::from(2);
    }
    let (mut passed, mut failed) = (0, Vec::new());
    for file in &files {
        let mut outcomes = run_file_on_every_engine(file);
        if oracle {
            outcomes.push(run_file_on_wasmtime(file));
        }
        for outcome in outcomes {
            println!("{outcome}");
            if notes {
                for note in &outcome.notes {
                    println!("    note: {note}");
                }
            }
            if outcome.passed() {
                passed += 1;
            } else {
                failed.push(format!("{} [{}]", outcome.file, outcome.backend));
            }
        }
    }
    println!("\n{passed} passed, {} failed (file x engine)", failed.len());
    for name in &failed {
        println!("  failed: {name}");
    }
    if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
