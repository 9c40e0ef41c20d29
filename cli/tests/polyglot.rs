//! `witbind run` on components from other languages' toolchains: the
//! Python (componentize-py) and JavaScript (componentize-js) guests of
//! `wasi/guests/polyglot/`. They import an interface of their own
//! (`witbind:polyglot/host`) that the command cannot provide:
//! `--trap-unknown-imports` lets them run as long as they do not call it.
//! The outputs are the ones `wasi/tests/polyglot.rs` checks against
//! wasmtime with wasmtime-wasi.

mod common;

use common::{ENGINES, TRAP, wasi_guest, witbind, witbind_with};

/// The guests' fixture names and the language each prints.
const GUESTS: [(&str, &str); 2] = [("python", "python"), ("js", "javascript")];

#[test]
fn run_with_trap_unknown_imports_runs_the_command() {
    for (guest, language) in GUESTS {
        for engine in ENGINES {
            let out = witbind_with(
                &[
                    "run",
                    "--trap-unknown-imports",
                    "--env",
                    "ZED=last",
                    "--env",
                    "A=1=one",
                    "--engine",
                    engine,
                    &wasi_guest(guest),
                    "ünï",
                    "two words",
                    "--x",
                ],
                None,
                b"",
                &[],
            );
            assert_eq!(out.code, Some(0), "{guest} on {engine}: {out:?}");
            assert_eq!(
                out.stdout,
                format!(
                    "polyglot guest in {language}\narg 0: {guest}.wasm\narg 1: ünï\n\
                     arg 2: two words\narg 3: --x\nenv A=1=one\nenv ZED=last\n¡hola, ÜNÏ! ✓\n\
                     reversed: x-- sdrow owt ïnü\nlengths: count 3 sum 15 min 3 max 9\n"
                ),
                "{guest} on {engine}"
            );
            assert_eq!(out.stderr, "run: done\n", "{guest} on {engine}");
        }
    }
}

#[test]
fn a_run_returning_an_error_exits_with_1() {
    for (guest, _) in GUESTS {
        for engine in ENGINES {
            let out = witbind(&[
                "run",
                "--trap-unknown-imports",
                "--engine",
                engine,
                &wasi_guest(guest),
                "fail",
            ]);
            assert_eq!(out.code, Some(1), "{guest} on {engine}: {out:?}");
            assert_eq!(
                out.stderr, "run: failing because an argument says so\n",
                "{guest} on {engine}"
            );
        }
    }
}

#[test]
fn without_the_flag_the_missing_host_interface_is_named() {
    for (guest, _) in GUESTS {
        for engine in ENGINES {
            let out = witbind(&["run", "--engine", engine, &wasi_guest(guest)]);
            assert_eq!(out.code, Some(1), "{guest} on {engine}: {out:?}");
            assert!(
                out.stderr.contains(
                    "interface `witbind:polyglot/host`: `log` (function), `lookup` (function)"
                ),
                "{guest} on {engine}: {}",
                out.stderr
            );
            assert_eq!(out.stdout, "", "{guest} on {engine}");
        }
    }
}

#[test]
fn invoke_calls_exports_that_leave_the_host_alone() {
    // Each call is a process compiling the component anew (about 9 s for
    // wasmtime in a debug build), so a few calls cover strings, a list, a
    // record (WAVE leaves out `none` fields), a result and a variant;
    // wasi/tests/polyglot.rs calls every export.
    let calls = [
        ("greet(\"ünï wörld\")", "\"¡hola, ÜNÏ WÖRLD! ✓\""),
        (
            "summarize([3, -7], \"ℓ\")",
            "{count: 2, sum: -4, min: some(-7), max: some(3), label: \"ℓ\"}",
        ),
        ("divide(1, 0)", "err(\"division by zero\")"),
        ("area(rect((2.0, 3.5)))", "7"),
    ];
    for (guest, _) in GUESTS {
        for engine in ENGINES {
            for (call, expected) in calls {
                let out = witbind(&[
                    "run",
                    "--trap-unknown-imports",
                    "--engine",
                    engine,
                    "--invoke",
                    call,
                    &wasi_guest(guest),
                ]);
                assert_eq!(out.code, Some(0), "{guest} on {engine}: {call}: {out:?}");
                assert_eq!(
                    out.stdout,
                    format!("{expected}\n"),
                    "{guest} on {engine}: {call}"
                );
            }
        }
    }
}

#[test]
fn calling_an_unknown_import_traps_naming_it() {
    for (guest, _) in GUESTS {
        for engine in ENGINES {
            let out = witbind(&[
                "run",
                "--trap-unknown-imports",
                "--engine",
                engine,
                "--invoke",
                "ask(\"colour\")",
                &wasi_guest(guest),
            ]);
            assert_eq!(out.code, Some(TRAP), "{guest} on {engine}: {out:?}");
            assert!(
                out.stderr.contains("witbind:polyglot/host#log"),
                "{guest} on {engine}: {}",
                out.stderr
            );
        }
    }
}
