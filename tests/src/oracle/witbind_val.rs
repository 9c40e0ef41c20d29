//! Conversions between [`Neutral`] and witbind's dynamic [`witbind::Val`], for the witbind side
//! of the differential tests.

use anyhow::Result;
use witbind::{ResourceAny, Val};

use super::handles::HandleTable;
use super::neutral::Neutral;

/// The witbind value of `value`; handles are looked up in `handles`.
///
/// # Errors
/// When a [`Neutral::Handle`] names no live handle of `handles`.
pub fn to_witbind(value: &Neutral, handles: &HandleTable<ResourceAny>) -> Result<Val> {
    use Neutral as N;
    let one = |item: &Neutral| to_witbind(item, handles);
    let many = |items: &[Neutral]| items.iter().map(one).collect::<Result<Vec<_>>>();
    let boxed = |payload: &Option<Box<Neutral>>| -> Result<Option<Box<Val>>> {
        payload
            .as_deref()
            .map(|inner| one(inner).map(Box::new))
            .transpose()
    };
    Ok(match value {
        N::Bool(v) => Val::Bool(*v),
        N::S8(v) => Val::S8(*v),
        N::U8(v) => Val::U8(*v),
        N::S16(v) => Val::S16(*v),
        N::U16(v) => Val::U16(*v),
        N::S32(v) => Val::S32(*v),
        N::U32(v) => Val::U32(*v),
        N::S64(v) => Val::S64(*v),
        N::U64(v) => Val::U64(*v),
        N::F32(v) => Val::Float32(*v),
        N::F64(v) => Val::Float64(*v),
        N::Char(v) => Val::Char(*v),
        N::String(v) => Val::String(v.clone()),
        N::List(items) => Val::List(many(items)?),
        N::Map(entries) => Val::Map(
            entries
                .iter()
                .map(|(k, v)| Ok((one(k)?, one(v)?)))
                .collect::<Result<_>>()?,
        ),
        N::Tuple(items) => Val::Tuple(many(items)?),
        N::Record(fields) => Val::Record(
            fields
                .iter()
                .map(|(name, v)| Ok((name.clone(), one(v)?)))
                .collect::<Result<_>>()?,
        ),
        N::Variant(case, payload) => Val::Variant(case.clone(), boxed(payload)?),
        N::Enum(case) => Val::Enum(case.clone()),
        N::Option(payload) => Val::Option(boxed(payload)?),
        N::Result(Ok(payload)) => Val::Result(Ok(boxed(payload)?)),
        N::Result(Err(payload)) => Val::Result(Err(boxed(payload)?)),
        N::Flags(names) => Val::Flags(names.clone()),
        N::Handle(index) => Val::Resource(handles.get(*index)?),
    })
}

/// The neutral form of a witbind value; resources are kept in `handles`.
pub fn from_witbind(value: Val, handles: &mut HandleTable<ResourceAny>) -> Neutral {
    match value {
        Val::Bool(v) => Neutral::Bool(v),
        Val::S8(v) => Neutral::S8(v),
        Val::U8(v) => Neutral::U8(v),
        Val::S16(v) => Neutral::S16(v),
        Val::U16(v) => Neutral::U16(v),
        Val::S32(v) => Neutral::S32(v),
        Val::U32(v) => Neutral::U32(v),
        Val::S64(v) => Neutral::S64(v),
        Val::U64(v) => Neutral::U64(v),
        Val::Float32(v) => Neutral::F32(v),
        Val::Float64(v) => Neutral::F64(v),
        Val::Char(v) => Neutral::Char(v),
        Val::String(v) => Neutral::String(v),
        Val::List(items) => Neutral::List(many_from_witbind(items, handles)),
        Val::Map(entries) => Neutral::Map(
            entries
                .into_iter()
                .map(|(k, v)| (from_witbind(k, handles), from_witbind(v, handles)))
                .collect(),
        ),
        Val::Tuple(items) => Neutral::Tuple(many_from_witbind(items, handles)),
        Val::Record(fields) => Neutral::Record(
            fields
                .into_iter()
                .map(|(name, v)| (name, from_witbind(v, handles)))
                .collect(),
        ),
        Val::Variant(case, payload) => {
            Neutral::Variant(case, payload_from_witbind(payload, handles))
        }
        Val::Enum(case) => Neutral::Enum(case),
        Val::Option(payload) => Neutral::Option(payload_from_witbind(payload, handles)),
        Val::Result(Ok(payload)) => Neutral::Result(Ok(payload_from_witbind(payload, handles))),
        Val::Result(Err(payload)) => Neutral::Result(Err(payload_from_witbind(payload, handles))),
        Val::Flags(names) => Neutral::Flags(names),
        Val::Resource(any) => handles.hold(any),
    }
}

fn many_from_witbind(items: Vec<Val>, handles: &mut HandleTable<ResourceAny>) -> Vec<Neutral> {
    items
        .into_iter()
        .map(|item| from_witbind(item, handles))
        .collect()
}

fn payload_from_witbind(
    payload: Option<Box<Val>>,
    handles: &mut HandleTable<ResourceAny>,
) -> Option<Box<Neutral>> {
    payload.map(|inner| Box::new(from_witbind(*inner, handles)))
}

#[cfg(test)]
mod tests {
    use super::{from_witbind, to_witbind};
    use crate::oracle::{HandleTable, Neutral as N};

    #[test]
    fn every_kind_round_trips_through_witbind_val() {
        let value = N::Tuple(vec![
            N::Bool(true),
            N::S8(-1),
            N::U64(u64::MAX),
            N::F32(f32::NAN),
            N::F64(-0.0),
            N::Char('☃'),
            N::list(["a", "é"], N::string),
            N::record([("x", N::S32(i32::MIN))]),
            N::Variant("dot".into(), None),
            N::Variant("circle".into(), Some(Box::new(N::F64(2.0)))),
            N::Enum("red".into()),
            N::some(N::Option(None)),
            N::ok(N::U8(1)),
            N::Result(Err(None)),
            N::flags(["b0", "b31"]),
        ]);
        let mut handles = HandleTable::default();
        let back = from_witbind(
            to_witbind(&value, &handles).expect("no handles"),
            &mut handles,
        );
        assert!(back.same(&value), "{back:?}");
    }

    #[test]
    fn unknown_handles_have_no_witbind_val() {
        let handles = HandleTable::default();
        assert!(to_witbind(&N::List(vec![N::Handle(0)]), &handles).is_err());
    }
}
