witbind::bindgen!({
    inline: "package a:b; world first {} world second {}",
});

fn main() {}
