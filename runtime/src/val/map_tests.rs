//! `map<K, V>`: `Val::Map`, `HashMap`, `BTreeMap` and lists of pairs give
//! the same bytes as `list<tuple<K, V>>`, keep the guest's entries or the
//! last value of a duplicate key, and trap on malformed bodies.

use std::collections::{BTreeMap, HashMap};

use crate::abi::flat::{FlatReader, FlatWriter};
use crate::abi::memory::VecMemory;
use crate::abi::options::StringEncoding;
use crate::abi::traits::{ComponentType, Lift, Lower};
use crate::types::{ListType, MapType, TupleType, Type};
use crate::{BumpAllocator, LiftContext, LowerContext, Trap};

use super::Val;

fn map(key: Type, value: Type) -> Type {
    Type::Map(MapType::new(key, value))
}

fn entries(pairs: &[(u8, &str)]) -> Val {
    Val::Map(
        pairs
            .iter()
            .map(|&(k, v)| (Val::U8(k), Val::String(v.into())))
            .collect(),
    )
}

/// Lowers with `lower` into a fresh memory and returns the flat values, the
/// memory and the `realloc` calls.
fn lowered(
    lower: impl FnOnce(&mut LowerContext<'_, VecMemory>, &mut FlatWriter<'_>) -> crate::Result<()>,
) -> (Vec<u64>, Vec<u8>, Vec<[u32; 4]>) {
    let bump = BumpAllocator::new(16);
    let mut memory = bump.memory(vec![0; 1024]);
    let mut flat = vec![0; 2];
    lower(
        &mut LowerContext::new(&mut memory, StringEncoding::Utf8),
        &mut FlatWriter::new(&mut flat),
    )
    .unwrap();
    (flat, memory.into_bytes(), bump.calls())
}

#[test]
fn a_map_travels_exactly_as_its_list_of_pairs() {
    let ty = map(Type::U8, Type::String);
    let as_list = Type::List(ListType::new(Type::Tuple(TupleType::new(vec![
        Type::U8,
        Type::String,
    ]))));
    assert_eq!(ty.size32(), 8);
    assert_eq!(ty.align32(), 4);
    assert_eq!(ty.flat_types(), as_list.flat_types());
    assert_eq!(ty.to_string(), "map<u8, string>");

    let pairs = [(1, "one"), (2, "two"), (3, "three")];
    let val = entries(&pairs);
    let tuples = Val::List(
        pairs
            .iter()
            .map(|&(k, v)| Val::Tuple(vec![Val::U8(k), Val::String(v.into())]))
            .collect(),
    );
    let btree: BTreeMap<u8, String> = pairs.iter().map(|&(k, v)| (k, v.into())).collect();
    let vec: Vec<(u8, String)> = pairs.iter().map(|&(k, v)| (k, v.into())).collect();
    BTreeMap::<u8, String>::typecheck(&ty).unwrap();
    Vec::<(u8, String)>::typecheck(&ty).unwrap();

    let by_val = lowered(|cx, dst| val.lower_flat(cx, &ty, dst));
    assert_eq!(
        by_val,
        lowered(|cx, dst| tuples.lower_flat(cx, &as_list, dst))
    );
    assert_eq!(by_val, lowered(|cx, dst| btree.lower_flat(cx, dst)));
    assert_eq!(by_val, lowered(|cx, dst| vec.lower_flat(cx, dst)));

    let (flat, bytes, _) = &by_val;
    let mut cx = LiftContext::new(bytes, StringEncoding::Utf8);
    assert_eq!(
        Val::lift_flat(&mut cx, &ty, &mut FlatReader::new(flat)).unwrap(),
        val
    );
    let lifted = HashMap::<u8, String>::lift_flat(&mut cx, &mut FlatReader::new(flat)).unwrap();
    assert_eq!(lifted, btree.clone().into_iter().collect());
    let lifted = BTreeMap::<u8, String>::lift_flat(&mut cx, &mut FlatReader::new(flat)).unwrap();
    assert_eq!(lifted, btree);
}

#[test]
fn the_last_value_of_a_duplicate_key_wins_in_keyed_collections() {
    let ty = map(Type::U8, Type::String);
    let val = entries(&[(7, "first"), (1, "one"), (7, "last")]);
    let (flat, bytes, _) = lowered(|cx, dst| val.lower_flat(cx, &ty, dst));
    let mut cx = LiftContext::new(&bytes, StringEncoding::Utf8);
    let reader = || FlatReader::new(&flat);

    // `Val` keeps each key once, where it first appears, with its last value.
    assert_eq!(
        Val::lift_flat(&mut cx, &ty, &mut reader()).unwrap(),
        entries(&[(7, "last"), (1, "one")])
    );
    // A list of pairs keeps every entry, in the guest's order.
    let raw = Vec::<(u8, String)>::lift_flat(&mut cx, &mut reader()).unwrap();
    assert_eq!(raw.len(), 3);

    let hash = HashMap::<u8, String>::lift_flat(&mut cx, &mut reader()).unwrap();
    assert_eq!(hash.len(), 2);
    assert_eq!(hash[&7], "last");
    let btree = BTreeMap::<u8, String>::lift_flat(&mut cx, &mut reader()).unwrap();
    assert_eq!(
        btree.into_iter().collect::<Vec<_>>(),
        [(1, "one".to_string()), (7, "last".to_string())]
    );
}

#[test]
fn maps_typecheck_their_key_and_value_types() {
    let ty = map(Type::String, Type::U32);
    HashMap::<String, u32>::typecheck(&ty).unwrap();
    let err = HashMap::<String, u64>::typecheck(&ty).unwrap_err();
    assert!(err.to_string().contains("u64"), "{err}");
    let list_of_pairs = Type::List(ListType::new(Type::Tuple(TupleType::new(vec![
        Type::String,
        Type::U32,
    ]))));
    let err = BTreeMap::<String, u32>::typecheck(&list_of_pairs).unwrap_err();
    assert!(err.to_string().contains("map<_, _>"), "{err}");
    // A list of pairs represents either type.
    Vec::<(String, u32)>::typecheck(&list_of_pairs).unwrap();
    Vec::<(String, u32)>::typecheck(&ty).unwrap();

    let err = Val::Map(vec![(Val::U32(1), Val::U32(2))])
        .lower_flat(
            &mut LowerContext::new(
                &mut BumpAllocator::new(16).memory(vec![0; 64]),
                StringEncoding::Utf8,
            ),
            &ty,
            &mut FlatWriter::new(&mut [0; 2]),
        )
        .unwrap_err();
    assert!(
        err.to_string().contains("cannot be lowered as `string`"),
        "{err}"
    );
}

fn lift_trap(ty: &Type, memory: &[u8], flat: &[u64]) -> Trap {
    let mut cx = LiftContext::new(memory, StringEncoding::Utf8);
    let err = Val::lift_flat(&mut cx, ty, &mut FlatReader::new(flat)).unwrap_err();
    let typed = HashMap::<char, u32>::lift_flat(&mut cx, &mut FlatReader::new(flat)).unwrap_err();
    let trap = err.root_cause().downcast_ref::<Trap>().cloned();
    assert_eq!(trap, typed.root_cause().downcast_ref::<Trap>().cloned());
    trap.unwrap_or_else(|| panic!("{err:#} is not a trap"))
}

#[test]
fn malformed_map_bodies_trap_like_lists() {
    let ty = map(Type::Char, Type::U32);
    let mut memory = [0u8; 64];
    assert_eq!(
        lift_trap(&ty, &memory, &[2, 1]),
        Trap::UnalignedPointer { ptr: 2, align: 4 }
    );
    assert!(matches!(
        lift_trap(&ty, &memory, &[56, 2]),
        Trap::OutOfBounds {
            ptr: 56,
            len: 16,
            ..
        }
    ));
    assert!(matches!(
        lift_trap(&ty, &memory, &[0, 1 << 28]),
        Trap::ListTooLong { .. }
    ));
    memory[8..12].copy_from_slice(&0xD800u32.to_le_bytes());
    assert_eq!(lift_trap(&ty, &memory, &[8, 1]), Trap::InvalidChar(0xD800));
}
