witbind::bindgen!({
    inline: "package a:b; interface i { fetch: async func(url: string) -> string; } world w { export i; }",
});

fn main() {}
