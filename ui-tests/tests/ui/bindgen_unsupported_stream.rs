witbind::bindgen!({
    inline: "package a:b; interface i { read: func() -> stream<u8>; } world w { import i; }",
});

fn main() {}
