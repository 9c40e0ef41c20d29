//! Running the `witbind` binary in tests, and the fixtures it runs.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Every engine `--engine` names: each test runs on all of them.
pub const ENGINES: [&str; 2] = ["wasmtime", "wasmi"];

/// The exit code of a trapped guest (a `SIGABRT` death, as wasmtime's
/// command gives).
pub const TRAP: i32 = if cfg!(windows) { 3 } else { 134 };

/// What one run of the command left.
#[derive(Debug)]
pub struct Output {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `witbind ARGS` in `dir` (this crate's folder when `None`), with
/// `stdin` as its input and `env` added to its environment.
pub fn witbind_with(
    args: &[&str],
    dir: Option<&Path>,
    stdin: &[u8],
    env: &[(&str, &str)],
) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_witbind"));
    command
        .args(args)
        // Errors print without a Rust backtrace, whatever the caller's
        // environment asks for.
        .env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE")
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(dir) = dir {
        command.current_dir(dir);
    }
    let mut child = command.spawn().expect("the witbind binary runs");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin).unwrap();
    drop(input);
    let out = child.wait_with_output().unwrap();
    Output {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// Runs `witbind ARGS` with nothing on stdin.
pub fn witbind(args: &[&str]) -> Output {
    witbind_with(args, None, b"", &[])
}

/// A committed WASI guest of witbind-wasi (`wasi/guests/README.md`).
pub fn wasi_guest(name: &str) -> String {
    path(&format!("../wasi/fixtures/{name}.wasm"))
}

/// A committed guest of witbind's tests (`tests/guests/README.md`).
pub fn fixture(name: &str) -> String {
    path(&format!("../tests/fixtures/{name}.wasm"))
}

fn path(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    assert!(path.exists(), "{} is missing", path.display());
    path.to_str().unwrap().to_string()
}

/// A fresh directory, removed when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new() -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let path = std::env::temp_dir().join(format!(
            "witbind-cli-test-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
