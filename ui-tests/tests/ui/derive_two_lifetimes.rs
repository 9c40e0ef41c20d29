#[derive(witbind::ComponentType)]
#[component(record)]
struct Views<'a, 'b> {
    a: witbind::WasmStr<'a>,
    b: witbind::WasmStr<'b>,
}

fn main() {}
