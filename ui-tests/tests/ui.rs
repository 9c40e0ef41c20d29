//! Compile-fail tests: each `ui/*.rs` must fail to compile with exactly the
//! diagnostics pinned in its `.stderr`. Re-pin with `TRYBUILD=overwrite`
//! after reading every changed message. Each `pass/*.rs` must compile and
//! run (witbind without its component host, as this crate depends on it).

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
    t.pass("tests/pass/*.rs");
}
