//! Guest of the `bench` world: exports that do as little as their case allows, so a
//! benchmark measures the call and the moving of values rather than guest work.

wit_bindgen::generate!({ path: "../wit", world: "bench" });

use exports::witbind::guests::counters::{Guest as CountersGuest, GuestCounter};

struct Bench;

impl Guest for Bench {
    fn nop() {}

    fn scalars(a: u32, b: u64) -> f32 {
        (u64::from(a).wrapping_add(b)) as f32
    }

    #[allow(clippy::too_many_arguments)]
    fn sixteen(
        a0: u32,
        a1: u64,
        a2: f32,
        a3: f64,
        a4: u32,
        a5: u64,
        a6: f32,
        a7: f64,
        a8: u32,
        a9: u64,
        a10: f32,
        a11: f64,
        a12: u32,
        a13: u64,
        a14: f32,
        a15: f64,
    ) -> f64 {
        let ints = [a0 as f64, a1 as f64, a4 as f64, a5 as f64, a8 as f64, a9 as f64];
        let more = [a12 as f64, a13 as f64];
        let floats = [a2 as f64, a3, a6 as f64, a7, a10 as f64, a11, a14 as f64, a15];
        ints.iter().chain(&more).chain(&floats).sum()
    }

    fn echo_string(s: String) -> String {
        s
    }

    fn take_string(s: String) -> u32 {
        s.len() as u32
    }

    fn take_bytes(b: Vec<u8>) -> u32 {
        b.len() as u32
    }

    fn give_bytes(len: u32) -> Vec<u8> {
        vec![0xa5; len as usize]
    }

    fn echo_bytes(b: Vec<u8>) -> Vec<u8> {
        b
    }

    fn sum_u32s(l: Vec<u32>) -> u64 {
        l.iter().fold(0u64, |sum, &x| sum.wrapping_add(u64::from(x)))
    }

    fn echo_strings(l: Vec<String>) -> Vec<String> {
        l
    }

    fn echo_items(l: Vec<Item>) -> Vec<Item> {
        l
    }

    fn echo_shapes(l: Vec<Shape>) -> Vec<Shape> {
        l
    }

    fn call_nop_import(n: u32) {
        for _ in 0..n {
            nop();
        }
    }

    fn call_string_import(n: u32, len: u32) -> u32 {
        let s = "x".repeat(len as usize);
        (0..n).fold(0u32, |sum, _| sum.wrapping_add(take_string(&s)))
    }

    fn call_list_import(n: u32, len: u32) -> u32 {
        let l: Vec<u32> = (0..len).collect();
        (0..n).fold(0u32, |sum, _| sum.wrapping_add(take_list(&l)))
    }
}

/// The guest's `counter` resource.
struct Counter {
    value: u32,
}

impl GuestCounter for Counter {
    fn new(start: u32) -> Self {
        Counter { value: start }
    }

    fn get(&self) -> u32 {
        self.value
    }
}

impl CountersGuest for Bench {
    type Counter = Counter;
}

export!(Bench);
