#[derive(witbind::ComponentType)]
#[component(variant)]
enum Never {}

fn main() {}
