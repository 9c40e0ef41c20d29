//! Guest of the `numbers` world: echoes and wrapping sums of every scalar type.

wit_bindgen::generate!({ path: "../wit", world: "numbers" });

struct Numbers;

impl Guest for Numbers {
    fn echo_bool(x: bool) -> bool {
        x
    }
    fn echo_s8(x: i8) -> i8 {
        x
    }
    fn echo_u8(x: u8) -> u8 {
        x
    }
    fn echo_s16(x: i16) -> i16 {
        x
    }
    fn echo_u16(x: u16) -> u16 {
        x
    }
    fn echo_s32(x: i32) -> i32 {
        x
    }
    fn echo_u32(x: u32) -> u32 {
        x
    }
    fn echo_s64(x: i64) -> i64 {
        x
    }
    fn echo_u64(x: u64) -> u64 {
        x
    }
    fn echo_f32(x: f32) -> f32 {
        x
    }
    fn echo_f64(x: f64) -> f64 {
        x
    }
    fn echo_char(x: char) -> char {
        x
    }
    fn negate_bool(x: bool) -> bool {
        !x
    }
    fn add_s8(a: i8, b: i8) -> i8 {
        a.wrapping_add(b)
    }
    fn add_u8(a: u8, b: u8) -> u8 {
        a.wrapping_add(b)
    }
    fn add_s16(a: i16, b: i16) -> i16 {
        a.wrapping_add(b)
    }
    fn add_u16(a: u16, b: u16) -> u16 {
        a.wrapping_add(b)
    }
    fn add_s32(a: i32, b: i32) -> i32 {
        a.wrapping_add(b)
    }
    fn add_u32(a: u32, b: u32) -> u32 {
        a.wrapping_add(b)
    }
    fn add_s64(a: i64, b: i64) -> i64 {
        a.wrapping_add(b)
    }
    fn add_u64(a: u64, b: u64) -> u64 {
        a.wrapping_add(b)
    }
    fn add_f32(a: f32, b: f32) -> f32 {
        a + b
    }
    fn add_f64(a: f64, b: f64) -> f64 {
        a + b
    }
    fn char_to_u32(c: char) -> u32 {
        u32::from(c)
    }
    fn u32_to_char(x: u32) -> Option<char> {
        char::from_u32(x)
    }
}

export!(Numbers);
