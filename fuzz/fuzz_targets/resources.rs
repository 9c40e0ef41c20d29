//! Target `resources`: see `witbind_tests::fuzz::resources`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| witbind_tests::fuzz::resources::run(data));
