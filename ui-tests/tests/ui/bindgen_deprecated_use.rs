#![deny(deprecated)]

witbind::bindgen!({
    inline: "package a:b@1.2.0;
        @since(version = 1.0.0)
        interface i {
            @since(version = 1.0.0)
            @deprecated(version = 1.2.0)
            record old-config { depth: u8 }
        }
        world w { import i; }",
});

fn main() {
    let _ = a::b::i::OldConfig { depth: 1 };
}
