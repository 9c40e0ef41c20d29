//! The `records` guest on wasmtime: records and tuples echo and transform.

use witbind_tests::oracle::{Case, Neutral as N, assert_cases};

fn point(x: i32, y: i32) -> N {
    N::record([("x", N::S32(x)), ("y", N::S32(y))])
}

#[allow(clippy::too_many_arguments)]
fn mixed(
    flag: bool,
    small: u8,
    big: u64,
    ratio: f32,
    name: &str,
    tags: &[&str],
    origin: N,
    maybe: Option<u16>,
) -> N {
    N::record([
        ("flag", N::Bool(flag)),
        ("small", N::U8(small)),
        ("big", N::U64(big)),
        ("ratio", N::F32(ratio)),
        ("name", N::string(name)),
        ("tags", N::list(tags.iter().copied(), N::string)),
        ("origin", origin),
        ("maybe", N::Option(maybe.map(|v| Box::new(N::U16(v))))),
    ])
}

#[test]
fn records_echo_and_transform() {
    let full = mixed(
        true,
        u8::MAX,
        u64::MAX,
        -0.0,
        "Zé☃",
        &["a", "", "𝄞"],
        point(i32::MIN, i32::MAX),
        Some(u16::MAX),
    );
    let empty = mixed(false, 0, 0, f32::NAN, "", &[], point(0, 0), None);
    let cases = vec![
        Case::echo("echo-point", point(i32::MIN, -1)),
        Case::echo("echo-mixed", full.clone()),
        Case::echo("echo-mixed", empty),
        Case::returns(
            "translate",
            vec![point(1, 2), N::S32(10), N::S32(-20)],
            point(11, -18),
        ),
        Case::returns(
            "translate",
            vec![point(i32::MAX, i32::MIN), N::S32(1), N::S32(-1)],
            point(i32::MIN, i32::MAX),
        ),
        Case::returns(
            "touch-mixed",
            vec![full],
            mixed(
                true,
                0,
                u64::MAX,
                -0.0,
                "Zé☃",
                &["𝄞", "", "a"],
                point(i32::MIN, i32::MAX),
                Some(u16::MAX),
            ),
        ),
        Case::returns(
            "touch-mixed",
            vec![mixed(
                false,
                41,
                7,
                1.5,
                "abc-Def",
                &["x", "y"],
                point(3, 4),
                None,
            )],
            mixed(false, 42, 7, 1.5, "ABC-DEF", &["y", "x"], point(3, 4), None),
        ),
    ];
    assert_cases("records", &cases);
}

#[test]
fn tuples_echo_and_swap() {
    let five = |b: bool, n: u16, f: f64, c: char, s: &str| {
        N::Tuple(vec![
            N::Bool(b),
            N::U16(n),
            N::F64(f),
            N::Char(c),
            N::string(s),
        ])
    };
    let cases = vec![
        Case::returns(
            "swap",
            vec![N::Tuple(vec![N::U8(200), N::string("é")])],
            N::Tuple(vec![N::string("é"), N::U8(200)]),
        ),
        Case::echo(
            "echo-tuple",
            five(true, u16::MAX, f64::MIN_POSITIVE, '\u{10ffff}', "tuple ☃"),
        ),
        Case::echo("echo-tuple", five(false, 0, f64::NAN, '\0', "")),
        Case::echo("echo-unit-tuple", N::Tuple(vec![N::U32(u32::MAX)])),
    ];
    assert_cases("records", &cases);
}
