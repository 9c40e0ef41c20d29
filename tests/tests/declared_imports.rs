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

/// `b:c/y` uses the resource `r` of `b:c/x` (as `wasi:io/streams` uses the
/// `error` of `wasi:io/error`): its instance type re-exports `r` as an
/// `(eq ...)` alias, and a function of it takes a handle to `r`.
const USED_RESOURCE: &str = r#"
(component
  (import "b:c/x" (instance $x (export "r" (type (sub resource)))))
  (alias export $x "r" (type $r))
  (import "b:c/y" (instance $y
    (alias outer 1 $r (type $r'))
    (export "r" (type $r2 (eq $r')))
    (type $b (borrow $r2))
    (export "f" (func (param "h" $b)))
  ))
)"#;

struct R;

#[test]
fn a_used_resource_is_defined_by_the_interface_that_introduces_it() {
    for engine in witbind_tests::engines() {
        let kind = engine.backend_kind();
        let mut linker = Linker::new(&engine);
        linker
            .instance("b:c/y")
            .unwrap()
            .func_wrap(
                "f",
                |_, (_,): (witbind::Borrowed<witbind::Resource<R>>,)| Ok(()),
            )
            .unwrap();
        // Without `b:c/x#r`, the alias in `b:c/y` does not stand in for it.
        let err = instantiate(&engine, &linker, USED_RESOURCE).unwrap_err();
        assert!(format!("{err:#}").contains("b:c/x#r"), "{kind}: {err:#}");
        linker
            .instance("b:c/x")
            .unwrap()
            .resource::<R>("r", |_, _| Ok(()))
            .unwrap();
        // `b:c/y#r` needs no definition of its own: it is `b:c/x#r`.
        instantiate(&engine, &linker, USED_RESOURCE).unwrap();
    }
}

#[test]
fn every_missing_import_is_listed_in_one_error_by_interface() {
    let text = r#"(component
        (import "a:b/one" (instance
            (export "f" (func))
            (export "r" (type (sub resource)))
            (export "g" (func (param "x" u32)))))
        (import "log" (func (param "msg" string)))
        (import "a:b/two@0.2.0" (instance (export "h" (func))))
        (import "count" (func (result u32))))"#;
    for engine in witbind_tests::engines() {
        let kind = engine.backend_kind();
        let mut linker = Linker::new(&engine);
        // Defined ones are not listed.
        linker
            .instance("a:b/one")
            .unwrap()
            .func_wrap("g", |_, (_,): (u32,)| Ok(()))
            .unwrap();
        let err = instantiate(&engine, &linker, text).unwrap_err();
        let message = format!("{err:#}");
        let expected = "missing imports: the component imports 5 items the linker does not define:\n  \
            interface `a:b/one`: `f` (function), `r` (resource)\n  \
            root: `log` (function), `count` (function)\n  \
            interface `a:b/two@0.2.0`: `h` (function)\n";
        assert!(message.starts_with(expected), "{kind}: {message}");
        assert!(!message.contains("`g`"), "{kind}: {message}");
        // A definition of the wrong type is a mismatch, not a missing import.
        let mut linker = Linker::new(&engine);
        let mut one = linker.instance("a:b/one").unwrap();
        one.func_wrap("f", |_, (): ()| Ok(())).unwrap();
        one.resource::<R>("r", |_, _| Ok(())).unwrap();
        one.func_wrap("g", |_, (_,): (String,)| Ok(())).unwrap();
        let mut root = linker.root();
        root.func_wrap("log", |_, (_,): (String,)| Ok(())).unwrap();
        root.func_wrap("count", |_, (): ()| Ok((1u32,))).unwrap();
        linker
            .instance("a:b/two@0.2.3")
            .unwrap()
            .func_wrap("h", |_, (): ()| Ok(()))
            .unwrap();
        let err = instantiate(&engine, &linker, text).unwrap_err();
        let message = format!("{err:#}");
        assert!(!message.contains("missing import"), "{kind}: {message}");
        assert!(message.contains("a:b/one#g"), "{kind}: {message}");
    }
}

/// A component whose import `b` is bound `(eq ...)` to its import `a`.
const EQ_BOUND: &str = r#"(component
    (import "a" (type $a (sub resource)))
    (import "b" (type $b (eq $a)))
)"#;

struct First;
struct Second;

#[test]
fn an_eq_bound_requires_the_same_resource_type() {
    for engine in witbind_tests::engines() {
        let kind = engine.backend_kind();
        let mut linker = Linker::new(&engine);
        linker.root().resource::<First>("a", |_, _| Ok(())).unwrap();
        linker
            .root()
            .resource::<Second>("b", |_, _| Ok(()))
            .unwrap();
        let err = instantiate(&engine, &linker, EQ_BOUND).unwrap_err();
        let message = format!("{err:#}");
        assert!(
            message.contains("import `b`") && message.contains("(`eq`)"),
            "{kind}: {message}"
        );
        // wasmtime refuses the same linking.
        let wt_engine = wasmtime::Engine::default();
        let mut wt = wasmtime::component::Linker::<()>::new(&wt_engine);
        let mut root = wt.root();
        root.resource(
            "a",
            wasmtime::component::ResourceType::host::<First>(),
            |_, _| Ok(()),
        )
        .unwrap();
        root.resource(
            "b",
            wasmtime::component::ResourceType::host::<Second>(),
            |_, _| Ok(()),
        )
        .unwrap();
        let component =
            wasmtime::component::Component::new(&wt_engine, wat::parse_str(EQ_BOUND).unwrap())
                .unwrap();
        let mut store = wasmtime::Store::new(&wt_engine, ());
        assert!(wt.instantiate(&mut store, &component).is_err());

        // The same type for both links.
        let mut linker = Linker::new(&engine);
        linker.root().resource::<First>("a", |_, _| Ok(())).unwrap();
        linker.root().resource::<First>("b", |_, _| Ok(())).unwrap();
        instantiate(&engine, &linker, EQ_BOUND).unwrap();
    }
}

/// A component whose sub-component calls another sub-component's export:
/// what wasmtime-environ turns into a fused adapter (`tests/adapters.rs`
/// runs such calls).
const COMPOSED: &str = r#"(component
    (component $callee
        (core module $m (func (export "f")))
        (core instance $i (instantiate $m))
        (func (export "f") (canon lift (core func $i "f"))))
    (instance $c (instantiate $callee))
    (component $caller
        (import "f" (func $f))
        (core func $lowered (canon lower (func $f)))
        (core module $m (import "" "f" (func)))
        (core instance (instantiate $m (with "" (instance (export "f" (func $lowered)))))))
    (instance (instantiate $caller (with "f" (func $c "f"))))
)"#;

#[test]
fn a_composed_component_instantiates_on_every_engine() {
    for engine in witbind_tests::engines() {
        instantiate(&engine, &Linker::new(&engine), COMPOSED).unwrap();
    }
}
