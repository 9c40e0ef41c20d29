#[derive(witbind::ComponentType, witbind::Lift, witbind::Lower)]
#[component(record)]
struct View<'a> {
    name: witbind::WasmStr<'a>,
}

fn main() {}
