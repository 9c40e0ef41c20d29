//! Target `component`: see `witbind_tests::fuzz::binary`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| witbind_tests::fuzz::binary::run(data));
