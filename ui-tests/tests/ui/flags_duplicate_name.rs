witbind::flags! {
    Perms {
        const READ;
        #[component(name = "read")]
        const ALSO_READ;
    }
}

fn main() {}
