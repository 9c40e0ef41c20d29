witbind::bindgen!({
    inline: "package a:b; interface i { record r { f: future<u32> } variant v { e(error-context) } } world w { import i; }",
});

fn main() {}
