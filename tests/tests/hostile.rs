//! Hostile guests: components whose core code breaks Canonical ABI rules on
//! purpose. Each must surface as an `Err` carrying the right
//! [`witbind::Trap`], never a panic, and leave the other instances in the
//! store working.

use witbind::{Borrowed, Component, Engine, Instance, Linker, Resource, Store, Trap};

/// Memory and a `realloc` whose body is `$realloc` (the honest one bumps).
fn libc(realloc_body: &str) -> String {
    format!(
        r#"
  (core module $libc
    (memory (export "memory") 1)
    (global $bump (mut i32) (i32.const 1024))
    (func (export "realloc") (param i32 i32 i32 i32) (result i32)
      (local $p i32)
      {realloc_body}))
  (core instance $libc (instantiate $libc))
  (alias core export $libc "memory" (core memory $mem))
  (alias core export $libc "realloc" (core func $realloc))
"#
    )
}

const HONEST_REALLOC: &str = r#"
      ;; shrinking keeps the block; growing copies the old bytes
      (if (i32.and (i32.ne (local.get 0) (i32.const 0)) (i32.le_u (local.get 3) (local.get 1)))
        (then (return (local.get 0))))
      (local.set $p
        (i32.and
          (i32.add (global.get $bump) (i32.sub (local.get 2) (i32.const 1)))
          (i32.sub (i32.const 0) (local.get 2))))
      (global.set $bump (i32.add (local.get $p) (local.get 3)))
      (if (local.get 0) (then (memory.copy (local.get $p) (local.get 0) (local.get 1))))
      (local.get $p)"#;

/// Core functions that return broken values, lifted with various types.
const GUEST: &str = r#"
  (import "test:host/log" (instance $log
    (export "log" (func (param "msg" string)))
    (export "pair" (func (param "x" u32) (result (tuple u32 string))))))
  (alias export $log "log" (func $log-fn))
  (alias export $log "pair" (func $pair-fn))
  (core func $log-core (canon lower (func $log-fn) (memory $mem)))
  (core func $log16-core (canon lower (func $log-fn) string-encoding=utf16 (memory $mem)))
  (core func $pair-core (canon lower (func $pair-fn) (memory $mem) (realloc $realloc)))
  (core module $m
    (import "libc" "memory" (memory 1))
    (import "host" "log" (func $log (param i32 i32)))
    (import "host" "log16" (func $log16 (param i32 i32)))
    (import "host" "pair" (func $pair (param i32 i32)))
    (data (i32.const 64) "\ff\fe")
    ;; UTF-16LE: an unpaired high surrogate 0xD800
    (data (i32.const 80) "\00\d8")
    (func $pair-at (param i32 i32) (result i32)
      (i32.store (i32.const 16) (local.get 0))
      (i32.store (i32.const 20) (local.get 1))
      (i32.const 16))
    (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
    (func (export "oob-string") (result i32) (call $pair-at (i32.const 0xfff0) (i32.const 100)))
    (func (export "misaligned-retptr") (result i32) (i32.const 17))
    (func (export "oob-retptr") (result i32) (i32.const 0x7ffffff0))
    (func (export "bad-utf8") (result i32) (call $pair-at (i32.const 64) (i32.const 2)))
    (func (export "bad-utf16") (result i32) (call $pair-at (i32.const 80) (i32.const 1)))
    (func (export "huge-string") (result i32) (call $pair-at (i32.const 0) (i32.const 0x7fffffff)))
    (func (export "huge-list") (result i32) (call $pair-at (i32.const 0) (i32.const 0x10000000)))
    (func (export "misaligned-list") (result i32) (call $pair-at (i32.const 3) (i32.const 1)))
    (func (export "bad-char") (result i32) (i32.const 0xd800))
    (func (export "bad-option") (result i32)
      (i32.store8 (i32.const 32) (i32.const 7))
      (i32.const 32))
    (func (export "bad-result") (result i32)
      (i32.store8 (i32.const 32) (i32.const 2))
      (i32.const 32))
    (func (export "take") (param i32 i32) (result i32) (local.get 1))
    (func (export "log-oob") (call $log (i32.const 0xfffff0) (i32.const 32)))
    (func (export "log-bad-utf8") (call $log (i32.const 64) (i32.const 2)))
    (func (export "log-bad-utf16") (call $log16 (i32.const 80) (i32.const 1)))
    (func (export "log-misaligned-utf16") (call $log16 (i32.const 81) (i32.const 1)))
    (func (export "pair-misaligned") (call $pair (i32.const 1) (i32.const 201)))
    (func (export "pair-oob") (call $pair (i32.const 1) (i32.const 0xfffffff8))))
  (core instance $i (instantiate $m
    (with "libc" (instance $libc))
    (with "host" (instance
      (export "log" (func $log-core))
      (export "log16" (func $log16-core))
      (export "pair" (func $pair-core))))))
  (func (export "add") (param "a" u32) (param "b" u32) (result u32)
    (canon lift (core func $i "add")))
  (func (export "oob-string") (result string)
    (canon lift (core func $i "oob-string") (memory $mem)))
  (func (export "misaligned-retptr") (result string)
    (canon lift (core func $i "misaligned-retptr") (memory $mem)))
  (func (export "oob-retptr") (result string)
    (canon lift (core func $i "oob-retptr") (memory $mem)))
  (func (export "bad-utf8") (result string)
    (canon lift (core func $i "bad-utf8") (memory $mem)))
  (func (export "bad-utf16") (result string)
    (canon lift (core func $i "bad-utf16") string-encoding=utf16 (memory $mem)))
  (func (export "huge-string") (result string)
    (canon lift (core func $i "huge-string") (memory $mem)))
  (func (export "huge-list") (result (list u64))
    (canon lift (core func $i "huge-list") (memory $mem)))
  (func (export "misaligned-list") (result (list u32))
    (canon lift (core func $i "misaligned-list") (memory $mem)))
  (func (export "bad-char") (result char) (canon lift (core func $i "bad-char")))
  (func (export "bad-option") (result (option u32))
    (canon lift (core func $i "bad-option") (memory $mem)))
  (func (export "bad-result") (result (result u32 (error u32)))
    (canon lift (core func $i "bad-result") (memory $mem)))
  (func (export "take") (param "s" string) (result u32)
    (canon lift (core func $i "take") (memory $mem) (realloc $realloc)))
  (func (export "take16") (param "s" string) (result u32)
    (canon lift (core func $i "take") string-encoding=utf16 (memory $mem) (realloc $realloc)))
  (func (export "log-oob") (canon lift (core func $i "log-oob")))
  (func (export "log-bad-utf8") (canon lift (core func $i "log-bad-utf8")))
  (func (export "log-bad-utf16") (canon lift (core func $i "log-bad-utf16")))
  (func (export "log-misaligned-utf16") (canon lift (core func $i "log-misaligned-utf16")))
  (func (export "pair-misaligned") (canon lift (core func $i "pair-misaligned")))
  (func (export "pair-oob") (canon lift (core func $i "pair-oob")))
"#;

struct Host {
    engine: Engine,
    store: Store<Vec<String>>,
    linker: Linker<Vec<String>>,
}

impl Host {
    fn new(engine: &Engine) -> Self {
        let engine = engine.clone();
        let store = Store::new(&engine, Vec::new());
        let mut linker: Linker<Vec<String>> = Linker::new(&engine);
        let mut log = linker.instance("test:host/log").unwrap();
        log.func_wrap("log", |mut store, (msg,): (String,)| {
            store.data_mut().push(msg);
            Ok(())
        })
        .unwrap();
        log.func_wrap("pair", |_, (x,): (u32,)| Ok(((x, "pair".to_string()),)))
            .unwrap();
        Self {
            engine,
            store,
            linker,
        }
    }

    fn instantiate(&mut self, realloc_body: &str) -> Instance {
        let text = format!("(component {} {GUEST})", libc(realloc_body));
        let bytes = wat::parse_str(&text).expect("test WAT parses");
        let component = Component::new(&self.engine, bytes).expect("component loads");
        self.linker
            .instantiate(&mut self.store, &component)
            .unwrap_or_else(|e| panic!("{}: {e:?}", self.engine.backend_kind()))
    }

    /// Checks that another, fresh instance in the same store still works.
    fn others_still_work(&mut self) {
        let other = self.instantiate(HONEST_REALLOC);
        let add = other
            .get_typed_func::<(u32, u32), (u32,)>(&mut self.store, "add")
            .unwrap();
        assert_eq!(
            add.call(&mut self.store, (20, 22)).unwrap(),
            (42,),
            "{}",
            self.engine.backend_kind()
        );
    }
}

/// Calls the result-only export `name` of a fresh honest instance as
/// returning `R` and gives back the trap it must fail with.
fn trap_of<R: for<'a> witbind::Lift<'a> + std::fmt::Debug>(engine: &Engine, name: &str) -> Trap {
    let mut host = Host::new(engine);
    let instance = host.instantiate(HONEST_REALLOC);
    let func = instance
        .get_typed_func::<(), R>(&mut host.store, name)
        .unwrap();
    let err = func
        .call(&mut host.store, ())
        .expect_err("the call must fail");
    let trap = err
        .downcast_ref::<Trap>()
        .unwrap_or_else(|| {
            panic!(
                "{}: `{name}` failed without a witbind trap: {err:?}",
                engine.backend_kind()
            )
        })
        .clone();
    let again = func
        .call(&mut host.store, ())
        .expect_err("a trapped instance refuses calls");
    assert_eq!(
        again.downcast_ref::<Trap>(),
        Some(&Trap::InstanceTrapped),
        "{}",
        engine.backend_kind()
    );
    host.others_still_work();
    trap
}

#[test]
fn out_of_bounds_string_result() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        assert!(
            matches!(
                trap_of::<(String,)>(&engine, "oob-string"),
                Trap::OutOfBounds {
                    ptr: 0xfff0,
                    len: 100,
                    ..
                }
            ),
            "{backend}"
        );
    }
}

#[test]
fn misaligned_result_pointer() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        assert_eq!(
            trap_of::<(String,)>(&engine, "misaligned-retptr"),
            Trap::UnalignedPointer { ptr: 17, align: 4 },
            "{backend}"
        );
    }
}

#[test]
fn out_of_bounds_result_pointer() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        assert!(
            matches!(
                trap_of::<(String,)>(&engine, "oob-retptr"),
                Trap::OutOfBounds {
                    ptr: 0x7ffffff0,
                    ..
                }
            ),
            "{backend}"
        );
    }
}

#[test]
fn invalid_utf8() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        assert_eq!(
            trap_of::<(String,)>(&engine, "bad-utf8"),
            Trap::InvalidUtf8 { ptr: 64 },
            "{backend}"
        );
    }
}

#[test]
fn invalid_utf16() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        assert_eq!(
            trap_of::<(String,)>(&engine, "bad-utf16"),
            Trap::InvalidUtf16 { ptr: 80 },
            "{backend}"
        );
    }
}

#[test]
fn huge_string_length() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        assert!(
            matches!(
                trap_of::<(String,)>(&engine, "huge-string"),
                Trap::StringTooLong { .. } | Trap::OutOfBounds { .. }
            ),
            "{backend}"
        );
    }
}

#[test]
fn huge_list_length() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        assert!(
            matches!(
                trap_of::<(Vec<u64>,)>(&engine, "huge-list"),
                Trap::ListTooLong {
                    byte_length: 0x8000_0000,
                    ..
                }
            ),
            "{backend}"
        );
    }
}

#[test]
fn misaligned_list() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        assert_eq!(
            trap_of::<(Vec<u32>,)>(&engine, "misaligned-list"),
            Trap::UnalignedPointer { ptr: 3, align: 4 },
            "{backend}"
        );
    }
}

#[test]
fn invalid_char() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        assert_eq!(
            trap_of::<(char,)>(&engine, "bad-char"),
            Trap::InvalidChar(0xd800),
            "{backend}"
        );
    }
}

#[test]
fn bad_option_discriminant() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        assert_eq!(
            trap_of::<(Option<u32>,)>(&engine, "bad-option"),
            Trap::InvalidDiscriminant {
                discriminant: 7,
                cases: 2
            },
            "{backend}"
        );
    }
}

#[test]
fn bad_result_discriminant() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        assert_eq!(
            trap_of::<(Result<u32, u32>,)>(&engine, "bad-result"),
            Trap::InvalidDiscriminant {
                discriminant: 2,
                cases: 2
            },
            "{backend}"
        );
    }
}

/// Calls the parameterless export `name`, which calls a host function with
/// broken arguments, and gives back the trap.
fn import_trap_of(engine: &Engine, name: &str) -> Trap {
    let mut host = Host::new(engine);
    let instance = host.instantiate(HONEST_REALLOC);
    let func = instance
        .get_typed_func::<(), ()>(&mut host.store, name)
        .unwrap();
    let err = func
        .call(&mut host.store, ())
        .expect_err("the call must fail");
    let trap = err
        .downcast_ref::<Trap>()
        .unwrap_or_else(|| {
            panic!(
                "{}: `{name}` failed without a witbind trap: {err:?}",
                engine.backend_kind()
            )
        })
        .clone();
    assert!(
        host.store.data().is_empty(),
        "{}: the host function must not have run",
        engine.backend_kind()
    );
    host.others_still_work();
    trap
}

#[test]
fn import_argument_out_of_bounds() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        assert!(
            matches!(
                import_trap_of(&engine, "log-oob"),
                Trap::OutOfBounds { ptr: 0xfffff0, .. }
            ),
            "{backend}"
        );
    }
}

#[test]
fn import_argument_invalid_utf8() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        assert_eq!(
            import_trap_of(&engine, "log-bad-utf8"),
            Trap::InvalidUtf8 { ptr: 64 },
            "{backend}"
        );
    }
}

#[test]
fn import_argument_invalid_utf16() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        assert_eq!(
            import_trap_of(&engine, "log-bad-utf16"),
            Trap::InvalidUtf16 { ptr: 80 },
            "{backend}"
        );
    }
}

#[test]
fn import_argument_misaligned_utf16() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        assert_eq!(
            import_trap_of(&engine, "log-misaligned-utf16"),
            Trap::UnalignedPointer { ptr: 81, align: 2 },
            "{backend}"
        );
    }
}

#[test]
fn import_out_pointer_misaligned() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        assert_eq!(
            import_trap_of(&engine, "pair-misaligned"),
            Trap::UnalignedPointer { ptr: 201, align: 4 },
            "{backend}"
        );
    }
}

#[test]
fn import_out_pointer_out_of_bounds() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        assert!(
            matches!(
                import_trap_of(&engine, "pair-oob"),
                Trap::OutOfBounds {
                    ptr: 0xfffffff8,
                    ..
                }
            ),
            "{backend}"
        );
    }
}

/// Passes a string to an export of an instance whose `realloc` body is
/// `realloc_body`, and gives back the trap.
fn realloc_trap_of(engine: &Engine, realloc_body: &str, export: &str) -> Trap {
    let mut host = Host::new(engine);
    let instance = host.instantiate(realloc_body);
    let take = instance
        .get_typed_func::<(&str,), (u32,)>(&mut host.store, export)
        .unwrap();
    let err = take
        .call(&mut host.store, ("hello",))
        .expect_err("the call must fail");
    let trap = err
        .downcast_ref::<Trap>()
        .unwrap_or_else(|| {
            panic!(
                "{}: failed without a witbind trap: {err:?}",
                engine.backend_kind()
            )
        })
        .clone();
    host.others_still_work();
    trap
}

#[test]
fn lying_realloc_out_of_bounds() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        assert!(
            matches!(
                realloc_trap_of(&engine, "(i32.const 0xfffffff0)", "take"),
                Trap::InvalidReallocResult {
                    ptr: 0xfffffff0,
                    size: 5,
                    ..
                }
            ),
            "{backend}"
        );
    }
}

#[test]
fn lying_realloc_misaligned() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        assert!(
            matches!(
                realloc_trap_of(&engine, "(i32.const 1025)", "take16"),
                Trap::InvalidReallocResult {
                    ptr: 1025,
                    align: 2,
                    ..
                }
            ),
            "{backend}"
        );
    }
}

#[test]
fn trapping_realloc_surfaces_the_core_trap() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let mut host = Host::new(&engine);
        let instance = host.instantiate("unreachable");
        let take = instance
            .get_typed_func::<(&str,), (u32,)>(&mut host.store, "take")
            .unwrap();
        let err = take.call(&mut host.store, ("hello",)).unwrap_err();
        assert_eq!(
            err.downcast_ref::<witbind::Trap>(),
            Some(&witbind::Trap::Core(witbind::CoreTrap::Unreachable)),
            "{backend}: {err:?}"
        );
        host.others_still_work();
    }
}

#[test]
fn hostcall_fuel_bounds_what_a_call_moves() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let mut host = Host::new(&engine);
        let instance = host.instantiate(HONEST_REALLOC);
        let take = instance
            .get_typed_func::<(&str,), (u32,)>(&mut host.store, "take")
            .unwrap();
        host.store.set_hostcall_fuel(4);
        let err = take.call(&mut host.store, ("hello",)).unwrap_err();
        assert_eq!(
            err.downcast_ref::<Trap>(),
            Some(&Trap::HostcallFuelExhausted { limit: 4 }),
            "{backend}"
        );
        host.store.set_hostcall_fuel(1 << 20);
        host.others_still_work();
    }
}

const GUEST_RESOURCE: &str = include_str!("../wat/guest_resource.wat");
const HOST_RESOURCE: &str = include_str!("../wat/host_resource.wat");

/// Calls export `name` with `arg` on a fresh instance and returns the trap.
fn guest_trap(engine: &Engine, name: &str, setup: &[&str], arg: u32) -> Trap {
    let component = Component::new(engine, wat::parse_str(GUEST_RESOURCE).unwrap()).unwrap();
    let mut store = Store::new(engine, ());
    let linker = Linker::new(engine);
    let instance = linker.instantiate(&mut store, &component).unwrap();
    for step in setup {
        let f = instance
            .get_typed_func::<(u32,), (u32,)>(&mut store, *step)
            .unwrap();
        f.call(&mut store, (arg,)).unwrap();
    }
    let f = instance
        .get_typed_func::<(u32,), (u32,)>(&mut store, name)
        .unwrap();
    let err = f.call(&mut store, (arg,)).unwrap_err();
    let trap = err
        .downcast_ref::<Trap>()
        .unwrap_or_else(|| panic!("{}: no witbind trap: {err:?}", engine.backend_kind()))
        .clone();
    // Another instance in the same store is unaffected.
    let other = linker.instantiate(&mut store, &component).unwrap();
    let make_and_drop = other
        .get_typed_func::<(u32,), (u32,)>(&mut store, "make-and-drop")
        .unwrap();
    assert!(
        make_and_drop.call(&mut store, (1,)).is_ok(),
        "{}",
        engine.backend_kind()
    );
    trap
}

#[test]
fn a_forged_handle_traps() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        assert_eq!(
            guest_trap(&engine, "rep-of", &[], 99),
            Trap::UnknownHandle(99),
            "{backend}"
        );
    }
}

#[test]
fn a_stale_handle_traps() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        // make-and-drop(1) creates handle 1 and drops it: using it again traps.
        assert_eq!(
            guest_trap(&engine, "rep-of", &["make-and-drop"], 1),
            Trap::UnknownHandle(1),
            "{backend}"
        );
    }
}

/// The host's resource type.
struct Thing;

/// Host functions for `HOST_RESOURCE`: things are their values.
fn things_linker(engine: &Engine) -> Linker<()> {
    let mut linker: Linker<()> = Linker::new(engine);
    let mut things = linker.instance("test:host/things").unwrap();
    things.resource::<Thing>("thing", |_, _| Ok(())).unwrap();
    things
        .func_wrap("new-thing", |_, (v,): (u32,)| {
            Ok((Resource::<Thing>::new_own(v),))
        })
        .unwrap();
    things
        .func_wrap("thing-value", |_, (t,): (Borrowed<Resource<Thing>>,)| {
            Ok((t.get().rep(),))
        })
        .unwrap();
    linker
}

#[test]
fn a_forged_handle_passed_to_the_host_traps_before_the_host_runs() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let component = Component::new(&engine, wat::parse_str(HOST_RESOURCE).unwrap()).unwrap();
        let mut store = Store::new(&engine, ());
        let linker = things_linker(&engine);
        let instance = linker.instantiate(&mut store, &component).unwrap();
        let forge = instance
            .get_typed_func::<(u32,), (u32,)>(&mut store, "forge")
            .unwrap();
        let err = forge.call(&mut store, (3,)).unwrap_err();
        assert_eq!(
            err.downcast_ref::<Trap>(),
            Some(&Trap::UnknownHandle(3)),
            "{backend}"
        );
        let other = linker.instantiate(&mut store, &component).unwrap();
        let run = other
            .get_typed_func::<(u32,), (u32,)>(&mut store, "run")
            .unwrap();
        assert_eq!(run.call(&mut store, (8,)).unwrap(), (8,), "{backend}");
    }
}
