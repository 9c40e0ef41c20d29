//! The `numbers` guest on wasmtime: every scalar echoes, wrapping sums, char conversions.

use witbind_tests::oracle::{Case, Neutral as N, assert_cases};

fn check(cases: Vec<Case>) {
    assert_cases("numbers", &cases);
}

#[test]
fn every_scalar_echoes_its_edge_values() {
    let mut cases = vec![
        Case::echo("echo-bool", N::Bool(true)),
        Case::echo("echo-bool", N::Bool(false)),
    ];
    cases.extend([i8::MIN, -1, 0, 1, i8::MAX].map(|v| Case::echo("echo-s8", N::S8(v))));
    cases.extend([0, 1, 0x7f, 0x80, u8::MAX].map(|v| Case::echo("echo-u8", N::U8(v))));
    cases.extend([i16::MIN, -1, 0, i16::MAX].map(|v| Case::echo("echo-s16", N::S16(v))));
    cases.extend([0, 0x8000, u16::MAX].map(|v| Case::echo("echo-u16", N::U16(v))));
    cases.extend([i32::MIN, -1, 0, i32::MAX].map(|v| Case::echo("echo-s32", N::S32(v))));
    cases.extend([0, 0x8000_0000, u32::MAX].map(|v| Case::echo("echo-u32", N::U32(v))));
    cases.extend([i64::MIN, -1, 0, i64::MAX].map(|v| Case::echo("echo-s64", N::S64(v))));
    cases.extend([0, 1 << 63, u64::MAX].map(|v| Case::echo("echo-u64", N::U64(v))));
    let f32s = [
        0.0,
        -0.0,
        1.5,
        f32::MIN,
        f32::MAX,
        f32::MIN_POSITIVE,
        1e-45,
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::NAN,
    ];
    cases.extend(f32s.map(|v| Case::echo("echo-f32", N::F32(v))));
    let f64s = [
        0.0,
        -0.0,
        -2.25,
        f64::MIN,
        f64::MAX,
        f64::MIN_POSITIVE,
        5e-324,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
    ];
    cases.extend(f64s.map(|v| Case::echo("echo-f64", N::F64(v))));
    let chars = [
        '\0',
        'a',
        '\u{7f}',
        'é',
        '\u{d7ff}',
        '\u{e000}',
        '☃',
        '\u{10ffff}',
    ];
    cases.extend(chars.map(|v| Case::echo("echo-char", N::Char(v))));
    check(cases);
}

#[test]
fn negation_and_wrapping_sums() {
    let mut cases = vec![
        Case::returns("negate-bool", vec![N::Bool(true)], N::Bool(false)),
        Case::returns("negate-bool", vec![N::Bool(false)], N::Bool(true)),
    ];
    for (a, b) in [(i8::MAX, 1), (i8::MIN, -1), (5, -7)] {
        cases.push(Case::returns(
            "add-s8",
            vec![N::S8(a), N::S8(b)],
            N::S8(a.wrapping_add(b)),
        ));
    }
    for (a, b) in [(u8::MAX, 1), (200, 100), (1, 2)] {
        cases.push(Case::returns(
            "add-u8",
            vec![N::U8(a), N::U8(b)],
            N::U8(a.wrapping_add(b)),
        ));
    }
    for (a, b) in [(i16::MAX, 1), (i16::MIN, -1)] {
        cases.push(Case::returns(
            "add-s16",
            vec![N::S16(a), N::S16(b)],
            N::S16(a.wrapping_add(b)),
        ));
    }
    for (a, b) in [(u16::MAX, 1), (40000, 40000)] {
        cases.push(Case::returns(
            "add-u16",
            vec![N::U16(a), N::U16(b)],
            N::U16(a.wrapping_add(b)),
        ));
    }
    for (a, b) in [(i32::MAX, 1), (i32::MIN, -1)] {
        cases.push(Case::returns(
            "add-s32",
            vec![N::S32(a), N::S32(b)],
            N::S32(a.wrapping_add(b)),
        ));
    }
    for (a, b) in [(u32::MAX, 1), (3, 4)] {
        cases.push(Case::returns(
            "add-u32",
            vec![N::U32(a), N::U32(b)],
            N::U32(a.wrapping_add(b)),
        ));
    }
    for (a, b) in [(i64::MAX, 1), (i64::MIN, -1)] {
        cases.push(Case::returns(
            "add-s64",
            vec![N::S64(a), N::S64(b)],
            N::S64(a.wrapping_add(b)),
        ));
    }
    for (a, b) in [(u64::MAX, 2), (1 << 40, 1 << 40)] {
        cases.push(Case::returns(
            "add-u64",
            vec![N::U64(a), N::U64(b)],
            N::U64(a.wrapping_add(b)),
        ));
    }
    cases.push(Case::returns(
        "add-f32",
        vec![N::F32(1.5), N::F32(2.25)],
        N::F32(3.75),
    ));
    cases.push(Case::returns(
        "add-f32",
        vec![N::F32(f32::MAX), N::F32(f32::MAX)],
        N::F32(f32::INFINITY),
    ));
    cases.push(Case::returns(
        "add-f32",
        vec![N::F32(f32::INFINITY), N::F32(f32::NEG_INFINITY)],
        N::F32(f32::NAN),
    ));
    cases.push(Case::returns(
        "add-f64",
        vec![N::F64(0.5), N::F64(-0.25)],
        N::F64(0.25),
    ));
    cases.push(Case::returns(
        "add-f64",
        vec![N::F64(-0.0), N::F64(-0.0)],
        N::F64(-0.0),
    ));
    check(cases);
}

#[test]
fn chars_convert_to_and_from_scalar_values() {
    let mut cases = Vec::new();
    for c in ['\0', 'A', 'ÿ', '\u{d7ff}', '\u{e000}', '\u{10ffff}'] {
        cases.push(Case::returns(
            "char-to-u32",
            vec![N::Char(c)],
            N::U32(u32::from(c)),
        ));
        cases.push(Case::returns(
            "u32-to-char",
            vec![N::U32(u32::from(c))],
            N::some(N::Char(c)),
        ));
    }
    for invalid in [0xd800, 0xdfff, 0x11_0000, u32::MAX] {
        cases.push(Case::returns(
            "u32-to-char",
            vec![N::U32(invalid)],
            N::Option(None),
        ));
    }
    check(cases);
}
