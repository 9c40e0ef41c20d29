//! The spec's `may_leave`: while an instance's `realloc` or `post-return` runs, calling an
//! import or a built-in traps with `Trap::CannotLeave`, on every engine, before the host
//! function runs; the same calls outside them work.

use witbind::{Component, Engine, Instance, Linker, Store, Trap};

/// `ping` is a host import; `realloc` calls it (mode 0) or `resource.new` (mode 1) before
/// bumping; `give`'s post-return calls it; `call-ping` calls it from plain guest code.
const GUEST: &str = r#"(component
    (import "ping" (func $ping))
    (type $r (resource (rep i32)))
    (core func $ping-core (canon lower (func $ping)))
    (core func $new (canon resource.new $r))
    (core module $m
        (import "host" "ping" (func $ping))
        (import "host" "new" (func $new (param i32) (result i32)))
        (memory (export "memory") 1)
        (global $bump (mut i32) (i32.const 1024))
        (global $mode (mut i32) (i32.const 0))
        (func (export "realloc") (param i32 i32 i32 i32) (result i32)
            (local $p i32)
            (if (global.get $mode)
                (then (drop (call $new (i32.const 7))))
                (else (call $ping)))
            (local.set $p (global.get $bump))
            (global.set $bump (i32.add (local.get $p) (local.get 3)))
            (local.get $p))
        (func (export "set-mode") (param i32) (global.set $mode (local.get 0)))
        (func (export "take") (param i32 i32) (result i32) (local.get 1))
        (func (export "give") (result i32)
            (i32.store (i32.const 16) (i32.const 32))
            (i32.store (i32.const 20) (i32.const 0))
            (i32.const 16))
        (func (export "post") (param i32) (call $ping))
        (func (export "call-ping") (call $ping)))
    (core instance $i (instantiate $m (with "host" (instance
        (export "ping" (func $ping-core))
        (export "new" (func $new))))))
    (alias core export $i "memory" (core memory $mem))
    (alias core export $i "realloc" (core func $realloc))
    (alias core export $i "post" (core func $post))
    (func (export "set-mode") (param "mode" u32) (canon lift (core func $i "set-mode")))
    (func (export "take") (param "s" string) (result u32)
        (canon lift (core func $i "take") (memory $mem) (realloc $realloc)))
    (func (export "give") (result string)
        (canon lift (core func $i "give") (memory $mem) (post-return $post)))
    (func (export "call-ping") (canon lift (core func $i "call-ping"))))"#;

struct Guest {
    store: Store<u32>,
    engine: Engine,
    component: Component,
}

impl Guest {
    fn new(engine: &Engine) -> Self {
        Guest {
            store: Store::new(engine, 0),
            engine: engine.clone(),
            component: Component::new(engine, wat::parse_str(GUEST).unwrap()).unwrap(),
        }
    }

    /// A new instance whose `ping` counts in the store's data.
    fn instance(&mut self) -> Instance {
        let mut linker = Linker::new(&self.engine);
        linker
            .root()
            .func_wrap("ping", |mut store, (): ()| {
                *store.data_mut() += 1;
                Ok(())
            })
            .unwrap();
        linker
            .instantiate(&mut self.store, &self.component)
            .unwrap()
    }
}

/// Asserts that a call trapped with `Trap::CannotLeave`.
fn cannot_leave(engine: &Engine, result: witbind::Result<impl std::fmt::Debug>) {
    let kind = engine.backend_kind();
    let err = result.unwrap_err();
    assert_eq!(
        err.downcast_ref::<Trap>(),
        Some(&Trap::CannotLeave),
        "{kind}: {err:?}"
    );
}

#[test]
fn realloc_and_post_return_may_not_call_out() {
    for engine in witbind_tests::engines() {
        let kind = engine.backend_kind();
        let mut guest = Guest::new(&engine);

        // Plain guest code may call the import.
        let plain = guest.instance();
        let call_ping = plain
            .get_typed_func::<(), ()>(&mut guest.store, "call-ping")
            .unwrap();
        call_ping.call(&mut guest.store, ()).unwrap();
        assert_eq!(*guest.store.data(), 1, "{kind}");

        // realloc calling an import, while the host lowers a string into it.
        let instance = guest.instance();
        let take = instance
            .get_typed_func::<(&str,), (u32,)>(&mut guest.store, "take")
            .unwrap();
        cannot_leave(&engine, take.call(&mut guest.store, ("hello",)));
        assert_eq!(*guest.store.data(), 1, "{kind}: the import did not run");

        // realloc calling a built-in.
        let instance = guest.instance();
        let set_mode = instance
            .get_typed_func::<(u32,), ()>(&mut guest.store, "set-mode")
            .unwrap();
        set_mode.call(&mut guest.store, (1,)).unwrap();
        let take = instance
            .get_typed_func::<(&str,), (u32,)>(&mut guest.store, "take")
            .unwrap();
        cannot_leave(&engine, take.call(&mut guest.store, ("hello",)));

        // post-return calling an import.
        let instance = guest.instance();
        let give = instance
            .get_typed_func::<(), (String,)>(&mut guest.store, "give")
            .unwrap();
        cannot_leave(&engine, give.call(&mut guest.store, ()));
        assert_eq!(*guest.store.data(), 1, "{kind}: the import did not run");

        // The first instance still calls out as before.
        call_ping.call(&mut guest.store, ()).unwrap();
        assert_eq!(*guest.store.data(), 2, "{kind}");
    }
}
