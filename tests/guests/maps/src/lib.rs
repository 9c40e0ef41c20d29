//! Guest of the `maps` world: maps and fixed-length lists, echoed, looked up, converted and
//! passed to a host import.

wit_bindgen::generate!({ path: "../wit", world: "maps" });

use std::collections::BTreeMap;
// wit-bindgen 0.61 calls `WitMap` methods in world-level functions without
// importing the trait there.
#[allow(unused_imports)]
use wit_bindgen::rt::WitMap;

struct Maps;

impl Guest for Maps {
    fn echo_counts(m: BTreeMap<String, u32>) -> BTreeMap<String, u32> {
        m
    }
    fn echo_wide(m: BTreeMap<u64, Vec<u8>>) -> BTreeMap<u64, Vec<u8>> {
        m
    }
    fn echo_chars(m: BTreeMap<char, Option<i16>>) -> BTreeMap<char, Option<i16>> {
        m
    }
    fn echo_bools(m: BTreeMap<bool, String>) -> BTreeMap<bool, String> {
        m
    }
    fn echo_nested(
        m: BTreeMap<i8, BTreeMap<String, f64>>,
    ) -> BTreeMap<i8, BTreeMap<String, f64>> {
        m
    }
    fn get(m: BTreeMap<String, u32>, key: String) -> Option<u32> {
        m.get(&key).copied()
    }
    fn entries(m: BTreeMap<i32, String>) -> Vec<(i32, String)> {
        m.into_iter().collect()
    }
    fn from_pairs(l: Vec<(String, u32)>) -> BTreeMap<String, u32> {
        l.into_iter().collect()
    }
    fn echo_inventory(i: Inventory) -> Inventory {
        i
    }
    fn echo_fixed(l: [u32; 4]) -> [u32; 4] {
        l
    }
    fn echo_matrix(m: [[f32; 3]; 2]) -> [[f32; 3]; 2] {
        m
    }
    fn echo_names(l: [String; 3]) -> [String; 3] {
        l
    }
    fn reverse_fixed(mut l: [u64; 5]) -> [u64; 5] {
        l.reverse();
        l
    }
    fn total_via_host(m: BTreeMap<String, u32>) -> u64 {
        let entries = m.len() as u64;
        total(&m) + entries
    }
}

export!(Maps);
