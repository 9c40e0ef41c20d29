//! The benchmark sides compute what the `bench` guest documents, on every side: every
//! case's run checks its last result (lengths, sums, echoed values, resource values), so a
//! wrong binding or a broken call fails here rather than producing a fast wrong number.

use witbind::{BackendKind, Engine};
use witbind_tests::bench::{Case, GeneratedSide, Side, WasmtimeSide, WitbindSide};

fn run_every_case(side: &mut dyn Side) {
    for case in Case::ALL {
        side.run(case, 2)
            .unwrap_or_else(|e| panic!("{} on {}: {e:#}", case.name(), side.name()));
    }
}

#[test]
fn every_case_gives_the_documented_result_on_witbind() {
    run_every_case(&mut WitbindSide::new().expect("witbind side"));
}

#[test]
fn every_case_gives_the_documented_result_through_witbind_generated_bindings() {
    run_every_case(&mut GeneratedSide::new().expect("witbind-gen side"));
}

#[test]
fn every_case_gives_the_documented_result_on_wasmtime() {
    run_every_case(&mut WasmtimeSide::new().expect("wasmtime side"));
}

#[test]
fn every_wasi_case_gives_the_documented_output_on_every_side() {
    // 1 MiB for the stream cases: the same code paths as the rows' 64 MiB.
    witbind_tests::bench::wasi::check_all(1 << 20).unwrap_or_else(|e| panic!("{e:#}"));
}

#[test]
fn every_cross_component_case_sums_right_on_every_side() {
    // 100 crossings: the rows' code paths, without their 100,000.
    witbind_tests::bench::composed::check_all(100).unwrap_or_else(|e| panic!("{e:#}"));
}

#[test]
fn every_case_gives_the_documented_result_on_witbind_on_wasmi() {
    let wasmi = Engine::with_backend(BackendKind::Wasmi).expect("wasmi engine");
    run_every_case(&mut WitbindSide::on(&wasmi).expect("witbind/wasmi side"));
    run_every_case(&mut GeneratedSide::on(&wasmi).expect("witbind-gen/wasmi side"));
}
