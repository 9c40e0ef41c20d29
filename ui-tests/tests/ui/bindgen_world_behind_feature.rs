witbind::bindgen!({
    inline: "package a:b;
        @unstable(feature = fancy)
        world w { import f: func(); }",
});

fn main() {}
