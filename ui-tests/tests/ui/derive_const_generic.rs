#[derive(witbind::ComponentType)]
#[component(record)]
struct Fixed<const N: usize> {
    x: u32,
}

fn main() {}
