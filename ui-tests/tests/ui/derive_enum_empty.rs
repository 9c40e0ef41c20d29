#[derive(witbind::ComponentType)]
#[component(enum)]
enum Never {}

fn main() {}
