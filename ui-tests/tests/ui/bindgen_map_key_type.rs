witbind::bindgen!({
    inline: "package a:b; interface i { type index = map<f32, u32>; } world w { import i; }",
});

fn main() {}
