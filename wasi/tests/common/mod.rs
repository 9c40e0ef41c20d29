//! The differential harness: one WASI guest (a committed component from
//! `wasi/fixtures/`) run under witbind-wasi on each of witbind's engines and
//! under wasmtime-wasi 48 (the oracle), with the same arguments,
//! environment, stdin, directory contents and random generators.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rand::SeedableRng;
use rand::rngs::StdRng;

/// The committed component `name`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(format!("{name}.wasm"))
}

/// What a guest is run with.
#[derive(Clone, Default)]
pub struct Setup {
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
    pub stdin: Vec<u8>,
    /// Fills the root of a fresh temporary folder; its `data` folder is
    /// preopened as `/data` (when the closure is given).
    pub files: Option<fn(&Path)>,
    /// The preopen is read-only (directories and files).
    pub read_only: bool,
    /// The guest may use TCP and look names up.
    pub network: bool,
    /// More settings, for witbind-wasi only.
    pub witbind_only: Option<fn(&mut witbind_wasi::WasiCtxBuilder)>,
}

impl Setup {
    /// A guest called `name` with `args` after it.
    pub fn new(name: &str, args: &[&str]) -> Self {
        Self {
            args: std::iter::once(name)
                .chain(args.iter().copied())
                .map(String::from)
                .collect(),
            ..Self::default()
        }
    }
}

/// How a run ended and what it left.
#[derive(Debug, PartialEq, Eq)]
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    /// The exit code, or `None` for a trap.
    pub exit: Option<i32>,
    /// The files left in the temporary folder, by relative path.
    pub files: BTreeMap<String, Entry>,
}

/// One thing left in the temporary folder.
#[derive(Debug, PartialEq, Eq)]
pub enum Entry {
    Dir,
    File(Vec<u8>),
    /// The link's target, with the folder's own path replaced by `$ROOT`.
    Symlink(String),
}

const OUTPUT_CAPACITY: usize = 1 << 20;

fn seeded(seed: u64) -> StdRng {
    StdRng::seed_from_u64(seed)
}

const INSECURE_SEED: u128 = 0x0123_4567_89ab_cdef_fedc_ba98_7654_3210;

/// A fresh temporary folder for one run.
struct TempRoot(PathBuf);

impl TempRoot {
    fn new() -> Self {
        use std::sync::atomic::{AtomicU32, Ordering};
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let path = std::env::temp_dir().join(format!(
            "witbind-wasi-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        Self(path)
    }
}

impl Drop for TempRoot {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Entry>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        let rel = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let meta = std::fs::symlink_metadata(&path).unwrap();
        if meta.is_symlink() {
            let target = std::fs::read_link(&path).unwrap();
            let target = target
                .to_string_lossy()
                .replace(&*root.to_string_lossy(), "$ROOT");
            out.insert(rel, Entry::Symlink(target));
        } else if meta.is_dir() {
            out.insert(rel, Entry::Dir);
            walk(root, &path, out);
        } else {
            out.insert(rel, Entry::File(std::fs::read(&path).unwrap()));
        }
    }
}

/// The run under witbind-wasi on `engine`.
pub fn run_witbind(engine: &witbind::Engine, name: &str, setup: &Setup) -> Outcome {
    use witbind::{Component, Linker, Store};
    use witbind_wasi::{DirPerms, FilePerms, MemoryInputPipe, MemoryOutputPipe, WasiCtxBuilder};

    struct State {
        wasi: witbind_wasi::WasiCtx,
    }

    let root = TempRoot::new();
    let stdout = MemoryOutputPipe::new(OUTPUT_CAPACITY);
    let stderr = MemoryOutputPipe::new(OUTPUT_CAPACITY);
    let mut builder = WasiCtxBuilder::new();
    builder
        .args(setup.args.iter().cloned())
        .envs(setup.env.iter().cloned())
        .stdin(MemoryInputPipe::new(setup.stdin.clone()))
        .stdout(stdout.clone())
        .stderr(stderr.clone())
        .secure_random(seeded(1))
        .insecure_random(seeded(2))
        .insecure_random_seed(INSECURE_SEED)
        .allow_tcp(setup.network)
        .allow_ip_name_lookup(setup.network);
    if let Some(configure) = setup.witbind_only {
        configure(&mut builder);
    }
    if let Some(fill) = setup.files {
        fill(&root.0);
        builder
            .preopened_dir(
                root.0.join("data"),
                "/data",
                if setup.read_only {
                    DirPerms::READ
                } else {
                    DirPerms::all()
                },
                if setup.read_only {
                    FilePerms::READ
                } else {
                    FilePerms::all()
                },
            )
            .unwrap();
    }
    let mut linker = Linker::new(engine);
    witbind_wasi::add_to_linker(&mut linker, |s: &mut State| &mut s.wasi).unwrap();
    let mut store = Store::new(
        engine,
        State {
            wasi: builder.build(),
        },
    );
    let component = Component::from_file(engine, fixture(name)).unwrap();
    let exit = match witbind_wasi::run(&mut store, &component, &linker) {
        Ok(code) => Some(code),
        Err(e) => {
            assert!(
                !format!("{e:#}").contains("missing import"),
                "{}: {name} did not link: {e:#}",
                engine.backend_kind()
            );
            None
        }
    };
    drop(store);
    let mut files = BTreeMap::new();
    walk(&root.0, &root.0, &mut files);
    Outcome {
        stdout: String::from_utf8_lossy(&stdout.contents()).into_owned(),
        stderr: String::from_utf8_lossy(&stderr.contents()).into_owned(),
        exit,
        files,
    }
}

/// The run under wasmtime-wasi 48, the oracle.
pub fn run_wasmtime(name: &str, setup: &Setup) -> Outcome {
    use wasmtime::component::{Component, Linker, ResourceTable};
    use wasmtime::{Engine, Store};
    use wasmtime_wasi::p2::bindings::sync::Command;
    use wasmtime_wasi::p2::pipe::{MemoryInputPipe, MemoryOutputPipe};
    use wasmtime_wasi::{FsPerms, WasiCtx, WasiCtxView, WasiView};

    struct State {
        ctx: WasiCtx,
        table: ResourceTable,
    }
    impl WasiView for State {
        fn ctx(&mut self) -> WasiCtxView<'_> {
            WasiCtxView {
                ctx: &mut self.ctx,
                table: &mut self.table,
            }
        }
    }

    let root = TempRoot::new();
    let stdout = MemoryOutputPipe::new(OUTPUT_CAPACITY);
    let stderr = MemoryOutputPipe::new(OUTPUT_CAPACITY);
    let mut builder = WasiCtx::builder();
    builder
        .args(&setup.args)
        .envs(&setup.env)
        .stdin(MemoryInputPipe::new(setup.stdin.clone()))
        .stdout(stdout.clone())
        .stderr(stderr.clone())
        .secure_random(seeded(1))
        .insecure_random(seeded(2))
        .insecure_random_seed(INSECURE_SEED);
    if setup.network {
        builder
            .inherit_network()
            .allow_tcp(true)
            .allow_ip_name_lookup(true);
    }
    if let Some(fill) = setup.files {
        fill(&root.0);
        builder
            .preopened_dir(
                root.0.join("data"),
                "/data",
                if setup.read_only {
                    FsPerms::ReadOnly
                } else {
                    FsPerms::ReadWrite
                },
            )
            .unwrap();
    }
    let engine = Engine::default();
    let mut linker = Linker::new(&engine);
    wasmtime_wasi::p2::add_to_linker_sync(&mut linker).unwrap();
    let mut store = Store::new(
        &engine,
        State {
            ctx: builder.build(),
            table: ResourceTable::new(),
        },
    );
    let component = Component::from_file(&engine, fixture(name)).unwrap();
    let command = Command::instantiate(&mut store, &component, &linker).unwrap();
    let exit = match command.wasi_cli_run().call_run(&mut store) {
        Ok(Ok(())) => Some(0),
        Ok(Err(())) => Some(1),
        Err(e) => e
            .downcast_ref::<wasmtime_wasi::I32Exit>()
            .map(|exit| exit.0),
    };
    drop(store);
    let mut files = BTreeMap::new();
    walk(&root.0, &root.0, &mut files);
    Outcome {
        stdout: String::from_utf8_lossy(&stdout.contents()).into_owned(),
        stderr: String::from_utf8_lossy(&stderr.contents()).into_owned(),
        exit,
        files,
    }
}

/// Runs the guest under the oracle and under witbind-wasi on every engine,
/// asserts every witbind run equals the oracle's, and returns the oracle's
/// outcome for the caller's own checks.
pub fn same_as_wasmtime(name: &str, setup: &Setup) -> Outcome {
    let expected = run_wasmtime(name, setup);
    for engine in witbind_tests::engines() {
        let got = run_witbind(&engine, name, setup);
        let backend = engine.backend_kind();
        for (what, got, expected) in [
            ("stdout", &got.stdout, &expected.stdout),
            ("stderr", &got.stderr, &expected.stderr),
        ] {
            if got != expected {
                let at = got
                    .bytes()
                    .zip(expected.bytes())
                    .position(|(a, b)| a != b)
                    .unwrap_or(got.len().min(expected.len()));
                let context = |s: &str| {
                    let start = s.floor_char_boundary(at.saturating_sub(200));
                    let end = s.floor_char_boundary((at + 200).min(s.len()));
                    s[start..end].to_string()
                };
                panic!(
                    "{name}: {what} on witbind-wasi ({backend}) differs from wasmtime-wasi's \
                     at byte {at} (lengths {} and {}):\nwitbind:  {:?}\nwasmtime: {:?}",
                    got.len(),
                    expected.len(),
                    context(got),
                    context(expected)
                );
            }
        }
        assert_eq!(
            got, expected,
            "{name} on witbind-wasi ({backend}) differs from wasmtime-wasi"
        );
    }
    expected
}
