//! Runs a small component through witbind's host: the component imports a
//! logging function and exports a greeting, and the host passes strings both
//! ways through the guest's memory.

use witbind::{Component, Engine, Linker, Store};

/// A component written in WAT: a core module with memory and a bump
/// `realloc`, lifted and lowered with the canonical ABI.
const GREETER: &str = r#"(component
  (import "log" (func $log (param "msg" string)))
  (core module $libc
    (memory (export "memory") 1)
    (global $bump (mut i32) (i32.const 1024))
    (func (export "realloc") (param i32 i32 i32 i32) (result i32)
      (local $p i32)
      (local.set $p (i32.and (i32.add (global.get $bump) (i32.sub (local.get 2) (i32.const 1)))
                             (i32.sub (i32.const 0) (local.get 2))))
      (global.set $bump (i32.add (local.get $p) (local.get 3)))
      (if (local.get 0) (then (memory.copy (local.get $p) (local.get 0) (local.get 1))))
      (local.get $p)))
  (core instance $libc (instantiate $libc))
  (alias core export $libc "memory" (core memory $mem))
  (alias core export $libc "realloc" (core func $realloc))
  (core func $log-core (canon lower (func $log) (memory $mem)))
  (core module $m
    (import "libc" "memory" (memory 1))
    (import "libc" "realloc" (func $realloc (param i32 i32 i32 i32) (result i32)))
    (import "host" "log" (func $log (param i32 i32)))
    (data (i32.const 100) "Hello, ")
    (func (export "greet") (param $ptr i32) (param $len i32) (result i32)
      (local $out i32)
      (call $log (local.get $ptr) (local.get $len))
      (local.set $out (call $realloc (i32.const 0) (i32.const 0) (i32.const 1)
                                     (i32.add (local.get $len) (i32.const 7))))
      (memory.copy (local.get $out) (i32.const 100) (i32.const 7))
      (memory.copy (i32.add (local.get $out) (i32.const 7)) (local.get $ptr) (local.get $len))
      (i32.store (i32.const 16) (local.get $out))
      (i32.store (i32.const 20) (i32.add (local.get $len) (i32.const 7)))
      (i32.const 16)))
  (core instance $i (instantiate $m
    (with "libc" (instance $libc))
    (with "host" (instance (export "log" (func $log-core))))))
  (func (export "greet") (param "name" string) (result string)
    (canon lift (core func $i "greet") (memory $mem) (realloc $realloc))))"#;

fn main() -> anyhow::Result<()> {
    let engine = Engine::default();
    let component = Component::new(&engine, wat::parse_str(GREETER)?)?;

    let mut linker: Linker<Vec<String>> = Linker::new(&engine);
    linker
        .root()
        .func_wrap("log", |mut store, (msg,): (String,)| {
            store.data_mut().push(msg);
            Ok(())
        })?;

    let mut store = Store::new(&engine, Vec::new());
    let instance = linker.instantiate(&mut store, &component)?;
    let greet = instance.get_typed_func::<(&str,), (String,)>(&mut store, "greet")?;
    let (greeting,) = greet.call(&mut store, ("component",))?;
    println!("{greeting}");
    println!("the guest logged: {:?}", store.data());
    Ok(())
}
