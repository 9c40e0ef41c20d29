witbind::bindgen!({
    inline: "package a:b;\ninterface i {\n  record r { x: u32 y: u32 }\n}\nworld w { import i; }",
});

fn main() {}
