//! Compile-fail tests: each `ui/*.rs` must fail to compile with exactly the
//! diagnostics pinned in its `.stderr`. Re-pin with `TRYBUILD=overwrite`
//! after reading every changed message.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
