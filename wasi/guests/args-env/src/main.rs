//! Prints its arguments, its environment (sorted) and its working directory.

fn main() {
    for (i, arg) in std::env::args().enumerate() {
        println!("arg {i}: {arg}");
    }
    let mut vars: Vec<(String, String)> = std::env::vars().collect();
    vars.sort();
    for (key, value) in vars {
        println!("env {key}={value}");
    }
    match std::env::current_dir() {
        Ok(dir) => println!("cwd: {}", dir.display()),
        Err(e) => println!("cwd: error {:?}", e.kind()),
    }
}
