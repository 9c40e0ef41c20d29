//! Fixed-length lists (`list<T, N>`): Rust arrays and `Val::List`s of
//! exactly `N` elements, laid out inline like a tuple, and a component
//! passing them back and forth, against wasmtime's component model.

use witbind::types::{Field, FixedListType, RecordType};
use witbind::{Component, ComponentType, Linker, Store, Type, Val};
use witbind_tests::{assert_round_trip, assert_same_as_val};

fn fixed(element: Type, len: u32) -> Type {
    Type::FixedList(FixedListType::new(element, len))
}

/// A record with a fixed-length list field.
#[derive(ComponentType, witbind::Lift, witbind::Lower, Debug, PartialEq)]
#[component(record)]
struct Block {
    tag: u8,
    words: [u32; 3],
    names: [String; 2],
}

#[test]
fn arrays_lay_out_flatten_and_round_trip_as_the_spec_says() {
    let ty = fixed(Type::U32, 3);
    assert_eq!((<[u32; 3]>::SIZE32, <[u32; 3]>::ALIGN32), (12, 4));
    assert_eq!((ty.size32(), ty.align32()), (12, 4));
    assert_eq!(<[u32; 3]>::FLAT_COUNT, 3);
    assert_eq!(ty.flat_types().len(), 3);
    assert_eq!(ty.to_string(), "list<u32, 3>");
    <[u32; 3]>::typecheck(&ty).unwrap();
    assert!(<[u32; 2]>::typecheck(&ty).is_err());
    assert!(<[u32; 3]>::typecheck(&Type::List(witbind::types::ListType::new(Type::U32))).is_err());

    assert_round_trip(&[1u32, 2, 3]);
    assert_same_as_val(&[7u32, 8, 9], &ty);
    assert_round_trip(&["a".to_string(), "bc".to_string()]);
    assert_same_as_val(
        &["a".to_string(), "bc".to_string()],
        &fixed(Type::String, 2),
    );

    let block = Block {
        tag: 1,
        words: [10, 20, 30],
        names: ["x".into(), "yz".into()],
    };
    let block_type = Type::Record(RecordType::new(vec![
        Field {
            name: "tag".into(),
            ty: Type::U8,
        },
        Field {
            name: "words".into(),
            ty: fixed(Type::U32, 3),
        },
        Field {
            name: "names".into(),
            ty: fixed(Type::String, 2),
        },
    ]));
    Block::typecheck(&block_type).unwrap();
    assert_eq!(Block::SIZE32 as u32, block_type.size32());
    assert_round_trip(&block);
    assert_same_as_val(&block, &block_type);
}

/// Reverses a `list<u32, 3>`, flat in and flat out.
const REVERSE: &str = r#"(component
  (core module $m2
    (memory (export "memory") 1)
    (func (export "rev") (param i32 i32 i32) (result i32)
      (i32.store (i32.const 100) (local.get 2))
      (i32.store (i32.const 104) (local.get 1))
      (i32.store (i32.const 108) (local.get 0))
      (i32.const 100)))
  (core instance $i (instantiate $m2))
  (type $l (list u32 3))
  (func (export "rev") (param "l" $l) (result $l)
    (canon lift (core func $i "rev") (memory (core memory $i "memory")))))"#;

#[test]
fn a_component_takes_and_returns_fixed_length_lists_as_wasmtime_does() {
    let bytes = wat::parse_str(REVERSE).unwrap();
    // The oracle.
    let mut config = wasmtime::Config::new();
    config.wasm_component_model_fixed_length_lists(true);
    let engine = wasmtime::Engine::new(&config).unwrap();
    let component = wasmtime::component::Component::new(&engine, &bytes).unwrap();
    let mut store = wasmtime::Store::new(&engine, ());
    let instance = wasmtime::component::Linker::new(&engine)
        .instantiate(&mut store, &component)
        .unwrap();
    let rev = instance
        .get_typed_func::<([u32; 3],), ([u32; 3],)>(&mut store, "rev")
        .unwrap();
    let expected = rev.call(&mut store, ([1, 2, 3],)).unwrap();
    assert_eq!(expected, ([3, 2, 1],));

    for engine in witbind_tests::engines() {
        let kind = engine.backend_kind();
        let component = Component::new(&engine, &bytes).unwrap();
        let mut store = Store::new(&engine, ());
        let instance = Linker::new(&engine)
            .instantiate(&mut store, &component)
            .unwrap();
        let rev = instance
            .get_typed_func::<([u32; 3],), ([u32; 3],)>(&mut store, "rev")
            .unwrap();
        assert_eq!(
            rev.call(&mut store, ([1, 2, 3],)).unwrap(),
            expected,
            "{kind}"
        );
        // Dynamically, as a `Val::List` of exactly three.
        let func = instance.get_func(&mut store, "rev").unwrap();
        let mut results = [Val::Bool(false)];
        let args = [Val::List(vec![Val::U32(4), Val::U32(5), Val::U32(6)])];
        func.call(&mut store, &args, &mut results).unwrap();
        assert_eq!(
            results[0],
            Val::List(vec![Val::U32(6), Val::U32(5), Val::U32(4)]),
            "{kind}"
        );
        // Another length is refused before the guest runs.
        let short = [Val::List(vec![Val::U32(1)])];
        assert!(
            func.call(&mut store, &short, &mut results).is_err(),
            "{kind}"
        );
    }
}

/// The component of `huge_fixed_length_lists_*`: `f` takes `ty`.
fn huge_list_component(ty: &str) -> Vec<u8> {
    let text = format!(
        r#"(component
      (core module $m
        (memory (export "memory") 1)
        (func (export "realloc") (param i32 i32 i32 i32) (result i32) unreachable)
        (func (export "f") (param i32)))
      (core instance $i (instantiate $m))
      (type $big {ty})
      (func (export "f") (param "x" $big)
        (canon lift (core func $i "f") (memory (core memory $i "memory"))
          (realloc (core func $i "realloc")))))"#
    );
    wat::parse_str(text).unwrap()
}

/// Nested fixed-length lists as large as the Canonical ABI allows (just
/// under 2^28 bytes, 268 million flat values): loading the component
/// neither allocates their flat types nor hangs.
#[test]
fn huge_fixed_length_lists_load_without_unbounded_work() {
    let bytes = huge_list_component("(list (list u8 16384) 16383)");
    for engine in witbind_tests::engines() {
        let kind = engine.backend_kind();
        let component = Component::new(&engine, &bytes).unwrap();
        let mut store = Store::new(&engine, ());
        let instance = Linker::new(&engine)
            .instantiate(&mut store, &component)
            .unwrap();
        let f = instance.get_func(&mut store, "f").unwrap();
        assert_eq!(
            f.params()[0].to_string(),
            "list<list<u8, 16384>, 16383>",
            "{kind}"
        );
        // Its value cannot be built, let alone lowered: no call is tried.
    }
}

/// Past the Canonical ABI's bound of 2^28 - 1 bytes a value type is
/// invalid: 2^60 bytes of nested lists are refused, naming the bound.
#[test]
fn huge_fixed_length_lists_past_the_bound_are_invalid() {
    let bytes = huge_list_component("(list (list u8 1073741824) 1073741824)");
    for engine in witbind_tests::engines() {
        let err = Component::new(&engine, &bytes).unwrap_err();
        assert!(
            format!("{err:#}").contains("exceeds maximum byte size"),
            "{}: {err:#}",
            engine.backend_kind()
        );
    }
}
