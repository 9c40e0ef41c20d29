// `ignore_wit` was accepted once and did nothing; it is no flag now.
witbind::bindgen!({
    inline: "package a:b; interface i { f: func(); } world w { import i; }",
    imports: { default: ignore_wit },
});

fn main() {}
