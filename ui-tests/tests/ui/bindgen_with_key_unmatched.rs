witbind::bindgen!({
    inline: "package a:b; interface i { record r { x: u32 } } world w { import i; }",
    with: { "a:b/i/s": crate::S },
});

struct S;

fn main() {}
