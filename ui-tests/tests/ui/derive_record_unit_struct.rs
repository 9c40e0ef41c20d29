#[derive(witbind::ComponentType)]
#[component(record)]
struct Nothing;

fn main() {}
