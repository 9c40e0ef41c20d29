//! witbind-wasi's host side on its own, on both engines: what the oracle
//! cannot show (per-call bounds, a guest blocking on a pipe the host fills
//! from another thread without spinning, components built against older
//! WASI 0.2 releases, linking errors).

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::{Setup, run_witbind};
use witbind::{Component, Engine, Linker, Store};
use witbind_wasi::{MemoryInputPipe, MemoryOutputPipe, WasiCtx, WasiCtxBuilder};

struct State {
    wasi: WasiCtx,
}

fn linker(engine: &Engine) -> Linker<State> {
    let mut linker = Linker::new(engine);
    witbind_wasi::add_to_linker(&mut linker, |s: &mut State| &mut s.wasi).unwrap();
    linker
}

#[test]
fn a_huge_read_or_skip_is_bounded() {
    let mut setup = Setup::new("io", &["huge-read"]);
    setup.stdin = vec![1; 3 << 20];
    for engine in witbind_tests::engines() {
        let out = run_witbind(&engine, "io", &setup);
        assert_eq!(
            out.stdout,
            format!(
                "case huge-read\nfirst read of u64::MAX bytes gave {max}\n\
                 skip of u64::MAX bytes skipped {max}\n",
                max = witbind_wasi::MAX_BUFFER
            ),
            "{}",
            engine.backend_kind()
        );
    }
}

/// CPU time this thread has used, from `/proc/thread-self/stat` (Linux).
#[cfg(target_os = "linux")]
fn thread_cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap();
    // Fields after the command name (which ends with the last `)`):
    // utime and stime are the 12th and 13th, in clock ticks.
    let fields: Vec<&str> = stat[stat.rfind(')').unwrap() + 2..]
        .split_whitespace()
        .collect();
    let ticks: u64 = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
    // The kernel's USER_HZ is 100 on every Linux ABI.
    Duration::from_millis(ticks * 10)
}

#[test]
#[cfg(target_os = "linux")]
fn a_guest_blocks_on_a_pipe_the_host_fills_without_spinning() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let stdin = MemoryInputPipe::open();
        let stdout = MemoryOutputPipe::new(1 << 16);
        let wasi = WasiCtxBuilder::new()
            .args(["io", "stdin"])
            .stdin(stdin.clone())
            .stdout(stdout.clone())
            .build();
        let mut store = Store::new(&engine, State { wasi });
        let component = Component::from_file(&engine, common::fixture("io")).unwrap();
        let linker = linker(&engine);
        let (start, cpu) = (Instant::now(), thread_cpu_time());
        let writer = std::thread::spawn(move || {
            for chunk in [3000, 2000] {
                std::thread::sleep(Duration::from_millis(300));
                stdin.write(&vec![b'x'; chunk]);
            }
            std::thread::sleep(Duration::from_millis(300));
            stdin.close();
        });
        let code = witbind_wasi::run(&mut store, &component, &linker).unwrap();
        let (waited, used) = (start.elapsed(), thread_cpu_time() - cpu);
        writer.join().unwrap();
        assert_eq!(code, 0, "{backend}");
        let out = String::from_utf8(stdout.contents()).unwrap();
        assert!(
            out.contains("read 5000 bytes, then closed"),
            "{backend}: {out}"
        );
        assert!(
            waited >= Duration::from_millis(900),
            "{backend}: {waited:?}"
        );
        // Waiting ~0.9 s took far less CPU time than that: no busy loop.
        assert!(
            used < Duration::from_millis(450),
            "{backend}: {used:?} of CPU time while waiting {waited:?}"
        );
    }
}

/// A component importing `wasi:random/random@{version}` and exporting
/// `draw`, which returns `get-random-u64`.
fn random_importer(version: &str) -> String {
    format!(
        r#"(component
  (import "wasi:random/random@{version}" (instance $r
    (export "get-random-u64" (func (result u64)))))
  (core func $get (canon lower (func $r "get-random-u64")))
  (core module $m
    (import "host" "get" (func $get (result i64)))
    (func (export "draw") (result i64) call $get))
  (core instance $i (instantiate $m (with "host" (instance (export "get" (func $get))))))
  (func (export "draw") (result u64) (canon lift (core func $i "draw"))))"#
    )
}

/// Components built against older WASI 0.2 releases link to the 0.2.12
/// definitions: rustc's wasm32-wasip2 imports 0.2.0 and 0.2.6,
/// componentize-py 0.25 0.2.9, componentize-js 0.23 0.2.12. This needs the
/// Linker's semver matching of interface names.
#[test]
fn components_built_against_older_wasi_releases_link() {
    use rand::SeedableRng;
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        for version in ["0.2.0", "0.2.6", "0.2.9", "0.2.12"] {
            let bytes = wat::parse_str(random_importer(version)).unwrap();
            let component = Component::new(&engine, bytes).unwrap();
            let wasi = WasiCtxBuilder::new()
                .secure_random(rand::rngs::StdRng::seed_from_u64(5))
                .build();
            let mut store = Store::new(&engine, State { wasi });
            let instance = linker(&engine)
                .instantiate(&mut store, &component)
                .unwrap_or_else(|e| panic!("{backend}: wasi:random@{version}: {e:#}"));
            let draw = instance
                .get_typed_func::<(), (u64,)>(&mut store, "draw")
                .unwrap();
            let (value,) = draw.call(&mut store, ()).unwrap();
            let expected = rand::Rng::next_u64(&mut rand::rngs::StdRng::seed_from_u64(5));
            assert_eq!(value, expected, "{backend}: {version}");
        }
    }
}

#[test]
fn an_unknown_import_fails_naming_it() {
    for engine in witbind_tests::engines() {
        let text =
            r#"(component (import "wasi:cli/not-there@0.2.0" (instance (export "f" (func)))))"#;
        let component = Component::new(&engine, wat::parse_str(text).unwrap()).unwrap();
        let mut store = Store::new(
            &engine,
            State {
                wasi: WasiCtx::new(),
            },
        );
        let err = witbind_wasi::run(&mut store, &component, &linker(&engine)).unwrap_err();
        let message = format!("{err:#}");
        assert!(
            message.contains("wasi:cli/not-there@0.2.0#f"),
            "{}: {message}",
            engine.backend_kind()
        );
    }
}

#[test]
fn a_directory_that_cannot_be_opened_is_an_error() {
    let err = WasiCtxBuilder::new()
        .preopened_dir(
            Path::new("/no/such/directory/for/witbind"),
            "/x",
            witbind_wasi::DirPerms::all(),
            witbind_wasi::FilePerms::all(),
        )
        .err()
        .unwrap();
    assert!(
        format!("{err}").contains("/no/such/directory/for/witbind"),
        "{err}"
    );
}

/// A sink that takes one write (the guest's `case` line) and then fails
/// as a full disk does.
struct FailingSink {
    writes: u32,
}

impl witbind_wasi::OutputSink for FailingSink {
    fn check_write(&mut self) -> Result<usize, witbind_wasi::StreamError> {
        Ok(1024)
    }

    fn write(&mut self, _: &[u8]) -> Result<(), witbind_wasi::StreamError> {
        self.writes += 1;
        if self.writes == 1 {
            return Ok(());
        }
        let error = std::io::Error::from_raw_os_error(28); // ENOSPC
        Err(witbind_wasi::StreamError::LastOperationFailed(error.into()))
    }

    fn flush(&mut self) -> Result<(), witbind_wasi::StreamError> {
        Ok(())
    }

    fn poll_ready(&mut self, _: &mut std::task::Context<'_>) -> std::task::Poll<()> {
        std::task::Poll::Ready(())
    }
}

#[test]
#[cfg(target_os = "linux")]
fn a_failed_write_gives_an_error_resource_then_closed() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let stderr = MemoryOutputPipe::new(1 << 16);
        let wasi = WasiCtxBuilder::new()
            .args(["io", "failing-stdout"])
            .stdout(FailingSink { writes: 0 })
            .stderr(stderr.clone())
            .build();
        let mut store = Store::new(&engine, State { wasi });
        let component = Component::from_file(&engine, common::fixture("io")).unwrap();
        let code = witbind_wasi::run(&mut store, &component, &linker(&engine)).unwrap();
        assert_eq!(code, 0, "{backend}");
        let err = String::from_utf8(stderr.contents()).unwrap();
        assert!(
            err.contains("write failed: No space left on device"),
            "{backend}: {err}"
        );
        assert!(
            err.contains("filesystem error code: Some(\"insufficient-space\")"),
            "{backend}: {err}"
        );
        assert!(err.contains("then: Err(\"closed\")"), "{backend}: {err}");
    }
}

#[test]
fn a_guest_holds_at_most_max_sockets() {
    let mut setup = Setup::new("tcp", &["many"]);
    setup.network = true;
    setup.witbind_only = Some(|builder| {
        builder.max_sockets(5);
    });
    for engine in witbind_tests::engines() {
        let out = run_witbind(&engine, "tcp", &setup);
        assert_eq!(out.exit, Some(0), "{}", out.stderr);
        // `new-socket-limit` is EMFILE (errno 33 in WASI) to the guest.
        assert_eq!(
            out.stdout,
            "5 listeners, then Uncategorized (os error Some(33))\nafter dropping them: bind works\n",
            "{}",
            engine.backend_kind()
        );
    }
}

#[test]
fn the_address_check_narrows_what_tcp_may_do() {
    let mut setup = Setup::new("tcp", &["denied"]);
    setup.network = true;
    setup.witbind_only = Some(|builder| {
        // Binding is allowed, connecting is not: the guest binds (then
        // drops its listener) and cannot connect.
        builder.socket_addr_check(|_, usage| usage != witbind_wasi::SocketAddrUse::TcpConnect);
    });
    for engine in witbind_tests::engines() {
        let out = run_witbind(&engine, "tcp", &setup);
        assert_eq!(out.exit, Some(0), "{}", out.stderr);
        assert_eq!(
            out.stdout,
            "bind: allowed\nconnect: PermissionDenied (os error Some(2))\nlookup: 1 addresses\n",
            "{}",
            engine.backend_kind()
        );
    }
}
