//! Target `differential`: see `witbind_tests::fuzz::differential`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| witbind_tests::fuzz::differential::run(data));
