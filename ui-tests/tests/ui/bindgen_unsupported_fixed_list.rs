witbind::bindgen!({
    inline: "package a:b; interface i { type block = list<u8, 16>; } world w { import i; }",
});

fn main() {}
