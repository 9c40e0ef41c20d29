//! Guest of the `strings` world: UTF-8 string echo and transforms.

wit_bindgen::generate!({ path: "../wit", world: "strings" });

struct Strings;

impl Guest for Strings {
    fn echo(s: String) -> String {
        s
    }

    fn byte_len(s: String) -> u32 {
        u32::try_from(s.len()).unwrap_or(u32::MAX)
    }

    fn char_count(s: String) -> u32 {
        u32::try_from(s.chars().count()).unwrap_or(u32::MAX)
    }

    fn reverse_chars(s: String) -> String {
        s.chars().rev().collect()
    }

    fn repeat(s: String, n: u32) -> String {
        s.repeat(n as usize)
    }

    fn concat(a: String, b: String) -> String {
        a + &b
    }
}

export!(Strings);
