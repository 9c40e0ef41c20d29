//! Building [`Type`]s from `wit-parser`'s resolved types.

use anyhow::{Context, bail};
use wit_parser::{Resolve, TypeDefKind, TypeOwner};

use super::{
    Case, EnumType, Field, FixedListType, FlagsType, ListType, MapType, OptionType, RecordType,
    ResourceType, ResultType, TupleType, Type, VariantType,
};
use crate::Result;

impl Type {
    /// The component-level type of a WIT type resolved by `resolve`.
    ///
    /// Resource types get a [`ResourceType::defined`] identity from their
    /// `wit-parser` type id. WIT constructs the Canonical ABI of synchronous
    /// components does not carry (`future`, `stream`, `error-context`,
    /// fixed-length lists) are an error naming the construct.
    pub fn from_wit(resolve: &Resolve, ty: &wit_parser::Type) -> Result<Type> {
        Ok(match ty {
            wit_parser::Type::Bool => Type::Bool,
            wit_parser::Type::U8 => Type::U8,
            wit_parser::Type::U16 => Type::U16,
            wit_parser::Type::U32 => Type::U32,
            wit_parser::Type::U64 => Type::U64,
            wit_parser::Type::S8 => Type::S8,
            wit_parser::Type::S16 => Type::S16,
            wit_parser::Type::S32 => Type::S32,
            wit_parser::Type::S64 => Type::S64,
            wit_parser::Type::F32 => Type::F32,
            wit_parser::Type::F64 => Type::F64,
            wit_parser::Type::Char => Type::Char,
            wit_parser::Type::String => Type::String,
            wit_parser::Type::ErrorContext => bail!("`error-context` is not supported yet"),
            wit_parser::Type::Id(id) => from_typedef(resolve, *id)?,
        })
    }
}

fn from_typedef(resolve: &Resolve, id: wit_parser::TypeId) -> Result<Type> {
    let def = &resolve.types[id];
    let named = || {
        def.name
            .clone()
            .unwrap_or_else(|| "<anonymous>".to_string())
    };
    let convert = |ty: &wit_parser::Type| {
        Type::from_wit(resolve, ty).with_context(|| format!("in type `{}`", named()))
    };
    let optional = |ty: &Option<wit_parser::Type>| ty.as_ref().map(convert).transpose();
    Ok(match &def.kind {
        TypeDefKind::Type(t) => convert(t)?,
        TypeDefKind::List(t) => Type::List(ListType::new(convert(t)?)),
        TypeDefKind::Map(key, value) => Type::Map(MapType::new(convert(key)?, convert(value)?)),
        TypeDefKind::FixedLengthList(t, len) => {
            Type::FixedList(FixedListType::new(convert(t)?, *len))
        }
        TypeDefKind::Record(r) => Type::Record(RecordType::new(
            r.fields
                .iter()
                .map(|f| {
                    Ok(Field {
                        name: f.name.clone(),
                        ty: convert(&f.ty)?,
                    })
                })
                .collect::<Result<_>>()?,
        )),
        TypeDefKind::Tuple(t) => Type::Tuple(TupleType::new(
            t.types.iter().map(convert).collect::<Result<_>>()?,
        )),
        TypeDefKind::Variant(v) => Type::Variant(VariantType::new(
            v.cases
                .iter()
                .map(|c| {
                    Ok(Case {
                        name: c.name.clone(),
                        ty: optional(&c.ty)?,
                    })
                })
                .collect::<Result<_>>()?,
        )),
        TypeDefKind::Enum(e) => Type::Enum(EnumType::new(
            e.cases.iter().map(|c| c.name.clone()).collect(),
        )),
        TypeDefKind::Option(t) => Type::Option(OptionType::new(convert(t)?)),
        TypeDefKind::Result(r) => {
            Type::Result(ResultType::new(optional(&r.ok)?, optional(&r.err)?))
        }
        TypeDefKind::Flags(f) => Type::Flags(
            FlagsType::new(f.flags.iter().map(|f| f.name.clone()).collect())
                .with_context(|| format!("in flags `{}`", named()))?,
        ),
        TypeDefKind::Handle(wit_parser::Handle::Own(r)) => Type::Own(resource(resolve, *r)),
        TypeDefKind::Handle(wit_parser::Handle::Borrow(r)) => Type::Borrow(resource(resolve, *r)),
        TypeDefKind::Resource => bail!(
            "resource `{}` is not a value type: use `own<{0}>` or `borrow<{0}>`",
            named()
        ),
        TypeDefKind::Future(_) => bail!("`future` types are not supported yet (in `{}`)", named()),
        TypeDefKind::Stream(_) => bail!("`stream` types are not supported yet (in `{}`)", named()),
        TypeDefKind::Unknown => bail!("type `{}` is not resolved", named()),
    })
}

/// The resource a handle names, following `type a = b` aliases to the
/// declaration, which gives the identity.
fn resource(resolve: &Resolve, mut id: wit_parser::TypeId) -> ResourceType {
    while let TypeDefKind::Type(wit_parser::Type::Id(next)) = &resolve.types[id].kind {
        id = *next;
    }
    let def = &resolve.types[id];
    let name = def.name.as_deref().unwrap_or("<anonymous>");
    let name = match def.owner {
        TypeOwner::Interface(i) => match &resolve.interfaces[i].name {
            Some(iface) => format!("{iface}/{name}"),
            None => name.to_string(),
        },
        _ => name.to_string(),
    };
    ResourceType::defined(&name, id.index() as u64)
}
