//! Reflection: `Component::component_type()` walked on the committed fixtures and checked
//! against their WIT worlds and against wasmtime's own `component_type()`; `Func::ty()`;
//! `Linker::define_unknown_imports_as_traps`. Everything that runs a component runs on both
//! engines.

use witbind::types::{ComponentFunc, ComponentItem, CoreItemKind, Type};
use witbind::{Component, Engine, Linker, Store, Trap};
use witbind_tests::fixtures;
use witbind_tests::oracle::component_type::{wasmtime_lines, witbind_lines};

/// `ty` printed with every resource named by its own name only (`counter`), not by the path
/// the WIT (`host-side/counter`) or the component (`ns:pkg/host-side#counter`) gives it.
fn normalized(ty: &Type) -> String {
    let text = ty.to_string();
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find(['<', ',', ' ']) {
        out.push_str(&rest[..=at]);
        rest = &rest[at + 1..];
        let end = rest.find(['>', ',', ' ']).unwrap_or(rest.len());
        let word = &rest[..end];
        let short = word.rsplit(['/', '#']).next().unwrap_or(word);
        out.push_str(short);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The WIT world each fixture implements.
fn world_of(fixture: &str) -> &str {
    match fixture {
        "strings-utf16" | "strings-latin1-utf16" => "strings-encoded",
        other => other,
    }
}

/// Checks the described function `described` against the WIT function `func`.
fn check_func(
    resolve: &wit_parser::Resolve,
    func: &wit_parser::Function,
    described: &ComponentFunc,
    at: &str,
) {
    let params: Vec<(String, String)> = described
        .params()
        .map(|(name, ty)| (name.to_string(), normalized(ty)))
        .collect();
    let expected: Vec<(String, String)> = func
        .params
        .iter()
        .map(|p| {
            let ty = Type::from_wit(resolve, &p.ty).unwrap_or_else(|e| panic!("{at}: {e:#}"));
            (p.name.clone(), normalized(&ty))
        })
        .collect();
    assert_eq!(params, expected, "{at}: parameters");
    let results: Vec<String> = described.results().iter().map(normalized).collect();
    let expected: Vec<String> = func
        .result
        .iter()
        .map(|ty| normalized(&Type::from_wit(resolve, ty).expect("WIT type")))
        .collect();
    assert_eq!(results, expected, "{at}: results");
    assert!(!described.is_async(), "{at}");
}

/// Checks the functions of the WIT interface `iface` against the described instance
/// `items`: the same functions, with the same parameter names and types.
fn check_interface(
    resolve: &wit_parser::Resolve,
    iface: wit_parser::InterfaceId,
    item: &ComponentItem,
    at: &str,
) {
    let ComponentItem::ComponentInstance(instance) = item else {
        panic!("{at}: an interface is an instance, found a {}", item.kind());
    };
    let iface = &resolve.interfaces[iface];
    for (name, func) in &iface.functions {
        let Some(ComponentItem::ComponentFunc(described)) = instance.get_export(name) else {
            panic!("{at}: the function `{name}` is not described");
        };
        check_func(resolve, func, described, &format!("{at}#{name}"));
    }
    let described_funcs = instance
        .exports()
        .filter(|(_, item)| matches!(item, ComponentItem::ComponentFunc(_)))
        .count();
    assert_eq!(described_funcs, iface.functions.len(), "{at}");
}

#[test]
fn every_fixture_is_described_as_its_wit_world_says() {
    let mut resolve = wit_parser::Resolve::default();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("guests/wit");
    let (package, _) = resolve.push_dir(&root).expect("the guests' WIT");
    let engine = Engine::default();
    for fixture in fixtures::ALL.iter().chain(fixtures::BENCHMARKS) {
        let world = resolve
            .select_world(&[package], Some(world_of(fixture)))
            .unwrap_or_else(|e| panic!("{fixture}: {e:#}"));
        let component = Component::from_file(&engine, fixtures::path(fixture)).expect("load");
        let ty = component.component_type().expect("describe");
        let world = &resolve.worlds[world];
        let sides = [
            ("import", &world.imports, ty.imports().collect::<Vec<_>>()),
            ("export", &world.exports, ty.exports().collect::<Vec<_>>()),
        ];
        for (role, items, described) in sides {
            let mut functions = 0;
            for (key, item) in items {
                let name = resolve.name_world_key(key);
                let at = format!("{fixture}: {role} `{name}`");
                let found = described.iter().find(|(n, _)| *n == name).map(|(_, i)| *i);
                match item {
                    wit_parser::WorldItem::Interface { id, .. } => {
                        let found = found.unwrap_or_else(|| panic!("{at} is not described"));
                        check_interface(&resolve, *id, found, &at);
                        functions += 1;
                    }
                    wit_parser::WorldItem::Function(func) => {
                        let Some(ComponentItem::ComponentFunc(f)) = found else {
                            panic!("{at} is not described as a function");
                        };
                        check_func(&resolve, func, f, &at);
                        functions += 1;
                    }
                    // A type of the world is described only where the component uses it.
                    wit_parser::WorldItem::Type { .. } => {}
                }
            }
            let described_items = described
                .iter()
                .filter(|(_, item)| {
                    matches!(
                        item,
                        ComponentItem::ComponentFunc(_) | ComponentItem::ComponentInstance(_)
                    )
                })
                .count();
            assert_eq!(described_items, functions, "{fixture}: every {role}");
        }
    }
}

#[test]
fn every_fixture_is_described_as_wasmtime_describes_it() {
    // Maps, fixed-length lists and named imports are behind flags there.
    let mut config = wasmtime::Config::new();
    config
        .wasm_component_model_map(true)
        .wasm_component_model_fixed_length_lists(true)
        .wasm_component_model_implements(true);
    let wasmtime = wasmtime::Engine::new(&config).unwrap();
    for engine in witbind_tests::engines() {
        let all = fixtures::ALL.iter().chain(fixtures::BENCHMARKS);
        for fixture in all.chain(fixtures::COMPOSED) {
            let bytes = fixtures::bytes(fixture).expect("fixture");
            let ours = Component::new(&engine, &bytes)
                .and_then(|c| c.component_type())
                .unwrap_or_else(|e| panic!("{fixture}: {e:#}"));
            // wasmtime's types live as long as the component they came from.
            let component = wasmtime::component::Component::new(&wasmtime, &bytes)
                .unwrap_or_else(|e| panic!("{fixture} on wasmtime: {e:?}"));
            let theirs = component.component_type();
            let lines = witbind_lines(&ours);
            assert!(lines.iter().any(|l| l.starts_with("export ")), "{fixture}");
            assert_eq!(
                lines,
                wasmtime_lines(&theirs, &wasmtime),
                "{fixture} on {}",
                engine.backend_kind()
            );
        }
    }
}

#[test]
fn resources_are_described_with_one_identity_each() {
    let engine = Engine::default();
    let component = Component::from_file(&engine, fixtures::path("resources")).expect("load");
    let ty = component.component_type().expect("describe");
    assert_eq!(ty.imported_resources().len(), 1);
    assert_eq!(ty.defined_resources().len(), 1);
    let counter = &ty.imported_resources()[0];
    let stack = &ty.defined_resources()[0];
    assert_eq!(counter.name(), "witbind:guests/host-side#counter");
    assert_eq!(stack.name(), "witbind:guests/guest-side#stack");
    assert_ne!(counter, stack);

    let Some(ComponentItem::ComponentInstance(host)) = ty.get_import("witbind:guests/host-side")
    else {
        panic!("host-side is an imported instance");
    };
    let Some(ComponentItem::Resource(imported)) = host.get_export("counter") else {
        panic!("host-side exports the counter resource");
    };
    assert_eq!(imported, counter);
    let Some(ComponentItem::ComponentFunc(new)) = host.get_export("[constructor]counter") else {
        panic!("the counter's constructor is described");
    };
    assert_eq!(
        new.to_string(),
        format!("func(start: u32) -> own<{}>", counter.name())
    );
    assert_eq!(new.results(), [Type::Own(counter.clone())]);

    let Some(ComponentItem::ComponentInstance(guest)) = ty.get_export("witbind:guests/guest-side")
    else {
        panic!("guest-side is an exported instance");
    };
    // The exported interface re-exports the imported counter: the same resource.
    assert!(
        matches!(guest.get_export("counter"), Some(ComponentItem::Resource(r)) if r == counter)
    );
    assert!(matches!(guest.get_export("stack"), Some(ComponentItem::Resource(r)) if r == stack));
    let Some(ComponentItem::ComponentFunc(merge)) = guest.get_export("merge") else {
        panic!("merge is described");
    };
    assert_eq!(
        merge.param_types(),
        [Type::Borrow(stack.clone()), Type::Own(stack.clone())]
    );

    // Described once: a second walk gives the same identities.
    let again = component.component_type().expect("describe");
    assert_eq!(&again.imported_resources()[0], counter);
    // No instance's resource type equals the description's.
    let other = Component::from_file(&engine, fixtures::path("resources")).expect("load");
    assert_ne!(
        &other
            .component_type()
            .expect("describe")
            .imported_resources()[0],
        counter
    );
}

#[test]
fn exported_funcs_give_their_type_with_parameter_names() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let component = Component::from_file(&engine, fixtures::path("records")).expect("load");
        let described = component.component_type().expect("describe");
        let mut store = Store::new(&engine, ());
        let instance = Linker::new(&engine)
            .instantiate(&mut store, &component)
            .expect("instantiate");
        let func = instance
            .get_func(&mut store, "translate")
            .expect("translate");
        let ty = func.ty();
        let names: Vec<&str> = ty.params().map(|(name, _)| name).collect();
        assert_eq!(names, ["p", "dx", "dy"], "{backend}");
        assert_eq!(ty.param_types(), func.params(), "{backend}");
        assert_eq!(ty.results(), func.results(), "{backend}");
        assert_eq!(
            ty.to_string(),
            "func(p: record { x: s32, y: s32 }, dx: s32, dy: s32) -> record { x: s32, y: s32 }",
            "{backend}"
        );
        // Without resources, an instance's function type is the described one.
        let Some(ComponentItem::ComponentFunc(expected)) = described.get_export("translate") else {
            panic!("translate is described");
        };
        assert_eq!(ty, expected, "{backend}");
    }
}

#[test]
fn core_modules_and_value_types_are_described() {
    let text = r#"(component
        (import "m" (core module
            (import "env" "f" (func (param i32) (result i64)))
            (import "env" "g" (global (mut f32)))
            (export "mem" (memory 1 2))
            (export "t" (table 3 funcref))))
        (type $point (record (field "x" s32) (field "y" s32)))
        (export $p "point" (type $point))
        (import "i" (instance
            (type $fl (flags "a" "b"))
            (export "flags" (type (eq $fl)))
            (export "f" (func (param "x" u8)))))
        (core module $own (func (export "run")))
        (export "own" (core module $own)))"#;
    let engine = Engine::default();
    let component = Component::new(&engine, wat::parse_str(text).expect("wat")).expect("load");
    let ty = component.component_type().expect("describe");

    let Some(ComponentItem::Module(m)) = ty.get_import("m") else {
        panic!("`m` is an imported module");
    };
    let imports: Vec<_> = m
        .imports()
        .map(|((module, field), item)| (module, field, item.kind(), item.text().to_string()))
        .collect();
    assert_eq!(
        imports,
        [
            (
                "env",
                "f",
                CoreItemKind::Func,
                "(func (param i32) (result i64))".to_string()
            ),
            (
                "env",
                "g",
                CoreItemKind::Global,
                "(global (mut f32))".to_string()
            ),
        ]
    );
    let exports: Vec<_> = m
        .exports()
        .map(|(name, item)| (name, item.kind(), item.to_string()))
        .collect();
    assert_eq!(
        exports,
        [
            ("mem", CoreItemKind::Memory, "(memory 1 2)".to_string()),
            ("t", CoreItemKind::Table, "(table 3 funcref)".to_string()),
        ]
    );

    let Some(ComponentItem::Type(point)) = ty.get_export("point") else {
        panic!("`point` is an exported type");
    };
    assert_eq!(point.to_string(), "record { x: s32, y: s32 }");
    let Some(ComponentItem::ComponentInstance(i)) = ty.get_import("i") else {
        panic!("`i` is an imported instance");
    };
    let kinds: Vec<_> = i
        .exports()
        .map(|(name, item)| (name, item.kind()))
        .collect();
    assert_eq!(kinds, [("flags", "type"), ("f", "function")]);
    assert!(
        matches!(ty.get_export("own"), Some(ComponentItem::Module(m)) if m.exports().len() == 1)
    );

    // wasmtime sees the same component the same way.
    let wasmtime = wasmtime::Engine::default();
    let component = wasmtime::component::Component::new(&wasmtime, wat::parse_str(text).unwrap())
        .expect("wasmtime loads it");
    let theirs = component.component_type();
    assert_eq!(witbind_lines(&ty), wasmtime_lines(&theirs, &wasmtime));
}

/// A component importing a root function, and an interface with a resource and two
/// functions; `run` calls `new-thing` (through the interface), `double` at the root.
const IMPORTS: &str = r#"(component
  (import "double" (func $double (param "x" u32) (result u32)))
  (import "test:host/things" (instance $things
    (export "thing" (type $thing (sub resource)))
    (export "new-thing" (func (param "v" u32) (result (own $thing))))
    (export "thing-value" (func (param "t" (borrow $thing)) (result u32)))))
  (alias export $things "new-thing" (func $new-thing))
  (alias export $things "thing-value" (func $thing-value))
  (core func $double-core (canon lower (func $double)))
  (core func $new-core (canon lower (func $new-thing)))
  (core func $value-core (canon lower (func $thing-value)))
  (core module $m
    (import "host" "double" (func $double (param i32) (result i32)))
    (import "host" "new" (func $new (param i32) (result i32)))
    (import "host" "value" (func $value (param i32) (result i32)))
    (func (export "double") (param i32) (result i32) (call $double (local.get 0)))
    (func (export "value") (param i32) (result i32) (call $value (call $new (local.get 0)))))
  (core instance $i (instantiate $m
    (with "host" (instance
      (export "double" (func $double-core))
      (export "new" (func $new-core))
      (export "value" (func $value-core))))))
  (func (export "double") (param "x" u32) (result u32) (canon lift (core func $i "double")))
  (func (export "value") (param "v" u32) (result u32) (canon lift (core func $i "value")))
)"#;

fn unknown_import(err: &witbind::Error) -> Option<String> {
    match err.downcast_ref::<Trap>() {
        Some(Trap::UnknownImport { name }) => Some(name.clone()),
        _ => None,
    }
}

#[test]
fn unknown_imports_become_functions_that_trap_naming_the_import() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let component = Component::new(&engine, wat::parse_str(IMPORTS).expect("wat")).unwrap();
        let mut linker = Linker::<()>::new(&engine);
        let err = linker
            .instantiate(&mut Store::new(&engine, ()), &component)
            .unwrap_err();
        assert!(
            format!("{err:#}").contains("missing import"),
            "{backend}: {err:#}"
        );

        linker.define_unknown_imports_as_traps(&component).unwrap();
        let mut store = Store::new(&engine, ());
        let instance = linker.instantiate(&mut store, &component).unwrap();
        let double = instance
            .get_typed_func::<(u32,), (u32,)>(&mut store, "double")
            .unwrap();
        let err = double.call(&mut store, (2,)).unwrap_err();
        assert_eq!(
            unknown_import(&err).as_deref(),
            Some("double"),
            "{backend}: {err:#}"
        );
        assert!(
            format!("{err:#}").contains("`double`"),
            "{backend}: {err:#}"
        );

        // A fresh instance: the first one trapped. Functions of interfaces trap too.
        let instance = linker.instantiate(&mut store, &component).unwrap();
        let value = instance
            .get_typed_func::<(u32,), (u32,)>(&mut store, "value")
            .unwrap();
        let err = value.call(&mut store, (2,)).unwrap_err();
        assert_eq!(
            unknown_import(&err).as_deref(),
            Some("test:host/things#new-thing"),
            "{backend}: {err:#}"
        );
        // Defining them again changes nothing.
        linker.define_unknown_imports_as_traps(&component).unwrap();
    }
}

#[test]
fn imports_the_linker_defines_are_kept() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let component = Component::new(&engine, wat::parse_str(IMPORTS).expect("wat")).unwrap();
        struct Thing;
        let mut linker = Linker::<()>::new(&engine);
        linker
            .root()
            .func_wrap("double", |_, (x,): (u32,)| Ok((x * 2,)))
            .unwrap();
        let mut things = linker.instance("test:host/things").unwrap();
        things.resource::<Thing>("thing", |_, _| Ok(())).unwrap();
        things
            .func_wrap("new-thing", |_, (v,): (u32,)| {
                Ok((witbind::Resource::<Thing>::new_own(v),))
            })
            .unwrap();
        linker.define_unknown_imports_as_traps(&component).unwrap();
        let mut store = Store::new(&engine, ());
        let instance = linker.instantiate(&mut store, &component).unwrap();
        let double = instance
            .get_typed_func::<(u32,), (u32,)>(&mut store, "double")
            .unwrap();
        assert_eq!(double.call(&mut store, (21,)).unwrap(), (42,), "{backend}");
        // `new-thing` is the host's; `thing-value`, which was not defined, traps.
        let value = instance
            .get_typed_func::<(u32,), (u32,)>(&mut store, "value")
            .unwrap();
        let err = value.call(&mut store, (2,)).unwrap_err();
        assert_eq!(
            unknown_import(&err).as_deref(),
            Some("test:host/things#thing-value"),
            "{backend}: {err:#}"
        );
    }
}

#[test]
fn unknown_resources_become_types_no_one_can_make() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let component = Component::new(&engine, wat::parse_str(IMPORTS).expect("wat")).unwrap();
        // The host defines the constructor with its own resource type but not the resource:
        // the unknown `thing` becomes a type of witbind's, which no Rust type of the host's
        // stands for, so the constructor no longer matches.
        struct Other;
        let mut linker = Linker::<()>::new(&engine);
        linker
            .instance("test:host/things")
            .unwrap()
            .func_wrap("new-thing", |_, (v,): (u32,)| {
                Ok((witbind::Resource::<Other>::new_own(v),))
            })
            .unwrap();
        linker.define_unknown_imports_as_traps(&component).unwrap();
        let mut store = Store::new(&engine, ());
        let err = linker.instantiate(&mut store, &component).unwrap_err();
        let text = format!("{err:#}");
        assert!(
            text.contains("import `test:host/things#new-thing`"),
            "{backend}: {text}"
        );
        assert!(text.contains("test:host/things#thing"), "{backend}: {text}");

        // With every import left to it, the component instantiates.
        let mut linker = Linker::<()>::new(&engine);
        linker.define_unknown_imports_as_traps(&component).unwrap();
        assert!(
            linker.instantiate(&mut store, &component).is_ok(),
            "{backend}"
        );
    }
}

#[test]
fn imported_modules_cannot_be_defined_as_traps() {
    let text = r#"(component (import "m" (core module)))"#;
    let engine = Engine::default();
    let component = Component::new(&engine, wat::parse_str(text).expect("wat")).unwrap();
    let err = Linker::<()>::new(&engine)
        .define_unknown_imports_as_traps(&component)
        .unwrap_err();
    assert!(format!("{err:#}").contains("import `m`"), "{err:#}");
    assert!(format!("{err:#}").contains("module"), "{err:#}");
}
