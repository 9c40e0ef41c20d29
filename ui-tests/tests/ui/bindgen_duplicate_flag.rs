witbind::bindgen!({
    inline: "package a:b; interface i { f: func(); } world w { import i; }",
    imports: { default: store | tracing | store },
});

fn main() {}
