#[derive(witbind::ComponentType)]
#[component(record)]
struct Point {
    x: u32,
    #[component(name = "x")]
    y: u32,
}

fn main() {}
