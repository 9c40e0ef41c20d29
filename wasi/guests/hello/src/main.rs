//! Hello world: one line on stdout, one on stderr.

fn main() {
    println!("hello, world");
    eprintln!("hello, stderr");
}
