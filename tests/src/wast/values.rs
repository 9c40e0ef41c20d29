//! `.wast` values as witbind [`Val`]s: the arguments of an `invoke`, and the
//! results an `assert_return` expects, compared with what a call returned.

use anyhow::{Result, bail};
use wast::component::WastVal;
use wast::core::{NanPattern, WastArgCore, WastRetCore};
use wast::{WastArg, WastRet};
use witbind::{Type, Val};

/// The argument `arg` as a value of the parameter type `ty`.
///
/// Component values (`(u32.const 1)`, `(str.const "x")`, ...) carry their
/// own type; the core forms (`(i32.const 1)`, `(f32.const 1)`) take the
/// integer or float type of the parameter they are passed as.
pub fn arg_to_val(arg: &WastArg<'_>, ty: &Type) -> Result<Val> {
    match arg {
        WastArg::Component(v) => wast_val(v),
        WastArg::Core(core) => core_arg(core, ty),
        other => bail!("unsupported argument form {other:?}"),
    }
}

fn core_arg(arg: &WastArgCore<'_>, ty: &Type) -> Result<Val> {
    Ok(match (arg, ty) {
        (WastArgCore::I32(n), Type::S32) => Val::S32(*n),
        (WastArgCore::I32(n), Type::U32) => Val::U32(*n as u32),
        (WastArgCore::I64(n), Type::S64) => Val::S64(*n),
        (WastArgCore::I64(n), Type::U64) => Val::U64(*n as u64),
        (WastArgCore::F32(f), Type::F32) => Val::Float32(f32::from_bits(f.bits)),
        (WastArgCore::F64(f), Type::F64) => Val::Float64(f64::from_bits(f.bits)),
        _ => bail!("the core argument {arg:?} cannot be passed as a `{ty}`"),
    })
}

/// A component value of the `.wast` text as a [`Val`].
pub fn wast_val(v: &WastVal<'_>) -> Result<Val> {
    let boxed = |v: &Option<Box<WastVal<'_>>>| -> Result<Option<Box<Val>>> {
        v.as_deref().map(|v| wast_val(v).map(Box::new)).transpose()
    };
    let all = |vs: &[WastVal<'_>]| vs.iter().map(wast_val).collect::<Result<Vec<_>>>();
    Ok(match v {
        WastVal::Bool(b) => Val::Bool(*b),
        WastVal::U8(n) => Val::U8(*n),
        WastVal::S8(n) => Val::S8(*n),
        WastVal::U16(n) => Val::U16(*n),
        WastVal::S16(n) => Val::S16(*n),
        WastVal::U32(n) => Val::U32(*n),
        WastVal::S32(n) => Val::S32(*n),
        WastVal::U64(n) => Val::U64(*n),
        WastVal::S64(n) => Val::S64(*n),
        WastVal::F32(f) => Val::Float32(f32::from_bits(f.bits)),
        WastVal::F64(f) => Val::Float64(f64::from_bits(f.bits)),
        WastVal::Char(c) => Val::Char(*c),
        WastVal::String(s) => Val::String((*s).to_string()),
        WastVal::List(items) => Val::List(all(items)?),
        WastVal::Map(entries) => Val::Map(
            entries
                .iter()
                .map(|(k, v)| Ok((wast_val(k)?, wast_val(v)?)))
                .collect::<Result<_>>()?,
        ),
        WastVal::Record(fields) => Val::Record(
            fields
                .iter()
                .map(|(name, v)| Ok(((*name).to_string(), wast_val(v)?)))
                .collect::<Result<_>>()?,
        ),
        WastVal::Tuple(items) => Val::Tuple(all(items)?),
        WastVal::Variant(name, payload) => Val::Variant((*name).to_string(), boxed(payload)?),
        WastVal::Enum(name) => Val::Enum((*name).to_string()),
        WastVal::Option(v) => Val::Option(boxed(v)?),
        WastVal::Result(Ok(v)) => Val::Result(Ok(boxed(v)?)),
        WastVal::Result(Err(v)) => Val::Result(Err(boxed(v)?)),
        WastVal::Flags(names) => Val::Flags(names.iter().map(|n| (*n).to_string()).collect()),
    })
}

/// Whether the returned `actual` is what `expected` describes.
pub fn ret_matches(expected: &WastRet<'_>, actual: &Val) -> Result<bool> {
    match expected {
        WastRet::Component(v) => Ok(val_matches(&wast_val(v)?, actual)),
        WastRet::Core(core) => core_ret_matches(core, actual),
        other => bail!("unsupported result form {other:?}"),
    }
}

fn core_ret_matches(expected: &WastRetCore<'_>, actual: &Val) -> Result<bool> {
    Ok(match (expected, actual) {
        (WastRetCore::I32(n), Val::S32(a)) => n == a,
        (WastRetCore::I32(n), Val::U32(a)) => *n as u32 == *a,
        (WastRetCore::I64(n), Val::S64(a)) => n == a,
        (WastRetCore::I64(n), Val::U64(a)) => *n as u64 == *a,
        (WastRetCore::F32(p), Val::Float32(a)) => match p {
            NanPattern::CanonicalNan => a.to_bits() & 0x7fff_ffff == 0x7fc0_0000,
            NanPattern::ArithmeticNan => a.is_nan() && a.to_bits() & 0x0040_0000 != 0,
            NanPattern::Value(f) => same_f32(f32::from_bits(f.bits), *a),
        },
        (WastRetCore::F64(p), Val::Float64(a)) => match p {
            NanPattern::CanonicalNan => {
                a.to_bits() & 0x7fff_ffff_ffff_ffff == 0x7ff8_0000_0000_0000
            }
            NanPattern::ArithmeticNan => a.is_nan() && a.to_bits() & 0x0008_0000_0000_0000 != 0,
            NanPattern::Value(f) => same_f64(f64::from_bits(f.bits), *a),
        },
        _ => false,
    })
}

/// Floats are the same when their bits are, or both are NaNs: the spec
/// lets a lifted NaN be any NaN, so a script's `nan` stands for all of them
/// (`nan:canonical` and `nan:arithmetic` in the core form are exact).
fn same_f32(e: f32, a: f32) -> bool {
    (e.is_nan() && a.is_nan()) || e.to_bits() == a.to_bits()
}

/// [`same_f32`] for `f64`.
fn same_f64(e: f64, a: f64) -> bool {
    (e.is_nan() && a.is_nan()) || e.to_bits() == a.to_bits()
}

/// Whether `actual` equals `expected`, with floats compared by bits except
/// that any NaN matches any NaN, records compared field by field by name,
/// and flags compared as sets (a lifted flags value lists them in
/// declaration order, the text in any order).
pub fn val_matches(expected: &Val, actual: &Val) -> bool {
    let all = |e: &[Val], a: &[Val]| {
        e.len() == a.len() && e.iter().zip(a).all(|(e, a)| val_matches(e, a))
    };
    let payload = |e: &Option<Box<Val>>, a: &Option<Box<Val>>| match (e, a) {
        (None, None) => true,
        (Some(e), Some(a)) => val_matches(e, a),
        _ => false,
    };
    match (expected, actual) {
        (Val::Float32(e), Val::Float32(a)) => same_f32(*e, *a),
        (Val::Float64(e), Val::Float64(a)) => same_f64(*e, *a),
        (Val::List(e), Val::List(a)) | (Val::Tuple(e), Val::Tuple(a)) => all(e, a),
        (Val::Map(e), Val::Map(a)) => {
            e.len() == a.len()
                && e.iter()
                    .zip(a)
                    .all(|((ek, ev), (ak, av))| val_matches(ek, ak) && val_matches(ev, av))
        }
        (Val::Record(e), Val::Record(a)) => {
            e.len() == a.len()
                && e.iter().all(|(name, ev)| {
                    a.iter()
                        .find(|(n, _)| n == name)
                        .is_some_and(|(_, av)| val_matches(ev, av))
                })
        }
        (Val::Variant(en, ep), Val::Variant(an, ap)) => en == an && payload(ep, ap),
        (Val::Option(e), Val::Option(a)) => payload(e, a),
        (Val::Result(Ok(e)), Val::Result(Ok(a))) | (Val::Result(Err(e)), Val::Result(Err(a))) => {
            payload(e, a)
        }
        (Val::Flags(e), Val::Flags(a)) => {
            e.len() == a.len() && e.iter().all(|name| a.contains(name))
        }
        (e, a) => e == a,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nan_matches_any_nan_and_flags_any_order() {
        let nan = Val::Float32(f32::from_bits(0x7fc0_0001));
        assert!(val_matches(&Val::Float32(f32::NAN), &nan));
        assert!(!val_matches(&Val::Float32(0.0), &Val::Float32(-0.0)));
        let e = Val::Flags(vec!["b".into(), "a".into()]);
        let a = Val::Flags(vec!["a".into(), "b".into()]);
        assert!(val_matches(&e, &a));
        assert!(!val_matches(&e, &Val::Flags(vec!["a".into()])));
    }
}
