//! The `maps` guest (wit-bindgen's `BTreeMap`s and arrays) on wasmtime and on witbind: maps
//! of every key kind, duplicate keys, maps inside records and other maps, fixed-length lists,
//! and a map passed to a host import.

use witbind_tests::oracle::{Case, Neutral as N, assert_cases};

fn map(entries: Vec<(N, N)>) -> N {
    N::Map(entries)
}

fn s(text: &str) -> N {
    N::string(text)
}

fn counts(entries: &[(&str, u32)]) -> N {
    map(entries.iter().map(|&(k, v)| (s(k), N::U32(v))).collect())
}

#[test]
fn maps_of_every_key_kind_echo() {
    let large = map((0..2_000u32)
        .map(|i| (s(&format!("key-{i:05}")), N::U32(i * 7)))
        .collect());
    let cases = vec![
        Case::echo("echo-counts", counts(&[])),
        Case::echo(
            "echo-counts",
            counts(&[("a", 1), ("b", u32::MAX), ("é☃", 0)]),
        ),
        Case::echo("echo-counts", large),
        Case::echo(
            "echo-wide",
            map(vec![
                (N::U64(0), N::List(vec![])),
                (N::U64(u64::MAX), N::List(vec![N::U8(1), N::U8(255)])),
            ]),
        ),
        Case::echo(
            "echo-chars",
            map(vec![
                (N::Char('\0'), N::Option(None)),
                (N::Char('z'), N::some(N::S16(i16::MIN))),
                (N::Char('\u{10ffff}'), N::some(N::S16(-1))),
            ]),
        ),
        Case::echo(
            "echo-bools",
            map(vec![(N::Bool(false), s("no")), (N::Bool(true), s("yes"))]),
        ),
        Case::echo(
            "echo-nested",
            map(vec![
                (N::S8(i8::MIN), map(vec![])),
                (
                    N::S8(3),
                    map(vec![(s("nan"), N::F64(f64::NAN)), (s("neg"), N::F64(-0.0))]),
                ),
            ]),
        ),
    ];
    assert_cases("maps", &cases);
}

/// The host sends every entry it is given; the guest's map keeps the last value of a key and
/// gives its entries back by key order.
#[test]
fn duplicate_keys_reach_the_guest_and_the_last_value_wins_there() {
    let cases = vec![
        Case::returns(
            "echo-counts",
            vec![counts(&[("b", 1), ("a", 2), ("b", 3)])],
            counts(&[("a", 2), ("b", 3)]),
        ),
        Case::returns(
            "entries",
            vec![map(vec![
                (N::S32(3), s("c")),
                (N::S32(-1), s("a")),
                (N::S32(3), s("C")),
            ])],
            N::List(vec![
                N::Tuple(vec![N::S32(-1), s("a")]),
                N::Tuple(vec![N::S32(3), s("C")]),
            ]),
        ),
        Case::returns(
            "from-pairs",
            vec![N::List(vec![
                N::Tuple(vec![s("x"), N::U32(1)]),
                N::Tuple(vec![s("x"), N::U32(2)]),
            ])],
            counts(&[("x", 2)]),
        ),
        Case::returns(
            "get",
            vec![counts(&[("k", 1), ("k", 9)]), s("k")],
            N::some(N::U32(9)),
        ),
        Case::returns(
            "get",
            vec![counts(&[("k", 1)]), s("missing")],
            N::Option(None),
        ),
    ];
    assert_cases("maps", &cases);
}

#[test]
fn records_with_maps_and_fixed_length_lists_echo() {
    let inventory = N::record([
        ("counts", counts(&[("apples", 3), ("pears", 0)])),
        ("origin", N::List(vec![N::S32(i32::MIN), N::S32(7)])),
        ("tags", N::List(vec![s(""), s("fresh ☃")])),
    ]);
    let cases = vec![
        Case::echo("echo-inventory", inventory),
        Case::echo(
            "echo-fixed",
            N::List(vec![N::U32(1), N::U32(2), N::U32(3), N::U32(u32::MAX)]),
        ),
        Case::echo(
            "echo-matrix",
            N::List(vec![
                N::List(vec![N::F32(1.5), N::F32(f32::NAN), N::F32(-0.0)]),
                N::List(vec![N::F32(f32::INFINITY), N::F32(0.0), N::F32(1e-45)]),
            ]),
        ),
        Case::echo("echo-names", N::List(vec![s("a"), s(""), s("ü☃😀")])),
        Case::returns(
            "reverse-fixed",
            vec![N::List((1..=5).map(N::U64).collect())],
            N::List((1..=5).rev().map(N::U64).collect()),
        ),
    ];
    assert_cases("maps", &cases);
}

/// A map from the guest to a host import, lifted as a `HashMap` on both runtimes.
#[test]
fn a_map_passes_to_a_host_import() {
    let cases = vec![
        Case::returns(
            "total-via-host",
            vec![counts(&[("a", 1), ("b", 2)])],
            N::U64(3 + 2),
        ),
        Case::returns(
            "total-via-host",
            vec![counts(&[("a", 5), ("a", 7), ("z", u32::MAX)])],
            N::U64(7 + u64::from(u32::MAX) + 2),
        ),
        Case::returns("total-via-host", vec![counts(&[])], N::U64(0)),
    ];
    assert_cases("maps", &cases);
}
