// `store`, `trappable` and `exact` shape host functions and their
// registration: exports have neither.
witbind::bindgen!({
    inline: "package a:b; world w { export f: func(); }",
    exports: { default: tracing, "f": verbose_tracing | store },
});

fn main() {}
