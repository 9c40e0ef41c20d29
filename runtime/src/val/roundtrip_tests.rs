//! Random types and values: whatever is lowered (flat, stored, or spilled as
//! a parameter list) lifts back equal, in every string encoding.
//!
//! A small deterministic generator stands in for a fuzzer, so failures are
//! reproducible from the printed seed.

use crate::abi::flat::{CANONICAL_NAN32, CANONICAL_NAN64, FlatReader, FlatWriter};
use crate::abi::memory::VecMemory;
use crate::abi::options::{MAX_FLAT_PARAMS, MAX_FLAT_RESULTS, StringEncoding};
use crate::types::{
    Case, EnumType, Field, FixedListType, FlagsType, ListType, MapType, OptionType, RecordType,
    ResultType, TupleType, Type, VariantType,
};
use crate::{BumpAllocator, LiftContext, LowerContext};

use super::{Val, lift_flat_values, lower_flat_values};

/// xorshift64*: enough randomness for shapes and values.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
}

fn names(prefix: &str, count: usize) -> Vec<String> {
    (0..count).map(|i| format!("{prefix}{i}")).collect()
}

fn random_type(rng: &mut Rng, depth: usize) -> Type {
    let scalars = 13;
    let pick = if depth == 0 {
        rng.below(scalars)
    } else {
        rng.below(scalars + 10)
    };
    let inner = |rng: &mut Rng| random_type(rng, depth.saturating_sub(1));
    match pick {
        0 => Type::Bool,
        1 => Type::S8,
        2 => Type::U8,
        3 => Type::S16,
        4 => Type::U16,
        5 => Type::S32,
        6 => Type::U32,
        7 => Type::S64,
        8 => Type::U64,
        9 => Type::F32,
        10 => Type::F64,
        11 => Type::Char,
        12 => Type::String,
        13 => Type::List(ListType::new(inner(rng))),
        14 => {
            let count = 1 + rng.below(4);
            Type::Record(RecordType::new(
                names("f", count)
                    .into_iter()
                    .map(|name| Field {
                        name,
                        ty: inner(rng),
                    })
                    .collect(),
            ))
        }
        15 => {
            let count = 1 + rng.below(4);
            Type::Tuple(TupleType::new((0..count).map(|_| inner(rng)).collect()))
        }
        16 => {
            let count = 1 + rng.below(5);
            Type::Variant(VariantType::new(
                names("c", count)
                    .into_iter()
                    .map(|name| Case {
                        name,
                        ty: (!rng.chance(3)).then(|| inner(rng)),
                    })
                    .collect(),
            ))
        }
        17 => {
            let count = if rng.chance(4) {
                257 + rng.below(10)
            } else {
                1 + rng.below(5)
            };
            Type::Enum(EnumType::new(names("e", count)))
        }
        18 => Type::Option(OptionType::new(inner(rng))),
        19 => {
            let ok = (!rng.chance(3)).then(|| inner(rng));
            let err = (!rng.chance(3)).then(|| inner(rng));
            Type::Result(ResultType::new(ok, err))
        }
        20 => Type::FixedList(FixedListType::new(inner(rng), 1 + rng.below(3) as u32)),
        21 => {
            // WIT keys: `bool`, the integers, `char` and `string`.
            let key = match rng.below(11) {
                0 => Type::Bool,
                1 => Type::S8,
                2 => Type::U8,
                3 => Type::S16,
                4 => Type::U16,
                5 => Type::S32,
                6 => Type::U32,
                7 => Type::S64,
                8 => Type::U64,
                9 => Type::Char,
                _ => Type::String,
            };
            Type::Map(MapType::new(key, inner(rng)))
        }
        _ => {
            let count = 1 + rng.below(32);
            match FlagsType::new(names("b", count)) {
                Ok(flags) => Type::Flags(flags),
                Err(err) => panic!("{err}"),
            }
        }
    }
}

fn random_char(rng: &mut Rng) -> char {
    let code = match rng.below(4) {
        0 => rng.below(0x80),
        1 => 0x80 + rng.below(0x80),
        2 => 0x100 + rng.below(0xD800 - 0x100),
        _ => 0x10000 + rng.below(0x10_0000),
    };
    char::from_u32(code as u32).unwrap_or('?')
}

/// A random value of `ty`, with floats that lift back bit for bit (NaNs
/// are canonical) and flags in declaration order.
fn random_val(rng: &mut Rng, ty: &Type) -> Val {
    let payload = |rng: &mut Rng, ty: Option<&Type>| ty.map(|ty| Box::new(random_val(rng, ty)));
    match ty {
        Type::Bool => Val::Bool(rng.chance(2)),
        Type::S8 => Val::S8(rng.next() as i8),
        Type::U8 => Val::U8(rng.next() as u8),
        Type::S16 => Val::S16(rng.next() as i16),
        Type::U16 => Val::U16(rng.next() as u16),
        Type::S32 => Val::S32(rng.next() as i32),
        Type::U32 => Val::U32(rng.next() as u32),
        Type::S64 => Val::S64(rng.next() as i64),
        Type::U64 => Val::U64(rng.next()),
        Type::F32 => {
            let f = f32::from_bits(rng.next() as u32);
            Val::Float32(if f.is_nan() {
                f32::from_bits(CANONICAL_NAN32)
            } else {
                f
            })
        }
        Type::F64 => {
            let f = f64::from_bits(rng.next());
            Val::Float64(if f.is_nan() {
                f64::from_bits(CANONICAL_NAN64)
            } else {
                f
            })
        }
        Type::Char => Val::Char(random_char(rng)),
        Type::String => Val::String((0..rng.below(6)).map(|_| random_char(rng)).collect()),
        Type::List(list) => Val::List(
            (0..rng.below(4))
                .map(|_| random_val(rng, list.element()))
                .collect(),
        ),
        Type::Map(map) => {
            // Each key once: lifting keeps the last value of a repeated key.
            let mut entries: Vec<(Val, Val)> = Vec::new();
            for _ in 0..rng.below(4) {
                let key = random_val(rng, map.key());
                let value = random_val(rng, map.value());
                if entries.iter().all(|(k, _)| *k != key) {
                    entries.push((key, value));
                }
            }
            Val::Map(entries)
        }
        Type::FixedList(list) => Val::List(
            (0..list.len())
                .map(|_| random_val(rng, list.element()))
                .collect(),
        ),
        Type::Record(record) => Val::Record(
            record
                .fields()
                .iter()
                .map(|f| (f.name.clone(), random_val(rng, &f.ty)))
                .collect(),
        ),
        Type::Tuple(tuple) => {
            Val::Tuple(tuple.types().iter().map(|ty| random_val(rng, ty)).collect())
        }
        Type::Variant(variant) => {
            let case = &variant.cases()[rng.below(variant.cases().len())];
            Val::Variant(case.name.clone(), payload(rng, case.ty.as_ref()))
        }
        Type::Enum(e) => Val::Enum(e.names()[rng.below(e.names().len())].clone()),
        Type::Option(option) => {
            Val::Option((!rng.chance(3)).then(|| Box::new(random_val(rng, option.some()))))
        }
        Type::Result(result) if rng.chance(2) => Val::Result(Ok(payload(rng, result.ok()))),
        Type::Result(result) => Val::Result(Err(payload(rng, result.err()))),
        Type::Flags(flags) => Val::Flags(
            flags
                .names()
                .iter()
                .filter(|_| rng.chance(2))
                .cloned()
                .collect(),
        ),
        Type::Own(_) | Type::Borrow(_) => unreachable!("no resources are generated"),
    }
}

/// A 1 MiB memory with a bump `realloc` from 16, shrinking in place.
fn memory() -> VecMemory {
    BumpAllocator::new(16).memory(vec![0; 1 << 20])
}

fn round_trip(ty: &Type, val: &Val, encoding: StringEncoding) {
    let mut mem = memory();
    // Past the flat limits a value only ever travels in memory (and a
    // fixed-length list keeps no more flat types than it takes to tell).
    let flat_fits = ty.flat_types().len() <= MAX_FLAT_PARAMS;
    let mut flat = vec![0; ty.flat_types().len()];
    let mut cx = LowerContext::new(&mut mem, encoding);
    if flat_fits {
        val.lower_flat(&mut cx, ty, &mut FlatWriter::new(&mut flat))
            .unwrap();
    }
    // Far above what the bump allocator hands out, and aligned for any type.
    let at = 1 << 19;
    val.store(&mut cx, ty, at).unwrap();

    let mut cx = LiftContext::new(mem.bytes(), encoding);
    if flat_fits {
        let mut src = FlatReader::new(&flat);
        let lifted = Val::lift_flat(&mut cx, ty, &mut src).unwrap();
        assert_eq!(&lifted, val, "lift_flat of `{ty}` in {encoding:?}");
        assert_eq!(src.position(), flat.len());
    }
    let stored = &mem.bytes()[at..at + ty.size32() as usize];
    let loaded = Val::load(&mut cx, ty, stored).unwrap();
    assert_eq!(&loaded, val, "load of `{ty}` in {encoding:?}");
}

fn round_trip_params(types: &[Type], vals: &[Val], encoding: StringEncoding) {
    for max_flat in [MAX_FLAT_PARAMS, MAX_FLAT_RESULTS] {
        let mut mem = memory();
        let mut cx = LowerContext::new(&mut mem, encoding);
        let flat = lower_flat_values(&mut cx, max_flat, types, vals, None).unwrap();
        let mut cx = LiftContext::new(mem.bytes(), encoding);
        let mut src = FlatReader::new(&flat);
        let lifted = lift_flat_values(&mut cx, max_flat, types, &mut src).unwrap();
        assert_eq!(lifted, vals, "{} values, max_flat {max_flat}", types.len());
        assert_eq!(src.position(), flat.len());
    }
}

#[test]
fn random_values_lift_back_as_lowered() {
    for seed in 1..=300u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let types: Vec<Type> = (0..1 + rng.below(4))
            .map(|_| random_type(&mut rng, 3))
            .collect();
        let vals: Vec<Val> = types.iter().map(|ty| random_val(&mut rng, ty)).collect();
        for encoding in [
            StringEncoding::Utf8,
            StringEncoding::Utf16,
            StringEncoding::CompactUtf16,
        ] {
            for (ty, val) in types.iter().zip(&vals) {
                round_trip(ty, val, encoding);
            }
            round_trip_params(&types, &vals, encoding);
        }
    }
}
