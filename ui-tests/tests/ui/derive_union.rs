#[derive(witbind::ComponentType)]
#[component(record)]
union Bits {
    a: u32,
    b: f32,
}

fn main() {}
