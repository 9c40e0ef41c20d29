//! Real `wasm32-wasip2` programs (Rust with std, `wasi/guests/`) run under
//! witbind-wasi on both engines and under wasmtime-wasi 48: stdout, stderr,
//! exit code and the files left behind must be identical, and each run
//! must show the program's documented behaviour.

mod common;

use std::path::Path;

use common::{Entry, Setup, same_as_wasmtime};

#[test]
fn hello_world() {
    let out = same_as_wasmtime("hello", &Setup::new("hello", &[]));
    assert_eq!(out.stdout, "hello, world\n");
    assert_eq!(out.stderr, "hello, stderr\n");
    assert_eq!(out.exit, Some(0));
}

#[test]
fn arguments_environment_and_cwd() {
    let mut setup = Setup::new("args-env", &["one", "two words", "ünï"]);
    setup.env = vec![
        ("B".into(), "2".into()),
        ("A".into(), "1=one".into()),
        ("EMPTY".into(), String::new()),
    ];
    let out = same_as_wasmtime("args-env", &setup);
    assert_eq!(
        out.stdout,
        "arg 0: args-env\narg 1: one\narg 2: two words\narg 3: ünï\n\
         env A=1=one\nenv B=2\nenv EMPTY=\ncwd: /\n"
    );
    assert_eq!(out.exit, Some(0));
}

fn files_data(root: &Path) {
    std::fs::create_dir(root.join("data")).unwrap();
    std::fs::write(root.join("data/input.txt"), "given by the host\n").unwrap();
}

#[test]
fn files_in_a_preopened_directory() {
    let mut setup = Setup::new("files", &[]);
    setup.files = Some(files_data);
    let out = same_as_wasmtime("files", &setup);
    assert_eq!(out.exit, Some(0), "{}", out.stderr);
    let expected = "\
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
    assert_eq!(out.stdout, expected);
    let files: Vec<_> = out.files.keys().map(String::as_str).collect();
    assert_eq!(
        files,
        [
            "data",
            "data/input.txt",
            "data/out.txt",
            "data/sized.bin",
            "data/sub",
            "data/sub/c.txt"
        ]
    );
    assert_eq!(
        out.files["data/sub/c.txt"],
        Entry::File(b"Jello World".to_vec())
    );
    assert_eq!(out.files["data/sized.bin"], Entry::File(vec![0; 3]));
}

fn escapes_data(root: &Path) {
    std::fs::create_dir(root.join("data")).unwrap();
    std::fs::create_dir(root.join("data/sub")).unwrap();
    std::fs::write(root.join("secret.txt"), "outside").unwrap();
    std::fs::write(root.join("data/inside.txt"), "inside").unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("../secret.txt", root.join("data/link-up")).unwrap();
        std::os::unix::fs::symlink(root.join("secret.txt"), root.join("data/link-abs")).unwrap();
    }
}

#[test]
#[cfg(unix)]
fn escapes_from_the_preopened_directory_fail() {
    let mut setup = Setup::new("escapes", &[]);
    setup.files = Some(escapes_data);
    let out = same_as_wasmtime("escapes", &setup);
    assert_eq!(out.exit, Some(0), "{}", out.stderr);
    assert!(!out.stdout.contains("LEAKED"), "{}", out.stdout);
    // Every way out through wasi:filesystem is `not-permitted`; a link
    // that is not followed is `loop`, as POSIX's `O_NOFOLLOW` says.
    for line in out.stdout.lines().filter(|l| l.starts_with("open_at")) {
        let expected = if line.contains("(follow false)") {
            "name: \"loop\""
        } else {
            "name: \"not-permitted\""
        };
        assert!(line.contains(expected), "{line}");
    }
    for path in ["/data/../secret.txt", "/data/link-up", "/data/link-abs"] {
        assert!(
            out.stdout
                .contains(&format!("std read {path}: error PermissionDenied")),
            "{}",
            out.stdout
        );
    }
    // A path outside every preopen never reaches the host.
    assert!(out.stdout.contains("std read /secret.txt: error NotFound"));
    assert!(
        out.stdout.contains("inside: Ok(\"inside\")"),
        "{}",
        out.stdout
    );
    // Nothing was written outside `data`.
    assert_eq!(out.files["secret.txt"], Entry::File(b"outside".to_vec()));
    assert!(!out.files.contains_key("escaped.txt"));
    assert!(!out.files.contains_key("made-outside"));
}

#[test]
fn clocks_instant_sleep_and_wall_time() {
    let out = same_as_wasmtime("clocks", &Setup::new("clocks", &[]));
    assert_eq!(
        out.stdout,
        "monotonic: true\nslept at least 50ms: true\nslept less than 5s: true\n\
         wall clock after 2020: true\n"
    );
}

#[test]
fn random_from_the_hosts_generators() {
    // Both hosts get the same seeded generators, so the bytes are equal.
    let out = same_as_wasmtime("random", &Setup::new("random", &[]));
    assert!(
        out.stdout
            .contains("insecure seed: fedcba9876543210 0123456789abcdef")
    );
    assert!(
        out.stdout.ends_with("draws differ: true\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn stdin_piped_to_stdout() {
    let mut setup = Setup::new("stdin-echo", &[]);
    let input: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    setup.stdin = input.clone();
    let out = same_as_wasmtime("stdin-echo", &setup);
    assert_eq!(out.stdout.len(), String::from_utf8_lossy(&input).len());
    assert_eq!(out.stderr, "copied 200000 bytes\n");
    assert_eq!(out.exit, Some(0));
}

#[test]
fn exit_codes_and_a_panic() {
    let out = same_as_wasmtime("exit", &Setup::new("exit", &["ok"]));
    assert_eq!((out.exit, out.stdout.as_str()), (Some(0), "exit: ok\n"));
    let out = same_as_wasmtime("exit", &Setup::new("exit", &["exit-with-code", "3"]));
    assert_eq!(out.exit, Some(3));
    let out = same_as_wasmtime("exit", &Setup::new("exit", &["exit-with-code", "0"]));
    assert_eq!(out.exit, Some(0));
    // std's `exit` goes through WASI 0.2.0's `exit`: success or failure.
    let out = same_as_wasmtime("exit", &Setup::new("exit", &["std-exit", "3"]));
    assert_eq!(out.exit, Some(1));
    let out = same_as_wasmtime("exit", &Setup::new("exit", &["std-exit", "0"]));
    assert_eq!(out.exit, Some(0));
    let out = same_as_wasmtime("exit", &Setup::new("exit", &["panic"]));
    assert_eq!(out.exit, None, "a panic traps");
    assert!(
        out.stderr.contains("the guest panics on purpose"),
        "{}",
        out.stderr
    );
}

fn empty_data(root: &Path) {
    std::fs::create_dir(root.join("data")).unwrap();
}

/// The `io` guest's case `case`, with `stdin`, under both hosts.
fn io_case(case: &str, stdin: &[u8]) -> common::Outcome {
    let mut setup = Setup::new("io", &[case]);
    setup.stdin = stdin.to_vec();
    setup.files = Some(empty_data);
    let out = same_as_wasmtime("io", &setup);
    println!("{case}:\n{}{}", out.stdout, out.stderr);
    out
}

#[test]
fn poll_waits_for_the_earliest_clock_and_for_streams() {
    let out = io_case("poll", b"");
    assert_eq!(
        out.stdout,
        "case poll\nready: [1]\nwaited at least 20ms: true\nwaited less than 2s: true\n\
         fast ready now: true slow ready now: false\ninstant in the past ready after block: true\n\
         stdin ready before the slow clock: [1]\n"
    );
}

#[test]
fn input_streams_read_blocking_and_report_closed() {
    let out = io_case("stdin", &[7; 5000]);
    assert_eq!(
        out.stdout,
        "case stdin\nread 5000 bytes, then closed\nread after the end: Err(\"closed\")\n\
         read of 0 after the end: Err(\"closed\")\nskip after the end: Err(\"closed\")\n"
    );
}

#[test]
fn splice_copies_stdin_to_stdout() {
    let input: Vec<u8> = (0..100_000u32).map(|i| b'a' + (i % 26) as u8).collect();
    let out = io_case("splice", &input);
    assert!(out.stdout.as_bytes()[12..] == input[..], "stdout is stdin");
    assert_eq!(out.stderr, "spliced 100000 bytes\n");
}

#[test]
fn output_streams_write_flush_and_zeroes() {
    let out = io_case("write", b"");
    assert_eq!(
        out.stdout,
        "case write\ncheck-write permits some: true\nwritten\nblocking\n\0\0\0\0\0\n"
    );
}

#[test]
fn descriptor_operations() {
    let out = io_case("files", b"");
    assert_eq!(out.exit, Some(0), "{}", out.stderr);
    assert!(out.stdout.contains("same object: true\n"), "{}", out.stdout);
    assert!(out.files.contains_key("data/moved.txt"));
}

#[test]
fn what_the_wit_says_traps_traps() {
    for case in [
        "trap-poll-empty",
        "trap-write-over-permit",
        "trap-blocking-write-too-big",
        "trap-drop-stream-before-pollable",
    ] {
        let out = io_case(case, b"");
        assert_eq!(out.exit, None, "{case} traps");
    }
}

fn given_data(root: &Path) {
    std::fs::create_dir(root.join("data")).unwrap();
    std::fs::write(root.join("data/given.txt"), "given").unwrap();
}

#[test]
fn a_read_only_preopen_refuses_every_change() {
    let mut setup = Setup::new("io", &["read-only"]);
    setup.files = Some(given_data);
    setup.read_only = true;
    let out = same_as_wasmtime("io", &setup);
    assert_eq!(
        out.stdout,
        "case read-only\nflags: Ok(1)\nopen to read: Ok(())\n\
         open to write: Err(\"not-permitted\")\nopen to truncate: Err(\"not-permitted\")\n\
         create: Err(\"not-permitted\")\nmkdir: Err(\"not-permitted\")\n\
         unlink: Err(\"not-permitted\")\nrename: Err(\"not-permitted\")\n\
         symlink: Err(\"not-permitted\")\nread: Ok(Ok(\"given\"))\n\
         write: Err(\"not-permitted\")\nset-size: Err(\"not-permitted\")\n\
         write-via-stream: Err(\"not-permitted\")\nset-times: Err(\"not-permitted\")\n"
    );
    assert_eq!(out.files["data/given.txt"], Entry::File(b"given".to_vec()));
    assert_eq!(out.files.len(), 2);
}

#[test]
fn tcp_is_denied_by_default() {
    let out = same_as_wasmtime("tcp", &Setup::new("tcp", &["denied"]));
    assert_eq!(out.exit, Some(0), "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "bind: PermissionDenied (os error Some(2))\n\
         connect: PermissionDenied (os error Some(2))\n\
         lookup: Uncategorized\n"
    );
}

#[test]
fn tcp_echo_over_loopback_when_allowed() {
    let mut setup = Setup::new("tcp", &["echo"]);
    setup.network = true;
    let out = same_as_wasmtime("tcp", &setup);
    assert_eq!(out.exit, Some(0), "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "listening on 127.0.0.1: true\n\
         peer is the client: true\n\
         client's peer is the listener: true\n\
         echoed 1048576 bytes, checksum 931f721e97800000\n\
         ttl: 42\n\
         after shutdown the server read \"last words\" and then the end\n\
         the client read \"bye\" and then the end\n\
         localhost resolves to 127.0.0.1: true\n\
         connected by name: true\n\
         second bind: AddrInUse\n\
         connect to a closed port: ConnectionRefused\n\
         connect to 0.0.0.0:0: InvalidInput\n"
    );
}
