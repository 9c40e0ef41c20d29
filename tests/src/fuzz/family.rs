//! The fixed family of types target `differential` draws from, and its
//! echo component (compiled once per process, so that executions only
//! call).

use std::sync::OnceLock;

use arbitrary::Unstructured;
use witbind::types::{
    Case, EnumType, Field, FlagsType, ListType, OptionType, RecordType, ResultType, TupleType,
    Type, VariantType,
};

use super::echo_component::component_wat;
use super::generate::{arbitrary_type, seeded_bytes};

/// How many types are generated from fixed seeds, after the hand-picked ones.
const GENERATED: u64 = 40;

/// The types and the echo component's binary.
pub struct Family {
    /// The types, by index.
    pub types: Vec<Type>,
    /// The component (see `echo_component`).
    pub wasm: Vec<u8>,
}

/// The family, built on first use.
pub fn family() -> &'static Family {
    static FAMILY: OnceLock<Family> = OnceLock::new();
    FAMILY.get_or_init(|| {
        let types = types();
        let wat = component_wat(&types);
        let wasm = wat::parse_str(&wat).unwrap_or_else(|e| panic!("{e}\n{wat}"));
        Family { types, wasm }
    })
}

/// Hand-picked types covering each layout rule, then generated ones.
fn types() -> Vec<Type> {
    let names = |prefix: &str, n: usize| (0..n).map(|i| format!("{prefix}{i}")).collect();
    let case = |i: usize, ty: Option<Type>| Case {
        name: format!("c{i}"),
        ty,
    };
    let list = |t: Type| Type::List(ListType::new(t));
    let mut types = vec![
        Type::Bool,
        Type::S8,
        Type::U16,
        Type::S32,
        Type::U64,
        Type::F32,
        Type::F64,
        Type::Char,
        Type::String,
        list(Type::U8),
        list(Type::String),
        Type::Record(RecordType::new(vec![
            Field {
                name: "a".into(),
                ty: Type::U8,
            },
            Field {
                name: "b".into(),
                ty: Type::F64,
            },
            Field {
                name: "c".into(),
                ty: Type::String,
            },
        ])),
        // Payloads whose flat types join: f32 with i32, i32 with i64, f64.
        Type::Variant(VariantType::new(vec![
            case(0, Some(Type::F32)),
            case(1, Some(Type::U32)),
            case(2, Some(Type::S64)),
            case(3, Some(Type::F64)),
            case(4, None),
        ])),
        Type::Variant(VariantType::new((0..257).map(|i| case(i, None)).collect())),
        Type::Enum(EnumType::new(names("e", 3))),
        Type::Enum(EnumType::new(names("e", 256))),
        Type::Flags(FlagsType::new(names("g", 8)).expect("8 flags")),
        Type::Flags(FlagsType::new(names("g", 9)).expect("9 flags")),
        Type::Flags(FlagsType::new(names("g", 32)).expect("32 flags")),
        Type::Option(OptionType::new(Type::Option(OptionType::new(Type::U8)))),
        Type::Result(ResultType::new(None, None)),
        Type::Result(ResultType::new(Some(Type::String), Some(list(Type::U16)))),
        Type::Tuple(TupleType::new(vec![Type::Char, Type::F32, Type::U64])),
        // 17 flat values: the parameter spills to memory.
        Type::Tuple(TupleType::new(vec![Type::U32; 17])),
    ];
    for seed in 0..GENERATED {
        let bytes = seeded_bytes(seed, 256);
        let mut u = Unstructured::new(&bytes);
        types.push(arbitrary_type(&mut u, 3).expect("bytes enough for a type"));
    }
    types
}
