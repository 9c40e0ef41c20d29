//! Target `lift`: see `witbind_tests::fuzz::lift`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| witbind_tests::fuzz::lift::run(data));
