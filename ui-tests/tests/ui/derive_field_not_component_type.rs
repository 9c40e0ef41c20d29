#[derive(witbind::ComponentType, witbind::Lift, witbind::Lower)]
#[component(record)]
struct Timed {
    id: u32,
    elapsed: std::time::Duration,
}

fn main() {}
