witbind::bindgen!({
    inline: "package a:b@1.0.0;
        interface i {
            @unstable(feature = fancy)
            sparkle: func() -> u32;
        }
        world w { import i; }",
    imports: { "a:b/i/sparkle": trappable },
});

fn main() {}
