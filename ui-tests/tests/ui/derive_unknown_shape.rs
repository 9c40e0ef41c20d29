#[derive(witbind::ComponentType)]
#[component(struct)]
struct Point {
    x: u32,
}

fn main() {}
