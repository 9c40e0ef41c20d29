#[derive(witbind::ComponentType)]
#[component(record)]
struct Point {
    #[component(name = "a")]
    #[component(name = "b")]
    x: u32,
}

fn main() {}
