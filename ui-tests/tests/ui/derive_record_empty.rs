#[derive(witbind::ComponentType)]
#[component(record)]
struct Empty {}

fn main() {}
