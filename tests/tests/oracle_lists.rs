//! The `lists` guest on wasmtime: every element kind echoes (empty, small, large), sums and
//! generated lists.

use witbind_tests::oracle::{Case, Neutral as N, assert_cases};

/// Echo cases of `export` for the empty list, `small` and a large list of `large` elements.
fn echoes(export: &str, small: Vec<N>, large: impl Fn(usize) -> N) -> Vec<Case> {
    vec![
        Case::echo(export, N::List(Vec::new())),
        Case::echo(export, N::List(small)),
        Case::echo(export, N::List((0..10_000).map(large).collect())),
    ]
}

#[test]
fn scalar_lists_echo() {
    let mut cases = Vec::new();
    cases.extend(echoes(
        "echo-bools",
        vec![N::Bool(true), N::Bool(false)],
        |i| N::Bool(i % 3 == 0),
    ));
    cases.extend(echoes(
        "echo-s8s",
        vec![N::S8(i8::MIN), N::S8(-1), N::S8(i8::MAX)],
        |i| N::S8(i as i8),
    ));
    cases.extend(echoes("echo-u8s", vec![N::U8(0), N::U8(u8::MAX)], |i| {
        N::U8(i as u8)
    }));
    cases.extend(echoes(
        "echo-s16s",
        vec![N::S16(i16::MIN), N::S16(i16::MAX)],
        |i| N::S16(i as i16),
    ));
    cases.extend(echoes("echo-u16s", vec![N::U16(u16::MAX)], |i| {
        N::U16(i as u16)
    }));
    cases.extend(echoes(
        "echo-s32s",
        vec![N::S32(i32::MIN), N::S32(i32::MAX)],
        |i| N::S32(-(i as i32)),
    ));
    cases.extend(echoes("echo-u32s", vec![N::U32(u32::MAX)], |i| {
        N::U32(i as u32)
    }));
    cases.extend(echoes(
        "echo-s64s",
        vec![N::S64(i64::MIN), N::S64(i64::MAX)],
        |i| N::S64(i as i64),
    ));
    cases.extend(echoes("echo-u64s", vec![N::U64(u64::MAX)], |i| {
        N::U64((i as u64) << 40)
    }));
    cases.extend(echoes(
        "echo-f32s",
        vec![
            N::F32(-0.0),
            N::F32(f32::INFINITY),
            N::F32(f32::NAN),
            N::F32(1e-45),
        ],
        |i| N::F32(i as f32 / 7.0),
    ));
    cases.extend(echoes(
        "echo-f64s",
        vec![
            N::F64(-0.0),
            N::F64(f64::NEG_INFINITY),
            N::F64(f64::NAN),
            N::F64(5e-324),
        ],
        |i| N::F64(i as f64 / 3.0),
    ));
    cases.extend(echoes(
        "echo-chars",
        vec![N::Char('\0'), N::Char('é'), N::Char('\u{10ffff}')],
        |i| N::Char(char::from_u32(0x1f600 + (i as u32 % 64)).unwrap_or('?')),
    ));
    assert_cases("lists", &cases);
}

#[test]
fn compound_element_lists_echo() {
    let mut cases = Vec::new();
    cases.extend(echoes(
        "echo-strings",
        vec![N::string(""), N::string("é☃"), N::string("𝄞")],
        |i| N::String(format!("s{i}")),
    ));
    cases.extend(echoes(
        "echo-nested",
        vec![
            N::List(vec![]),
            N::List(vec![N::U32(1), N::U32(u32::MAX)]),
            N::List(vec![]),
        ],
        |i| N::list(0..(i % 4) as u32, N::U32),
    ));
    cases.extend(echoes(
        "echo-pairs",
        vec![N::Tuple(vec![N::U8(u8::MAX), N::U32(u32::MAX)])],
        |i| N::Tuple(vec![N::U8(i as u8), N::U32(i as u32)]),
    ));
    cases.extend(echoes(
        "echo-options",
        vec![
            N::Option(None),
            N::some(N::U16(0)),
            N::some(N::U16(u16::MAX)),
        ],
        |i| {
            if i % 2 == 0 {
                N::Option(None)
            } else {
                N::some(N::U16(i as u16))
            }
        },
    ));
    cases.extend(echoes(
        "echo-results",
        vec![
            N::ok(N::U8(7)),
            N::err(N::string("bad")),
            N::err(N::string("")),
        ],
        |i| {
            if i % 5 == 0 {
                N::err(N::String(i.to_string()))
            } else {
                N::ok(N::U8(i as u8))
            }
        },
    ));
    assert_cases("lists", &cases);
}

#[test]
fn sums_and_generated_lists() {
    let big: Vec<u64> = (0..100_000u64)
        .map(|i| i.wrapping_mul(0x9e37_79b9_7f4a_7c15))
        .collect();
    let big_sum = big.iter().copied().fold(0u64, u64::wrapping_add);
    let strings = ["", "a", "é☃", "𝄞𝄞"];
    let cases = vec![
        Case::returns("sum-u64s", vec![N::List(vec![])], N::U64(0)),
        Case::returns("sum-u64s", vec![N::list([u64::MAX, 2], N::U64)], N::U64(1)),
        Case::returns("sum-u64s", vec![N::list(big, N::U64)], N::U64(big_sum)),
        Case::returns("count-up", vec![N::U32(0)], N::List(vec![])),
        Case::returns("count-up", vec![N::U32(3)], N::list(0..3u32, N::U32)),
        Case::returns(
            "count-up",
            vec![N::U32(200_000)],
            N::list(0..200_000u32, N::U32),
        ),
        Case::returns(
            "total-len",
            vec![N::list(strings, N::string)],
            N::U64(strings.iter().map(|s| s.len() as u64).sum()),
        ),
        Case::returns(
            "reverse-outer",
            vec![N::List(vec![
                N::list([1u8, 2], N::U8),
                N::List(vec![]),
                N::list([3u8], N::U8),
            ])],
            N::List(vec![
                N::list([3u8], N::U8),
                N::List(vec![]),
                N::list([1u8, 2], N::U8),
            ]),
        ),
    ];
    assert_cases("lists", &cases);
}
