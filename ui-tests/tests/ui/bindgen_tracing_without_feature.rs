// What a `bindgen!` using `tracing` or `verbose_tracing` expands to, once,
// when witbind lacks its `tracing` feature (this crate's witbind has
// neither the feature nor the component host, whose items hold the
// tracing code, so the gate is invoked here directly).
witbind::__bindgen_tracing_enabled!();

fn main() {}
