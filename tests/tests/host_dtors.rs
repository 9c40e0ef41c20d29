//! Host resources run their host destructor however their last handle goes: dropped by the
//! guest (`resource.drop`), or handed back to the host as a `ResourceAny` and dropped there.
//! When one Rust type backs two imported resources, a guest's drop runs the destructor of the
//! resource it names; a host drop, whose handle names only its type, is refused rather than run
//! the other import's destructor.

use std::sync::{Arc, Mutex};

use witbind::{Component, Engine, Linker, Resource, ResourceAny, Store};

struct File;

/// Imports resources `a` and `b` and functions returning a new handle of each; `pass-b`
/// returns a `b` handle to the host, `drop-b` drops one in the guest.
const GUEST: &str = r#"(component
    (import "a" (type $a (sub resource)))
    (import "b" (type $b (sub resource)))
    (import "open-a" (func $open-a (result (own $a))))
    (import "open-b" (func $open-b (result (own $b))))
    (core func $open-a-core (canon lower (func $open-a)))
    (core func $open-b-core (canon lower (func $open-b)))
    (core func $drop-a (canon resource.drop $a))
    (core func $drop-b (canon resource.drop $b))
    (core module $m
        (import "host" "open-a" (func $open-a (result i32)))
        (import "host" "open-b" (func $open-b (result i32)))
        (import "host" "drop-a" (func $drop-a (param i32)))
        (import "host" "drop-b" (func $drop-b (param i32)))
        (func (export "pass-b") (result i32) (call $open-b))
        (func (export "drop-a") (call $drop-a (call $open-a)))
        (func (export "drop-b") (call $drop-b (call $open-b))))
    (core instance $i (instantiate $m (with "host" (instance
        (export "open-a" (func $open-a-core))
        (export "open-b" (func $open-b-core))
        (export "drop-a" (func $drop-a))
        (export "drop-b" (func $drop-b))))))
    (export $b-out "b-out" (type $b))
    (func (export "pass-b") (result (own $b-out)) (canon lift (core func $i "pass-b")))
    (func (export "drop-a") (canon lift (core func $i "drop-a")))
    (func (export "drop-b") (canon lift (core func $i "drop-b"))))"#;

/// What the destructors saw: `(which resource, rep)`.
type Dropped = Arc<Mutex<Vec<(&'static str, u32)>>>;

fn instantiate(engine: &Engine, dropped: &Dropped) -> (Store<()>, witbind::Instance) {
    let component = Component::new(engine, wat::parse_str(GUEST).unwrap()).unwrap();
    let mut linker = Linker::new(engine);
    let mut root = linker.root();
    for (name, rep) in [("a", 1u32), ("b", 2u32)] {
        let dropped = dropped.clone();
        root.resource::<File>(name, move |_, rep| {
            dropped.lock().unwrap().push((name, rep));
            Ok(())
        })
        .unwrap();
        root.func_wrap(&format!("open-{name}"), move |_, (): ()| {
            Ok((Resource::<File>::new_own(rep),))
        })
        .unwrap();
    }
    let mut store = Store::new(engine, ());
    let instance = linker.instantiate(&mut store, &component).unwrap();
    (store, instance)
}

#[test]
fn the_guest_dropping_a_host_resource_runs_that_resources_destructor() {
    for engine in witbind_tests::engines() {
        let kind = engine.backend_kind();
        let dropped = Dropped::default();
        let (mut store, instance) = instantiate(&engine, &dropped);
        for name in ["drop-b", "drop-a"] {
            let f = instance.get_typed_func::<(), ()>(&mut store, name).unwrap();
            f.call(&mut store, ()).unwrap();
        }
        assert_eq!(*dropped.lock().unwrap(), [("b", 2), ("a", 1)], "{kind}");
    }
}

#[test]
fn the_host_dropping_an_ambiguous_resource_any_is_refused_and_runs_nothing() {
    for engine in witbind_tests::engines() {
        let kind = engine.backend_kind();
        let dropped = Dropped::default();
        let (mut store, instance) = instantiate(&engine, &dropped);
        let pass = instance
            .get_typed_func::<(), (ResourceAny,)>(&mut store, "pass-b")
            .unwrap();
        let (handle,) = pass.call(&mut store, ()).unwrap();
        // `File` backs both `a` and `b`, with different destructors: the handle cannot say
        // which one is its own.
        let err = instance
            .resource_drop(&mut store, handle.clone())
            .unwrap_err();
        assert!(err.to_string().contains("more than once"), "{kind}: {err}");
        assert!(dropped.lock().unwrap().is_empty(), "{kind}");
        // The host's mistake left the instance usable.
        let drop_a = instance
            .get_typed_func::<(), ()>(&mut store, "drop-a")
            .unwrap();
        drop_a.call(&mut store, ()).unwrap();
        assert_eq!(*dropped.lock().unwrap(), [("a", 1)], "{kind}");
    }
}

struct Socket;

#[test]
fn the_host_dropping_a_resource_any_runs_its_host_destructor() {
    for engine in witbind_tests::engines() {
        let kind = engine.backend_kind();
        let component = Component::new(&engine, wat::parse_str(GUEST).unwrap()).unwrap();
        let dropped = Dropped::default();
        let mut linker = Linker::new(&engine);
        let mut root = linker.root();
        let record = |name: &'static str| {
            let dropped = dropped.clone();
            move |_: witbind::StoreContextMut<'_, ()>, rep: u32| {
                dropped.lock().unwrap().push((name, rep));
                Ok(())
            }
        };
        // One Rust type per import: a handle's type names its import.
        root.resource::<File>("a", record("a")).unwrap();
        root.resource::<Socket>("b", record("b")).unwrap();
        root.func_wrap("open-a", |_, (): ()| Ok((Resource::<File>::new_own(1),)))
            .unwrap();
        root.func_wrap("open-b", |_, (): ()| Ok((Resource::<Socket>::new_own(2),)))
            .unwrap();
        let mut store = Store::new(&engine, ());
        let instance = linker.instantiate(&mut store, &component).unwrap();
        let pass = instance
            .get_typed_func::<(), (ResourceAny,)>(&mut store, "pass-b")
            .unwrap();
        let (handle,) = pass.call(&mut store, ()).unwrap();
        assert!(dropped.lock().unwrap().is_empty(), "{kind}");
        instance.resource_drop(&mut store, handle).unwrap();
        assert_eq!(*dropped.lock().unwrap(), [("b", 2)], "{kind}");
    }
}
