//! Ends as its arguments say: `ok` returns from main (code 0); `std-exit N`
//! calls `std::process::exit(N)` (WASI 0.2.0's `exit` carries only success
//! or failure, so any N but 0 ends with code 1); `exit-with-code N` calls
//! `wasi:cli/exit.exit-with-code(N)` (code N); `panic` panics (a trap, the
//! message on stderr).

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    println!("exit: {}", args.join(" "));
    let code = || args.get(1).and_then(|c| c.parse().ok()).unwrap_or(2);
    match args.first().map(String::as_str) {
        Some("ok") => {}
        Some("std-exit") => std::process::exit(code().into()),
        Some("exit-with-code") => wasip2::cli::exit::exit_with_code(code()),
        Some("panic") => panic!("the guest panics on purpose"),
        _ => std::process::exit(2),
    }
}
