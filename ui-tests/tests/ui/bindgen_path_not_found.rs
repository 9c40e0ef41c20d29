witbind::bindgen!({
    path: "no/such/dir",
});

fn main() {}
