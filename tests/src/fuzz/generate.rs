//! Component value types and values drawn from fuzz input: bounded in depth
//! and width so that one input stays cheap, and covering every kind the
//! Canonical ABI lays out (resources aside: `fuzz::resources` has those).

use arbitrary::{Result, Unstructured};
use witbind::Val;
use witbind::types::{
    Case, EnumType, Field, FlagsType, ListType, OptionType, RecordType, ResultType, TupleType,
    Type, VariantType,
};

/// How deep a generated type nests.
pub const MAX_DEPTH: u32 = 4;
/// Most fields of a record or tuple, cases of a small variant or enum.
const MAX_WIDTH: usize = 4;
/// Most elements of a generated list and chars of a generated string.
const MAX_LEN: usize = 6;
/// Case counts beyond which discriminants take 2 bytes (the spec's 256).
const WIDE_CASES: [usize; 3] = [255, 256, 257];

/// A value type of at most `depth` more levels of nesting.
pub fn arbitrary_type(u: &mut Unstructured<'_>, depth: u32) -> Result<Type> {
    let leaf = depth == 0;
    let pick: u8 = if leaf {
        u.int_in_range(0..=12)?
    } else {
        u.int_in_range(0..=21)?
    };
    let inner = |u: &mut Unstructured<'_>| arbitrary_type(u, depth - 1);
    Ok(match pick {
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
        13 => Type::List(ListType::new(inner(u)?)),
        14 => {
            let n = u.int_in_range(1..=MAX_WIDTH)?;
            let fields = (0..n)
                .map(|i| {
                    Ok(Field {
                        name: format!("f{i}"),
                        ty: inner(u)?,
                    })
                })
                .collect::<Result<_>>()?;
            Type::Record(RecordType::new(fields))
        }
        15 => {
            let n = u.int_in_range(1..=MAX_WIDTH)?;
            Type::Tuple(TupleType::new(
                (0..n).map(|_| inner(u)).collect::<Result<_>>()?,
            ))
        }
        16 => {
            let n = case_count(u)?;
            let cases = (0..n)
                .map(|i| {
                    // Payloads only on the first cases keep wide variants small.
                    let ty = if i < MAX_WIDTH && u.arbitrary()? {
                        Some(inner(u)?)
                    } else {
                        None
                    };
                    Ok(Case {
                        name: format!("c{i}"),
                        ty,
                    })
                })
                .collect::<Result<_>>()?;
            Type::Variant(VariantType::new(cases))
        }
        17 => {
            let n = case_count(u)?;
            Type::Enum(EnumType::new((0..n).map(|i| format!("e{i}")).collect()))
        }
        18 => Type::Option(OptionType::new(inner(u)?)),
        19 => {
            let ok = if u.arbitrary()? {
                Some(inner(u)?)
            } else {
                None
            };
            let err = if u.arbitrary()? {
                Some(inner(u)?)
            } else {
                None
            };
            Type::Result(ResultType::new(ok, err))
        }
        20 => {
            let n = u.int_in_range(1..=32)?;
            let names = (0..n).map(|i| format!("g{i}")).collect();
            Type::Flags(FlagsType::new(names).expect("1 to 32 flags"))
        }
        _ => Type::List(ListType::new(Type::U8)),
    })
}

/// Cases of a variant or enum: usually a few, sometimes just past a
/// discriminant-size boundary.
fn case_count(u: &mut Unstructured<'_>) -> Result<usize> {
    if u.ratio(1, 16)? {
        Ok(*u.choose(&WIDE_CASES)?)
    } else {
        u.int_in_range(1..=MAX_WIDTH + 1)
    }
}

/// A value of `ty`, with short lists and strings. Floats are any bits but
/// NaN, which is always the canonical NaN (its payload is not fixed by the
/// spec, so two runtimes may differ on it).
pub fn arbitrary_val(u: &mut Unstructured<'_>, ty: &Type) -> Result<Val> {
    Ok(match ty {
        Type::Bool => Val::Bool(u.arbitrary()?),
        Type::S8 => Val::S8(u.arbitrary()?),
        Type::U8 => Val::U8(u.arbitrary()?),
        Type::S16 => Val::S16(u.arbitrary()?),
        Type::U16 => Val::U16(u.arbitrary()?),
        Type::S32 => Val::S32(u.arbitrary()?),
        Type::U32 => Val::U32(u.arbitrary()?),
        Type::S64 => Val::S64(u.arbitrary()?),
        Type::U64 => Val::U64(u.arbitrary()?),
        Type::F32 => Val::Float32(canonical_f32(u.arbitrary()?)),
        Type::F64 => Val::Float64(canonical_f64(u.arbitrary()?)),
        Type::Char => Val::Char(u.arbitrary()?),
        Type::String => {
            let n = u.int_in_range(0..=MAX_LEN)?;
            Val::String(
                (0..n)
                    .map(|_| u.arbitrary::<char>())
                    .collect::<Result<_>>()?,
            )
        }
        Type::List(list) => {
            let n = u.int_in_range(0..=MAX_LEN)?;
            Val::List(
                (0..n)
                    .map(|_| arbitrary_val(u, list.element()))
                    .collect::<Result<_>>()?,
            )
        }
        Type::Map(map) => {
            // Each key once, as lifting gives them back.
            let n = u.int_in_range(0..=MAX_LEN)?;
            let mut entries: Vec<(Val, Val)> = Vec::new();
            for _ in 0..n {
                let key = arbitrary_val(u, map.key())?;
                let value = arbitrary_val(u, map.value())?;
                if entries.iter().all(|(k, _)| *k != key) {
                    entries.push((key, value));
                }
            }
            Val::Map(entries)
        }
        Type::FixedList(list) => Val::List(
            (0..list.len())
                .map(|_| arbitrary_val(u, list.element()))
                .collect::<Result<_>>()?,
        ),
        Type::Record(record) => Val::Record(
            record
                .fields()
                .iter()
                .map(|f| Ok((f.name.clone(), arbitrary_val(u, &f.ty)?)))
                .collect::<Result<_>>()?,
        ),
        Type::Tuple(tuple) => Val::Tuple(
            tuple
                .types()
                .iter()
                .map(|t| arbitrary_val(u, t))
                .collect::<Result<_>>()?,
        ),
        Type::Variant(variant) => {
            let case = u.choose(variant.cases())?;
            let payload = match &case.ty {
                Some(t) => Some(Box::new(arbitrary_val(u, t)?)),
                None => None,
            };
            Val::Variant(case.name.clone(), payload)
        }
        Type::Enum(e) => Val::Enum(u.choose(e.names())?.clone()),
        Type::Option(o) => Val::Option(if u.arbitrary()? {
            Some(Box::new(arbitrary_val(u, o.some())?))
        } else {
            None
        }),
        Type::Result(r) => {
            let (is_ok, payload) = if u.arbitrary()? {
                (true, r.ok())
            } else {
                (false, r.err())
            };
            let payload = match payload {
                Some(t) => Some(Box::new(arbitrary_val(u, t)?)),
                None => None,
            };
            Val::Result(if is_ok { Ok(payload) } else { Err(payload) })
        }
        Type::Flags(flags) => Val::Flags(
            flags
                .names()
                .iter()
                .filter_map(|name| match u.arbitrary::<bool>() {
                    Ok(true) => Some(Ok(name.clone())),
                    Ok(false) => None,
                    Err(e) => Some(Err(e)),
                })
                .collect::<Result<_>>()?,
        ),
        Type::Own(_) | Type::Borrow(_) => return Err(arbitrary::Error::IncorrectFormat),
    })
}

/// `f32::NAN` for every NaN, `x` otherwise.
fn canonical_f32(x: f32) -> f32 {
    if x.is_nan() { f32::NAN } else { x }
}

/// `f64::NAN` for every NaN, `x` otherwise.
fn canonical_f64(x: f64) -> f64 {
    if x.is_nan() { f64::NAN } else { x }
}

/// `len` bytes of a fixed xorshift sequence started by `seed`.
pub fn seeded_bytes(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 32) as u8
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{MAX_DEPTH, arbitrary_type, arbitrary_val, seeded_bytes};
    use arbitrary::Unstructured;

    #[test]
    fn types_and_values_come_from_any_bytes() {
        let mut kinds = std::collections::HashSet::new();
        for seed in 0..300 {
            let bytes = seeded_bytes(seed, 512);
            let mut u = Unstructured::new(&bytes);
            let ty = arbitrary_type(&mut u, MAX_DEPTH).expect("a type");
            kinds.insert(std::mem::discriminant(&ty));
            let _ = arbitrary_val(&mut u, &ty);
        }
        // Every kind but the resources shows up.
        assert!(kinds.len() >= 20, "{} kinds", kinds.len());
    }
}
