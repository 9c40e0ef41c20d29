witbind::bindgen!({
    inline: "package a:b; world w {}",
    debug: false,
    debug: true,
});

fn main() {}
