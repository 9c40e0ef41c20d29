#[derive(witbind::ComponentType)]
#[component(record)]
enum NotARecord {
    A,
}

fn main() {}
