//! Re-exports: an import lowered and lifted back, and built-ins
//! (`resource.new`, `resource.rep`) lifted as exports, run on both engines
//! as on wasmtime's component model (results and traps); an imported function exported again
//! as is, which wasmtime-environ's translator does not implement, is
//! refused naming it.

use witbind::{Component, Linker, Store};

const COMPONENT: &str = r#"(component
    (import "add" (func $add (param "a" u32) (param "b" u32) (result u32)))
    (core func $lowered (canon lower (func $add)))
    (func (export "add-lifted") (param "a" u32) (param "b" u32) (result u32)
        (canon lift (core func $lowered)))
    (type $r (resource (rep i32)))
    (export $r2 "r" (type $r))
    (core func $new (canon resource.new $r))
    (func (export "new-r") (param "rep" u32) (result (own $r2)) (canon lift (core func $new)))
    (core func $rep (canon resource.rep $r))
    (func (export "rep-r") (param "r" (borrow $r2)) (result u32) (canon lift (core func $rep)))
)"#;

#[test]
fn imports_and_built_ins_exported_again_run_as_on_wasmtime() {
    // wasmtime: the same calls.
    let expected = {
        use wasmtime::component;
        let engine = wasmtime::Engine::default();
        let component =
            component::Component::new(&engine, wat::parse_str(COMPONENT).unwrap()).unwrap();
        let mut linker = component::Linker::<()>::new(&engine);
        linker
            .root()
            .func_wrap("add", |_, (a, b): (u32, u32)| Ok((a + b,)))
            .unwrap();
        let mut store = wasmtime::Store::new(&engine, ());
        let instance = linker.instantiate(&mut store, &component).unwrap();
        let lifted = instance
            .get_typed_func::<(u32, u32), (u32,)>(&mut store, "add-lifted")
            .unwrap();
        let new = instance
            .get_typed_func::<(u32,), (component::ResourceAny,)>(&mut store, "new-r")
            .unwrap();
        let rep = instance
            .get_typed_func::<(component::ResourceAny,), (u32,)>(&mut store, "rep-r")
            .unwrap();
        let b = lifted
            .call(&mut store, (4, 5))
            .map(|r| r.0)
            .map_err(|e| format!("{e:?}"));
        let (r,) = new.call(&mut store, (77,)).unwrap();
        // A borrow reaches its defining instance as the rep (77), which
        // `resource.rep` then takes for a handle index: a trap.
        let c = rep.call(&mut store, (r,)).map(|r| r.0).map_err(|_| ());
        (b.map_err(|_| ()), c)
    };
    for engine in witbind_tests::engines() {
        let kind = engine.backend_kind();
        let component = Component::new(&engine, wat::parse_str(COMPONENT).unwrap()).unwrap();
        let mut linker = Linker::<()>::new(&engine);
        linker
            .root()
            .func_wrap("add", |_, (a, b): (u32, u32)| Ok((a + b,)))
            .unwrap();
        let mut store = Store::new(&engine, ());
        let instance = linker.instantiate(&mut store, &component).unwrap();
        let lifted = instance
            .get_typed_func::<(u32, u32), (u32,)>(&mut store, "add-lifted")
            .unwrap();
        let new = instance
            .get_typed_func::<(u32,), (witbind::ResourceAny,)>(&mut store, "new-r")
            .unwrap();
        let rep = instance
            .get_typed_func::<(witbind::Borrowed<witbind::ResourceAny>,), (u32,)>(
                &mut store, "rep-r",
            )
            .unwrap();
        let b = lifted.call(&mut store, (4, 5)).map(|r| r.0).map_err(|_| ());
        let (r,) = new.call(&mut store, (77,)).unwrap();
        let c = rep
            .call(&mut store, (r.as_borrow(),))
            .map(|r| r.0)
            .map_err(|_| ());
        assert_eq!((b, c), expected, "{kind}");
    }
}

#[test]
fn an_import_exported_again_as_is_is_refused_naming_it() {
    let text = r#"(component
        (import "add" (func $add (param "a" u32) (param "b" u32) (result u32)))
        (export "add-again" (func $add)))"#;
    let wasm = wat::parse_str(text).unwrap();
    let wasmtime_err = wasmtime::component::Component::new(&wasmtime::Engine::default(), &wasm)
        .map(|_| ())
        .unwrap_err();
    assert!(
        format!("{wasmtime_err:?}").contains("reexport"),
        "{wasmtime_err:?}"
    );
    for engine in witbind_tests::engines() {
        let err = Component::new(&engine, &wasm).unwrap_err();
        let message = format!("{err:#}");
        assert!(
            message.contains("unsupported component construct")
                && message.contains("add-again")
                && message.contains("reexport"),
            "{}: {message}",
            engine.backend_kind()
        );
    }
}
