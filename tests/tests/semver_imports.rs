//! Semver-compatible import names: the linker satisfies an import of
//! `a:b/c@0.2.1` with the highest compatible version it defines, as
//! wasmtime's does (checked against it), unless the definitions are
//! exact-only (`LinkerInstance::exact`, `bindgen!`'s `exact`). On both
//! engines.

use witbind::{Component, Engine, Linker, Store};

/// A component importing `f` of the interface `name` and exporting `run`,
/// which calls it.
fn importing(name: &str) -> Vec<u8> {
    wat::parse_str(format!(
        r#"(component
            (import "{name}" (instance $i (export "f" (func (param "x" u32) (result u32)))))
            (core func $f (canon lower (func $i "f")))
            (core module $m
                (import "host" "f" (func $f (param i32) (result i32)))
                (func (export "run") (param i32) (result i32) local.get 0 call $f))
            (core instance $inst (instantiate $m (with "host" (instance (export "f" (func $f))))))
            (func (export "run") (param "x" u32) (result u32) (canon lift (core func $inst "run"))))"#
    ))
    .unwrap()
}

/// A component importing `f` and `g` of the interface `name` and exporting
/// `run`, which calls `f`, and `call-g`, which calls `g`.
fn importing_two(name: &str) -> Vec<u8> {
    wat::parse_str(format!(
        r#"(component
            (import "{name}" (instance $i
                (export "f" (func (param "x" u32) (result u32)))
                (export "g" (func))))
            (core func $f (canon lower (func $i "f")))
            (core func $g (canon lower (func $i "g")))
            (core module $m
                (import "host" "f" (func $f (param i32) (result i32)))
                (import "host" "g" (func $g))
                (func (export "run") (param i32) (result i32) local.get 0 call $f)
                (func (export "call-g") call $g))
            (core instance $inst (instantiate $m
                (with "host" (instance (export "f" (func $f)) (export "g" (func $g))))))
            (func (export "run") (param "x" u32) (result u32) (canon lift (core func $inst "run")))
            (func (export "call-g") (canon lift (core func $inst "call-g"))))"#
    ))
    .unwrap()
}

/// Defines `f` of `name` as `x + add`, exact-only when asked.
fn define(linker: &mut Linker<()>, name: &str, add: u32, exact: bool) {
    let mut inst = linker.instance(name).unwrap();
    let f = move |_: witbind::StoreContextMut<'_, ()>, (x,): (u32,)| Ok((x + add,));
    if exact {
        inst.exact().func_wrap("f", f)
    } else {
        inst.func_wrap("f", f)
    }
    .unwrap();
}

/// `run(1)` of a component importing `import`, or the instantiation error.
fn run(engine: &Engine, linker: &Linker<()>, import: &str) -> Result<u32, String> {
    let component = Component::new(engine, importing(import)).unwrap();
    let mut store = Store::new(engine, ());
    let instance = linker
        .instantiate(&mut store, &component)
        .map_err(|e| format!("{e:#}"))?;
    let run = instance
        .get_typed_func::<(u32,), (u32,)>(&mut store, "run")
        .unwrap();
    Ok(run.call(&mut store, (1,)).unwrap().0)
}

/// The same with wasmtime's own linker, the reference.
fn run_wasmtime(defined: &[(&str, u32)], import: &str) -> Option<u32> {
    use wasmtime::component::{Component, Linker};
    let engine = wasmtime::Engine::default();
    let mut linker = Linker::<()>::new(&engine);
    for (name, add) in defined {
        let add = *add;
        linker
            .instance(name)
            .unwrap()
            .func_wrap("f", move |_, (x,): (u32,)| Ok((x + add,)))
            .unwrap();
    }
    let component = Component::new(&engine, importing(import)).unwrap();
    let mut store = wasmtime::Store::new(&engine, ());
    let instance = linker.instantiate(&mut store, &component).ok()?;
    let run = instance
        .get_typed_func::<(u32,), (u32,)>(&mut store, "run")
        .unwrap();
    Some(run.call(&mut store, (1,)).unwrap().0)
}

#[test]
fn compatible_versions_satisfy_imports_as_in_wasmtime() {
    let cases: &[(&[(&str, u32)], &str)] = &[
        // Exact.
        (&[("a:b/c@0.2.1", 10)], "a:b/c@0.2.1"),
        // Older and newer patch releases of 0.2.
        (&[("a:b/c@0.2.0", 10)], "a:b/c@0.2.1"),
        (&[("a:b/c@0.2.7", 10)], "a:b/c@0.2.1"),
        // The highest compatible version wins, and an exact one wins over it.
        (&[("a:b/c@0.2.0", 10), ("a:b/c@0.2.5", 50)], "a:b/c@0.2.1"),
        (&[("a:b/c@0.2.1", 10), ("a:b/c@0.2.5", 50)], "a:b/c@0.2.1"),
        // Another minor version below 1.0 is another API.
        (&[("a:b/c@0.3.0", 10)], "a:b/c@0.2.1"),
        // From 1.0 on, the major version.
        (&[("a:b/c@1.0.0", 10)], "a:b/c@1.4.2"),
        (&[("a:b/c@2.0.0", 10)], "a:b/c@1.4.2"),
        // Pre-releases and 0.0.x match only themselves.
        (&[("a:b/c@1.0.0", 10)], "a:b/c@1.0.1-rc.1"),
        (&[("a:b/c@0.0.1", 10)], "a:b/c@0.0.2"),
        // No version is no track.
        (&[("a:b/c", 10)], "a:b/c@0.2.1"),
    ];
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        for (defined, import) in cases {
            let mut linker = Linker::new(&engine);
            for (name, add) in *defined {
                define(&mut linker, name, *add, false);
            }
            let ours = run(&engine, &linker, import).ok();
            let reference = run_wasmtime(defined, import);
            assert_eq!(ours, reference, "{backend}: {import} against {defined:?}");
        }
    }
}

#[test]
fn exact_definitions_satisfy_only_their_own_name() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let mut linker = Linker::new(&engine);
        define(&mut linker, "a:b/c@0.2.0", 10, true);
        assert_eq!(run(&engine, &linker, "a:b/c@0.2.0"), Ok(11), "{backend}");
        let err = run(&engine, &linker, "a:b/c@0.2.1").unwrap_err();
        assert!(
            err.contains("missing import")
                && err.contains("a:b/c@0.2.1#f")
                && err.contains("`a:b/c@0.2.0#f` for imports of exactly that name"),
            "{backend}: {err}"
        );
    }
}

mod exact {
    ::witbind::bindgen!({
        inline: "package a:b@0.2.0;
            interface c { f: func(x: u32) -> u32; }
            world w { import c; }",
        imports: { "a:b/c/f": exact },
    });
}

mod compatible {
    ::witbind::bindgen!({
        inline: "package a:b@0.2.0;
            interface c { f: func(x: u32) -> u32; }
            world w { import c; }",
    });
}

struct Host;

impl exact::a::b::c::Host for Host {
    fn f(&mut self, x: u32) -> u32 {
        x + 100
    }
}

impl compatible::a::b::c::Host for Host {
    fn f(&mut self, x: u32) -> u32 {
        x + 200
    }
}

#[test]
fn the_exact_flag_makes_generated_registrations_exact() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let component = Component::new(&engine, importing("a:b/c@0.2.3")).unwrap();

        let mut linker = Linker::new(&engine);
        compatible::W::add_to_linker(&mut linker, |h: &mut Host| h).unwrap();
        let mut store = Store::new(&engine, Host);
        let instance = linker.instantiate(&mut store, &component).unwrap();
        let run = instance
            .get_typed_func::<(u32,), (u32,)>(&mut store, "run")
            .unwrap();
        assert_eq!(run.call(&mut store, (1,)).unwrap(), (201,), "{backend}");

        let mut linker = Linker::new(&engine);
        exact::W::add_to_linker(&mut linker, |h: &mut Host| h).unwrap();
        let mut store = Store::new(&engine, Host);
        let err = linker.instantiate(&mut store, &component).unwrap_err();
        assert!(
            format!("{err:#}").contains("for imports of exactly that name"),
            "{backend}: {err:#}"
        );
        // Its own version it still satisfies.
        let own = Component::new(&engine, importing("a:b/c@0.2.0")).unwrap();
        let instance = linker.instantiate(&mut store, &own).unwrap();
        let run = instance
            .get_typed_func::<(u32,), (u32,)>(&mut store, "run")
            .unwrap();
        assert_eq!(run.call(&mut store, (1,)).unwrap(), (101,), "{backend}");
    }
}

/// `Linker::instantiate` reuses its last resolution of a component's
/// imports; a definition added since must be seen: a newer compatible
/// version defined after the first instantiation serves the next one.
#[test]
fn instantiating_again_sees_definitions_made_since() {
    for engine in witbind_tests::engines() {
        let component = Component::new(&engine, importing("a:b/c@0.2.1")).unwrap();
        let mut linker = Linker::<()>::new(&engine);
        define(&mut linker, "a:b/c@0.2.0", 10, false);
        let call = |linker: &Linker<()>| {
            let mut store = Store::new(&engine, ());
            let instance = linker.instantiate(&mut store, &component).unwrap();
            let run = instance
                .get_typed_func::<(u32,), (u32,)>(&mut store, "run")
                .unwrap();
            run.call(&mut store, (1,)).unwrap().0
        };
        assert_eq!(call(&linker), 11);
        assert_eq!(call(&linker), 11, "the same resolution, reused");
        define(&mut linker, "a:b/c@0.2.5", 20, false);
        assert_eq!(
            call(&linker),
            21,
            "{}: the newer version",
            engine.backend_kind()
        );
        // A clone starts without the cache and resolves the same.
        assert_eq!(call(&linker.clone()), 21);
    }
}

/// `define_unknown_imports_as_traps` counts an interface defined under a
/// compatible version as defined: an import of `a:b/c@0.2.1` keeps `f` of
/// the `a:b/c@0.2.5` defined, and only the missing `g` traps, named as the
/// component imports it. That is what lets `witbind run
/// --trap-unknown-imports` run a component built against an older WASI
/// 0.2.y (a componentize-py one imports 0.2.9).
///
/// Here witbind deliberately differs from wasmtime 48, whose
/// `define_unknown_imports_as_traps` makes an interface under the import's
/// exact name and so hides the compatible definition: `f` traps there too
/// (its issue #10663 lists this function's problems with interfaces). The
/// test checks that as well, so that a wasmtime which changes shows here.
#[test]
fn unknown_imports_as_traps_keep_compatible_definitions() {
    use witbind::Trap;
    let bytes = importing_two("a:b/c@0.2.1");
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let component = Component::new(&engine, bytes.clone()).unwrap();
        let mut linker = Linker::new(&engine);
        define(&mut linker, "a:b/c@0.2.5", 50, false);
        linker.define_unknown_imports_as_traps(&component).unwrap();
        let mut store = Store::new(&engine, ());
        let instance = linker.instantiate(&mut store, &component).unwrap();
        let run = instance
            .get_typed_func::<(u32,), (u32,)>(&mut store, "run")
            .unwrap();
        assert_eq!(run.call(&mut store, (1,)).unwrap(), (51,), "{backend}");
        let call_g = instance
            .get_typed_func::<(), ()>(&mut store, "call-g")
            .unwrap();
        let err = call_g.call(&mut store, ()).unwrap_err();
        match err.downcast_ref::<Trap>() {
            Some(Trap::UnknownImport { name }) => assert_eq!(name, "a:b/c@0.2.1#g", "{backend}"),
            _ => panic!("{backend}: {err:#}"),
        }
    }

    // wasmtime 48: the compatible `f` is hidden, the call traps.
    let engine = wasmtime::Engine::default();
    let mut linker = wasmtime::component::Linker::<()>::new(&engine);
    linker
        .instance("a:b/c@0.2.5")
        .unwrap()
        .func_wrap("f", |_, (x,): (u32,)| Ok((x + 50,)))
        .unwrap();
    let component = wasmtime::component::Component::new(&engine, &bytes).unwrap();
    linker.define_unknown_imports_as_traps(&component).unwrap();
    let mut store = wasmtime::Store::new(&engine, ());
    let instance = linker.instantiate(&mut store, &component).unwrap();
    let run = instance
        .get_typed_func::<(u32,), (u32,)>(&mut store, "run")
        .unwrap();
    let err = run.call(&mut store, (1,)).unwrap_err();
    assert!(
        format!("{err:#}").contains("`a:b/c@0.2.1#f` has not been defined"),
        "{err:#}"
    );
}
