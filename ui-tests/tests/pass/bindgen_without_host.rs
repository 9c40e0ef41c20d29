// Without witbind's component host (no `wasmtime` feature), `bindgen!`
// still generates the types of a world with imports, exports and
// resources; only the host side is left out.

mod bindings {
    witbind::bindgen!({
        inline: "
            package t:nohost;
            interface api {
                resource thing { constructor(n: u32); get: func() -> u32; }
                record point { x: u32, y: u32 }
                f: func(s: string, p: point) -> list<point>;
            }
            world w { import api; export api; import g: func() -> u32; export h: func(s: string); }
        ",
        // The host-side flags need neither the host nor `tracing` when the
        // host side is left out.
        imports: { default: store | trappable | exact | verbose_tracing },
        exports: { default: tracing },
        additional_derives: [Eq],
    });
}

fn main() {
    let p = bindings::t::nohost::api::Point { x: 1, y: 2 };
    assert_eq!(p.clone(), p);
}
