#[derive(witbind::ComponentType)]
#[component(variant)]
struct NotAVariant {
    a: u32,
}

fn main() {}
