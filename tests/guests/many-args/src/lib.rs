//! Guest of the `many-args` world: more than 16 flat params, more than one flat result.

// The bindings wit-bindgen generates for wide records/signatures take many arguments.
#![allow(clippy::too_many_arguments)]

wit_bindgen::generate!({ path: "../wit", world: "many-args" });

struct ManyArgs;

impl Guest for ManyArgs {
    fn sum18(
        a0: u32,
        a1: u32,
        a2: u32,
        a3: u32,
        a4: u32,
        a5: u32,
        a6: u32,
        a7: u32,
        a8: u32,
        a9: u32,
        a10: u32,
        a11: u32,
        a12: u32,
        a13: u32,
        a14: u32,
        a15: u32,
        a16: u32,
        a17: u32,
    ) -> u32 {
        [
            a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17,
        ]
        .into_iter()
        .fold(0, u32::wrapping_add)
    }

    fn sum_mixed(
        a: u8,
        b: i8,
        c: u16,
        d: i16,
        e: u32,
        f: i32,
        g: u64,
        h: i64,
        i: f32,
        j: f64,
        k: bool,
        l: char,
        m: String,
        n: u8,
        o: u8,
        p: u8,
    ) -> i64 {
        [
            i64::from(a),
            i64::from(b),
            i64::from(c),
            i64::from(d),
            i64::from(e),
            i64::from(f),
            g as i64,
            h,
            i as i64,
            j as i64,
            i64::from(k),
            i64::from(u32::from(l)),
            m.len() as i64,
            i64::from(n),
            i64::from(o),
            i64::from(p),
        ]
        .into_iter()
        .fold(0, i64::wrapping_add)
    }

    fn join9(
        a: String,
        b: String,
        c: String,
        d: String,
        e: String,
        f: String,
        g: String,
        h: String,
        i: String,
    ) -> String {
        [a, b, c, d, e, f, g, h, i].join(",")
    }

    fn split(x: u64) -> (u32, u32, u16, u8) {
        (x as u32, (x >> 32) as u32, x as u16, x as u8)
    }
}

export!(ManyArgs);
