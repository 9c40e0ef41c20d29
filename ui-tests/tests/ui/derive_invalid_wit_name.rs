#[derive(witbind::ComponentType)]
#[component(record)]
struct Point {
    #[component(name = "Not_Kebab")]
    x: u32,
}

fn main() {}
