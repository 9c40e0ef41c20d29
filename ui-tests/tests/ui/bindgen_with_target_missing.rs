witbind::bindgen!({
    inline: "package a:b; interface i { record r { x: u32 } } world w { import i; }",
    with: { "a:b/i/r": crate::does_not_exist::R },
});

fn main() {}
