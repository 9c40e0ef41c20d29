//! Every import a component declares must be defined, with its declared kind
//! and type, whether or not its core code uses it: the component's type
//! promises all of them.

use witbind::{Component, Engine, Linker, Store};

fn instantiate(engine: &Engine, linker: &Linker<()>, text: &str) -> witbind::Result<()> {
    let component = Component::new(engine, wat::parse_str(text).unwrap())?;
    let mut store = Store::new(engine, ());
    linker.instantiate(&mut store, &component).map(|_| ())
}

#[test]
fn an_unused_declared_import_is_required() {
    for engine in witbind_tests::engines() {
        let kind = engine.backend_kind();
        let text = r#"(component (import "undefined-name" (func)))"#;
        let err = instantiate(&engine, &Linker::new(&engine), text).unwrap_err();
        let message = format!("{err:#}");
        assert!(message.contains("missing import"), "{kind}: {message}");
        assert!(message.contains("undefined-name"), "{kind}: {message}");
        // Defined with the declared type, it instantiates.
        let mut linker = Linker::new(&engine);
        linker
            .root()
            .func_wrap("undefined-name", |_, (): ()| Ok(()))
            .unwrap();
        instantiate(&engine, &linker, text).unwrap();
    }
}

#[test]
fn an_unused_declared_import_is_type_checked() {
    for engine in witbind_tests::engines() {
        let kind = engine.backend_kind();
        let text = r#"(component (import "f" (func (param "x" u32))))"#;
        let mut linker = Linker::new(&engine);
        linker
            .root()
            .func_wrap("f", |_, (_,): (String,)| Ok(()))
            .unwrap();
        let err = instantiate(&engine, &linker, text).unwrap_err();
        assert!(
            format!("{err:#}").contains("does not match"),
            "{kind}: {err:#}"
        );
    }
}

#[test]
fn an_instance_import_is_not_satisfied_by_a_function() {
    for engine in witbind_tests::engines() {
        let kind = engine.backend_kind();
        let text = r#"(component (import "ns:pkg/iface" (instance (export "f" (func)))))"#;
        let mut linker = Linker::new(&engine);
        linker
            .root()
            .func_wrap("ns:pkg/iface", |_, (): ()| Ok(()))
            .unwrap();
        let err = instantiate(&engine, &linker, text).unwrap_err();
        assert!(
            format!("{err:#}").contains("imports an instance, the linker defines a function"),
            "{kind}: {err:#}"
        );
        // Every function and resource of an unused instance import is
        // required too.
        let mut linker = Linker::new(&engine);
        linker.instance("ns:pkg/iface").unwrap();
        let err = instantiate(&engine, &linker, text).unwrap_err();
        assert!(
            format!("{err:#}").contains("ns:pkg/iface#f"),
            "{kind}: {err:#}"
        );
        linker
            .instance("ns:pkg/iface")
            .unwrap()
            .func_wrap("f", |_, (): ()| Ok(()))
            .unwrap();
        instantiate(&engine, &linker, text).unwrap();
    }
}
