//! `Val` against typed values: identical flat values, bytes and `realloc`
//! calls, and errors (never panics) for values that do not fit their type.

use std::fmt::Debug;

use crate::abi::flat::{CANONICAL_NAN32, FlatReader, FlatType, FlatWriter};
use crate::abi::memory::VecMemory;
use crate::abi::options::{MAX_FLAT_PARAMS, MAX_FLAT_RESULTS, StringEncoding};
use crate::abi::traits::{Lift, Lower};
use crate::types::{
    Case, EnumType, Field, FlagsType, ListType, OptionType, RecordType, ResultType, TupleType,
    Type, VariantType,
};
use crate::{BumpAllocator, LiftContext, LowerContext, Trap};

use super::{CanonContext, CoreFuncType, Val, lift_flat_values, lower_flat_values};

const ENCODINGS: [StringEncoding; 3] = [
    StringEncoding::Utf8,
    StringEncoding::Utf16,
    StringEncoding::CompactUtf16,
];

/// A 4 KiB memory whose `realloc` bump-allocates from 64 (shrinking in place)
/// and records its calls.
fn memory() -> (VecMemory, BumpAllocator) {
    let bump = BumpAllocator::new(64);
    (bump.memory(vec![0; 4096]), bump)
}

/// What one lowering produced: flat values (or nothing for `store`), the
/// memory and the `realloc` calls.
type Outcome = (Vec<u64>, Vec<u8>, Vec<[u32; 4]>);

fn lower_with(
    encoding: StringEncoding,
    flat_count: usize,
    lower: impl FnOnce(&mut LowerContext<'_, VecMemory>, &mut FlatWriter<'_>) -> crate::Result<()>,
) -> Outcome {
    let (mut memory, calls) = memory();
    let mut flat = vec![0; flat_count];
    let mut writer = FlatWriter::new(&mut flat);
    lower(&mut LowerContext::new(&mut memory, encoding), &mut writer).unwrap();
    assert_eq!(writer.len(), flat_count);
    let calls = calls.calls();
    (flat, memory.into_bytes(), calls)
}

/// Lowers `typed` and `val` (of type `ty`) both ways in every encoding,
/// asserts identical results, and lifts them back.
fn assert_same<T>(typed: T, val: Val, ty: Type)
where
    T: Lower + for<'a> Lift<'a> + PartialEq + Debug,
{
    T::typecheck(&ty).unwrap();
    assert_eq!(T::FLAT_COUNT, ty.flat_types().len());
    assert_eq!(T::SIZE32, ty.size32() as usize);
    for encoding in ENCODINGS {
        let count = T::FLAT_COUNT;
        let by_type = lower_with(encoding, count, |cx, dst| typed.lower_flat(cx, dst));
        let by_val = lower_with(encoding, count, |cx, dst| val.lower_flat(cx, &ty, dst));
        assert_eq!(by_type, by_val, "lower_flat of {val:?} in {encoding:?}");

        let (flat, bytes, _) = &by_val;
        let mut cx = LiftContext::new(bytes, encoding);
        let lifted = Val::lift_flat(&mut cx, &ty, &mut FlatReader::new(flat)).unwrap();
        assert_eq!(lifted, val, "lift_flat in {encoding:?}");
        let lifted = T::lift_flat(&mut cx, &mut FlatReader::new(flat)).unwrap();
        assert_eq!(lifted, typed);

        let by_type = lower_with(encoding, 0, |cx, _| typed.store(cx, 8));
        let by_val = lower_with(encoding, 0, |cx, _| val.store(cx, &ty, 8));
        assert_eq!(by_type, by_val, "store of {val:?} in {encoding:?}");

        let (_, bytes, _) = &by_val;
        let mut cx = LiftContext::new(bytes, encoding);
        let stored = &bytes[8..8 + ty.size32() as usize];
        assert_eq!(
            Val::load(&mut cx, &ty, stored).unwrap(),
            val,
            "load in {encoding:?}"
        );
        assert_eq!(T::load(&mut cx, stored).unwrap(), typed);
    }
}

fn list(element: Type) -> Type {
    Type::List(ListType::new(element))
}

fn option(some: Type) -> Type {
    Type::Option(OptionType::new(some))
}

fn result(ok: Option<Type>, err: Option<Type>) -> Type {
    Type::Result(ResultType::new(ok, err))
}

fn tuple(types: Vec<Type>) -> Type {
    Type::Tuple(TupleType::new(types))
}

fn some(val: Val) -> Val {
    Val::Option(Some(Box::new(val)))
}

fn strings(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}

#[test]
fn scalars_match_typed_values() {
    assert_same(true, Val::Bool(true), Type::Bool);
    assert_same(-5i8, Val::S8(-5), Type::S8);
    assert_same(200u8, Val::U8(200), Type::U8);
    assert_same(-30000i16, Val::S16(-30000), Type::S16);
    assert_same(60000u16, Val::U16(60000), Type::U16);
    assert_same(i32::MIN, Val::S32(i32::MIN), Type::S32);
    assert_same(u32::MAX, Val::U32(u32::MAX), Type::U32);
    assert_same(i64::MIN, Val::S64(i64::MIN), Type::S64);
    assert_same(u64::MAX, Val::U64(u64::MAX), Type::U64);
    assert_same(-0.0f32, Val::Float32(-0.0), Type::F32);
    assert_same(f64::INFINITY, Val::Float64(f64::INFINITY), Type::F64);
    assert_same('\u{10FFFF}', Val::Char('\u{10FFFF}'), Type::Char);
}

#[test]
fn strings_and_lists_match_typed_values_in_every_encoding() {
    for s in ["", "ascii", "latin1 é", "wide ☃ and 😀"] {
        assert_same(s.to_string(), Val::String(s.into()), Type::String);
    }
    assert_same(
        vec![1u16, 2, 65535],
        Val::List(vec![Val::U16(1), Val::U16(2), Val::U16(65535)]),
        list(Type::U16),
    );
    assert_same(
        vec!["a".to_string(), "é☃".to_string()],
        Val::List(vec![Val::String("a".into()), Val::String("é☃".into())]),
        list(Type::String),
    );
    assert_same(
        vec![vec![1u8], vec![]],
        Val::List(vec![Val::List(vec![Val::U8(1)]), Val::List(vec![])]),
        list(list(Type::U8)),
    );
}

#[test]
fn options_results_and_tuples_match_typed_values() {
    assert_same(
        Some("x".to_string()),
        some(Val::String("x".into())),
        option(Type::String),
    );
    assert_same(None::<u64>, Val::Option(None), option(Type::U64));
    assert_same(
        Some(Some(7u8)),
        some(some(Val::U8(7))),
        option(option(Type::U8)),
    );
    let ty = result(Some(Type::U32), Some(Type::String));
    assert_same(
        Ok::<u32, String>(9),
        Val::Result(Ok(Some(Box::new(Val::U32(9))))),
        ty.clone(),
    );
    assert_same(
        Err::<u32, String>("bad".into()),
        Val::Result(Err(Some(Box::new(Val::String("bad".into()))))),
        ty,
    );
    assert_same(
        Err::<(), u8>(3),
        Val::Result(Err(Some(Box::new(Val::U8(3))))),
        result(None, Some(Type::U8)),
    );
    assert_same(
        (1u8, 2u64, "three".to_string()),
        Val::Tuple(vec![Val::U8(1), Val::U64(2), Val::String("three".into())]),
        tuple(vec![Type::U8, Type::U64, Type::String]),
    );
    assert_same(
        vec![Some(1.5f64), None],
        Val::List(vec![some(Val::Float64(1.5)), Val::Option(None)]),
        list(option(Type::F64)),
    );
}

#[test]
fn nan_is_lowered_and_lifted_canonical() {
    let noisy = f32::from_bits(0xffc0_0001);
    let (flat, _, _) = lower_with(StringEncoding::Utf8, 1, |cx, dst| {
        Val::Float32(noisy).lower_flat(cx, &Type::F32, dst)
    });
    assert_eq!(flat, [u64::from(CANONICAL_NAN32)]);
    let mut cx = LiftContext::new(&[], StringEncoding::Utf8);
    let lifted = Val::lift_flat(&mut cx, &Type::F32, &mut FlatReader::new(&[0x7f80_0001])).unwrap();
    assert_eq!(lifted, Val::Float32(f32::from_bits(CANONICAL_NAN32)));
    assert_ne!(lifted, Val::Float32(noisy));
}

fn shape() -> Type {
    Type::Variant(VariantType::new(vec![
        Case {
            name: "int".into(),
            ty: Some(Type::U32),
        },
        Case {
            name: "big".into(),
            ty: Some(Type::U64),
        },
        Case {
            name: "real".into(),
            ty: Some(Type::F32),
        },
        Case {
            name: "none".into(),
            ty: None,
        },
    ]))
}

fn variant(name: &str, payload: Option<Val>) -> Val {
    Val::Variant(name.into(), payload.map(Box::new))
}

#[test]
fn variants_join_their_payload_slots() {
    let ty = shape();
    assert_eq!(ty.flat_types(), [FlatType::I32, FlatType::I64]);
    let lower = |val: Val| {
        lower_with(StringEncoding::Utf8, 2, |cx, dst| {
            val.lower_flat(cx, &ty, dst)
        })
        .0
    };
    assert_eq!(
        lower(variant("real", Some(Val::Float32(1.5)))),
        [2, 0x3fc0_0000]
    );
    assert_eq!(
        lower(variant("int", Some(Val::U32(u32::MAX)))),
        [0, 0xffff_ffff]
    );
    assert_eq!(lower(variant("none", None)), [3, 0]);

    // An `i32` payload in the `i64` slot is truncated to its low 32 bits.
    let mut cx = LiftContext::new(&[], StringEncoding::Utf8);
    let lifted = Val::lift_flat(&mut cx, &ty, &mut FlatReader::new(&[0, 0x1_0000_0005])).unwrap();
    assert_eq!(lifted, variant("int", Some(Val::U32(5))));
    let lifted = Val::lift_flat(&mut cx, &ty, &mut FlatReader::new(&[1, 0x1_0000_0005])).unwrap();
    assert_eq!(lifted, variant("big", Some(Val::U64(0x1_0000_0005))));
}

#[test]
fn records_enums_and_flags_store_as_laid_out() {
    let point = Type::Record(RecordType::new(vec![
        Field {
            name: "x".into(),
            ty: Type::U8,
        },
        Field {
            name: "y".into(),
            ty: Type::U32,
        },
    ]));
    let value = Val::Record(vec![("x".into(), Val::U8(1)), ("y".into(), Val::U32(2))]);
    // A record is laid out as the tuple of its field types.
    let as_record = lower_with(StringEncoding::Utf8, 2, |cx, dst| {
        value.lower_flat(cx, &point, dst)?;
        value.store(cx, &point, 8)
    });
    let as_tuple = lower_with(StringEncoding::Utf8, 2, |cx, dst| {
        (1u8, 2u32).lower_flat(cx, dst)?;
        (1u8, 2u32).store(cx, 8)
    });
    assert_eq!(as_record, as_tuple);
    assert_eq!(&as_record.1[8..16], [1, 0, 0, 0, 2, 0, 0, 0]);
    let mut cx = LiftContext::new(&as_record.1, StringEncoding::Utf8);
    assert_eq!(
        Val::load(&mut cx, &point, &as_record.1[8..16]).unwrap(),
        value
    );

    let wide = Type::Enum(EnumType::new((0..300).map(|i| format!("c{i}")).collect()));
    let (_, bytes, _) = lower_with(StringEncoding::Utf8, 0, |cx, _| {
        Val::Enum("c258".into()).store(cx, &wide, 8)
    });
    assert_eq!(&bytes[8..10], 258u16.to_le_bytes());
    let mut cx = LiftContext::new(&bytes, StringEncoding::Utf8);
    assert_eq!(
        Val::load(&mut cx, &wide, &bytes[8..10]).unwrap(),
        Val::Enum("c258".into())
    );

    let flags = Type::Flags(FlagsType::new((0..9).map(|i| format!("b{i}")).collect()).unwrap());
    let set = Val::Flags(strings(&["b8", "b0"]));
    let (flat, bytes, _) = lower_with(StringEncoding::Utf8, 1, |cx, dst| {
        set.lower_flat(cx, &flags, dst)?;
        set.store(cx, &flags, 8)
    });
    assert_eq!(flat, [0x101]);
    assert_eq!(&bytes[8..10], [1, 1]);
    // Lifting ignores bits past the last flag and lists set flags in order.
    let mut cx = LiftContext::new(&[], StringEncoding::Utf8);
    let lifted = Val::lift_flat(&mut cx, &flags, &mut FlatReader::new(&[0xfe01])).unwrap();
    assert_eq!(lifted, Val::Flags(strings(&["b0"])));
}

fn lower_err(val: &Val, ty: &Type) -> crate::Error {
    let (mut memory, _) = memory();
    let mut cx = LowerContext::new(&mut memory, StringEncoding::Utf8);
    let mut flat = vec![0; ty.flat_types().len()];
    let err = val
        .lower_flat(&mut cx, ty, &mut FlatWriter::new(&mut flat))
        .unwrap_err();
    assert!(
        err.downcast_ref::<Trap>().is_none(),
        "{err:#} is not a trap"
    );
    err
}

#[test]
fn values_that_do_not_fit_their_type_are_errors() {
    let err = lower_err(&variant("square", None), &shape());
    assert!(err.to_string().contains("no case `square`"), "{err}");
    let err = lower_err(&variant("int", None), &shape());
    assert!(err.to_string().contains("needs a `u32` payload"), "{err}");
    let err = lower_err(&variant("none", Some(Val::U8(1))), &shape());
    assert!(err.to_string().contains("has no payload"), "{err}");

    let flags = Type::Flags(FlagsType::new(strings(&["read"])).unwrap());
    let err = lower_err(&Val::Flags(strings(&["write"])), &flags);
    assert!(err.to_string().contains("no flag `write`"), "{err}");

    let record = Type::Record(RecordType::new(vec![Field {
        name: "a".into(),
        ty: Type::U8,
    }]));
    let err = lower_err(&Val::Record(vec![]), &record);
    assert!(err.to_string().contains("field `a` of"), "{err}");
    let extra = Val::Record(vec![("a".into(), Val::U8(1)), ("b".into(), Val::U8(2))]);
    assert!(
        lower_err(&extra, &record)
            .to_string()
            .contains("no field `b`")
    );

    let err = lower_err(
        &Val::Tuple(vec![Val::U8(1)]),
        &tuple(vec![Type::U8, Type::U8]),
    );
    assert!(err.to_string().contains("2 elements"), "{err}");
    let err = lower_err(&Val::U32(1), &Type::U64);
    assert!(err.to_string().contains("`u32` value"), "{err}");
    let err = lower_err(&Val::Result(Ok(None)), &option(Type::U8));
    assert!(err.to_string().contains("`result` value"), "{err}");
}

fn lift_trap(ty: &Type, memory: &[u8], flat: &[u64]) -> Trap {
    let mut cx = LiftContext::new(memory, StringEncoding::Utf8);
    let err = Val::lift_flat(&mut cx, ty, &mut FlatReader::new(flat)).unwrap_err();
    match err.root_cause().downcast_ref::<Trap>() {
        Some(trap) => trap.clone(),
        None => panic!("{err:#} is not a trap"),
    }
}

#[test]
fn malformed_guest_values_trap() {
    assert_eq!(
        lift_trap(&shape(), &[], &[4, 0]),
        Trap::InvalidDiscriminant {
            discriminant: 4,
            cases: 4
        }
    );
    assert_eq!(
        lift_trap(&option(Type::U8), &[], &[2, 0]),
        Trap::InvalidDiscriminant {
            discriminant: 2,
            cases: 2
        }
    );
    assert_eq!(
        lift_trap(&Type::Char, &[], &[0xD800]),
        Trap::InvalidChar(0xD800)
    );
    let memory = [0u8; 64];
    assert_eq!(
        lift_trap(&list(Type::U32), &memory, &[2, 1]),
        Trap::UnalignedPointer { ptr: 2, align: 4 }
    );
    assert!(matches!(
        lift_trap(&list(Type::U32), &memory, &[60, 2]),
        Trap::OutOfBounds {
            ptr: 60,
            len: 8,
            ..
        }
    ));
    // The length limit is checked before the (also wrong) alignment.
    assert!(matches!(
        lift_trap(&list(Type::U64), &memory, &[1, 1 << 28]),
        Trap::ListTooLong { .. }
    ));
    // Strings check the same way: length limit, then alignment, then bounds.
    let utf16 = |flat: &[u64]| {
        let mut cx = LiftContext::new(&memory, StringEncoding::Utf16);
        let err = Val::lift_flat(&mut cx, &Type::String, &mut FlatReader::new(flat));
        err.unwrap_err().downcast_ref::<Trap>().cloned()
    };
    assert!(matches!(
        utf16(&[1, 1 << 28]),
        Some(Trap::StringTooLong { .. })
    ));
    assert_eq!(
        utf16(&[1, 100]),
        Some(Trap::UnalignedPointer { ptr: 1, align: 2 })
    );
    assert!(matches!(
        utf16(&[2, 100]),
        Some(Trap::OutOfBounds { ptr: 2, .. })
    ));
    let mut wide = [0u8; 16];
    wide[..2].copy_from_slice(&300u16.to_le_bytes());
    let ty = Type::Enum(EnumType::new((0..300).map(|i| format!("c{i}")).collect()));
    let mut cx = LiftContext::new(&wide, StringEncoding::Utf8);
    let err = Val::load(&mut cx, &ty, &wide[..2]).unwrap_err();
    assert_eq!(
        err.downcast_ref::<Trap>(),
        Some(&Trap::InvalidDiscriminant {
            discriminant: 300,
            cases: 300
        })
    );
}

#[test]
fn lists_of_zero_sized_values_cost_fuel() {
    let ty = list(tuple(vec![]));
    let mut cx = LiftContext::new(&[], StringEncoding::Utf8);
    let err = Val::lift_flat(
        &mut cx,
        &ty,
        &mut FlatReader::new(&[0, u64::from(u32::MAX)]),
    );
    let err = err.unwrap_err();
    assert!(matches!(
        err.downcast_ref::<Trap>(),
        Some(Trap::HostcallFuelExhausted { .. })
    ));
    let lifted = Val::lift_flat(&mut cx, &ty, &mut FlatReader::new(&[0, 2])).unwrap();
    assert_eq!(
        lifted,
        Val::List(vec![Val::Tuple(vec![]), Val::Tuple(vec![])])
    );
}

#[test]
fn core_signatures_spill_past_the_flat_limits() {
    let many = vec![Type::U32; 17];
    let export = CoreFuncType::new(&many, &[Type::String], CanonContext::Lift);
    assert_eq!(export.params, [FlatType::I32]);
    assert_eq!(export.results, [FlatType::I32]);
    let import = CoreFuncType::new(&[Type::U64], &[Type::String], CanonContext::Lower);
    assert_eq!(import.params, [FlatType::I64, FlatType::I32]);
    assert!(import.results.is_empty());
    let flat = CoreFuncType::new(&vec![Type::U32; 16], &[Type::F32], CanonContext::Lower);
    assert_eq!(flat.params.len(), 16);
    assert_eq!(flat.results, [FlatType::F32]);
}

#[test]
fn export_arguments_spill_into_a_reallocated_tuple() {
    let types = vec![Type::U32; 17];
    let values: Vec<Val> = (0..17).map(Val::U32).collect();
    let (mut memory, calls) = memory();
    let mut cx = LowerContext::new(&mut memory, StringEncoding::Utf8);
    let flat = lower_flat_values(&mut cx, MAX_FLAT_PARAMS, &types, &values, None).unwrap();
    assert_eq!(flat, [64]);
    assert_eq!(calls.calls(), [[0, 0, 4, 68]]);
    let bytes = memory.into_bytes();
    assert_eq!(&bytes[64 + 4 * 16..64 + 68], 16u32.to_le_bytes());

    let mut cx = LiftContext::new(&bytes, StringEncoding::Utf8);
    let lifted = lift_flat_values(
        &mut cx,
        MAX_FLAT_PARAMS,
        &types,
        &mut FlatReader::new(&flat),
    );
    assert_eq!(lifted.unwrap(), values);
    let flat16 = lower_flat_values(
        &mut LowerContext::new(&mut memory_only(), StringEncoding::Utf8),
        MAX_FLAT_PARAMS,
        &types[..16],
        &values[..16],
        None,
    );
    assert_eq!(flat16.unwrap(), (0..16).collect::<Vec<u64>>());
}

fn memory_only() -> VecMemory {
    VecMemory::without_realloc(vec![0; 256])
}

#[test]
fn import_results_spill_to_the_out_pointer_without_allocating() {
    let types = [tuple(vec![Type::U32, Type::U8])];
    let values = [Val::Tuple(vec![Val::U32(7), Val::U8(9)])];
    let mut memory = memory_only();
    let mut cx = LowerContext::new(&mut memory, StringEncoding::Utf8);
    let mut out = FlatReader::new(&[16]);
    let flat = lower_flat_values(&mut cx, MAX_FLAT_RESULTS, &types, &values, Some(&mut out));
    assert!(flat.unwrap().is_empty());
    assert_eq!(&memory.bytes()[16..21], [7, 0, 0, 0, 9]);

    let mut cx = LowerContext::new(&mut memory, StringEncoding::Utf8);
    let mut out = FlatReader::new(&[18]);
    let err = lower_flat_values(&mut cx, MAX_FLAT_RESULTS, &types, &values, Some(&mut out));
    assert_eq!(
        err.unwrap_err().downcast_ref::<Trap>(),
        Some(&Trap::UnalignedPointer { ptr: 18, align: 4 })
    );
}

#[test]
fn spilled_values_are_checked_before_they_are_read() {
    let types = [tuple(vec![Type::U32, Type::U8])];
    let memory = [0u8; 32];
    let lift = |ptr: u64| {
        let mut cx = LiftContext::new(&memory, StringEncoding::Utf8);
        let err = lift_flat_values(
            &mut cx,
            MAX_FLAT_RESULTS,
            &types,
            &mut FlatReader::new(&[ptr]),
        );
        err.unwrap_err().downcast_ref::<Trap>().cloned()
    };
    assert_eq!(lift(2), Some(Trap::UnalignedPointer { ptr: 2, align: 4 }));
    assert!(matches!(
        lift(28),
        Some(Trap::OutOfBounds {
            ptr: 28,
            len: 8,
            ..
        })
    ));
}
