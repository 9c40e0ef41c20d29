#[derive(witbind::ComponentType)]
#[component(record)]
struct Point {
    #[component(rename = "a")]
    x: u32,
}

fn main() {}
