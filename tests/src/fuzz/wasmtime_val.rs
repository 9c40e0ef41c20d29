//! Values between witbind's [`Val`] and `wasmtime::component::Val`, and
//! wasmtime's into the differential tests' [`Neutral`].

use wasmtime::component::Val as W;
use witbind::Val;

use crate::oracle::Neutral;

/// wasmtime's value of a witbind value without resources.
///
/// # Panics
/// On a resource: the generated values have none.
pub fn to_wasmtime(value: &Val) -> W {
    let many = |items: &[Val]| items.iter().map(to_wasmtime).collect();
    let boxed = |p: &Option<Box<Val>>| p.as_deref().map(|v| Box::new(to_wasmtime(v)));
    match value {
        Val::Bool(v) => W::Bool(*v),
        Val::S8(v) => W::S8(*v),
        Val::U8(v) => W::U8(*v),
        Val::S16(v) => W::S16(*v),
        Val::U16(v) => W::U16(*v),
        Val::S32(v) => W::S32(*v),
        Val::U32(v) => W::U32(*v),
        Val::S64(v) => W::S64(*v),
        Val::U64(v) => W::U64(*v),
        Val::Float32(v) => W::Float32(*v),
        Val::Float64(v) => W::Float64(*v),
        Val::Char(v) => W::Char(*v),
        Val::String(v) => W::String(v.clone()),
        Val::List(items) => W::List(many(items)),
        Val::Map(entries) => W::Map(
            entries
                .iter()
                .map(|(k, v)| (to_wasmtime(k), to_wasmtime(v)))
                .collect(),
        ),
        Val::Tuple(items) => W::Tuple(many(items)),
        Val::Record(fields) => W::Record(
            fields
                .iter()
                .map(|(n, v)| (n.clone(), to_wasmtime(v)))
                .collect(),
        ),
        Val::Variant(case, payload) => W::Variant(case.clone(), boxed(payload)),
        Val::Enum(case) => W::Enum(case.clone()),
        Val::Option(payload) => W::Option(boxed(payload)),
        Val::Result(Ok(payload)) => W::Result(Ok(boxed(payload))),
        Val::Result(Err(payload)) => W::Result(Err(boxed(payload))),
        Val::Flags(names) => W::Flags(names.clone()),
        Val::Resource(_) => panic!("generated values hold no resources"),
    }
}

/// The neutral form of a wasmtime value without resources; `None` for a
/// kind the differential tests do not produce (resources, futures, ...).
pub fn neutral_of_wasmtime(value: &W) -> Option<Neutral> {
    use Neutral as N;
    let many = |items: &[W]| items.iter().map(neutral_of_wasmtime).collect::<Option<_>>();
    let boxed = |p: &Option<Box<W>>| match p {
        Some(v) => neutral_of_wasmtime(v).map(|n| Some(Box::new(n))),
        None => Some(None),
    };
    Some(match value {
        W::Bool(v) => N::Bool(*v),
        W::S8(v) => N::S8(*v),
        W::U8(v) => N::U8(*v),
        W::S16(v) => N::S16(*v),
        W::U16(v) => N::U16(*v),
        W::S32(v) => N::S32(*v),
        W::U32(v) => N::U32(*v),
        W::S64(v) => N::S64(*v),
        W::U64(v) => N::U64(*v),
        W::Float32(v) => N::F32(*v),
        W::Float64(v) => N::F64(*v),
        W::Char(v) => N::Char(*v),
        W::String(v) => N::String(v.clone()),
        W::List(items) => N::List(many(items)?),
        W::Map(entries) => N::Map(
            entries
                .iter()
                .map(|(k, v)| Some((neutral_of_wasmtime(k)?, neutral_of_wasmtime(v)?)))
                .collect::<Option<_>>()?,
        ),
        W::Tuple(items) => N::Tuple(many(items)?),
        W::Record(fields) => N::Record(
            fields
                .iter()
                .map(|(n, v)| Some((n.clone(), neutral_of_wasmtime(v)?)))
                .collect::<Option<_>>()?,
        ),
        W::Variant(case, payload) => N::Variant(case.clone(), boxed(payload)?),
        W::Enum(case) => N::Enum(case.clone()),
        W::Option(payload) => N::Option(boxed(payload)?),
        W::Result(Ok(payload)) => N::Result(Ok(boxed(payload)?)),
        W::Result(Err(payload)) => N::Result(Err(boxed(payload)?)),
        W::Flags(names) => N::Flags(names.clone()),
        _ => return None,
    })
}
