//! The string guests on wasmtime: the UTF-8 Rust guest and the UTF-16 and latin1+UTF-16 WAT
//! guests (the same `strings-encoded` world with two canonical string encodings).

use witbind_tests::oracle::{Case, Neutral as N, assert_cases};

const SAMPLES: &[&str] = &[
    "",
    "a",
    "hello",
    "café",
    "ÿÿ",
    "snow ☃",
    "𝄞 clef",
    "\0nul\0",
    "mixed é ☃ 𝄞",
];

fn s(text: &str) -> N {
    N::string(text)
}

fn u32_of(n: usize) -> N {
    N::U32(u32::try_from(n).expect("test sizes fit u32"))
}

#[test]
fn utf8_guest_echoes_and_transforms() {
    let long = "xy☃".repeat(50_000);
    let mut cases = vec![Case::echo("echo", s(&long))];
    for text in SAMPLES {
        cases.push(Case::echo("echo", s(text)));
        cases.push(Case::returns("byte-len", vec![s(text)], u32_of(text.len())));
        cases.push(Case::returns(
            "char-count",
            vec![s(text)],
            u32_of(text.chars().count()),
        ));
        let reversed: String = text.chars().rev().collect();
        cases.push(Case::returns("reverse-chars", vec![s(text)], s(&reversed)));
        cases.push(Case::returns(
            "repeat",
            vec![s(text), N::U32(3)],
            s(&text.repeat(3)),
        ));
        cases.push(Case::returns(
            "concat",
            vec![s(text), s("+é")],
            s(&format!("{text}+é")),
        ));
    }
    cases.push(Case::returns("repeat", vec![s("ab"), N::U32(0)], s("")));
    assert_cases("strings", &cases);
}

fn upper_ascii(text: &str) -> String {
    text.to_ascii_uppercase()
}

fn encoded_cases(raw_length: impl Fn(&str) -> u32) -> Vec<Case> {
    let mut cases = vec![
        Case::returns("sample-latin1", vec![], s("café")),
        Case::returns("sample-wide", vec![], s("snow ☃")),
    ];
    let long = "aé☃".repeat(20_000);
    for text in SAMPLES
        .iter()
        .copied()
        .chain([long.as_str(), "é".repeat(1000).as_str()])
    {
        cases.push(Case::echo("echo", s(text)));
        cases.push(Case::returns(
            "raw-length",
            vec![s(text)],
            N::U32(raw_length(text)),
        ));
        cases.push(Case::returns(
            "upper-ascii",
            vec![s(text)],
            s(&upper_ascii(text)),
        ));
    }
    cases
}

#[test]
fn utf16_guest_sees_utf16_code_units() {
    let units = |text: &str| u32::try_from(text.encode_utf16().count()).expect("small");
    assert_cases("strings-utf16", &encoded_cases(units));
}

#[test]
fn latin1_utf16_guest_sees_latin1_when_it_fits_else_utf16() {
    const UTF16_TAG: u32 = 1 << 31;
    let units = |text: &str| {
        let count = |n: usize| u32::try_from(n).expect("small");
        if text.chars().all(|c| u32::from(c) <= 0xff) {
            count(text.chars().count())
        } else {
            count(text.encode_utf16().count()) | UTF16_TAG
        }
    };
    assert_cases("strings-latin1-utf16", &encoded_cases(units));
}
