//! Every `.wast` script of `tests/wast/` runs on both engines through the
//! runner of `witbind_tests::wast`, one test per file, and on wasmtime's own
//! component model (the oracle: the script's expectations must be the
//! reference implementation's); and the runner itself is checked to report
//! failures where a script's expectations are wrong.

use std::path::{Path, PathBuf};

use witbind_tests::wast::{
    FileOutcome, run_file_on_every_engine, run_file_on_wasmtime, run_source, run_source_on_wasmtime,
};

/// Runs `tests/wast/{name}` on the oracle and on every engine, and fails
/// listing every failing directive of each.
fn run(name: &str) {
    let path = wast_file(name);
    let mut outcomes = vec![run_file_on_wasmtime(&path)];
    outcomes.extend(run_file_on_every_engine(&path));
    assert_eq!(outcomes.len(), witbind_tests::engines().len() + 1);
    assert_all_passed(&outcomes);
}

/// Runs `tests/wast/{name}` on every engine only: for a rule wasmtime's
/// component model does not implement, so it cannot be the oracle.
fn run_without_oracle(name: &str) {
    assert_all_passed(&run_file_on_every_engine(&wast_file(name)));
}

fn wast_file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("wast")
        .join(name)
}

/// Fails listing every failing directive of every outcome, or naming an
/// outcome that ran no directive.
fn assert_all_passed(outcomes: &[FileOutcome]) {
    let failed: Vec<String> = outcomes
        .iter()
        .filter(|o| !o.passed())
        .map(ToString::to_string)
        .collect();
    assert!(failed.is_empty(), "{}", failed.join("\n"));
    for outcome in outcomes {
        assert!(outcome.directives > 0, "{outcome}: no directive ran");
    }
}

/// The Canonical ABI's bound on a value type's size (2^28 - 1 bytes),
/// which wasmtime 48's validator predates.
#[test]
fn value_size() {
    run_without_oracle(VALUE_SIZE);
}

/// The file of [`value_size`].
const VALUE_SIZE: &str = "value-size.wast";

/// One test per file; `every_file_has_a_test` keeps the list complete.
macro_rules! wast_tests {
    ($($test:ident => $file:literal,)*) => {
        $(
            #[test]
            fn $test() {
                run($file);
            }
        )*
        const FILES: &[&str] = &[$($file),*];
    };
}

wast_tests! {
    scalars => "scalars.wast",
    strings => "strings.wast",
    compound => "compound.wast",
    post_return_realloc => "post-return-realloc.wast",
    resources => "resources.wast",
    link => "link.wast",
    nested => "nested.wast",
    invalid => "invalid.wast",
    // Calls between sub-components (fused adapters).
    adapters_calls => "adapters-calls.wast",
    adapters_strings => "adapters-strings.wast",
    adapters_resources => "adapters-resources.wast",
}

#[test]
fn every_file_has_a_test() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("wast");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "wast"))
        .map(|p: PathBuf| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = FILES
        .iter()
        .chain([&VALUE_SIZE])
        .map(ToString::to_string)
        .collect();
    listed.sort();
    assert_eq!(
        on_disk, listed,
        "add each file of tests/wast/ to `wast_tests!`"
    );
}

/// A component exporting `id: func(x: u32) -> u32` and `boom: func()`,
/// which traps.
const ID: &str = r#"(component
  (core module $m
    (func (export "id") (param i32) (result i32) local.get 0)
    (func (export "boom") unreachable))
  (core instance $i (instantiate $m))
  (func (export "id") (param "x" u32) (result u32) (canon lift (core func $i "id")))
  (func (export "boom") (canon lift (core func $i "boom"))))
"#;

fn outcomes(script: &str) -> Vec<FileOutcome> {
    witbind_tests::engines()
        .iter()
        .map(|engine| run_source(engine, "test.wast", script))
        .collect()
}

/// Every engine's single failure, checked to be the directive at
/// `location` of kind `directive`, with a message containing `needle`.
fn assert_one_failure(script: &str, location: &str, directive: &str, needle: &str) {
    for outcome in outcomes(script) {
        assert_eq!(outcome.failures.len(), 1, "{outcome}");
        let failure = &outcome.failures[0];
        assert_eq!(failure.location, location, "{outcome}");
        assert_eq!(failure.directive, directive, "{outcome}");
        assert!(failure.message.contains(needle), "{outcome}");
    }
}

#[test]
fn passing_script_passes_and_counts_directives() {
    let script = format!(
        "{ID}\n(assert_return (invoke \"id\" (u32.const 5)) (u32.const 5))\n\
         (assert_trap (invoke \"boom\") \"unreachable\")"
    );
    for outcome in outcomes(&script) {
        assert!(outcome.passed(), "{outcome}");
        assert_eq!(outcome.directives, 3);
    }
}

#[test]
fn wrong_result_is_reported_with_its_location() {
    let script = format!("{ID}\n(assert_return (invoke \"id\" (u32.const 5)) (u32.const 6))");
    assert_one_failure(&script, "test.wast:9:2", "assert_return", "U32(5)");
}

#[test]
fn missing_trap_is_reported() {
    let script = format!("{ID}\n(assert_trap (invoke \"id\" (u32.const 5)) \"unreachable\")");
    assert_one_failure(&script, "test.wast:9:2", "assert_trap", "expects a trap");
}

#[test]
fn an_error_that_is_not_a_trap_fails_assert_trap() {
    // A wrong argument type is the caller's mistake, not a trap.
    let script = format!("{ID}\n(assert_trap (invoke \"id\" (str.const \"x\")) \"unreachable\")");
    assert_one_failure(&script, "test.wast:9:2", "assert_trap", "without a trap");
}

#[test]
fn trap_text_mismatch_is_a_note() {
    let script = format!("{ID}\n(assert_trap (invoke \"boom\") \"some other words\")");
    for outcome in outcomes(&script) {
        assert!(outcome.passed(), "{outcome}");
        assert_eq!(outcome.notes.len(), 1, "{:?}", outcome.notes);
        assert!(outcome.notes[0].contains("some other words"));
    }
}

#[test]
fn valid_component_fails_assert_invalid() {
    let script = format!("(assert_invalid {ID} \"whatever\")");
    assert_one_failure(
        &script,
        "test.wast:1:2",
        "assert_invalid",
        "the component loaded",
    );
}

#[test]
fn unsupported_is_not_invalid() {
    // Valid, but witbind refuses async lifts: not what assert_invalid means.
    let script = r#"(assert_invalid (component
  (core module $m (func (export "f") (result i32) i32.const 0))
  (core instance $i (instantiate $m))
  (func (export "f") async (canon lift (core func $i "f") async)))
  "x")"#;
    for outcome in outcomes(script) {
        if let Some(failure) = outcome.failures.first() {
            assert!(failure.message.contains("unsupported"), "{outcome}");
        }
    }
}

#[test]
fn core_modules_are_refused_by_name() {
    let script = "(module (func (export \"f\")))";
    assert_one_failure(
        script,
        "test.wast:1:2",
        "module",
        "core module directives are not supported",
    );
}

#[test]
fn a_failed_component_is_named_by_later_invokes() {
    // Nothing defines the import: instantiation fails.
    let script = "(component (import \"missing\" (func)))\n(invoke \"f\")";
    for outcome in outcomes(script) {
        assert_eq!(outcome.failures.len(), 2, "{outcome}");
        assert!(
            outcome.failures[1].message.contains("test.wast:1:2"),
            "{outcome}"
        );
    }
}

#[test]
fn the_oracle_judges_the_same_way() {
    let good = format!("{ID}\n(assert_return (invoke \"id\" (u32.const 5)) (u32.const 5))");
    assert!(run_source_on_wasmtime("test.wast", &good).passed());
    let bad = format!("{ID}\n(assert_return (invoke \"id\" (u32.const 5)) (u32.const 6))");
    let outcome = run_source_on_wasmtime("test.wast", &bad);
    assert_eq!(outcome.failures.len(), 1, "{outcome}");
    assert_eq!(outcome.failures[0].location, "test.wast:9:2");
}

#[test]
fn unparsable_file_is_one_failure() {
    assert_one_failure("(assert_return", "test.wast", "parse", "does not parse");
}
