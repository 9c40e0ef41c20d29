//! `witbind run` on the committed WASI guests: stdio, arguments,
//! environment, directories, exit codes, traps, and the errors of
//! components it cannot run.

mod common;

use common::{ENGINES, TRAP, TempDir, fixture, wasi_guest, witbind, witbind_with};

#[test]
fn hello_world_writes_stdout_and_stderr_and_exits_0() {
    for engine in ENGINES {
        let out = witbind(&["run", "--engine", engine, &wasi_guest("hello")]);
        assert_eq!(out.code, Some(0), "{engine}: {out:?}");
        assert_eq!(out.stdout, "hello, world\n", "{engine}");
        assert_eq!(out.stderr, "hello, stderr\n", "{engine}");
    }
}

#[test]
fn arguments_and_environment_reach_the_guest() {
    for engine in ENGINES {
        let guest = wasi_guest("args-env");
        let out = witbind_with(
            &[
                "run",
                "--env",
                "A=1=one",
                "--env",
                "EMPTY=",
                "--env",
                "FROM_HOST",
                "--env",
                "UNSET_ON_HOST",
                "--engine",
                engine,
                &guest,
                // Everything after the component is the guest's.
                "one",
                "two words",
                "--env",
                "ünï",
            ],
            None,
            b"",
            &[("FROM_HOST", "inherited"), ("NOT_PASSED", "x")],
        );
        assert_eq!(out.code, Some(0), "{engine}: {out:?}");
        assert_eq!(
            out.stdout,
            "arg 0: args-env.wasm\narg 1: one\narg 2: two words\narg 3: --env\narg 4: ünï\n\
             env A=1=one\nenv EMPTY=\nenv FROM_HOST=inherited\ncwd: /\n",
            "{engine}"
        );
    }
}

/// The `files` guest's output with `/data` holding `input.txt`.
const FILES_OUTPUT: &str = "\
/data: input.txt (file)
input: \"given by the host\\n\"
written: \"hello\"
appended: \"hello world\"
from offset 6: \"world\"
at 0: \"hello\"
overwritten: \"Jello World\"
/data: input.txt (file), sub (dir)
/data/sub: b.txt (file), c.txt (file)
b.txt: len 10000 file true dir false
sub: file false dir true
modified set: true
accessed known: true
set_len: 100 then 3
read missing: error NotFound Some(44)
create existing dir: error AlreadyExists Some(20)
remove non-empty dir: error Uncategorized Some(55)
open dir as file for writing: error IsADirectory Some(31)
read_dir of a file: error NotADirectory Some(54)
/data: input.txt (file), out.txt (file), sized.bin (file), sub (dir)
/data/sub: c.txt (file)
";

fn files_root() -> TempDir {
    let root = TempDir::new();
    std::fs::create_dir(root.path().join("data")).unwrap();
    std::fs::write(root.path().join("data/input.txt"), "given by the host\n").unwrap();
    root
}

#[test]
fn a_mapped_directory_is_the_guests_to_read_and_change() {
    for engine in ENGINES {
        let root = files_root();
        let dir = format!("{}::/data", root.path().join("data").display());
        let out = witbind(&[
            "run",
            "--dir",
            &dir,
            "--engine",
            engine,
            &wasi_guest("files"),
        ]);
        assert_eq!(out.code, Some(0), "{engine}: {out:?}");
        assert_eq!(out.stdout, FILES_OUTPUT, "{engine}");
        // What the guest wrote is on the host.
        let data = root.path().join("data");
        assert_eq!(
            std::fs::read(data.join("out.txt")).unwrap(),
            b"left behind\n"
        );
        assert_eq!(
            std::fs::read(data.join("sub/c.txt")).unwrap(),
            b"Jello World"
        );
        assert_eq!(std::fs::read(data.join("sized.bin")).unwrap(), [0; 3]);

        // A host path relative to where the command runs.
        let root = files_root();
        let out = witbind_with(
            &[
                "run",
                "--dir",
                "data::/data",
                "--engine",
                engine,
                &wasi_guest("files"),
            ],
            Some(root.path()),
            b"",
            &[],
        );
        assert_eq!(out.code, Some(0), "{engine}: {out:?}");
        assert_eq!(out.stdout, FILES_OUTPUT, "{engine}");
    }
}

#[test]
fn without_a_directory_the_guest_sees_no_files() {
    for engine in ENGINES {
        let out = witbind(&["run", "--engine", engine, &wasi_guest("files")]);
        // `read_dir("/data")` fails: std's `expect` panics, a trap.
        assert_eq!(out.code, Some(TRAP), "{engine}: {out:?}");
        assert!(out.stderr.contains("read_dir"), "{engine}: {}", out.stderr);
    }
}

#[test]
fn a_directory_that_cannot_be_opened_is_an_error_naming_it() {
    let out = witbind(&["run", "--dir", "/no/such/dir::/data", &wasi_guest("hello")]);
    assert_eq!(out.code, Some(1), "{out:?}");
    assert!(out.stderr.contains("/no/such/dir"), "{}", out.stderr);
    assert_eq!(out.stdout, "");
}

#[test]
fn the_guests_exit_code_is_the_process_exit_code() {
    for engine in ENGINES {
        let exit = wasi_guest("exit");
        let run = |args: &[&str]| {
            let mut all = vec!["run", "--engine", engine, &exit];
            all.extend(args);
            witbind(&all)
        };
        let out = run(&["ok"]);
        assert_eq!(
            (out.code, out.stdout.as_str()),
            (Some(0), "exit: ok\n"),
            "{engine}"
        );
        let out = run(&["exit-with-code", "3"]);
        assert_eq!(out.code, Some(3), "{engine}: {out:?}");
        assert_eq!(out.stdout, "exit: exit-with-code 3\n", "{engine}");
        assert_eq!(out.stderr, "", "{engine}");
        // std's `exit` goes through WASI 0.2.0's `exit`: success or failure.
        assert_eq!(run(&["std-exit", "3"]).code, Some(1), "{engine}");
        assert_eq!(run(&["std-exit", "0"]).code, Some(0), "{engine}");
    }
}

#[test]
fn a_panic_traps_with_the_message_on_stderr() {
    for engine in ENGINES {
        let out = witbind(&["run", "--engine", engine, &wasi_guest("exit"), "panic"]);
        assert_eq!(out.code, Some(TRAP), "{engine}: {out:?}");
        assert_eq!(out.stdout, "exit: panic\n", "{engine}");
        // The guest's own message, then the trap.
        let message = out.stderr.find("the guest panics on purpose");
        let error = out.stderr.find("Error: ");
        assert!(
            message.is_some() && message < error,
            "{engine}: {}",
            out.stderr
        );
        assert!(
            out.stderr.contains("unreachable"),
            "{engine}: {}",
            out.stderr
        );
    }
}

#[test]
fn stdin_is_the_processs() {
    for engine in ENGINES {
        let input = "line one\nline two ☃\n".repeat(1000);
        let out = witbind_with(
            &["run", "--engine", engine, &wasi_guest("stdin-echo")],
            None,
            input.as_bytes(),
            &[],
        );
        assert_eq!(out.code, Some(0), "{engine}: {}", out.stderr);
        assert_eq!(out.stdout, input, "{engine}");
        assert_eq!(out.stderr, format!("copied {} bytes\n", input.len()));
    }
}

#[test]
fn sockets_are_refused_unless_allowed() {
    for engine in ENGINES {
        let out = witbind(&["run", "--engine", engine, &wasi_guest("tcp"), "denied"]);
        assert_eq!(out.code, Some(0), "{engine}: {out:?}");
        assert_eq!(
            out.stdout,
            "bind: PermissionDenied (os error Some(2))\n\
             connect: PermissionDenied (os error Some(2))\n\
             lookup: Uncategorized\n",
            "{engine}"
        );
        let out = witbind(&[
            "run",
            "--engine",
            engine,
            "--allow-tcp",
            "--allow-ip-name-lookup",
            &wasi_guest("tcp"),
            "echo",
        ]);
        assert_eq!(out.code, Some(0), "{engine}: {out:?}");
        for line in [
            "echoed 1048576 bytes",
            "localhost resolves to 127.0.0.1: true",
            "connect to a closed port: ConnectionRefused",
        ] {
            assert!(
                out.stdout.contains(line),
                "{engine}: {line}: {}",
                out.stdout
            );
        }
        // TCP without lookups: the guest gets as far as its lookup, whose
        // failure it does not expect (a panic: a trap).
        let out = witbind(&[
            "run",
            "--engine",
            engine,
            "--allow-tcp",
            &wasi_guest("tcp"),
            "echo",
        ]);
        assert_eq!(out.code, Some(134), "{engine}: {out:?}");
        assert!(
            out.stdout.contains("the client read \"bye\""),
            "{engine}: {}",
            out.stdout
        );
        assert!(
            !out.stdout.contains("localhost resolves"),
            "{engine}: {}",
            out.stdout
        );
    }
}

#[test]
fn every_missing_import_is_listed_in_one_error() {
    for engine in ENGINES {
        // Root functions.
        let out = witbind(&["run", "--engine", engine, &fixture("host-calls")]);
        assert_eq!(out.code, Some(1), "{engine}: {out:?}");
        assert!(
            out.stderr.contains(
                "missing imports: the component imports 4 items the linker does not define:\n  \
                 root: `add` (function), `log` (function), `lookup` (function), `numbers` \
                 (function)\n"
            ),
            "{engine}: {}",
            out.stderr
        );
        assert_eq!(out.stderr.matches("Error:").count(), 1, "{}", out.stderr);
        // Functions of interfaces, under `--invoke` too.
        let out = witbind(&[
            "run",
            "--engine",
            engine,
            "--invoke",
            "lookup(\"k\")",
            &fixture("named-imports"),
        ]);
        assert_eq!(out.code, Some(1), "{engine}: {out:?}");
        assert!(
            out.stderr.contains(
                "missing imports: the component imports 2 items the linker does not define:\n  \
                 interface `primary`: `get` (function)\n  interface `fallback`: `get` (function)\n"
            ),
            "{engine}: {}",
            out.stderr
        );
        // One missing import.
        let out = witbind(&["run", "--engine", engine, &fixture("maps")]);
        assert_eq!(out.code, Some(1), "{engine}: {out:?}");
        assert!(
            out.stderr
                .contains("the component imports `total` (function)"),
            "{engine}: {}",
            out.stderr
        );
    }
}

#[test]
fn a_component_that_is_not_a_command_is_told_about_invoke() {
    let out = witbind(&["run", &fixture("numbers")]);
    assert_eq!(out.code, Some(1), "{out:?}");
    assert!(
        out.stderr
            .contains("is not a command: it does not export `wasi:cli/run`")
            && out.stderr.contains("`echo-bool`")
            && out.stderr.contains("--invoke 'NAME(ARGS)'"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_missing_or_invalid_component_is_an_error_naming_it() {
    let out = witbind(&["run", "no-such-file.wasm"]);
    assert_eq!(out.code, Some(1), "{out:?}");
    assert!(
        out.stderr.contains("failed to read no-such-file.wasm"),
        "{}",
        out.stderr
    );
    let dir = TempDir::new();
    let junk = dir.path().join("junk.wasm");
    std::fs::write(&junk, b"\0asm junk").unwrap();
    let out = witbind(&["run", junk.to_str().unwrap()]);
    assert_eq!(out.code, Some(1), "{out:?}");
    assert!(out.stderr.contains("failed to load"), "{}", out.stderr);
}

#[test]
fn bad_options_are_usage_errors() {
    for args in [
        &["run", "--env", "=x", "a.wasm"][..],
        &["run", "--dir", "::/data", "a.wasm"],
        &["run", "--engine", "v8", "a.wasm"],
        &["run"],
        &["bindgen"],
        &["frobnicate"],
    ] {
        let out = witbind(args);
        assert_eq!(out.code, Some(2), "{args:?}: {out:?}");
        assert!(
            out.stderr.starts_with("error: "),
            "{args:?}: {}",
            out.stderr
        );
        assert!(out.stderr.contains("--help"), "{args:?}: {}", out.stderr);
    }
}

#[test]
fn help_documents_every_option_and_version_prints_it() {
    let out = witbind(&["--version"]);
    assert_eq!(out.code, Some(0));
    assert_eq!(
        out.stdout,
        format!("witbind {}\n", env!("CARGO_PKG_VERSION"))
    );
    let out = witbind(&["--help"]);
    assert!(
        out.stdout.contains("run") && out.stdout.contains("bindgen"),
        "{}",
        out.stdout
    );
    let out = witbind(&["run", "--help"]);
    assert_eq!(out.code, Some(0));
    for documented in [
        "--dir <HOST[::GUEST]>",
        "--env <NAME[=VALUE]>",
        "--allow-tcp",
        "--allow-ip-name-lookup",
        "--trap-unknown-imports",
        "--invoke <NAME(ARGS)>",
        "--engine <ENGINE>",
        "wasmi",
        "<COMPONENT>",
        "[ARGS]...",
        "exit code",
    ] {
        assert!(
            out.stdout.contains(documented),
            "{documented}: {}",
            out.stdout
        );
    }
    let out = witbind(&["bindgen", "--help"]);
    assert_eq!(out.code, Some(0));
    for documented in ["<WIT_PATH>", "--world <WORLD>"] {
        assert!(
            out.stdout.contains(documented),
            "{documented}: {}",
            out.stdout
        );
    }
}
