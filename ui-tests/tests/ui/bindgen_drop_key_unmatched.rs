// `[drop]<resource>` keys name a resource the world imports.
witbind::bindgen!({
    inline: "package a:b; interface i { resource r; } world w { import i; }",
    imports: { "a:b/i/[drop]r": store, "a:b/i/[drop]s": store },
});

fn main() {}
