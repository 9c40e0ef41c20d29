//! One component definition instantiated twice inside a component: each
//! component instance owns its own handle tables (the spec's per-instance
//! tables), so both number their handles from 1, as in wasmtime.

use witbind::{Component, Linker, Store};

/// `$inner` defines a resource and exports `make`, which creates one and
/// returns the handle's index; the outer component instantiates it twice
/// and exports both `make`s.
const TWICE: &str = r#"(component
    (component $inner
        (type $r (resource (rep i32)))
        (core func $new (canon resource.new $r))
        (core module $m
            (import "" "new" (func $new (param i32) (result i32)))
            (func (export "make") (result i32) i32.const 42 call $new))
        (core instance $i (instantiate $m (with "" (instance (export "new" (func $new))))))
        (func (export "make") (result u32) (canon lift (core func $i "make"))))
    (instance $a (instantiate $inner))
    (instance $b (instantiate $inner))
    (export "make-a" (func $a "make"))
    (export "make-b" (func $b "make"))
)"#;

fn witbind_handles(engine: &witbind::Engine) -> Vec<u32> {
    let component = Component::new(engine, wat::parse_str(TWICE).unwrap()).unwrap();
    let mut store = Store::new(engine, ());
    let instance = Linker::new(engine)
        .instantiate(&mut store, &component)
        .unwrap();
    ["make-a", "make-b", "make-a", "make-b"]
        .iter()
        .map(|name| {
            let f = instance
                .get_typed_func::<(), (u32,)>(&mut store, *name)
                .unwrap();
            f.call(&mut store, ()).unwrap().0
        })
        .collect()
}

fn wasmtime_handles() -> Vec<u32> {
    let engine = wasmtime::Engine::default();
    let component =
        wasmtime::component::Component::new(&engine, wat::parse_str(TWICE).unwrap()).unwrap();
    let mut store = wasmtime::Store::new(&engine, ());
    let instance = wasmtime::component::Linker::new(&engine)
        .instantiate(&mut store, &component)
        .unwrap();
    ["make-a", "make-b", "make-a", "make-b"]
        .iter()
        .map(|name| {
            let f = instance
                .get_typed_func::<(), (u32,)>(&mut store, *name)
                .unwrap();
            let (handle,) = f.call(&mut store, ()).unwrap();
            handle
        })
        .collect()
}

#[test]
fn each_instance_of_a_nested_component_has_its_own_handle_table() {
    let expected = wasmtime_handles();
    assert_eq!(expected, [1, 1, 2, 2], "wasmtime's numbering");
    for engine in witbind_tests::engines() {
        assert_eq!(
            witbind_handles(&engine),
            expected,
            "{}",
            engine.backend_kind()
        );
    }
}
