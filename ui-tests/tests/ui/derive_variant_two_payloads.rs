#[derive(witbind::ComponentType)]
#[component(variant)]
enum Shape {
    Point,
    Rect(f32, f32),
}

fn main() {}
