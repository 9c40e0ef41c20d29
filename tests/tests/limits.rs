//! A guest that never returns can be stopped: by fuel on every engine, and by an epoch
//! deadline on wasmtime. The trap names the cause, poisons only the instance that ran out,
//! and the store's other instances keep working.

use std::time::Duration;

use witbind::{BackendKind, Component, Config, CoreTrap, Engine, Instance, Linker, Store, Trap};

/// `spin` loops forever; `answer` returns 42.
const SPINNER: &str = r#"(component
    (core module $m
        (func (export "spin") (loop $forever (br $forever)))
        (func (export "answer") (result i32) i32.const 42))
    (core instance $i (instantiate $m))
    (func (export "spin") (canon lift (core func $i "spin")))
    (func (export "answer") (result u32) (canon lift (core func $i "answer"))))"#;

fn instantiate(engine: &Engine, store: &mut Store<()>) -> Instance {
    let component = Component::new(engine, wat::parse_str(SPINNER).unwrap()).unwrap();
    Linker::new(engine).instantiate(store, &component).unwrap()
}

fn core_trap(err: &witbind::Error) -> Option<CoreTrap> {
    match err.downcast_ref::<Trap>() {
        Some(Trap::Core(trap)) => Some(*trap),
        _ => None,
    }
}

fn answer(store: &mut Store<()>, instance: Instance) -> witbind::Result<u32> {
    let answer = instance.get_typed_func::<(), (u32,)>(&mut *store, "answer")?;
    Ok(answer.call(store, ())?.0)
}

#[test]
fn fuel_stops_an_endless_guest_on_every_engine() {
    for kind in Engine::available_backends() {
        let engine = Engine::new(Config::new().backend(*kind).consume_fuel(true)).unwrap();
        let mut store = Store::new(&engine, ());
        store.set_fuel(100_000).unwrap();
        let spinner = instantiate(&engine, &mut store);
        let other = instantiate(&engine, &mut store);

        let spin = spinner
            .get_typed_func::<(), ()>(&mut store, "spin")
            .unwrap();
        let err = spin.call(&mut store, ()).unwrap_err();
        assert_eq!(
            core_trap(&err),
            Some(CoreTrap::OutOfFuel),
            "{kind}: {err:?}"
        );
        assert_eq!(store.fuel().unwrap(), 0, "{kind}");

        // The store stays usable: with fuel again, the other instance answers, and the one
        // that ran out refuses further calls.
        store.set_fuel(100_000).unwrap();
        assert_eq!(answer(&mut store, other).unwrap(), 42, "{kind}");
        let err = answer(&mut store, spinner).unwrap_err();
        assert_eq!(
            err.downcast_ref::<Trap>(),
            Some(&Trap::InstanceTrapped),
            "{kind}: {err:?}"
        );
        assert!(
            store.fuel().unwrap() < 100_000,
            "{kind}: the answer burnt fuel"
        );
    }
}

#[test]
fn fuel_needs_an_engine_that_consumes_it() {
    for engine in witbind_tests::engines() {
        let mut store = Store::new(&engine, ());
        let err = store.set_fuel(10).unwrap_err();
        assert!(format!("{err}").contains("consume_fuel"), "{err}");
        assert!(store.fuel().is_err());
    }
}

#[test]
fn an_epoch_deadline_interrupts_an_endless_guest_on_wasmtime() {
    // Fuel is the backstop: were the deadline ignored, the call would end out of fuel (a
    // failed assertion) rather than hang the test.
    let mut config = Config::new();
    config
        .backend(BackendKind::Wasmtime)
        .epoch_interruption(true)
        .consume_fuel(true);
    let engine = Engine::new(&config).unwrap();
    let mut store = Store::new(&engine, ());
    store.set_fuel(u64::MAX / 4).unwrap();
    let spinner = instantiate(&engine, &mut store);
    let other = instantiate(&engine, &mut store);

    // A new store's guests run without a deadline.
    assert_eq!(answer(&mut store, other).unwrap(), 42);

    store.set_epoch_deadline(1).unwrap();
    let ticker = {
        let engine = engine.clone();
        std::thread::spawn(move || {
            for _ in 0..100 {
                std::thread::sleep(Duration::from_millis(20));
                engine.increment_epoch().unwrap();
            }
        })
    };
    let spin = spinner
        .get_typed_func::<(), ()>(&mut store, "spin")
        .unwrap();
    let err = spin.call(&mut store, ()).unwrap_err();
    assert_eq!(core_trap(&err), Some(CoreTrap::Interrupted), "{err:?}");
    ticker.join().unwrap();

    store.set_epoch_deadline(1_000).unwrap();
    assert_eq!(answer(&mut store, other).unwrap(), 42);
}

#[test]
fn epochs_are_refused_where_the_engine_has_none() {
    let err = Engine::new(
        Config::new()
            .backend(BackendKind::Wasmi)
            .epoch_interruption(true),
    )
    .unwrap_err();
    assert!(format!("{err}").contains("consume_fuel"), "{err}");
    let engine = Engine::default();
    assert!(engine.increment_epoch().is_err());
    let mut store = Store::new(&engine, ());
    let err = store.set_epoch_deadline(1).unwrap_err();
    assert!(format!("{err}").contains("epoch_interruption"), "{err}");
}

/// `make(n)` creates `n` handles of the component's own resource and keeps them.
const HANDLE_MAKER: &str = r#"(component
    (type $r (resource (rep i32)))
    (core func $new (canon resource.new $r))
    (core module $m
        (import "" "new" (func $new (param i32) (result i32)))
        (func (export "make") (param $n i32)
            (loop $again
                (drop (call $new (local.get $n)))
                (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                (br_if $again (local.get $n)))))
    (core instance $i (instantiate $m (with "" (instance (export "new" (func $new))))))
    (func (export "make") (param "n" u32) (canon lift (core func $i "make"))))"#;

fn make_handles(engine: &Engine, store: &mut Store<()>, n: u32) -> witbind::Result<()> {
    let component = Component::new(engine, wat::parse_str(HANDLE_MAKER).unwrap()).unwrap();
    let instance = Linker::new(engine).instantiate(&mut *store, &component)?;
    let make = instance.get_typed_func::<(u32,), ()>(&mut *store, "make")?;
    make.call(store, (n,))
}

#[test]
fn a_guest_creating_handles_in_a_loop_hits_the_stores_bound() {
    for engine in witbind_tests::engines() {
        let kind = engine.backend_kind();
        let mut store = Store::new(&engine, ());
        assert_eq!(store.max_handles(), witbind::DEFAULT_MAX_HANDLES);
        store.set_max_handles(10);
        assert_eq!(store.max_handles(), 10);
        make_handles(&engine, &mut store, 10).unwrap();
        let err = make_handles(&engine, &mut store, 11).unwrap_err();
        assert_eq!(
            err.downcast_ref::<Trap>(),
            Some(&Trap::HandleTableFull),
            "{kind}: {err:?}"
        );

        // Without a bound set, the default stops an endless loop.
        let mut store = Store::new(&engine, ());
        let err = make_handles(&engine, &mut store, u32::MAX).unwrap_err();
        assert_eq!(
            err.downcast_ref::<Trap>(),
            Some(&Trap::HandleTableFull),
            "{kind}: {err:?}"
        );

        // The spec's bound caps any larger setting.
        store.set_max_handles(u32::MAX);
        assert_eq!(store.max_handles(), (1 << 28) - 1);
    }
}

/// `grow(pages)` is `memory.grow` on a memory of one page: the old size in pages, or -1.
const GROWER: &str = r#"(component
    (core module $m
        (memory 1)
        (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))
    (core instance $i (instantiate $m))
    (func (export "grow") (param "pages" u32) (result s32) (canon lift (core func $i "grow"))))"#;

#[test]
fn store_limits_bound_memory_and_instances_on_every_engine() {
    const PAGE: usize = 65536;
    for engine in witbind_tests::engines() {
        let kind = engine.backend_kind();
        let component = Component::new(&engine, wat::parse_str(GROWER).unwrap()).unwrap();
        let linker = Linker::new(&engine);
        let mut store = Store::new(&engine, ());
        store.set_limits(witbind::StoreLimits {
            memory_size: Some(2 * PAGE),
            component_instances: Some(2),
            ..Default::default()
        });
        let instance = linker.instantiate(&mut store, &component).unwrap();
        let grow = instance
            .get_typed_func::<(u32,), (i32,)>(&mut store, "grow")
            .unwrap();
        assert_eq!(grow.call(&mut store, (1,)).unwrap(), (1,), "{kind}");
        // A third page is past the bound: the guest sees the spec's failure.
        assert_eq!(grow.call(&mut store, (1,)).unwrap(), (-1,), "{kind}");
        assert_eq!(grow.call(&mut store, (0x7fff,)).unwrap(), (-1,), "{kind}");

        linker.instantiate(&mut store, &component).unwrap();
        let err = linker.instantiate(&mut store, &component).unwrap_err();
        assert!(
            format!("{err}").contains("component_instances"),
            "{kind}: {err}"
        );

        // The engine's count of core instances bounds the same way.
        let mut store = Store::new(&engine, ());
        store.set_limits(witbind::StoreLimits {
            core_instances: Some(1),
            ..Default::default()
        });
        linker.instantiate(&mut store, &component).unwrap();
        assert!(
            linker.instantiate(&mut store, &component).is_err(),
            "{kind}"
        );
    }
}
