#[derive(witbind::ComponentType)]
struct Point {
    x: u32,
}

fn main() {}
