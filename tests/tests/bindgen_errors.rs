//! `trappable_error_type` end to end: a host function returns a Rust error
//! type; `convert_error` turns it into the WIT error the guest sees, or into
//! a trap. The guest is a core module made a component by wit-component.

use witbind::{Component, Engine, Linker, Store};

const WIT: &str = include_str!("../wit/errors.wit");

mod bindings {
    witbind::bindgen!({
        path: "wit/errors.wit",
        trappable_error_type: { "test:errors/fs/error": crate::FsError },
    });
}

const CORE: &str = r#"
(module
  (import "test:errors/fs" "open" (func $open (param i32 i32)))
  (memory (export "memory") 1)
  (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32) (i32.const 1024))
  (func (export "try-open") (param $c i32) (result i32)
    (call $open (local.get $c) (i32.const 64))
    (if (result i32) (i32.load8_u (i32.const 64))
      (then (i32.add (i32.const 100) (i32.load8_u (i32.const 68))))
      (else (i32.load (i32.const 68))))))
"#;

/// The host's own error type.
#[derive(Debug)]
pub enum FsError {
    /// Becomes `error.not-found`.
    NotFound,
    /// Becomes `error.denied`.
    Denied,
    /// Not a WIT error: traps the guest.
    Fatal(String),
}

struct Fs;

impl bindings::test::errors::fs::Host for Fs {
    fn open(&mut self, code: u32) -> Result<u32, FsError> {
        match code {
            0 => Err(FsError::NotFound),
            1 => Err(FsError::Denied),
            2 => Err(FsError::Fatal("disk on fire".into())),
            n => Ok(n * 10),
        }
    }

    fn convert_error(
        &mut self,
        err: FsError,
    ) -> witbind::Result<bindings::test::errors::fs::Error> {
        use bindings::test::errors::fs::Error;
        match err {
            FsError::NotFound => Ok(Error::NotFound),
            FsError::Denied => Ok(Error::Denied),
            FsError::Fatal(why) => Err(anyhow::anyhow!("fatal: {why}")),
        }
    }
}

fn component(engine: &Engine) -> Component {
    let mut resolve = wit_parser::Resolve::default();
    let package = resolve.push_str("errors.wit", WIT).unwrap();
    let world = resolve.select_world(&[package], Some("errors")).unwrap();
    let mut module = wat::parse_str(CORE).unwrap();
    wit_component::embed_component_metadata(
        &mut module,
        &resolve,
        world,
        wit_component::StringEncoding::UTF8,
    )
    .unwrap();
    let bytes = wit_component::ComponentEncoder::default()
        .module(&module)
        .unwrap()
        .validate(true)
        .encode()
        .unwrap();
    Component::new(engine, bytes).unwrap()
}

#[test]
fn host_errors_become_wit_errors_or_traps() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let component = component(&engine);
        let mut linker = Linker::new(&engine);
        bindings::Errors::add_to_linker(&mut linker, |fs: &mut Fs| fs).unwrap();

        let mut store = Store::new(&engine, Fs);
        let guest = bindings::Errors::instantiate(&mut store, &component, &linker).unwrap();
        assert_eq!(guest.call_try_open(&mut store, 5).unwrap(), 50, "{backend}");
        assert_eq!(
            guest.call_try_open(&mut store, 0).unwrap(),
            100,
            "{backend}"
        );
        assert_eq!(
            guest.call_try_open(&mut store, 1).unwrap(),
            101,
            "{backend}"
        );
        let err = guest.call_try_open(&mut store, 2).unwrap_err();
        assert!(
            format!("{err:#}").contains("fatal: disk on fire"),
            "{backend}: {err:#}"
        );
    }
}
