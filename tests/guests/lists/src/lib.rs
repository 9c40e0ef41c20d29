//! Guest of the `lists` world: echoes of every element kind, sums and generated lists.

wit_bindgen::generate!({ path: "../wit", world: "lists" });

struct Lists;

impl Guest for Lists {
    fn echo_bools(l: Vec<bool>) -> Vec<bool> {
        l
    }
    fn echo_s8s(l: Vec<i8>) -> Vec<i8> {
        l
    }
    fn echo_u8s(l: Vec<u8>) -> Vec<u8> {
        l
    }
    fn echo_s16s(l: Vec<i16>) -> Vec<i16> {
        l
    }
    fn echo_u16s(l: Vec<u16>) -> Vec<u16> {
        l
    }
    fn echo_s32s(l: Vec<i32>) -> Vec<i32> {
        l
    }
    fn echo_u32s(l: Vec<u32>) -> Vec<u32> {
        l
    }
    fn echo_s64s(l: Vec<i64>) -> Vec<i64> {
        l
    }
    fn echo_u64s(l: Vec<u64>) -> Vec<u64> {
        l
    }
    fn echo_f32s(l: Vec<f32>) -> Vec<f32> {
        l
    }
    fn echo_f64s(l: Vec<f64>) -> Vec<f64> {
        l
    }
    fn echo_chars(l: Vec<char>) -> Vec<char> {
        l
    }
    fn echo_strings(l: Vec<String>) -> Vec<String> {
        l
    }
    fn echo_nested(l: Vec<Vec<u32>>) -> Vec<Vec<u32>> {
        l
    }
    fn echo_pairs(l: Vec<(u8, u32)>) -> Vec<(u8, u32)> {
        l
    }
    fn echo_options(l: Vec<Option<u16>>) -> Vec<Option<u16>> {
        l
    }
    fn echo_results(l: Vec<Result<u8, String>>) -> Vec<Result<u8, String>> {
        l
    }

    fn sum_u64s(l: Vec<u64>) -> u64 {
        l.into_iter().fold(0, u64::wrapping_add)
    }

    fn count_up(n: u32) -> Vec<u32> {
        (0..n).collect()
    }

    fn total_len(l: Vec<String>) -> u64 {
        l.iter().map(|s| s.len() as u64).sum()
    }

    fn reverse_outer(mut l: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
        l.reverse();
        l
    }
}

export!(Lists);
