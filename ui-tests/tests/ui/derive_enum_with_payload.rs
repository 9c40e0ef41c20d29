#[derive(witbind::ComponentType)]
#[component(enum)]
enum Color {
    Red,
    Custom(u32),
}

fn main() {}
