witbind::bindgen!({
    inline: "package a:b; interface i { f: func(); } world w { import i; }",
    imports: { default: trappable, "a:b/i/g": tracing },
});

fn main() {}
