//! A component importing a core module (`(import "m" (core module ...))`):
//! the host gives a compiled `witbind::Module`, which the component
//! instantiates with its own arguments, on both engines and as wasmtime's
//! component model does. A module of another type is refused naming the
//! item.

use std::sync::{Arc, Mutex};

use witbind::{Component, Engine, Linker, Module, Store};

const COMPONENT: &str = r#"(component
    (import "log" (func $log (param "x" u32)))
    (import "m" (core module $M
        (import "host" "log" (func (param i32)))
        (export "twice" (func (param i32) (result i32)))))
    (core func $log (canon lower (func $log)))
    (core instance $i (instantiate $M (with "host" (instance (export "log" (func $log))))))
    (func (export "twice") (param "x" u32) (result u32) (canon lift (core func $i "twice")))
)"#;

/// The module the host gives: it may export more than the component needs.
const MODULE: &str = r#"(module
    (import "host" "log" (func $log (param i32)))
    (func (export "twice") (param i32) (result i32)
        local.get 0 call $log
        local.get 0 i32.const 2 i32.mul)
    (func (export "unused")))"#;

fn run(engine: &Engine, module: &str) -> witbind::Result<(u32, Vec<u32>)> {
    let component = Component::new(engine, wat::parse_str(COMPONENT)?)?;
    let module = Module::new(engine, wat::parse_str(module)?)?;
    let log = Arc::new(Mutex::new(Vec::new()));
    let mut linker = Linker::new(engine);
    let sink = log.clone();
    linker.root().func_wrap("log", move |_, (x,): (u32,)| {
        sink.lock().unwrap().push(x);
        Ok(())
    })?;
    linker.root().module("m", &module)?;
    let mut store = Store::new(engine, ());
    let instance = linker.instantiate(&mut store, &component)?;
    let twice = instance.get_typed_func::<(u32,), (u32,)>(&mut store, "twice")?;
    let (result,) = twice.call(&mut store, (21,))?;
    let logged = log.lock().unwrap().clone();
    Ok((result, logged))
}

fn wasmtime_run() -> (u32, Vec<u32>) {
    use wasmtime::component;
    let engine = wasmtime::Engine::default();
    let component = component::Component::new(&engine, wat::parse_str(COMPONENT).unwrap()).unwrap();
    let module = wasmtime::Module::new(&engine, wat::parse_str(MODULE).unwrap()).unwrap();
    let mut linker = witbind_tests::oracle::logging_linker(&engine);
    linker.root().module("m", &module).unwrap();
    let mut store = wasmtime::Store::new(&engine, Vec::new());
    let instance = linker.instantiate(&mut store, &component).unwrap();
    let twice = instance
        .get_typed_func::<(u32,), (u32,)>(&mut store, "twice")
        .unwrap();
    let (result,) = twice.call(&mut store, (21,)).unwrap();
    (result, store.data().clone())
}

#[test]
fn an_imported_core_module_is_instantiated_with_the_components_arguments() {
    let expected = wasmtime_run();
    assert_eq!(expected, (42, vec![21]));
    for engine in witbind_tests::engines() {
        let got = run(&engine, MODULE).unwrap_or_else(|e| panic!("{e:#}"));
        assert_eq!(got, expected, "{}", engine.backend_kind());
    }
}

#[test]
fn a_module_of_another_type_is_refused_naming_the_item() {
    let cases = [
        (
            r#"(module (func (export "twice") (param i64) (result i32) i32.const 0))"#,
            "`twice`",
        ),
        (
            r#"(module (func (export "other")))"#,
            "lacks the export `twice`",
        ),
        (
            r#"(module (import "host" "clock" (func))
                (func (export "twice") (param i32) (result i32) local.get 0))"#,
            "`host` `clock`",
        ),
    ];
    for engine in witbind_tests::engines() {
        for (module, needle) in cases {
            let err = run(&engine, module).unwrap_err();
            let message = format!("{err:#}");
            assert!(
                message.contains("import `m`") && message.contains(needle),
                "{}: {message}",
                engine.backend_kind()
            );
        }
    }
}

#[test]
fn a_missing_module_and_a_module_of_another_engine_are_errors() {
    let engines = witbind_tests::engines();
    for engine in &engines {
        let component = Component::new(engine, wat::parse_str(COMPONENT).unwrap()).unwrap();
        let mut linker = Linker::<()>::new(engine);
        linker
            .root()
            .func_wrap("log", |_, (_,): (u32,)| Ok(()))
            .unwrap();
        let mut store = Store::new(engine, ());
        let err = linker.instantiate(&mut store, &component).unwrap_err();
        assert!(format!("{err:#}").contains("missing import"), "{err:#}");
        // The module compiled for another engine than the store's.
        let other = Engine::default();
        let module = Module::new(&other, wat::parse_str(MODULE).unwrap()).unwrap();
        linker.root().module("m", &module).unwrap();
        let err = linker.instantiate(&mut store, &component).unwrap_err();
        assert!(format!("{err:#}").contains("another engine"), "{err:#}");
    }
}
