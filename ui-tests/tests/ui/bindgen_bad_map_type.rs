witbind::bindgen!({
    inline: "package a:b; interface i { type index = map<string, u32>; } world w { import i; }",
    map_type: IndexMap,
});

fn main() {}
