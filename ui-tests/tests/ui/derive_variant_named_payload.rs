#[derive(witbind::ComponentType)]
#[component(variant)]
enum Shape {
    Circle { radius: f32 },
}

fn main() {}
