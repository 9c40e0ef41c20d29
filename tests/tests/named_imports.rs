//! WIT named imports (`import primary: kv;`) and `@external-id`: a
//! wit-bindgen guest importing one interface twice, linked by each import's
//! label through `bindgen!` and through a plain `Linker`, against wasmtime.

use std::collections::HashMap;

use witbind::{Component, Linker, Store};
use witbind_tests::fixtures;

mod bindings {
    ::witbind::bindgen!({ path: "guests/wit/named-imports.wit", world: "named-imports" });
}

/// Two stores, one per named import.
#[derive(Default)]
struct Stores {
    primary: HashMap<String, String>,
    fallback: HashMap<String, String>,
    asked: Vec<String>,
}

impl bindings::primary::Host for Stores {
    fn get(&mut self, key: String) -> Option<String> {
        self.asked.push(format!("primary:{key}"));
        self.primary.get(&key).cloned()
    }
}

impl bindings::fallback::Host for Stores {
    fn get(&mut self, key: String) -> Option<String> {
        self.asked.push(format!("fallback:{key}"));
        self.fallback.get(&key).cloned()
    }
}

fn stores() -> Stores {
    Stores {
        primary: HashMap::from([("a".into(), "from primary".into())]),
        fallback: HashMap::from([
            ("a".into(), "shadowed".into()),
            ("b".into(), "from fallback".into()),
        ]),
        asked: Vec::new(),
    }
}

#[test]
fn each_named_import_is_linked_by_its_label() {
    use bindings::NamedImports;
    for engine in witbind_tests::engines() {
        let kind = engine.backend_kind();
        let component = Component::from_file(&engine, fixtures::path("named-imports")).unwrap();
        let mut imports = component.import_names();
        imports.sort();
        assert_eq!(imports, ["fallback", "primary"], "{kind}");

        let mut linker = Linker::new(&engine);
        NamedImports::add_to_linker(&mut linker, |s: &mut Stores| s).unwrap();
        let mut store = Store::new(&engine, stores());
        let guest = NamedImports::instantiate(&mut store, &component, &linker).unwrap();
        assert_eq!(
            guest.call_lookup(&mut store, "a").unwrap(),
            "from primary",
            "{kind}"
        );
        assert_eq!(
            guest.call_lookup(&mut store, "b").unwrap(),
            "from fallback",
            "{kind}"
        );
        assert_eq!(guest.call_lookup(&mut store, "c").unwrap(), "?", "{kind}");
        assert_eq!(
            guest.call_holders(&mut store, "a").unwrap(),
            ["primary", "fallback"],
            "{kind}"
        );
        assert_eq!(
            store.data().asked[..3],
            ["primary:a", "primary:b", "fallback:b"],
            "{kind}"
        );
    }
}

/// The interface's name is not an import of the component: defining only
/// `witbind:guests/kv` links neither named import.
#[test]
fn the_implemented_interface_does_not_stand_for_a_label() {
    for engine in witbind_tests::engines() {
        let component = Component::from_file(&engine, fixtures::path("named-imports")).unwrap();
        let mut linker = Linker::<()>::new(&engine);
        linker
            .instance("witbind:guests/kv")
            .unwrap()
            .func_wrap("get", |_, (_,): (String,)| Ok((None::<String>,)))
            .unwrap();
        let Err(err) = linker.instantiate_pre(&component) else {
            panic!("linked without the named imports");
        };
        assert!(format!("{err:#}").contains("primary"), "{err:#}");
    }
}

/// The same calls on wasmtime's component model (the oracle) and on
/// witbind, with the oracle's documented stores (`HostState::named_get`).
#[test]
fn wasmtime_gives_the_same_answers() {
    use witbind_tests::oracle::{Case, Neutral as N, assert_cases};
    let cases = vec![
        Case::returns("lookup", vec![N::string("a")], N::string("from primary")),
        Case::returns("lookup", vec![N::string("b")], N::string("from fallback")),
        Case::returns("lookup", vec![N::string("c")], N::string("?")),
        Case::returns(
            "holders",
            vec![N::string("a")],
            N::List(vec![N::string("primary"), N::string("fallback")]),
        ),
        Case::returns("holders", vec![N::string("z")], N::List(vec![])),
    ];
    assert_cases("named-imports", &cases);

    // The binary carries the `(implements ..)` names: without the feature,
    // wasmtime's validator refuses it.
    let bytes = fixtures::bytes("named-imports").unwrap();
    let plain = wasmtime::Engine::default();
    let err = wasmtime::component::Component::new(&plain, &bytes).unwrap_err();
    assert!(format!("{err:?}").contains("implements"), "{err:?}");
}
