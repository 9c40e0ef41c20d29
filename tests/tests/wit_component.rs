//! A component produced by wit-component from a core module, the way real
//! guests are built: string-passing imports go through wit-component's shim
//! and fixup modules (an indirect-call table filled after the main module is
//! instantiated), and exports use `cabi_realloc` and `cabi_post_*`.

use witbind::{Component, Linker, Store};

const WIT: &str = r#"
package test:guest;

interface log {
  log: func(msg: string);
}

interface api {
  greet: func(name: string) -> string;
}

world guest {
  import log;
  import double: func(x: u32) -> u32;
  export api;
  export add: func(a: u32, b: u32) -> u32;
}
"#;

const CORE: &str = r#"
(module
  (import "test:guest/log" "log" (func $log (param i32 i32)))
  (import "$root" "double" (func $double (param i32) (result i32)))
  (memory (export "memory") 1)
  (global $bump (mut i32) (i32.const 1024))
  (global $posts (mut i32) (i32.const 0))
  (data (i32.const 100) "Hello, ")
  (func $realloc (export "cabi_realloc") (param i32 i32 i32 i32) (result i32)
    (local $p i32)
    (local.set $p
      (i32.and
        (i32.add (global.get $bump) (i32.sub (local.get 2) (i32.const 1)))
        (i32.sub (i32.const 0) (local.get 2))))
    (global.set $bump (i32.add (local.get $p) (local.get 3)))
    (local.get $p))
  (func (export "add") (param i32 i32) (result i32)
    (call $double (i32.add (local.get 0) (local.get 1))))
  (func (export "test:guest/api#greet") (param $ptr i32) (param $len i32) (result i32)
    (local $out i32)
    (call $log (local.get $ptr) (local.get $len))
    (local.set $out
      (call $realloc (i32.const 0) (i32.const 0) (i32.const 1)
        (i32.add (local.get $len) (i32.const 7))))
    (memory.copy (local.get $out) (i32.const 100) (i32.const 7))
    (memory.copy (i32.add (local.get $out) (i32.const 7)) (local.get $ptr) (local.get $len))
    (i32.store (i32.const 16) (local.get $out))
    (i32.store (i32.const 20) (i32.add (local.get $len) (i32.const 7)))
    (i32.const 16))
  (func (export "cabi_post_test:guest/api#greet") (param i32)
    (global.set $posts (i32.add (global.get $posts) (i32.const 1)))))
"#;

fn guest_component() -> Vec<u8> {
    let mut resolve = wit_parser::Resolve::default();
    let package = resolve.push_str("guest.wit", WIT).unwrap();
    let world = resolve.select_world(&[package], Some("guest")).unwrap();
    let mut module = wat::parse_str(CORE).unwrap();
    wit_component::embed_component_metadata(
        &mut module,
        &resolve,
        world,
        wit_component::StringEncoding::UTF8,
    )
    .unwrap();
    wit_component::ComponentEncoder::default()
        .module(&module)
        .unwrap()
        .validate(true)
        .encode()
        .unwrap()
}

#[test]
fn a_wit_component_guest_runs_with_shim_and_fixup_modules() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let component = Component::new(&engine, guest_component()).unwrap();
        let mut store = Store::new(&engine, Vec::<String>::new());
        let mut linker: Linker<Vec<String>> = Linker::new(&engine);
        linker
            .root()
            .func_wrap("double", |_, (x,): (u32,)| Ok((x * 2,)))
            .unwrap();
        linker
            .instance("test:guest/log")
            .unwrap()
            .func_wrap("log", |mut store, (msg,): (String,)| {
                store.data_mut().push(msg);
                Ok(())
            })
            .unwrap();
        let instance = linker.instantiate(&mut store, &component).unwrap();

        let add = instance
            .get_typed_func::<(u32, u32), (u32,)>(&mut store, "add")
            .unwrap();
        assert_eq!(add.call(&mut store, (3, 4)).unwrap(), (14,), "{backend}");

        let greet = instance
            .get_typed_func::<(&str,), (String,)>(&mut store, ("test:guest/api", "greet"))
            .unwrap();
        assert_eq!(
            greet.call(&mut store, ("wörld",)).unwrap(),
            ("Hello, wörld".to_string(),),
            "{backend}"
        );
        assert_eq!(
            greet.call(&mut store, ("again",)).unwrap(),
            ("Hello, again".to_string(),),
            "{backend}"
        );
        assert_eq!(
            store.data(),
            &["wörld".to_string(), "again".to_string()],
            "{backend}"
        );
    }
}

#[test]
fn interface_exports_are_found_by_interface_and_name_only() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let component = Component::new(&engine, guest_component()).unwrap();
        let mut store = Store::new(&engine, Vec::<String>::new());
        let mut linker: Linker<Vec<String>> = Linker::new(&engine);
        linker
            .root()
            .func_wrap("double", |_, (x,): (u32,)| Ok((x,)))
            .unwrap();
        linker
            .instance("test:guest/log")
            .unwrap()
            .func_wrap("log", |_, (_,): (String,)| Ok(()))
            .unwrap();
        let instance = linker.instantiate(&mut store, &component).unwrap();
        let err = instance
            .get_typed_func::<(&str,), (String,)>(&mut store, "greet")
            .unwrap_err();
        assert!(format!("{err:#}").contains("greet"), "{backend}: {err:#}");
        let err = instance
            .get_typed_func::<(&str,), (String,)>(&mut store, ("test:guest/nope", "greet"))
            .unwrap_err();
        assert!(
            format!("{err:#}").contains("test:guest/nope"),
            "{backend}: {err:#}"
        );
    }
}
