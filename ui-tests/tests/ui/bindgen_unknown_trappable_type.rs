witbind::bindgen!({
    inline: "package a:b; interface i { enum err { bad } } world w { import i; }",
    trappable_error_type: { "a:b/i/error": MyError },
});

struct MyError;

fn main() {}
