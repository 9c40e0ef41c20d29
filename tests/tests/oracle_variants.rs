//! The `variants` guest on wasmtime: enums, variants with joined payloads, options, results.

use witbind_tests::oracle::{Case, Neutral as N, assert_cases};

fn case(name: &str, payload: Option<N>) -> N {
    N::Variant(name.to_string(), payload.map(Box::new))
}

fn color(name: &str) -> N {
    N::Enum(name.to_string())
}

#[test]
fn enums_echo_and_cycle() {
    let mut cases = Vec::new();
    for (c, next) in [("red", "green"), ("green", "blue"), ("blue", "red")] {
        cases.push(Case::echo("echo-color", color(c)));
        cases.push(Case::returns("next-color", vec![color(c)], color(next)));
    }
    assert_cases("variants", &cases);
}

#[test]
fn variants_echo_every_case_and_compute_area() {
    let shapes = [
        (case("circle", Some(N::F64(2.0))), 12.0),
        (
            case("rect", Some(N::Tuple(vec![N::F64(1.5), N::F64(4.0)]))),
            6.0,
        ),
        (case("dot", None), 0.0),
        (case("label", Some(N::string("é☃"))), 5.0),
    ];
    let mut cases = Vec::new();
    for (shape, area) in shapes {
        cases.push(Case::echo("echo-shape", shape.clone()));
        cases.push(Case::returns("area", vec![shape], N::F64(area)));
    }
    for wide in [
        case("small", Some(N::U8(u8::MAX))),
        case("big", Some(N::U64(u64::MAX))),
        case("real", Some(N::F32(-0.0))),
        case("real", Some(N::F32(f32::NAN))),
        case("double", Some(N::F64(f64::MIN))),
        case("text", Some(N::string("wide ☃"))),
        case("nothing", None),
    ] {
        cases.push(Case::echo("echo-wide", wide));
    }
    assert_cases("variants", &cases);
}

#[test]
fn options_and_results_echo() {
    let some_none = N::some(N::Option(None));
    let cases = vec![
        Case::echo("echo-option", N::Option(None)),
        Case::echo("echo-option", N::some(N::U32(0))),
        Case::echo("echo-option", N::some(N::U32(u32::MAX))),
        Case::echo("echo-nested-option", N::Option(None)),
        Case::echo("echo-nested-option", some_none),
        Case::echo("echo-nested-option", N::some(N::some(N::string("in")))),
        Case::echo("echo-result", N::ok(N::U32(u32::MAX))),
        Case::echo("echo-result", N::err(N::string("é"))),
        Case::echo("echo-empty-result", N::Result(Ok(None))),
        Case::echo("echo-empty-result", N::Result(Err(None))),
        Case::echo("echo-result-ok-only", N::ok(N::string("fine"))),
        Case::echo("echo-result-ok-only", N::Result(Err(None))),
        Case::echo("echo-result-err-only", N::Result(Ok(None))),
        Case::echo("echo-result-err-only", N::err(N::U8(u8::MAX))),
        Case::returns("checked-div", vec![N::U32(7), N::U32(2)], N::ok(N::U32(3))),
        Case::returns(
            "checked-div",
            vec![N::U32(1), N::U32(0)],
            N::err(N::string("division by zero")),
        ),
    ];
    assert_cases("variants", &cases);
}
