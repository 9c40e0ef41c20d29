#[derive(witbind::ComponentType)]
#[component(variant)]
enum Shape {
    FooBar(u8),
    #[component(name = "foo-bar")]
    Other,
}

fn main() {}
