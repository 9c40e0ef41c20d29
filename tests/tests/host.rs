//! The component host end to end, on small components written in WAT:
//! exports and imports, strings through memory, spilling, type checks,
//! traps, poisoning and re-entrance.

use std::sync::{Arc, Mutex, OnceLock};

use witbind::{Component, Engine, Linker, Store, Trap, TypedFunc};

/// A core module providing memory and a bump `realloc` that counts calls.
const LIBC: &str = r#"
  (core module $libc
    (memory (export "memory") 1)
    (global $bump (mut i32) (i32.const 1024))
    (func (export "realloc") (param i32 i32 i32 i32) (result i32)
      (local $p i32)
      ;; shrinking keeps the block; growing copies the old bytes
      (if (i32.and (i32.ne (local.get 0) (i32.const 0)) (i32.le_u (local.get 3) (local.get 1)))
        (then (return (local.get 0))))
      (local.set $p
        (i32.and
          (i32.add (global.get $bump) (i32.sub (local.get 2) (i32.const 1)))
          (i32.sub (i32.const 0) (local.get 2))))
      (global.set $bump (i32.add (local.get $p) (local.get 3)))
      (if (local.get 0) (then (memory.copy (local.get $p) (local.get 0) (local.get 1))))
      (local.get $p)))
  (core instance $libc (instantiate $libc))
  (alias core export $libc "memory" (core memory $mem))
  (alias core export $libc "realloc" (core func $realloc))
"#;

fn component(engine: &Engine, body: &str) -> Component {
    let text = format!("(component {LIBC} {body})");
    let bytes = wat::parse_str(&text).expect("test WAT parses");
    Component::new(engine, bytes).expect("component loads")
}

const EXPORTS: &str = r#"
  (core module $m
    (import "libc" "memory" (memory 1))
    (global $posts (mut i32) (i32.const 0))
    (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
    (func (export "echo") (param i32 i32) (result i32)
      (i32.store (i32.const 16) (local.get 0))
      (i32.store (i32.const 20) (local.get 1))
      (i32.const 16))
    ;; post-return clobbers the returned (ptr, len): results must be lifted before it runs
    (func (export "post") (param i32)
      (i64.store (local.get 0) (i64.const 0))
      (global.set $posts (i32.add (global.get $posts) (i32.const 1))))
    (func (export "posts") (result i32) (global.get $posts))
    (func (export "lens") (param i32) (result i32)
      (local $i i32) (local $s i32)
      ;; the 9 spilled strings are (ptr, len) pairs: sum the lengths
      (block $done (loop $l
        (br_if $done (i32.eq (local.get $i) (i32.const 9)))
        (local.set $s (i32.add (local.get $s)
          (i32.load offset=4 (i32.add (local.get 0) (i32.mul (local.get $i) (i32.const 8))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l)))
      (local.get $s))
    (func (export "boom") (result i32) unreachable))
  (core instance $i (instantiate $m (with "libc" (instance $libc))))
  (alias core export $i "post" (core func $post))
  (func (export "add") (param "a" u32) (param "b" u32) (result u32)
    (canon lift (core func $i "add")))
  (func (export "echo") (param "s" string) (result string)
    (canon lift (core func $i "echo") (memory $mem) (realloc $realloc) (post-return $post)))
  (func (export "posts") (result u32) (canon lift (core func $i "posts")))
  (func (export "echo16") (param "s" string) (result string)
    (canon lift (core func $i "echo") string-encoding=utf16 (memory $mem) (realloc $realloc)))
  (func (export "echo-compact") (param "s" string) (result string)
    (canon lift (core func $i "echo") string-encoding=latin1+utf16 (memory $mem) (realloc $realloc)))
  (func (export "boom") (result u32) (canon lift (core func $i "boom")))
  (func (export "lens")
    (param "a" string) (param "b" string) (param "c" string) (param "d" string)
    (param "e" string) (param "f" string) (param "g" string) (param "h" string)
    (param "i" string) (result u32)
    (canon lift (core func $i "lens") (memory $mem) (realloc $realloc)))
"#;

#[test]
fn scalar_export_adds() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let c = component(&engine, EXPORTS);
        let mut store = Store::new(&engine, ());
        let instance = Linker::new(&engine).instantiate(&mut store, &c).unwrap();
        let add = instance
            .get_typed_func::<(u32, u32), (u32,)>(&mut store, "add")
            .unwrap();
        assert_eq!(add.call(&mut store, (2, 40)).unwrap(), (42,), "{backend}");
        assert_eq!(
            add.call(&mut store, (u32::MAX, 2)).unwrap(),
            (1,),
            "{backend}"
        );
    }
}

#[test]
fn string_round_trips_and_post_return_runs_after_lifting() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let c = component(&engine, EXPORTS);
        let mut store = Store::new(&engine, ());
        let instance = Linker::new(&engine).instantiate(&mut store, &c).unwrap();
        let echo = instance
            .get_typed_func::<(&str,), (String,)>(&mut store, "echo")
            .unwrap();
        let posts = instance
            .get_typed_func::<(), (u32,)>(&mut store, "posts")
            .unwrap();
        assert_eq!(
            echo.call(&mut store, ("héllo",)).unwrap(),
            ("héllo".to_string(),),
            "{backend}"
        );
        assert_eq!(
            echo.call(&mut store, ("",)).unwrap(),
            (String::new(),),
            "{backend}"
        );
        assert_eq!(posts.call(&mut store, ()).unwrap(), (2,), "{backend}");
    }
}

#[test]
fn strings_cross_in_all_three_encodings() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let c = component(&engine, EXPORTS);
        let mut store = Store::new(&engine, ());
        let instance = Linker::new(&engine).instantiate(&mut store, &c).unwrap();
        for name in ["echo", "echo16", "echo-compact"] {
            let echo = instance
                .get_typed_func::<(&str,), (String,)>(&mut store, name)
                .unwrap();
            for text in ["plain ascii", "latin-1: café", "beyond: 日本語 🎉", ""] {
                assert_eq!(
                    echo.call(&mut store, (text,)).unwrap().0,
                    text,
                    "{backend}: {name}"
                );
            }
        }
    }
}

#[test]
fn more_than_sixteen_flat_params_spill_through_realloc() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let c = component(&engine, EXPORTS);
        let mut store = Store::new(&engine, ());
        let instance = Linker::new(&engine).instantiate(&mut store, &c).unwrap();
        type Nine<'a> = (
            &'a str,
            &'a str,
            &'a str,
            &'a str,
            &'a str,
            &'a str,
            &'a str,
            &'a str,
            &'a str,
        );
        let lens = instance
            .get_typed_func::<Nine<'_>, (u32,)>(&mut store, "lens")
            .unwrap();
        let args = ("a", "bb", "ccc", "", "é", "ff", "g", "hhhh", "12345678");
        assert_eq!(
            lens.call(&mut store, args).unwrap(),
            (1 + 2 + 3 + 2 + 2 + 1 + 4 + 8,),
            "{backend}"
        );
    }
}

#[test]
fn wrong_rust_types_are_named_in_the_error() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let c = component(&engine, EXPORTS);
        let mut store = Store::new(&engine, ());
        let instance = Linker::new(&engine).instantiate(&mut store, &c).unwrap();
        let err = instance
            .get_typed_func::<(u64, u32), (u32,)>(&mut store, "add")
            .unwrap_err();
        let text = format!("{err:#}");
        assert!(text.contains("u64"), "{backend}: {text}");
        assert!(
            text.contains("func(a: u32, b: u32) -> u32"),
            "{backend}: {text}"
        );
        let err = instance
            .get_typed_func::<(), ()>(&mut store, "nope")
            .unwrap_err();
        assert!(format!("{err:#}").contains("nope"), "{backend}");
    }
}

#[test]
fn a_guest_trap_is_an_error_and_poisons_only_its_instance() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let c = component(&engine, EXPORTS);
        let mut store = Store::new(&engine, ());
        let linker = Linker::new(&engine);
        let bad = linker.instantiate(&mut store, &c).unwrap();
        let good = linker.instantiate(&mut store, &c).unwrap();
        let boom = bad
            .get_typed_func::<(), (u32,)>(&mut store, "boom")
            .unwrap();
        let err = boom.call(&mut store, ()).unwrap_err();
        assert_eq!(
            err.downcast_ref::<witbind::Trap>(),
            Some(&witbind::Trap::Core(witbind::CoreTrap::Unreachable)),
            "{backend}: {err:?}"
        );
        let add_bad = bad
            .get_typed_func::<(u32, u32), (u32,)>(&mut store, "add")
            .unwrap();
        let err = add_bad.call(&mut store, (1, 2)).unwrap_err();
        assert_eq!(
            err.downcast_ref::<Trap>(),
            Some(&Trap::InstanceTrapped),
            "{backend}"
        );
        let add_good = good
            .get_typed_func::<(u32, u32), (u32,)>(&mut store, "add")
            .unwrap();
        assert_eq!(
            add_good.call(&mut store, (1, 2)).unwrap(),
            (3,),
            "{backend}"
        );
    }
}

const IMPORTS: &str = r#"
  (import "double" (func $double (param "x" u32) (result u32)))
  (import "test:host/log" (instance $log
    (export "log" (func (param "msg" string)))
    (export "pair" (func (param "x" u32) (result (tuple u32 string))))))
  (alias export $log "log" (func $log-fn))
  (alias export $log "pair" (func $pair-fn))
  (core func $double-core (canon lower (func $double)))
  (core func $log-core (canon lower (func $log-fn) (memory $mem)))
  (core func $pair-core (canon lower (func $pair-fn) (memory $mem) (realloc $realloc)))
  (core module $m
    (import "host" "double" (func $double (param i32) (result i32)))
    (import "host" "log" (func $log (param i32 i32)))
    (import "host" "pair" (func $pair (param i32 i32)))
    (import "libc" "memory" (memory 1))
    (data (i32.const 100) "hi from wasm")
    (func (export "run") (param i32) (result i32)
      (call $log (i32.const 100) (i32.const 12))
      ;; pair(x) writes (u32, string) at 200; return double(first) + string length
      (call $pair (local.get 0) (i32.const 200))
      (i32.add
        (call $double (i32.load (i32.const 200)))
        (i32.load (i32.const 208)))))
  (core instance $i (instantiate $m
    (with "host" (instance
      (export "double" (func $double-core))
      (export "log" (func $log-core))
      (export "pair" (func $pair-core))))
    (with "libc" (instance $libc))))
  (func (export "run") (param "x" u32) (result u32) (canon lift (core func $i "run")))
"#;

fn define_imports(linker: &mut Linker<Vec<String>>) {
    linker
        .root()
        .func_wrap("double", |_, (x,): (u32,)| Ok((x * 2,)))
        .unwrap();
    let mut log = linker.instance("test:host/log").unwrap();
    log.func_wrap("log", |mut store, (msg,): (String,)| {
        store.data_mut().push(msg);
        Ok(())
    })
    .unwrap();
    log.func_wrap("pair", |_, (x,): (u32,)| Ok(((x + 1, "abcd".to_string()),)))
        .unwrap();
}

#[test]
fn host_functions_get_arguments_and_return_through_the_out_pointer() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let c = component(&engine, IMPORTS);
        let mut store = Store::new(&engine, Vec::new());
        let mut linker = Linker::new(&engine);
        define_imports(&mut linker);
        let instance = linker.instantiate(&mut store, &c).unwrap();
        let run = instance
            .get_typed_func::<(u32,), (u32,)>(&mut store, "run")
            .unwrap();
        // pair(5) = (6, "abcd"): double(6) + 4
        assert_eq!(run.call(&mut store, (5,)).unwrap(), (16,), "{backend}");
        assert_eq!(store.data(), &["hi from wasm".to_string()], "{backend}");
    }
}

#[test]
fn missing_and_mistyped_imports_are_named() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let c = component(&engine, IMPORTS);
        let mut store = Store::new(&engine, Vec::new());
        let mut linker: Linker<Vec<String>> = Linker::new(&engine);
        linker
            .root()
            .func_wrap("double", |_, (x,): (u32,)| Ok((x,)))
            .unwrap();
        // Every missing import is named, with its interface.
        let err = format!("{:#}", linker.instantiate(&mut store, &c).unwrap_err());
        assert!(
            err.contains("interface `test:host/log`: `log` (function), `pair` (function)"),
            "{backend}: {err}"
        );

        let mut wrong: Linker<Vec<String>> = Linker::new(&engine);
        wrong
            .root()
            .func_wrap("double", |_, (x,): (u64,)| Ok((x,)))
            .unwrap();
        let mut log = wrong.instance("test:host/log").unwrap();
        log.func_wrap("log", |_, (_,): (String,)| Ok(())).unwrap();
        log.func_wrap("pair", |_, (x,): (u32,)| Ok(((x, String::new()),)))
            .unwrap();
        let err = wrong.instantiate(&mut store, &c).unwrap_err();
        let text = format!("{err:#}");
        assert!(
            text.contains("double") && text.contains("u64") && text.contains("u32"),
            "{backend}: {text}"
        );
    }
}

#[test]
fn a_host_error_comes_back_unchanged_and_poisons_the_instance() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let c = component(&engine, IMPORTS);
        let mut store = Store::new(&engine, Vec::new());
        let mut linker = Linker::new(&engine);
        define_imports(&mut linker);
        let mut failing: Linker<Vec<String>> = Linker::new(&engine);
        failing
            .root()
            .func_wrap("double", |_, (_,): (u32,)| -> witbind::Result<(u32,)> {
                Err(anyhow::Error::new(Trap::HandleTableFull))
            })
            .unwrap();
        let mut log = failing.instance("test:host/log").unwrap();
        log.func_wrap("log", |_, (_,): (String,)| Ok(())).unwrap();
        log.func_wrap("pair", |_, (x,): (u32,)| Ok(((x, String::new()),)))
            .unwrap();
        let instance = failing.instantiate(&mut store, &c).unwrap();
        let run = instance
            .get_typed_func::<(u32,), (u32,)>(&mut store, "run")
            .unwrap();
        let err = run.call(&mut store, (1,)).unwrap_err();
        assert_eq!(
            err.downcast_ref::<Trap>(),
            Some(&Trap::HandleTableFull),
            "{backend}: {err:?}"
        );
        let err = run.call(&mut store, (1,)).unwrap_err();
        assert_eq!(
            err.downcast_ref::<Trap>(),
            Some(&Trap::InstanceTrapped),
            "{backend}"
        );
    }
}

#[test]
fn reentering_an_instance_from_a_host_function_traps() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let c = component(&engine, IMPORTS);
        let mut store = Store::new(&engine, Vec::new());
        let reentry: Arc<OnceLock<TypedFunc<(u32,), (u32,)>>> = Arc::new(OnceLock::new());
        let seen = Arc::new(Mutex::new(None));
        let mut linker: Linker<Vec<String>> = Linker::new(&engine);
        {
            let reentry = reentry.clone();
            let seen = seen.clone();
            linker
                .root()
                .func_wrap(
                    "double",
                    move |mut store, (x,): (u32,)| -> witbind::Result<(u32,)> {
                        let run = reentry.get().expect("set before the call");
                        let err = run.call(&mut store, (x,)).unwrap_err();
                        *seen.lock().unwrap() = err.downcast_ref::<Trap>().cloned();
                        Err(err)
                    },
                )
                .unwrap();
            let mut log = linker.instance("test:host/log").unwrap();
            log.func_wrap("log", |_, (_,): (String,)| Ok(())).unwrap();
            log.func_wrap("pair", |_, (x,): (u32,)| Ok(((x, String::new()),)))
                .unwrap();
        }
        let instance = linker.instantiate(&mut store, &c).unwrap();
        let run = instance
            .get_typed_func::<(u32,), (u32,)>(&mut store, "run")
            .unwrap();
        reentry.set(run.clone()).unwrap();
        let err = run.call(&mut store, (1,)).unwrap_err();
        assert_eq!(*seen.lock().unwrap(), Some(Trap::Reentered), "{backend}");
        assert_eq!(
            err.downcast_ref::<Trap>(),
            Some(&Trap::Reentered),
            "{backend}"
        );
    }
}

#[test]
fn invalid_binaries_fail_at_load() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let err = Component::new(&engine, b"\0asm garbage").unwrap_err();
        assert!(
            format!("{err:#}").contains("invalid component"),
            "{backend}: {err:#}"
        );
    }
}

#[test]
fn dynamic_funcs_call_with_vals_and_spill_like_typed_ones() {
    use witbind::Val;
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let c = component(&engine, EXPORTS);
        let mut store = Store::new(&engine, ());
        let instance = Linker::new(&engine).instantiate(&mut store, &c).unwrap();
        let echo = instance.get_func(&mut store, "echo").unwrap();
        assert_eq!(echo.params(), &[witbind::Type::String], "{backend}");
        let mut results = [Val::Bool(false)];
        echo.call(&mut store, &[Val::String("dyn ✓".into())], &mut results)
            .unwrap();
        assert!(
            matches!(&results[0], Val::String(s) if s == "dyn ✓"),
            "{backend}"
        );

        let lens = instance.get_func(&mut store, "lens").unwrap();
        let args: Vec<Val> = ["a", "bb", "ccc", "", "é", "ff", "g", "hhhh", "12345678"]
            .iter()
            .map(|s| Val::String(s.to_string()))
            .collect();
        lens.call(&mut store, &args, &mut results).unwrap();
        assert!(matches!(results[0], Val::U32(23)), "{backend}: {results:?}");

        // A value of the wrong type is refused before the guest runs, so the
        // instance stays usable.
        let err = lens
            .call(&mut store, &[Val::U32(1)], &mut results)
            .unwrap_err();
        assert!(
            format!("{err:#}").contains("9 parameters"),
            "{backend}: {err:#}"
        );
        let err = echo
            .call(&mut store, &[Val::U32(1)], &mut results)
            .unwrap_err();
        assert!(format!("{err:#}").contains("string"), "{backend}: {err:#}");
        echo.call(
            &mut store,
            &[Val::String("still fine".into())],
            &mut results,
        )
        .unwrap();
        assert!(
            matches!(&results[0], Val::String(s) if s == "still fine"),
            "{backend}"
        );
    }
}

#[test]
fn dynamic_host_functions_serve_any_import_type() {
    use witbind::Val;
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let c = component(&engine, IMPORTS);
        let mut store = Store::new(&engine, Vec::new());
        let mut linker: Linker<Vec<String>> = Linker::new(&engine);
        linker
            .root()
            .func_new("double", |_, ty, params, results| {
                // Each function receives its import's type.
                assert_eq!(ty.to_string(), "func(x: u32) -> u32");
                match params {
                    [Val::U32(x)] => results[0] = Val::U32(x * 2),
                    other => anyhow::bail!("unexpected {other:?}"),
                }
                Ok(())
            })
            .unwrap();
        let mut log = linker.instance("test:host/log").unwrap();
        log.func_new("log", |mut store, ty, params, results| {
            assert_eq!(ty.to_string(), "func(msg: string)");
            assert!(results.is_empty());
            if let [Val::String(s)] = params {
                store.data_mut().push(s.clone());
            }
            Ok(())
        })
        .unwrap();
        log.func_new("pair", |_, ty, params, results| {
            assert_eq!(ty.to_string(), "func(x: u32) -> tuple<u32, string>");
            match params {
                [Val::U32(x)] => {
                    results[0] = Val::Tuple(vec![Val::U32(x + 1), Val::String("abcd".into())]);
                }
                other => anyhow::bail!("unexpected {other:?}"),
            }
            Ok(())
        })
        .unwrap();
        let instance = linker.instantiate(&mut store, &c).unwrap();
        let run = instance
            .get_typed_func::<(u32,), (u32,)>(&mut store, "run")
            .unwrap();
        assert_eq!(run.call(&mut store, (5,)).unwrap(), (16,), "{backend}");
        assert_eq!(store.data(), &["hi from wasm".to_string()], "{backend}");
    }
}

#[test]
fn a_dynamic_host_function_returning_the_wrong_type_traps_the_call() {
    use witbind::Val;
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let c = component(&engine, IMPORTS);
        let mut store = Store::new(&engine, Vec::new());
        let mut linker: Linker<Vec<String>> = Linker::new(&engine);
        linker
            .root()
            .func_new("double", |_, _, _, results| {
                results[0] = Val::String("not a u32".into());
                Ok(())
            })
            .unwrap();
        let mut log = linker.instance("test:host/log").unwrap();
        log.func_wrap("log", |_, (_,): (String,)| Ok(())).unwrap();
        log.func_wrap("pair", |_, (x,): (u32,)| Ok(((x, String::new()),)))
            .unwrap();
        let instance = linker.instantiate(&mut store, &c).unwrap();
        let run = instance
            .get_typed_func::<(u32,), (u32,)>(&mut store, "run")
            .unwrap();
        assert!(run.call(&mut store, (5,)).is_err(), "{backend}");
        let err = run.call(&mut store, (5,)).unwrap_err();
        assert_eq!(
            err.downcast_ref::<Trap>(),
            Some(&Trap::InstanceTrapped),
            "{backend}"
        );
    }
}

#[test]
fn handles_from_another_store_are_refused_without_panicking() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let c = component(&engine, EXPORTS);
        let linker = Linker::new(&engine);
        let mut first = Store::new(&engine, ());
        let mut second = Store::new(&engine, ());
        let a = linker.instantiate(&mut first, &c).unwrap();
        let b = linker.instantiate(&mut second, &c).unwrap();
        let add = a
            .get_typed_func::<(u32, u32), (u32,)>(&mut first, "add")
            .unwrap();
        let err = add.call(&mut second, (1, 2)).unwrap_err();
        assert!(
            format!("{err:#}").contains("another store"),
            "{backend}: {err:#}"
        );
        assert!(
            b.get_typed_func::<(u32, u32), (u32,)>(&mut first, "add")
                .is_err(),
            "{backend}"
        );
        // Both stores still work.
        assert_eq!(add.call(&mut first, (1, 2)).unwrap(), (3,), "{backend}");
        let add_b = b
            .get_typed_func::<(u32, u32), (u32,)>(&mut second, "add")
            .unwrap();
        assert_eq!(add_b.call(&mut second, (2, 2)).unwrap(), (4,), "{backend}");
    }
}
