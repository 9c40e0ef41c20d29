//! Clocks: `Instant` never goes back, `sleep` waits at least as long as
//! asked, and `SystemTime` is after 2020. Prints facts, not times.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

fn main() {
    let start = Instant::now();
    let again = Instant::now();
    println!("monotonic: {}", again >= start);
    std::thread::sleep(Duration::from_millis(50));
    let slept = start.elapsed();
    println!("slept at least 50ms: {}", slept >= Duration::from_millis(50));
    println!("slept less than 5s: {}", slept < Duration::from_secs(5));
    let now = SystemTime::now().duration_since(UNIX_EPOCH).expect("after the epoch");
    println!("wall clock after 2020: {}", now.as_secs() > 1_577_836_800);
}
