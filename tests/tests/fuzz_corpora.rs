//! The committed fuzz corpora (`fuzz/corpus/<target>/`) and crash
//! reproducers (`fuzz/regressions/<target>/`) replayed through the targets'
//! functions on stable Rust: every input the campaigns kept must still pass.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use witbind_tests::fuzz::TARGETS;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz")
}

/// The files of `dir`, sorted; none when it does not exist.
fn inputs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Runs every input of `dir` through `run`, listing each that panics.
fn replay(target: &str, run: fn(&[u8]), dir: &Path) -> Vec<String> {
    let mut failures = Vec::new();
    for file in inputs(dir) {
        let data = std::fs::read(&file).expect("readable input");
        if let Err(panic) = catch_unwind(AssertUnwindSafe(|| run(&data))) {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            failures.push(format!("{target}: {}: {message}", file.display()));
        }
    }
    failures
}

#[test]
fn every_target_has_a_committed_corpus() {
    for (target, _) in TARGETS {
        let dir = fuzz_dir().join("corpus").join(target);
        assert!(!inputs(&dir).is_empty(), "no corpus in {}", dir.display());
    }
}

#[test]
fn corpora_replay_clean() {
    let failures: Vec<String> = TARGETS
        .iter()
        .flat_map(|(target, run)| {
            let mut failures = replay(target, *run, &fuzz_dir().join("corpus").join(target));
            failures.extend(replay(target, *run, &fuzz_dir().join("seeds").join(target)));
            failures
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn crash_reproducers_stay_fixed() {
    let failures: Vec<String> = TARGETS
        .iter()
        .flat_map(|(target, run)| {
            replay(target, *run, &fuzz_dir().join("regressions").join(target))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The component target's seeds: the tests' WAT components, compiled, in
/// `fuzz/seeds/component/` (a second corpus directory for `cargo fuzz run
/// component`, see docs/fuzzing.md). `WITBIND_BLESS=1` writes them.
#[test]
fn component_seeds_are_the_wat_components() {
    let dir = fuzz_dir().join("seeds").join("component");
    let wat_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("wat");
    let mut sources: Vec<(String, String)> = inputs(&wat_dir)
        .into_iter()
        .map(|p| {
            let name = p
                .file_stem()
                .expect("a file name")
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read_to_string(&p).expect("readable WAT"))
        })
        .collect();
    sources.push((
        "fuzz-resources".into(),
        witbind_tests::fuzz::resources::GUEST.into(),
    ));
    let bless = std::env::var_os("WITBIND_BLESS").is_some();
    for (name, text) in sources {
        let wasm = wat::parse_str(&text).expect("the WAT parses");
        let path = dir.join(format!("{name}.wasm"));
        if bless {
            std::fs::create_dir_all(&dir).expect("seed directory");
            std::fs::write(&path, &wasm).expect("seed written");
        }
        let committed = std::fs::read(&path).unwrap_or_default();
        assert!(
            committed == wasm,
            "{} is stale: rerun with WITBIND_BLESS=1",
            path.display()
        );
    }
}
