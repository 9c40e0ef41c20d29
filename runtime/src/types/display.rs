//! [`Type`] printed in WIT syntax, for error messages.

use std::fmt;

use super::Type;

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Type::Bool => f.write_str("bool"),
            Type::S8 => f.write_str("s8"),
            Type::U8 => f.write_str("u8"),
            Type::S16 => f.write_str("s16"),
            Type::U16 => f.write_str("u16"),
            Type::S32 => f.write_str("s32"),
            Type::U32 => f.write_str("u32"),
            Type::S64 => f.write_str("s64"),
            Type::U64 => f.write_str("u64"),
            Type::F32 => f.write_str("f32"),
            Type::F64 => f.write_str("f64"),
            Type::Char => f.write_str("char"),
            Type::String => f.write_str("string"),
            Type::List(l) => write!(f, "list<{}>", l.element()),
            Type::Map(m) => write!(f, "map<{}, {}>", m.key(), m.value()),
            Type::FixedList(l) => write!(f, "list<{}, {}>", l.element(), l.len()),
            Type::Record(r) => {
                f.write_str("record { ")?;
                for (i, field) in r.fields().iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{}: {}", field.name, field.ty)?;
                }
                f.write_str(" }")
            }
            Type::Tuple(t) => {
                f.write_str("tuple<")?;
                write_list(f, t.types())?;
                f.write_str(">")
            }
            Type::Variant(v) => {
                f.write_str("variant { ")?;
                for (i, case) in v.cases().iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(&case.name)?;
                    if let Some(ty) = &case.ty {
                        write!(f, "({ty})")?;
                    }
                }
                f.write_str(" }")
            }
            Type::Enum(e) => write!(f, "enum {{ {} }}", e.names().join(", ")),
            Type::Option(o) => write!(f, "option<{}>", o.some()),
            Type::Result(r) => match (r.ok(), r.err()) {
                (None, None) => f.write_str("result"),
                (Some(ok), None) => write!(f, "result<{ok}>"),
                (None, Some(err)) => write!(f, "result<_, {err}>"),
                (Some(ok), Some(err)) => write!(f, "result<{ok}, {err}>"),
            },
            Type::Flags(fl) => write!(f, "flags {{ {} }}", fl.names().join(", ")),
            Type::Own(r) => write!(f, "own<{}>", r.name()),
            Type::Borrow(r) => write!(f, "borrow<{}>", r.name()),
        }
    }
}

fn write_list(f: &mut fmt::Formatter<'_>, types: &[Type]) -> fmt::Result {
    for (i, ty) in types.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{ty}")?;
    }
    Ok(())
}
