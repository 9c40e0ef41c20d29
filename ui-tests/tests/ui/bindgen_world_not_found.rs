witbind::bindgen!({
    inline: "package a:b; world first {}",
    world: "frist",
});

fn main() {}
