witbind::bindgen!({
    inline: "package a:b; world w {}",
    wrld: "w",
});

fn main() {}
