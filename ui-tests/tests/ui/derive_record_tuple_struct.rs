#[derive(witbind::ComponentType, witbind::Lift, witbind::Lower)]
#[component(record)]
struct Point(u32, u32);

fn main() {}
