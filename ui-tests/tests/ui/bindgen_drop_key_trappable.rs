// A destructor always returns `witbind::Result`.
witbind::bindgen!({
    inline: "package a:b; interface i { resource r; } world w { import i; }",
    imports: { "a:b/i/[drop]r": store | trappable },
});

fn main() {}
