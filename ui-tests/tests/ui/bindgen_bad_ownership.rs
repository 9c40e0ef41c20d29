witbind::bindgen!({
    inline: "package a:b; world w {}",
    ownership: Borrowed,
});

fn main() {}
