//! Random bytes from wasi:random (secure and insecure) and the insecure seed:
//! printed, so two hosts given the same generators print the same.

use wasip2::random::{insecure, insecure_seed, random};

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn main() {
    println!("random bytes: {}", hex(&random::get_random_bytes(16)));
    println!("random u64: {:016x}", random::get_random_u64());
    println!("insecure bytes: {}", hex(&insecure::get_insecure_random_bytes(8)));
    println!("insecure u64: {:016x}", insecure::get_insecure_random_u64());
    let (a, b) = insecure_seed::insecure_seed();
    println!("insecure seed: {a:016x} {b:016x}");
    // Two draws differ (with overwhelming probability for any real generator).
    println!(
        "draws differ: {}",
        random::get_random_bytes(16) != random::get_random_bytes(16)
    );
}
