//! The `many-args` guest on wasmtime: more than 16 flat params, more than one flat result.

use witbind_tests::oracle::{Case, Neutral as N, assert_cases};

#[test]
fn params_beyond_the_flat_limit_arrive_in_order() {
    let ascending: Vec<u32> = (1..=18).collect();
    let large = vec![u32::MAX; 18];
    let mut cases = Vec::new();
    for args in [ascending, large] {
        let sum = args.iter().copied().fold(0u32, u32::wrapping_add);
        cases.push(Case::returns(
            "sum18",
            args.into_iter().map(N::U32).collect(),
            N::U32(sum),
        ));
    }
    // Weighted by position so a swapped argument changes the sum.
    let weighted: Vec<u32> = (0..18).map(|i| 1 << i).collect();
    cases.push(Case::returns(
        "sum18",
        weighted.into_iter().map(N::U32).collect(),
        N::U32((1 << 18) - 1),
    ));

    let words = ["a", "", "é", "☃", "𝄞", "x,y", "7", "", "end"];
    cases.push(Case::returns(
        "join9",
        words.map(N::string).to_vec(),
        N::string(&words.join(",")),
    ));

    let mixed = vec![
        N::U8(u8::MAX),
        N::S8(i8::MIN),
        N::U16(u16::MAX),
        N::S16(i16::MIN),
        N::U32(u32::MAX),
        N::S32(i32::MIN),
        N::U64(1 << 40),
        N::S64(-(1 << 41)),
        N::F32(-2.75),
        N::F64(1e3),
        N::Bool(true),
        N::Char('☃'),
        N::string("héllo"),
        N::U8(1),
        N::U8(2),
        N::U8(3),
    ];
    let expected: i64 =
        255 - 128 + 65535 - 32768 + 4_294_967_295 - 2_147_483_648 + (1 << 40) - (1 << 41) - 2
            + 1000
            + 1
            + 0x2603
            + 6
            + 1
            + 2
            + 3;
    cases.push(Case::returns("sum-mixed", mixed, N::S64(expected)));
    assert_cases("many-args", &cases);
}

#[test]
fn several_flat_results_come_back_through_memory() {
    let mut cases = Vec::new();
    for x in [0u64, u64::MAX, 0x0123_4567_89ab_cdef] {
        let parts = N::Tuple(vec![
            N::U32(x as u32),
            N::U32((x >> 32) as u32),
            N::U16(x as u16),
            N::U8(x as u8),
        ]);
        cases.push(Case::returns("split", vec![N::U64(x)], parts));
    }
    assert_cases("many-args", &cases);
}
