//! `__bindgen_host_items!`: the switch that keeps or drops the host side of
//! `bindgen!`'s output with the `host` feature (enabled by either engine feature).

/// Keeps the host side of `bindgen!`'s output (traits, `add_to_linker`,
/// call wrappers, which name `witbind::Linker` and friends) when witbind
/// has its component host (the `wasmtime` or `wasmi` feature), and drops it when it
/// does not, so the generated types still compile there.
#[cfg(feature = "host")]
#[doc(hidden)]
#[macro_export]
macro_rules! __bindgen_host_items {
    ($($items:tt)*) => { $($items)* };
}

/// Without the component host, `bindgen!` generates types only.
#[cfg(not(feature = "host"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __bindgen_host_items {
    ($($items:tt)*) => {};
}
