witbind::flags! {
    Nothing {}
}

fn main() {}
