//! Runs the committed conformance vectors: every one must pass.

use std::path::Path;

use witbind_tests::conformance::run_file;

#[test]
fn every_committed_vector_passes() {
    assert_every_vector_passes("vectors.jsonl");
}

/// The map vectors, derived from the reference's lists of pairs by
/// `conformance/derive_maps.py` (a map travels as `list<tuple<K, V>>`).
#[test]
fn every_derived_map_vector_passes() {
    assert_every_vector_passes("maps.jsonl");
}

fn assert_every_vector_passes(file: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("conformance")
        .join(file);
    let report = run_file(&path).expect("the committed vectors are readable");
    let failed: Vec<String> = report
        .failures
        .iter()
        .map(|f| format!("{}: {}", f.id, f.message))
        .collect();
    assert!(
        failed.is_empty(),
        "{} passed, {} failed:\n{}",
        report.passed,
        failed.len(),
        failed.join("\n")
    );
    assert!(report.passed > 0, "the vector file is empty");
}

/// A correct `lower` vector: "a" in UTF-16.
const LOWER: &str = r#"{"id": "lower-a", "kind": "lower", "wit": "", "type": "string", "encoding": "utf16", "value": "a", "flat": [{"i32": 8}, {"i32": 1}], "memory": [{"offset": 8, "hex": "6100"}], "reallocs": [[0, 0, 2, 2]], "heap_start": 8}"#;

/// A correct trapping `lift` vector: a surrogate is no `char`.
const LIFT_TRAP: &str = r#"{"id": "lift-surrogate", "kind": "lift", "wit": "", "type": "char", "encoding": "utf8", "flat": [{"i32": 55296}], "memory": [], "note": "", "trap": true, "heap_start": 8}"#;

/// A correct spilled `call-import-results` vector.
const IMPORT_RESULTS: &str = r#"{"id": "import-pair", "kind": "call-import-results", "wit": "", "func": "func() -> tuple<u32, u8>", "encoding": "utf8", "values": [[7, 9]], "flat": [], "memory": [{"offset": 8, "hex": "0700000009000000"}], "reallocs": [], "out_ptr": 8, "heap_start": 16}"#;

fn failed_ids(text: &str) -> Vec<String> {
    let report = witbind_tests::conformance::run_lines(text);
    report.failures.into_iter().map(|f| f.id).collect()
}

#[test]
fn correct_vectors_pass() {
    let text = [LOWER, LIFT_TRAP, IMPORT_RESULTS].join("\n");
    assert_eq!(failed_ids(&text), Vec::<String>::new());
}

#[test]
fn any_difference_from_the_reference_fails() {
    let mutations = [
        LOWER.replace("6100", "6200"),
        LOWER.replace("\"6100\"", "\"610000\""),
        LOWER.replace("[[0, 0, 2, 2]]", "[[0, 0, 1, 2]]"),
        LOWER.replace("{\"i32\": 1}", "{\"i64\": 1}"),
        LOWER.replace("\"heap_start\": 8", "\"trap\": true, \"heap_start\": 8"),
        LIFT_TRAP.replace("55296", "55295"),
        LIFT_TRAP.replace("\"trap\": true", "\"value\": \"\\ud7ff\""),
        IMPORT_RESULTS.replace("[[7, 9]]", "[[7, 8]]"),
        IMPORT_RESULTS.replace("\"out_ptr\": 8", "\"out_ptr\": 10"),
        IMPORT_RESULTS.replace("\"flat\": []", "\"flat\": [{\"i32\": 8}]"),
    ];
    for mutated in mutations {
        assert_eq!(failed_ids(&mutated).len(), 1, "passed: {mutated}");
    }
}
