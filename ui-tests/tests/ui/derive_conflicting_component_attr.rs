#[derive(witbind::ComponentType)]
#[component(record)]
#[component(variant)]
struct Point {
    x: u32,
}

fn main() {}
