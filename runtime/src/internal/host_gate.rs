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

/// Keeps the tracing statements of `bindgen!`'s output (its `tracing` and
/// `verbose_tracing` flags) when witbind has its `tracing` feature.
#[cfg(feature = "tracing")]
#[doc(hidden)]
#[macro_export]
macro_rules! __bindgen_traced {
    ($($statements:tt)*) => { $($statements)* };
}

/// Without the `tracing` feature the statements go, and
/// [`__bindgen_tracing_enabled!`] reports why, once.
#[cfg(not(feature = "tracing"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __bindgen_traced {
    ($($statements:tt)*) => {};
}

/// Placed once in the output of a `bindgen!` that uses `tracing` or
/// `verbose_tracing`: nothing with witbind's `tracing` feature.
#[cfg(feature = "tracing")]
#[doc(hidden)]
#[macro_export]
macro_rules! __bindgen_tracing_enabled {
    () => {};
}

/// Without the `tracing` feature, the error that says how to get it.
#[cfg(not(feature = "tracing"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __bindgen_tracing_enabled {
    () => {
        ::core::compile_error!(
            "`bindgen!`'s `tracing` and `verbose_tracing` flags need witbind's `tracing` \
             feature: enable it in Cargo.toml (`witbind = { features = [\"tracing\"] }`)"
        );
    };
}
