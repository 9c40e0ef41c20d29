//! Calls between sub-components (fused adapters): strings crossing every
//! pair of encodings, handles moved and lent between instances with
//! destructors run by the defining instance, and the traps adapters
//! raise. Every case runs on both engines and on wasmtime's component
//! model, which must agree.

use std::sync::{Arc, Mutex};

use witbind::{Component, Linker, Store, Trap};

/// A core module exporting a memory and a bump `realloc`: shrinking keeps
/// the block, growing moves it (copying the old bytes).
const LIBC: &str = r#"(core module $libc
    (memory (export "mem") 1)
    (global $bump (mut i32) (i32.const 1024))
    (func (export "realloc") (param $old i32) (param $old_size i32)
        (param $align i32) (param $size i32) (result i32)
      (local $p i32)
      (if (i32.and (i32.ne (local.get $old) (i32.const 0))
                   (i32.le_u (local.get $size) (local.get $old_size)))
        (then (return (local.get $old))))
      global.get $bump
      local.get $align i32.add i32.const 1 i32.sub
      i32.const 0 local.get $align i32.sub i32.and
      local.tee $p
      local.get $size i32.add global.set $bump
      (memory.copy (local.get $p) (local.get $old) (local.get $old_size))
      local.get $p))"#;

/// A caller component forwarding `run(s)` to a sibling callee's
/// `echo(s)` (the spec forbids calls between a component and its own
/// ancestors, so composed components are siblings); the caller uses
/// `outer` as its string encoding, the callee `inner`. `echo` returns its
/// argument unchanged, or, with `tamper`, corrupts its result's pointer or
/// bytes.
fn strings_component(outer: &str, inner: &str, tamper: &str) -> String {
    format!(
        r#"(component
    (component $callee
        {LIBC}
        (core instance $libc (instantiate $libc))
        (core module $m
            (import "libc" "mem" (memory 1))
            (func (export "echo") (param i32 i32) (result i32)
                i32.const 8 local.get 0 i32.store
                i32.const 12 local.get 1 i32.store
                {tamper}
                i32.const 8))
        (core instance $i (instantiate $m (with "libc" (instance $libc))))
        (func (export "echo") (param "s" string) (result string)
            (canon lift (core func $i "echo") (memory (core memory $libc "mem"))
                (realloc (core func $libc "realloc")) string-encoding={inner})))
    (component $caller
        (import "echo" (func $echo (param "s" string) (result string)))
        {LIBC}
        (core instance $libc (instantiate $libc))
        (core func $echo (canon lower (func $echo) (memory (core memory $libc "mem"))
            (realloc (core func $libc "realloc")) string-encoding={outer}))
        (core module $m
            (import "" "echo" (func $echo (param i32 i32 i32)))
            (func (export "run") (param i32 i32) (result i32)
                local.get 0 local.get 1 i32.const 16 call $echo
                i32.const 16))
        (core instance $o (instantiate $m (with "" (instance (export "echo" (func $echo))))))
        (func (export "run") (param "s" string) (result string)
            (canon lift (core func $o "run") (memory (core memory $libc "mem"))
                (realloc (core func $libc "realloc")) string-encoding={outer})))
    (instance $callee (instantiate $callee))
    (instance $caller (instantiate $caller (with "echo" (func $callee "echo"))))
    (export "run" (func $caller "run"))
)"#
    )
}

const ENCODINGS: [&str; 3] = ["utf8", "utf16", "latin1+utf16"];

/// Strings with ASCII only, latin1, the BMP beyond latin1, and astral
/// characters (surrogate pairs in UTF-16).
const STRINGS: [&str; 5] = [
    "",
    "hello",
    "café crème brûlée",
    "snow ☃ and κόσμε",
    "clef 𝄞 and 🦀, with é",
];

fn witbind_call(engine: &witbind::Engine, wat: &str, args: &[&str]) -> Vec<Result<String, String>> {
    let component = Component::new(engine, wat::parse_str(wat).unwrap()).unwrap();
    let mut store = Store::new(engine, ());
    let instance = Linker::new(engine)
        .instantiate(&mut store, &component)
        .unwrap();
    let run = instance
        .get_typed_func::<(&str,), (String,)>(&mut store, "run")
        .unwrap();
    args.iter()
        .map(|arg| match run.call(&mut store, (arg,)) {
            Ok((s,)) => Ok(s),
            Err(e) => {
                let trap = e.downcast_ref::<Trap>().cloned();
                Err(format!("{trap:?}: {e:#}"))
            }
        })
        .collect()
}

fn wasmtime_call(wat: &str, args: &[&str]) -> Vec<Result<String, String>> {
    use wasmtime::component;
    let engine = wasmtime::Engine::default();
    let component = component::Component::new(&engine, wat::parse_str(wat).unwrap()).unwrap();
    let mut store = wasmtime::Store::new(&engine, ());
    let instance = component::Linker::new(&engine)
        .instantiate(&mut store, &component)
        .unwrap();
    let run = instance
        .get_typed_func::<(&str,), (String,)>(&mut store, "run")
        .unwrap();
    args.iter()
        .map(|arg| match run.call(&mut store, (arg,)) {
            Ok((s,)) => Ok(s),
            Err(e) => Err(format!("{e:?}")),
        })
        .collect()
}

#[test]
fn strings_cross_every_pair_of_encodings_unchanged() {
    for outer in ENCODINGS {
        for inner in ENCODINGS {
            let wat = strings_component(outer, inner, "");
            let expected: Vec<_> = STRINGS.iter().map(|s| Ok(s.to_string())).collect();
            assert_eq!(
                wasmtime_call(&wat, &STRINGS),
                expected,
                "wasmtime, {outer} -> {inner}"
            );
            for engine in witbind_tests::engines() {
                let got = witbind_call(&engine, &wat, &STRINGS);
                assert_eq!(
                    got,
                    expected,
                    "{} {outer} -> {inner}",
                    engine.backend_kind()
                );
            }
        }
    }
}

/// The trap each engine reports for `run("abc")` of a component whose
/// inner `echo` tampers with its result.
fn tampered(outer: &str, inner: &str, tamper: &str) -> (String, Vec<Option<Trap>>) {
    tampered_with(outer, inner, tamper, "abc")
}

/// The trap each engine reports for `run(arg)` of a component whose inner
/// `echo` tampers with its result.
fn tampered_with(outer: &str, inner: &str, tamper: &str, arg: &str) -> (String, Vec<Option<Trap>>) {
    let wat = strings_component(outer, inner, tamper);
    let oracle = wasmtime_call(&wat, &[arg]).remove(0).unwrap_err();
    let ours = witbind_tests::engines()
        .iter()
        .map(|engine| {
            let component = Component::new(engine, wat::parse_str(&wat).unwrap()).unwrap();
            let mut store = Store::new(engine, ());
            let linker = Linker::new(engine);
            let instance = linker.instantiate(&mut store, &component).unwrap();
            let run = instance
                .get_typed_func::<(&str,), (String,)>(&mut store, "run")
                .unwrap();
            let trap = run
                .call(&mut store, (arg,))
                .unwrap_err()
                .downcast_ref::<Trap>()
                .cloned();
            // The store stays usable: a fresh instance runs (an empty
            // string survives both tamperings).
            let fresh = linker.instantiate(&mut store, &component).unwrap();
            let run = fresh
                .get_typed_func::<(&str,), (String,)>(&mut store, "run")
                .unwrap();
            assert_eq!(run.call(&mut store, ("",)).unwrap().0, "");
            trap
        })
        .collect();
    (oracle, ours)
}

#[test]
fn a_callee_returning_a_string_outside_its_memory_traps_cleanly() {
    // The result's pointer moved to the end of the 64 KiB memory.
    let tamper = "i32.const 8 i32.const 65534 i32.store";
    let pairs = [
        ("utf8", "utf8"),
        ("utf16", "utf16"),
        ("latin1+utf16", "latin1+utf16"),
        ("utf16", "utf8"),
        ("utf8", "utf16"),
    ];
    for (outer, inner) in pairs {
        let (oracle, ours) = tampered(outer, inner, tamper);
        assert!(oracle.contains("out-of-bounds"), "{oracle}");
        for trap in ours {
            assert!(
                matches!(trap, Some(Trap::BetweenComponents { cause }) if cause.contains("string")),
                "{outer} -> {inner}: {trap:?}"
            );
        }
    }
}

#[test]
fn a_callee_returning_invalid_text_traps_with_its_encoding() {
    // The first byte of the result becomes 0xff: invalid UTF-8, and (as
    // the low byte of the first code unit) still valid UTF-16, so only
    // the UTF-8 callee is caught.
    let tamper = "i32.const 8 i32.load i32.const 0xff i32.store8";
    for outer in ENCODINGS {
        let (oracle, ours) = tampered(outer, "utf8", tamper);
        assert!(oracle.contains("utf8"), "{outer}: {oracle}");
        for trap in ours {
            assert!(
                matches!(trap, Some(Trap::InvalidUtf8 { .. })),
                "{outer}: {trap:?}"
            );
        }
    }
    // A lone surrogate in a UTF-16 callee's result.
    let tamper = "i32.const 8 i32.load i32.const 0xd800 i32.store16";
    for outer in ["utf8", "latin1+utf16"] {
        let (oracle, ours) = tampered(outer, "utf16", tamper);
        assert!(oracle.contains("utf16"), "{outer}: {oracle}");
        for trap in ours {
            assert!(
                matches!(trap, Some(Trap::InvalidUtf16 { .. })),
                "{outer}: {trap:?}"
            );
        }
    }
}

/// Strings between instances of one encoding are copied in wasm when the
/// engine compiles wasm, eight bytes at a time then one by one, and by the
/// host otherwise or when a character is not ASCII: every length around
/// those steps, and a wider character at every kind of position, arrive
/// unchanged on both engines and in wasmtime.
#[test]
fn same_encoding_copies_keep_every_length_and_character() {
    let mut strings = Vec::new();
    for len in [0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 200] {
        let ascii = "x".repeat(len);
        for wide in ["é", "☃", "🦀"] {
            for at in [0, len / 2, len.saturating_sub(1)] {
                if at < len {
                    strings.push(format!("{}{wide}{}", &ascii[..at], &ascii[at + 1..]));
                }
            }
        }
        strings.push(ascii);
    }
    let strings: Vec<&str> = strings.iter().map(String::as_str).collect();
    let expected: Vec<_> = strings.iter().map(|s| Ok(s.to_string())).collect();
    for encoding in ENCODINGS {
        let wat = strings_component(encoding, encoding, "");
        assert_eq!(
            wasmtime_call(&wat, &strings),
            expected,
            "wasmtime {encoding}"
        );
        for engine in witbind_tests::engines() {
            let got = witbind_call(&engine, &wat, &strings);
            assert_eq!(got, expected, "{} {encoding}", engine.backend_kind());
        }
    }
}

/// A callee corrupting one code unit of its result, in the first word, in
/// a later word or in the tail of the copy's scan, traps as invalid text
/// in the same encoding on both sides.
#[test]
fn same_encoding_copies_catch_a_bad_unit_anywhere() {
    let arg = "abcdefghijklmnopqrst";
    for at in [0, 7, 8, 9, 16, 19] {
        let tamper =
            format!("i32.const 8 i32.load i32.const {at} i32.add i32.const 0xff i32.store8");
        let (oracle, ours) = tampered_with("utf8", "utf8", &tamper, arg);
        assert!(oracle.contains("utf8"), "{at}: {oracle}");
        for trap in ours {
            assert!(
                matches!(trap, Some(Trap::InvalidUtf8 { .. })),
                "{at}: {trap:?}"
            );
        }
        let at = at * 2;
        let tamper =
            format!("i32.const 8 i32.load i32.const {at} i32.add i32.const 0xdc00 i32.store16");
        let (oracle, ours) = tampered_with("utf16", "utf16", &tamper, arg);
        assert!(oracle.contains("utf16"), "{at}: {oracle}");
        for trap in ours {
            assert!(
                matches!(trap, Some(Trap::InvalidUtf16 { .. })),
                "{at}: {trap:?}"
            );
        }
    }
}

/// `$d` defines a resource whose destructor logs its rep through the
/// host; `$k` receives borrows of it and either drops them (`look`) or
/// keeps them (`keep`); `$c` makes one through `$d`, asks `$d` for its
/// rep and `$k` to look at it, and drops it. The three are siblings.
const RESOURCES: &str = r#"(component
    (import "log" (func $log (param "x" u32)))
    (component $d
        (import "log" (func $log (param "x" u32)))
        (core func $log (canon lower (func $log)))
        (core module $dtor
            (import "" "log" (func $log (param i32)))
            (func (export "dtor") (param i32) local.get 0 call $log))
        (core instance $dtor (instantiate $dtor (with "" (instance (export "log" (func $log))))))
        (type $r (resource (rep i32) (dtor (core func $dtor "dtor"))))
        (core func $new (canon resource.new $r))
        (core module $m
            (import "" "new" (func $new (param i32) (result i32)))
            (func (export "make") (param i32) (result i32) local.get 0 call $new)
            (func (export "rep") (param i32) (result i32) local.get 0))
        (core instance $i (instantiate $m (with "" (instance (export "new" (func $new))))))
        (export $r2 "r" (type $r))
        (func (export "make") (param "rep" u32) (result (own $r2))
            (canon lift (core func $i "make")))
        (func (export "rep") (param "r" (borrow $r2)) (result u32)
            (canon lift (core func $i "rep"))))
    (component $k
        (import "r" (type $r (sub resource)))
        (core func $drop (canon resource.drop $r))
        (core module $m
            (import "" "drop" (func $drop (param i32)))
            (func (export "look") (param i32) (result i32) local.get 0 call $drop local.get 0)
            (func (export "keep") (param i32) (result i32) local.get 0))
        (core instance $i (instantiate $m (with "" (instance (export "drop" (func $drop))))))
        (func (export "look") (param "r" (borrow $r)) (result u32)
            (canon lift (core func $i "look")))
        (func (export "keep") (param "r" (borrow $r)) (result u32)
            (canon lift (core func $i "keep"))))
    (component $c
        (import "r" (type $r (sub resource)))
        (import "make" (func $make (param "rep" u32) (result (own $r))))
        (import "rep" (func $rep (param "r" (borrow $r)) (result u32)))
        (import "look" (func $look (param "r" (borrow $r)) (result u32)))
        (import "keep" (func $keep (param "r" (borrow $r)) (result u32)))
        (core func $make (canon lower (func $make)))
        (core func $rep (canon lower (func $rep)))
        (core func $look (canon lower (func $look)))
        (core func $keep (canon lower (func $keep)))
        (core func $drop (canon resource.drop $r))
        (core module $m
            (import "" "make" (func $make (param i32) (result i32)))
            (import "" "rep" (func $rep (param i32) (result i32)))
            (import "" "look" (func $look (param i32) (result i32)))
            (import "" "keep" (func $keep (param i32) (result i32)))
            (import "" "drop" (func $drop (param i32)))
            (func (export "run") (param $rep i32) (result i32)
                (local $h i32) (local $out i32)
                local.get $rep call $make local.set $h
                ;; rep (through a borrow to the defining instance) + 1000 *
                ;; the borrow handle `$k` got + 100000 * our own handle
                local.get $h call $rep
                local.get $h call $look i32.const 1000 i32.mul i32.add
                local.get $h i32.const 100000 i32.mul i32.add
                local.set $out
                local.get $h call $drop
                local.get $out)
            (func (export "bad") (result i32)
                i32.const 9 call $make call $keep))
        (core instance $o (instantiate $m (with "" (instance
            (export "make" (func $make)) (export "rep" (func $rep))
            (export "look" (func $look)) (export "keep" (func $keep))
            (export "drop" (func $drop))))))
        (func (export "run") (param "rep" u32) (result u32) (canon lift (core func $o "run")))
        (func (export "bad") (result u32) (canon lift (core func $o "bad"))))
    (instance $d (instantiate $d (with "log" (func $log))))
    (alias export $d "r" (type $r))
    (instance $k (instantiate $k (with "r" (type $r))))
    (instance $c (instantiate $c
        (with "r" (type $r))
        (with "make" (func $d "make")) (with "rep" (func $d "rep"))
        (with "look" (func $k "look")) (with "keep" (func $k "keep"))))
    (export "run" (func $c "run"))
    (export "bad" (func $c "bad"))
)"#;

/// What running `run(7)`, `run(8)` and `bad()` gives, with the host's log.
type Transcript = (Vec<Result<u32, String>>, Vec<u32>);

fn witbind_resources(engine: &witbind::Engine) -> (Vec<Result<u32, Option<Trap>>>, Vec<u32>) {
    let component = Component::new(engine, wat::parse_str(RESOURCES).unwrap()).unwrap();
    let log = Arc::new(Mutex::new(Vec::new()));
    let mut linker = Linker::new(engine);
    let sink = log.clone();
    linker
        .root()
        .func_wrap("log", move |_, (x,): (u32,)| {
            sink.lock().unwrap().push(x);
            Ok(())
        })
        .unwrap();
    let mut store = Store::new(engine, ());
    let instance = linker.instantiate(&mut store, &component).unwrap();
    let run = instance
        .get_typed_func::<(u32,), (u32,)>(&mut store, "run")
        .unwrap();
    let bad = instance
        .get_typed_func::<(), (u32,)>(&mut store, "bad")
        .unwrap();
    let trap = |e: witbind::Error| e.downcast_ref::<Trap>().cloned();
    let results = vec![
        run.call(&mut store, (7,)).map(|r| r.0).map_err(trap),
        run.call(&mut store, (8,)).map(|r| r.0).map_err(trap),
        bad.call(&mut store, ()).map(|r| r.0).map_err(trap),
    ];
    let logged = log.lock().unwrap().clone();
    (results, logged)
}

fn wasmtime_resources() -> Transcript {
    use wasmtime::component;
    let engine = wasmtime::Engine::default();
    let component = component::Component::new(&engine, wat::parse_str(RESOURCES).unwrap()).unwrap();
    let linker = witbind_tests::oracle::logging_linker(&engine);
    let mut store = wasmtime::Store::new(&engine, Vec::new());
    let instance = linker.instantiate(&mut store, &component).unwrap();
    let run = instance
        .get_typed_func::<(u32,), (u32,)>(&mut store, "run")
        .unwrap();
    let bad = instance
        .get_typed_func::<(), (u32,)>(&mut store, "bad")
        .unwrap();
    let results = vec![
        run.call(&mut store, (7,))
            .map(|r| r.0)
            .map_err(|e| format!("{e:?}")),
        run.call(&mut store, (8,))
            .map(|r| r.0)
            .map_err(|e| format!("{e:?}")),
        bad.call(&mut store, ())
            .map(|r| r.0)
            .map_err(|e| format!("{e:?}")),
    ];
    (results, store.data().clone())
}

#[test]
fn handles_move_and_lend_between_instances_and_the_definer_destroys() {
    let (oracle, oracle_log) = wasmtime_resources();
    // Handle 1 in each table both times (freed in between), rep 7 then 8.
    assert_eq!(oracle[..2], [Ok(101_007), Ok(101_008)], "{oracle:?}");
    assert!(
        oracle[2].as_ref().is_err_and(|e| e.contains("borrow")),
        "{oracle:?}"
    );
    assert_eq!(oracle_log, [7, 8]);
    for engine in witbind_tests::engines() {
        let (ours, log) = witbind_resources(&engine);
        let kind = engine.backend_kind();
        assert_eq!(ours[..2], [Ok(101_007), Ok(101_008)], "{kind}");
        assert!(
            matches!(ours[2], Err(Some(Trap::BorrowNotDropped { count: 1 }))),
            "{kind}: {:?}",
            ours[2]
        );
        assert_eq!(log, oracle_log, "{kind}");
    }
}

/// A component that lowers its own lifted export: the adapter may not
/// enter the instance it leaves.
const SELF_CALL: &str = r#"(component
    (core module $m (func (export "f") (result i32) i32.const 1))
    (core instance $i (instantiate $m))
    (func $f (result u32) (canon lift (core func $i "f")))
    (core func $g (canon lower (func $f)))
    (core module $n
        (import "" "g" (func $g (result i32)))
        (func (export "run") (result i32) call $g))
    (core instance $n (instantiate $n (with "" (instance (export "g" (func $g))))))
    (func (export "run") (result u32) (canon lift (core func $n "run")))
)"#;

#[test]
fn an_adapter_into_its_own_instance_traps() {
    let engine = wasmtime::Engine::default();
    let component =
        wasmtime::component::Component::new(&engine, wat::parse_str(SELF_CALL).unwrap()).unwrap();
    let mut store = wasmtime::Store::new(&engine, ());
    let instance = wasmtime::component::Linker::new(&engine)
        .instantiate(&mut store, &component)
        .unwrap();
    let run = instance
        .get_typed_func::<(), (u32,)>(&mut store, "run")
        .unwrap();
    let oracle = format!("{:?}", run.call(&mut store, ()).unwrap_err());
    assert!(
        oracle.contains("cannot enter component instance"),
        "{oracle}"
    );
    for engine in witbind_tests::engines() {
        let component = Component::new(&engine, wat::parse_str(SELF_CALL).unwrap()).unwrap();
        let mut store = Store::new(&engine, ());
        let instance = Linker::new(&engine)
            .instantiate(&mut store, &component)
            .unwrap();
        let run = instance
            .get_typed_func::<(), (u32,)>(&mut store, "run")
            .unwrap();
        let err = run.call(&mut store, ()).unwrap_err();
        assert!(
            matches!(err.downcast_ref::<Trap>(), Some(Trap::BetweenComponents { cause }) if cause.contains("ancestors")),
            "{}: {err:#}",
            engine.backend_kind()
        );
    }
}

/// `$callee` counts its post-return runs (`give`'s) and, in mode 1, calls
/// the host's `ping` from its `realloc`; `$caller` calls `give` twice and
/// reads the count, or sets mode 1 and passes a string (the adapter then
/// runs the callee's `realloc`, which may not leave its instance), or asks
/// the callee to call the host's `hook`.
const FLAGS: &str = r#"(component
    (import "ping" (func $ping))
    (import "hook" (func $hook (result u32)))
    (component $callee
        (import "ping" (func $ping))
        (import "hook" (func $hook (result u32)))
        (core func $ping (canon lower (func $ping)))
        (core func $hook (canon lower (func $hook)))
        (core module $m
            (import "" "ping" (func $ping))
            (import "" "hook" (func $hook (result i32)))
            (memory (export "mem") 1)
            (global $bump (mut i32) (i32.const 1024))
            (global $mode (mut i32) (i32.const 0))
            (global $posts (mut i32) (i32.const 0))
            (func (export "realloc") (param i32 i32 i32 i32) (result i32)
                (local $p i32)
                (if (global.get $mode) (then (call $ping)))
                (local.set $p (global.get $bump))
                (global.set $bump (i32.add (local.get $p) (local.get 3)))
                (local.get $p))
            (func (export "give") (result i32)
                (i32.store (i32.const 16) (i32.const 32))
                (i32.store (i32.const 20) (i32.const 2))
                (i32.store16 (i32.const 32) (i32.const 0x6968))
                (i32.const 16))
            (func (export "post") (param i32)
                (global.set $posts (i32.add (global.get $posts) (i32.const 1))))
            (func (export "posts") (result i32) (global.get $posts))
            (func (export "set-mode") (param i32) (global.set $mode (local.get 0)))
            (func (export "take") (param i32 i32) (result i32) (local.get 1))
            (func (export "hook") (result i32) (call $hook)))
        (core instance $i (instantiate $m (with "" (instance
            (export "ping" (func $ping)) (export "hook" (func $hook))))))
        (func (export "give") (result string)
            (canon lift (core func $i "give") (memory (core memory $i "mem"))
                (post-return (core func $i "post"))))
        (func (export "posts") (result u32) (canon lift (core func $i "posts")))
        (func (export "set-mode") (param "m" u32) (canon lift (core func $i "set-mode")))
        (func (export "take") (param "s" string) (result u32)
            (canon lift (core func $i "take") (memory (core memory $i "mem"))
                (realloc (core func $i "realloc"))))
        (func (export "hook") (result u32) (canon lift (core func $i "hook"))))
    (component $caller
        (import "give" (func $give (result string)))
        (import "posts" (func $posts (result u32)))
        (import "set-mode" (func $set-mode (param "m" u32)))
        (import "take" (func $take (param "s" string) (result u32)))
        (import "hook" (func $hook (result u32)))
        (core module $libc
            (memory (export "mem") 1)
            (global $bump (mut i32) (i32.const 1024))
            (func (export "realloc") (param i32 i32 i32 i32) (result i32)
                (local $p i32)
                (local.set $p (global.get $bump))
                (global.set $bump (i32.add (local.get $p) (local.get 3)))
                (local.get $p)))
        (core instance $libc (instantiate $libc))
        (core func $give (canon lower (func $give) (memory (core memory $libc "mem"))
            (realloc (core func $libc "realloc"))))
        (core func $posts (canon lower (func $posts)))
        (core func $set-mode (canon lower (func $set-mode)))
        (core func $take (canon lower (func $take) (memory (core memory $libc "mem"))))
        (core func $hook (canon lower (func $hook)))
        (core module $m
            (import "libc" "mem" (memory 1))
            (import "" "give" (func $give (param i32)))
            (import "" "posts" (func $posts (result i32)))
            (import "" "set-mode" (func $set-mode (param i32)))
            (import "" "take" (func $take (param i32 i32) (result i32)))
            (import "" "hook" (func $hook (result i32)))
            (func (export "give-twice") (result i32)
                (call $give (i32.const 0))
                (call $give (i32.const 8))
                ;; the second string's length (2) + 10 * post-return runs
                (i32.add (i32.load (i32.const 12)) (i32.mul (call $posts) (i32.const 10))))
            (func (export "take-with-ping") (result i32)
                (call $set-mode (i32.const 1))
                (i32.store (i32.const 100) (i32.const 0x636261))
                (call $take (i32.const 100) (i32.const 3)))
            (func (export "hook") (result i32) (call $hook)))
        (core instance $o (instantiate $m (with "libc" (instance $libc)) (with "" (instance
            (export "give" (func $give)) (export "posts" (func $posts))
            (export "set-mode" (func $set-mode)) (export "take" (func $take))
            (export "hook" (func $hook))))))
        (func (export "give-twice") (result u32) (canon lift (core func $o "give-twice")))
        (func (export "take-with-ping") (result u32) (canon lift (core func $o "take-with-ping")))
        (func (export "hook") (result u32) (canon lift (core func $o "hook"))))
    (instance $callee (instantiate $callee (with "ping" (func $ping)) (with "hook" (func $hook))))
    (instance $caller (instantiate $caller
        (with "give" (func $callee "give")) (with "posts" (func $callee "posts"))
        (with "set-mode" (func $callee "set-mode")) (with "take" (func $callee "take"))
        (with "hook" (func $callee "hook"))))
    (export "give-twice" (func $caller "give-twice"))
    (export "take-with-ping" (func $caller "take-with-ping"))
    (export "hook" (func $caller "hook"))
)"#;

/// `give-twice`, `take-with-ping` and `hook` on wasmtime: results (or
/// whether they trapped), and how often `ping` ran.
fn wasmtime_flags() -> (Vec<Result<u32, String>>, u32) {
    use wasmtime::component;
    let engine = wasmtime::Engine::default();
    let component = component::Component::new(&engine, wat::parse_str(FLAGS).unwrap()).unwrap();
    let mut linker = component::Linker::<u32>::new(&engine);
    let mut root = linker.root();
    root.func_wrap("ping", |mut cx, (): ()| {
        *cx.data_mut() += 1;
        Ok(())
    })
    .unwrap();
    root.func_wrap("hook", |_, (): ()| Ok((5u32,))).unwrap();
    let mut pings = 0;
    let results = ["give-twice", "take-with-ping", "hook"]
        .iter()
        .map(|name| {
            // A store each: after the trap, wasmtime 48 refused a fresh
            // instance in the same store ("cannot enter component
            // instance"); witbind's store stays usable (below).
            let mut store = wasmtime::Store::new(&engine, 0);
            let instance = linker.instantiate(&mut store, &component).unwrap();
            let f = instance
                .get_typed_func::<(), (u32,)>(&mut store, *name)
                .unwrap();
            let result = f
                .call(&mut store, ())
                .map(|r| r.0)
                .map_err(|e| format!("{e:?}"));
            pings += *store.data();
            result
        })
        .collect();
    (results, pings)
}

#[test]
fn post_return_runs_across_an_adapter_and_realloc_may_not_leave() {
    let (oracle, oracle_pings) = wasmtime_flags();
    assert_eq!(oracle[0], Ok(22), "{oracle:?}");
    assert!(
        oracle[1]
            .as_ref()
            .is_err_and(|e| e.contains("cannot leave")),
        "{oracle:?}"
    );
    assert_eq!(oracle[2], Ok(5));
    assert_eq!(oracle_pings, 0);
    for engine in witbind_tests::engines() {
        let kind = engine.backend_kind();
        let component = Component::new(&engine, wat::parse_str(FLAGS).unwrap()).unwrap();
        let pings = Arc::new(Mutex::new(0));
        let mut linker = Linker::new(&engine);
        let counter = pings.clone();
        linker
            .root()
            .func_wrap("ping", move |_, (): ()| {
                *counter.lock().unwrap() += 1;
                Ok(())
            })
            .unwrap();
        linker
            .root()
            .func_wrap("hook", |_, (): ()| Ok((5u32,)))
            .unwrap();
        let mut store = Store::new(&engine, ());
        let ours: Vec<_> = ["give-twice", "take-with-ping", "hook"]
            .iter()
            .map(|name| {
                let instance = linker.instantiate(&mut store, &component).unwrap();
                let f = instance
                    .get_typed_func::<(), (u32,)>(&mut store, *name)
                    .unwrap();
                f.call(&mut store, ())
                    .map(|r| r.0)
                    .map_err(|e| e.downcast_ref::<Trap>().cloned())
            })
            .collect();
        assert_eq!(ours[0], Ok(22), "{kind}");
        assert_eq!(ours[1], Err(Some(Trap::CannotLeave)), "{kind}");
        assert_eq!(ours[2], Ok(5), "{kind}");
        assert_eq!(*pings.lock().unwrap(), oracle_pings, "{kind}");
    }
}

#[test]
fn a_host_function_called_through_two_sub_components_cannot_reenter_them() {
    for engine in witbind_tests::engines() {
        let kind = engine.backend_kind();
        let component = Component::new(&engine, wat::parse_str(FLAGS).unwrap()).unwrap();
        let reentry: Arc<std::sync::OnceLock<witbind::TypedFunc<(), (u32,)>>> = Arc::default();
        let seen = Arc::new(Mutex::new(None));
        let mut linker = Linker::new(&engine);
        linker.root().func_wrap("ping", |_, (): ()| Ok(())).unwrap();
        let (again, found) = (reentry.clone(), seen.clone());
        linker
            .root()
            .func_wrap("hook", move |mut store, (): ()| {
                let err = again.get().unwrap().call(&mut store, ()).unwrap_err();
                *found.lock().unwrap() = err.downcast_ref::<Trap>().cloned();
                Ok((5u32,))
            })
            .unwrap();
        let mut store = Store::new(&engine, ());
        let instance = linker.instantiate(&mut store, &component).unwrap();
        let hook = instance
            .get_typed_func::<(), (u32,)>(&mut store, "hook")
            .unwrap();
        let _ = reentry.set(hook.clone());
        assert_eq!(hook.call(&mut store, ()).unwrap(), (5,), "{kind}");
        assert_eq!(*seen.lock().unwrap(), Some(Trap::Reentered), "{kind}");
    }
}

#[test]
fn adapters_run_in_nested_components_instantiated_several_times() {
    // The utf8 -> utf16 composition, two levels down, instantiated twice
    // at each level: four copies of the caller and the callee, each with
    // its own memories, tables and flags.
    let mut wat = strings_component("utf8", "utf16", "");
    for _ in 0..2 {
        // The component's text, named as a definition of the next level.
        let body = wat.strip_prefix("(component").unwrap();
        wat = format!(
            r#"(component
    (component $wrap {body}
    (instance $a (instantiate $wrap))
    (instance $b (instantiate $wrap))
    (export "run" (func $a "run"))
    (export "run2" (func $b "run"))
)"#
        );
    }
    let expected: Vec<_> = STRINGS.iter().map(|s| Ok(s.to_string())).collect();
    assert_eq!(wasmtime_call(&wat, &STRINGS), expected);
    for engine in witbind_tests::engines() {
        assert_eq!(
            witbind_call(&engine, &wat, &STRINGS),
            expected,
            "{}",
            engine.backend_kind()
        );
        let component = Component::new(&engine, wat::parse_str(&wat).unwrap()).unwrap();
        let mut store = Store::new(&engine, ());
        let instance = Linker::new(&engine)
            .instantiate(&mut store, &component)
            .unwrap();
        let run2 = instance
            .get_typed_func::<(&str,), (String,)>(&mut store, "run2")
            .unwrap();
        for s in STRINGS {
            assert_eq!(run2.call(&mut store, (s,)).unwrap().0, s);
        }
    }
}

/// A callee returning malformed values through the adapter to its
/// sibling: a handle it does not have, a bad `option` discriminant, a
/// list past its memory, a surrogate `char`; `ok` returns a good value.
const HOSTILE: &str = r#"(component
    (component $callee
        (type $r (resource (rep i32)))
        (export $r2 "r" (type $r))
        (core module $m
            (memory (export "mem") 1)
            (func (export "realloc") (param i32 i32 i32 i32) (result i32) i32.const 1024)
            (func (export "bad-handle") (result i32) i32.const 99)
            (func (export "bad-option") (result i32)
                (i32.store (i32.const 16) (i32.const 7))
                (i32.store (i32.const 20) (i32.const 1))
                i32.const 16)
            (func (export "bad-list") (result i32)
                (i32.store (i32.const 16) (i32.const 65000))
                (i32.store (i32.const 20) (i32.const 1000))
                i32.const 16)
            (func (export "bad-char") (result i32) i32.const 0xd800)
            (func (export "ok") (result i32) i32.const 0x41))
        (core instance $i (instantiate $m))
        (func (export "bad-handle") (result (own $r2)) (canon lift (core func $i "bad-handle")))
        (func (export "bad-option") (result (option u32))
            (canon lift (core func $i "bad-option") (memory (core memory $i "mem"))))
        (func (export "bad-list") (result (list u32))
            (canon lift (core func $i "bad-list") (memory (core memory $i "mem"))))
        (func (export "bad-char") (result char) (canon lift (core func $i "bad-char")))
        (func (export "ok") (result char) (canon lift (core func $i "ok"))))
    (component $caller
        (import "r" (type $r (sub resource)))
        (import "bad-handle" (func $bad-handle (result (own $r))))
        (import "bad-option" (func $bad-option (result (option u32))))
        (import "bad-list" (func $bad-list (result (list u32))))
        (import "bad-char" (func $bad-char (result char)))
        (import "ok" (func $ok (result char)))
        (core module $libc
            (memory (export "mem") 1)
            (func (export "realloc") (param i32 i32 i32 i32) (result i32) i32.const 1024))
        (core instance $libc (instantiate $libc))
        (core func $bad-handle (canon lower (func $bad-handle)))
        (core func $bad-option (canon lower (func $bad-option) (memory (core memory $libc "mem"))))
        (core func $bad-list (canon lower (func $bad-list) (memory (core memory $libc "mem"))
            (realloc (core func $libc "realloc"))))
        (core func $bad-char (canon lower (func $bad-char)))
        (core func $ok (canon lower (func $ok)))
        (core module $m
            (import "" "bad-handle" (func $bad-handle (result i32)))
            (import "" "bad-option" (func $bad-option (param i32)))
            (import "" "bad-list" (func $bad-list (param i32)))
            (import "" "bad-char" (func $bad-char (result i32)))
            (import "" "ok" (func $ok (result i32)))
            (func (export "run") (param $which i32) (result i32)
                (block $list (block $option (block $handle (block $char
                    (br_table $handle $option $list $char (local.get $which)))
                    (return (call $bad-char)))
                    (return (call $bad-handle)))
                    (call $bad-option (i32.const 0))
                    (return (i32.const 0)))
                (call $bad-list (i32.const 0))
                (i32.const 0))
            (func (export "ok") (result i32) (call $ok)))
        (core instance $o (instantiate $m (with "" (instance
            (export "bad-handle" (func $bad-handle)) (export "bad-option" (func $bad-option))
            (export "bad-list" (func $bad-list)) (export "bad-char" (func $bad-char))
            (export "ok" (func $ok))))))
        (func (export "run") (param "which" u32) (result u32) (canon lift (core func $o "run")))
        (func (export "ok") (result u32) (canon lift (core func $o "ok"))))
    (instance $callee (instantiate $callee))
    (instance $caller (instantiate $caller
        (with "r" (type $callee "r"))
        (with "bad-handle" (func $callee "bad-handle")) (with "bad-option" (func $callee "bad-option"))
        (with "bad-list" (func $callee "bad-list")) (with "bad-char" (func $callee "bad-char"))
        (with "ok" (func $callee "ok"))))
    (export "run" (func $caller "run"))
    (export "ok" (func $caller "ok"))
)"#;

#[test]
fn malformed_values_between_sub_components_trap_and_other_instances_still_run() {
    use wasmtime::component;
    let wasm = wat::parse_str(HOSTILE).unwrap();
    let wt = wasmtime::Engine::default();
    let wt_component = component::Component::new(&wt, &wasm).unwrap();
    let oracle: Vec<String> = (0..4)
        .map(|which| {
            let mut store = wasmtime::Store::new(&wt, ());
            let instance = component::Linker::new(&wt)
                .instantiate(&mut store, &wt_component)
                .unwrap();
            let run = instance
                .get_typed_func::<(u32,), (u32,)>(&mut store, "run")
                .unwrap();
            format!("{:?}", run.call(&mut store, (which,)).unwrap_err())
        })
        .collect();
    for (message, needle) in oracle
        .iter()
        .zip(["unknown handle", "discriminant", "list", "char"])
    {
        assert!(message.contains(needle), "wasmtime: {message}");
    }
    for engine in witbind_tests::engines() {
        let kind = engine.backend_kind();
        let component = Component::new(&engine, &wasm).unwrap();
        let linker = Linker::new(&engine);
        let mut store = Store::new(&engine, ());
        let traps: Vec<Option<Trap>> = (0..4)
            .map(|which| {
                let instance = linker.instantiate(&mut store, &component).unwrap();
                let run = instance
                    .get_typed_func::<(u32,), (u32,)>(&mut store, "run")
                    .unwrap();
                let err = run.call(&mut store, (which,)).unwrap_err();
                err.downcast_ref::<Trap>().cloned()
            })
            .collect();
        assert_eq!(traps[0], Some(Trap::UnknownHandle(99)), "{kind}");
        let causes = ["variant", "list", "char"];
        for (trap, cause) in traps[1..].iter().zip(causes) {
            assert!(
                matches!(trap, Some(Trap::BetweenComponents { cause: c }) if c.contains(cause)),
                "{kind}: {trap:?}"
            );
        }
        // The same store still runs another instance.
        let instance = linker.instantiate(&mut store, &component).unwrap();
        let ok = instance
            .get_typed_func::<(), (u32,)>(&mut store, "ok")
            .unwrap();
        assert_eq!(ok.call(&mut store, ()).unwrap(), (0x41,), "{kind}");
    }
}

/// `$a` defines `r` and makes them; `$b` takes borrows of `r`; the outer
/// component exports both functions (and `r`) side by side.
const SIDE_BY_SIDE: &str = r#"(component
    (component $a
        (type $r (resource (rep i32)))
        (core func $new (canon resource.new $r))
        (core module $m
            (import "" "new" (func $new (param i32) (result i32)))
            (func (export "make") (param i32) (result i32) local.get 0 call $new))
        (core instance $i (instantiate $m (with "" (instance (export "new" (func $new))))))
        (export $r2 "r" (type $r))
        (func (export "make") (param "rep" u32) (result (own $r2)) (canon lift (core func $i "make"))))
    (component $b
        (import "r" (type $r (sub resource)))
        (core func $drop (canon resource.drop $r))
        (core module $m
            (import "" "drop" (func $drop (param i32)))
            (func (export "peek") (param i32) (result i32) local.get 0 call $drop local.get 0))
        (core instance $i (instantiate $m (with "" (instance (export "drop" (func $drop))))))
        (func (export "peek") (param "r" (borrow $r)) (result u32) (canon lift (core func $i "peek"))))
    (instance $a (instantiate $a))
    (instance $b (instantiate $b (with "r" (type $a "r"))))
    (export $r "r" (type $a "r"))
    (export "make" (func $a "make") (func (param "rep" u32) (result (own $r))))
    (export "peek" (func $b "peek") (func (param "r" (borrow $r)) (result u32)))
)"#;

#[test]
fn the_host_passes_a_resource_from_one_sub_component_to_another() {
    use wasmtime::component;
    let wasm = wat::parse_str(SIDE_BY_SIDE).unwrap();
    let wt = wasmtime::Engine::default();
    let mut store = wasmtime::Store::new(&wt, ());
    let instance = component::Linker::new(&wt)
        .instantiate(&mut store, &component::Component::new(&wt, &wasm).unwrap())
        .unwrap();
    let make = instance
        .get_typed_func::<(u32,), (component::ResourceAny,)>(&mut store, "make")
        .unwrap();
    let peek = instance
        .get_typed_func::<(component::ResourceAny,), (u32,)>(&mut store, "peek")
        .unwrap();
    let (r,) = make.call(&mut store, (5,)).unwrap();
    let expected = peek.call(&mut store, (r,)).unwrap().0;
    for engine in witbind_tests::engines() {
        let component = Component::new(&engine, &wasm).unwrap();
        let mut store = Store::new(&engine, ());
        let instance = Linker::new(&engine)
            .instantiate(&mut store, &component)
            .unwrap();
        let make = instance
            .get_typed_func::<(u32,), (witbind::ResourceAny,)>(&mut store, "make")
            .unwrap();
        let peek = instance
            .get_typed_func::<(witbind::Borrowed<witbind::ResourceAny>,), (u32,)>(
                &mut store, "peek",
            )
            .unwrap();
        let (r,) = make.call(&mut store, (5,)).unwrap();
        let got = peek.call(&mut store, (r.as_borrow(),));
        assert_eq!(
            got.map(|r| r.0).map_err(|e| format!("{e:#}")),
            Ok(expected),
            "{}",
            engine.backend_kind()
        );
    }
}

/// On an engine that compiles wasm, a string crossing between two
/// sub-components of one encoding is copied by core wasm, which burns
/// fuel like any guest code: a 4 KiB string costs more fuel than an empty
/// one. On wasmi the host copies it, and the fuel spent does not grow
/// with the length.
#[test]
fn same_encoding_copies_run_in_wasm_where_wasm_is_compiled() {
    let wat = strings_component("utf8", "utf8", "");
    let long = "x".repeat(4096);
    for backend in witbind::Engine::available_backends() {
        let mut config = witbind::Config::new();
        config.backend(*backend).consume_fuel(true);
        let engine = witbind::Engine::new(&config).unwrap();
        let component = Component::new(&engine, wat::parse_str(&wat).unwrap()).unwrap();
        let mut store = Store::new(&engine, ());
        store.set_fuel(u64::MAX / 2).unwrap();
        let instance = Linker::new(&engine)
            .instantiate(&mut store, &component)
            .unwrap();
        let run = instance
            .get_typed_func::<(&str,), (String,)>(&mut store, "run")
            .unwrap();
        let mut burnt = Vec::new();
        for arg in ["", long.as_str()] {
            let before = store.fuel().unwrap();
            assert_eq!(run.call(&mut store, (arg,)).unwrap().0, arg);
            burnt.push(before - store.fuel().unwrap());
        }
        let (short, long) = (burnt[0], burnt[1]);
        // The wasm copy takes a few instructions per 8 bytes: 512 words.
        match backend {
            witbind::BackendKind::Wasmtime => assert!(long > short + 512, "{short} {long}"),
            _ => assert!(long < short + 64, "{backend}: {short} {long}"),
        }
    }
}
