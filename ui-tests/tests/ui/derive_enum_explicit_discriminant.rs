#[derive(witbind::ComponentType)]
#[component(enum)]
enum Color {
    Red,
    Green = 5,
}

fn main() {}
