//! The `host-calls` guest on wasmtime and witbind: exports that call host imports, and a host
//! import that fails inside an export.

use witbind_tests::oracle::{
    Case, HostEvent, Neutral as N, Outcome, Runtime, WasmtimeOracle, WitbindInstance, assert_cases,
    host::MAX_NUMBERS,
};

#[test]
fn exports_compute_through_host_imports() {
    let sum = |n: u64| n * (n + 1) / 2;
    let cases = vec![
        Case::returns("double-plus-one", vec![N::U32(20)], N::U32(41)),
        Case::returns(
            "double-plus-one",
            vec![N::U32(u32::MAX)],
            N::U32(u32::MAX.wrapping_mul(2).wrapping_add(1)),
        ),
        Case::returns(
            "greet",
            vec![N::string("alice")],
            N::string("hello alice (admin)"),
        ),
        Case::returns(
            "greet",
            vec![N::string("bob")],
            N::string("hello bob (user)"),
        ),
        Case::returns("greet", vec![N::string("zoë")], N::string("hello zoë (?)")),
        Case::returns("sum-numbers", vec![N::U32(0)], N::U64(0)),
        Case::returns("sum-numbers", vec![N::U32(100_000)], N::U64(sum(100_000))),
        Case::returns("log-all", vec![N::List(vec![])], N::U32(0)),
        Case::traps("sum-numbers", vec![N::U32(MAX_NUMBERS + 1)]),
    ];
    assert_cases("host-calls", &cases);
}

#[test]
fn imports_see_the_guests_arguments_in_order_on_wasmtime() {
    imports_see_the_guests_arguments_in_order(
        WasmtimeOracle::new("host-calls").expect("instantiate"),
        "wasmtime",
    );
}

#[test]
fn imports_see_the_guests_arguments_in_order_on_witbind() {
    for engine in witbind_tests::engines() {
        imports_see_the_guests_arguments_in_order(
            WitbindInstance::on("host-calls", &engine).expect("instantiate"),
            &format!("witbind on {}", engine.backend_kind()),
        );
    }
}

/// `on` names the runtime in assertion messages.
fn imports_see_the_guests_arguments_in_order(mut oracle: impl Runtime, on: &str) {
    let greeting = oracle.call1("greet", &[N::string("é☃")]).expect("greet");
    assert_eq!(greeting, N::string("hello é☃ (?)"), "{on}");
    let msgs = ["one", "", "𝄞 three"];
    let logged = oracle
        .call1("log-all", &[N::list(msgs, N::string)])
        .expect("log-all");
    assert_eq!(logged, N::U32(3), "{on}");
    let expected: Vec<HostEvent> = ["greet:é☃", "one", "", "𝄞 three"]
        .into_iter()
        .map(|m| HostEvent::Log(m.to_string()))
        .collect();
    assert_eq!(oracle.host().events, expected, "{on}");
}

#[test]
fn a_failing_import_traps_the_export_on_wasmtime() {
    a_failing_import_traps_the_export(
        WasmtimeOracle::new("host-calls").expect("instantiate"),
        "wasmtime",
    );
}

#[test]
fn a_failing_import_traps_the_export_on_witbind() {
    for engine in witbind_tests::engines() {
        a_failing_import_traps_the_export(
            WitbindInstance::on("host-calls", &engine).expect("instantiate"),
            &format!("witbind on {}", engine.backend_kind()),
        );
    }
}

/// `on` names the runtime in assertion messages.
fn a_failing_import_traps_the_export(mut oracle: impl Runtime, on: &str) {
    let outcome = oracle
        .call("sum-numbers", &[N::U32(u32::MAX)])
        .expect("call");
    assert!(
        matches!(outcome, Outcome::Trapped(ref message) if message.contains("exceeds")),
        "{on}: {outcome}"
    );
}
