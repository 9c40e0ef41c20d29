//! witbind's [`Type`] and [`Val`] as wasm-wave's `WasmType` and
//! `WasmValue`, so that WAVE text parses into `Val`s of a function's
//! parameter types and results print back as WAVE.
//!
//! Both are foreign to this crate, hence the wrappers. Fixed-length lists
//! read and print as lists (WAVE has no syntax of their own), with their
//! length checked. Resource handles have no WAVE form: their kind is
//! `Unsupported`, which wasm-wave refuses with an error.

use std::borrow::Cow;

use wasm_wave::wasm::{DisplayType, WasmType, WasmTypeKind, WasmValue, WasmValueError};
use witbind::Type;
use witbind::Val;

/// A [`Type`] as wasm-wave sees it.
#[derive(Clone, Debug)]
pub(crate) struct WaveType(pub(crate) Type);

/// A [`Val`] as wasm-wave sees it.
#[derive(Clone, Debug)]
pub(crate) struct WaveVal(pub(crate) Val);

impl WasmType for WaveType {
    fn kind(&self) -> WasmTypeKind {
        match &self.0 {
            Type::Bool => WasmTypeKind::Bool,
            Type::S8 => WasmTypeKind::S8,
            Type::U8 => WasmTypeKind::U8,
            Type::S16 => WasmTypeKind::S16,
            Type::U16 => WasmTypeKind::U16,
            Type::S32 => WasmTypeKind::S32,
            Type::U32 => WasmTypeKind::U32,
            Type::S64 => WasmTypeKind::S64,
            Type::U64 => WasmTypeKind::U64,
            Type::F32 => WasmTypeKind::F32,
            Type::F64 => WasmTypeKind::F64,
            Type::Char => WasmTypeKind::Char,
            Type::String => WasmTypeKind::String,
            Type::List(_) | Type::FixedList(_) => WasmTypeKind::List,
            Type::Map(_) => WasmTypeKind::Map,
            Type::Record(_) => WasmTypeKind::Record,
            Type::Tuple(_) => WasmTypeKind::Tuple,
            Type::Variant(_) => WasmTypeKind::Variant,
            Type::Enum(_) => WasmTypeKind::Enum,
            Type::Option(_) => WasmTypeKind::Option,
            Type::Result(_) => WasmTypeKind::Result,
            Type::Flags(_) => WasmTypeKind::Flags,
            Type::Own(_) | Type::Borrow(_) => WasmTypeKind::Unsupported,
        }
    }

    fn list_element_type(&self) -> Option<Self> {
        match &self.0 {
            Type::List(list) => Some(WaveType(list.element().clone())),
            Type::FixedList(list) => Some(WaveType(list.element().clone())),
            _ => None,
        }
    }

    fn record_fields(&self) -> Box<dyn Iterator<Item = (Cow<'_, str>, Self)> + '_> {
        match &self.0 {
            Type::Record(record) => Box::new(
                record
                    .fields()
                    .iter()
                    .map(|f| (Cow::Borrowed(f.name.as_str()), WaveType(f.ty.clone()))),
            ),
            _ => Box::new(std::iter::empty()),
        }
    }

    fn tuple_element_types(&self) -> Box<dyn Iterator<Item = Self> + '_> {
        match &self.0 {
            Type::Tuple(tuple) => Box::new(tuple.types().iter().cloned().map(WaveType)),
            _ => Box::new(std::iter::empty()),
        }
    }

    fn variant_cases(&self) -> Box<dyn Iterator<Item = (Cow<'_, str>, Option<Self>)> + '_> {
        match &self.0 {
            Type::Variant(variant) => Box::new(
                variant
                    .cases()
                    .iter()
                    .map(|c| (Cow::Borrowed(c.name.as_str()), c.ty.clone().map(WaveType))),
            ),
            _ => Box::new(std::iter::empty()),
        }
    }

    fn enum_cases(&self) -> Box<dyn Iterator<Item = Cow<'_, str>> + '_> {
        match &self.0 {
            Type::Enum(e) => Box::new(e.names().iter().map(|n| Cow::Borrowed(n.as_str()))),
            _ => Box::new(std::iter::empty()),
        }
    }

    fn option_some_type(&self) -> Option<Self> {
        match &self.0 {
            Type::Option(option) => Some(WaveType(option.some().clone())),
            _ => None,
        }
    }

    fn result_types(&self) -> Option<(Option<Self>, Option<Self>)> {
        match &self.0 {
            Type::Result(result) => Some((
                result.ok().cloned().map(WaveType),
                result.err().cloned().map(WaveType),
            )),
            _ => None,
        }
    }

    fn flags_names(&self) -> Box<dyn Iterator<Item = Cow<'_, str>> + '_> {
        match &self.0 {
            Type::Flags(flags) => Box::new(flags.names().iter().map(|n| Cow::Borrowed(n.as_str()))),
            _ => Box::new(std::iter::empty()),
        }
    }

    fn map_key_value_types(&self) -> Option<(Self, Self)> {
        match &self.0 {
            Type::Map(map) => Some((WaveType(map.key().clone()), WaveType(map.value().clone()))),
            _ => None,
        }
    }
}

/// The error of a `make_*` called with a type of another kind.
fn wrong_kind(ty: &WaveType, kind: WasmTypeKind) -> WasmValueError {
    WasmValueError::WrongTypeKind {
        kind,
        ty: DisplayType(ty).to_string(),
    }
}

/// Checks that `payload` is there exactly when `ty` says a payload is.
fn payload(
    case: &str,
    ty: Option<&Type>,
    payload: Option<WaveVal>,
) -> Result<Option<Box<Val>>, WasmValueError> {
    match (ty, payload) {
        (Some(_), Some(value)) => Ok(Some(Box::new(value.0))),
        (None, None) => Ok(None),
        (Some(_), None) => Err(WasmValueError::MissingPayload(case.to_string())),
        (None, Some(_)) => Err(WasmValueError::UnexpectedPayload(case.to_string())),
    }
}

/// Panics with the message wasm-wave's own values give when an `unwrap_*`
/// meets another kind of value: the writer calls each only after `kind`
/// said it is the right one.
fn not_a(kind: &str) -> ! {
    panic!("called unwrap_{kind} on a value that is not a {kind}")
}

macro_rules! scalars {
    ($(($make:ident, $unwrap:ident, $rust:ty, $case:ident, $name:literal)),* $(,)?) => {
        $(
            fn $make(value: $rust) -> Self {
                WaveVal(Val::$case(value))
            }

            fn $unwrap(&self) -> $rust {
                match &self.0 {
                    Val::$case(value) => *value,
                    _ => not_a($name),
                }
            }
        )*
    };
}

impl WasmValue for WaveVal {
    type Type = WaveType;

    fn kind(&self) -> WasmTypeKind {
        match &self.0 {
            Val::Bool(_) => WasmTypeKind::Bool,
            Val::S8(_) => WasmTypeKind::S8,
            Val::U8(_) => WasmTypeKind::U8,
            Val::S16(_) => WasmTypeKind::S16,
            Val::U16(_) => WasmTypeKind::U16,
            Val::S32(_) => WasmTypeKind::S32,
            Val::U32(_) => WasmTypeKind::U32,
            Val::S64(_) => WasmTypeKind::S64,
            Val::U64(_) => WasmTypeKind::U64,
            Val::Float32(_) => WasmTypeKind::F32,
            Val::Float64(_) => WasmTypeKind::F64,
            Val::Char(_) => WasmTypeKind::Char,
            Val::String(_) => WasmTypeKind::String,
            Val::List(_) => WasmTypeKind::List,
            Val::Map(_) => WasmTypeKind::Map,
            Val::Record(_) => WasmTypeKind::Record,
            Val::Tuple(_) => WasmTypeKind::Tuple,
            Val::Variant(..) => WasmTypeKind::Variant,
            Val::Enum(_) => WasmTypeKind::Enum,
            Val::Option(_) => WasmTypeKind::Option,
            Val::Result(_) => WasmTypeKind::Result,
            Val::Flags(_) => WasmTypeKind::Flags,
            Val::Resource(_) => WasmTypeKind::Unsupported,
        }
    }

    scalars!(
        (make_bool, unwrap_bool, bool, Bool, "bool"),
        (make_s8, unwrap_s8, i8, S8, "s8"),
        (make_s16, unwrap_s16, i16, S16, "s16"),
        (make_s32, unwrap_s32, i32, S32, "s32"),
        (make_s64, unwrap_s64, i64, S64, "s64"),
        (make_u8, unwrap_u8, u8, U8, "u8"),
        (make_u16, unwrap_u16, u16, U16, "u16"),
        (make_u32, unwrap_u32, u32, U32, "u32"),
        (make_u64, unwrap_u64, u64, U64, "u64"),
        (make_f32, unwrap_f32, f32, Float32, "f32"),
        (make_f64, unwrap_f64, f64, Float64, "f64"),
        (make_char, unwrap_char, char, Char, "char"),
    );

    fn make_string(value: Cow<'_, str>) -> Self {
        WaveVal(Val::String(value.into_owned()))
    }

    fn make_list(
        ty: &Self::Type,
        values: impl IntoIterator<Item = Self>,
    ) -> Result<Self, WasmValueError> {
        let values: Vec<Val> = values.into_iter().map(|v| v.0).collect();
        match &ty.0 {
            Type::List(_) => {}
            Type::FixedList(list) if values.len() == list.len() as usize => {}
            Type::FixedList(list) => {
                return Err(WasmValueError::Other(format!(
                    "expected a {}: exactly {} elements; got {}",
                    ty.0,
                    list.len(),
                    values.len()
                )));
            }
            _ => return Err(wrong_kind(ty, WasmTypeKind::List)),
        }
        Ok(WaveVal(Val::List(values)))
    }

    fn make_record<'a>(
        ty: &Self::Type,
        fields: impl IntoIterator<Item = (&'a str, Self)>,
    ) -> Result<Self, WasmValueError> {
        let Type::Record(record) = &ty.0 else {
            return Err(wrong_kind(ty, WasmTypeKind::Record));
        };
        let mut given: Vec<(&str, Val)> = fields.into_iter().map(|(n, v)| (n, v.0)).collect();
        let mut values = Vec::with_capacity(record.fields().len());
        for field in record.fields() {
            let at = given
                .iter()
                .position(|(name, _)| *name == field.name)
                .ok_or_else(|| WasmValueError::MissingField(field.name.clone()))?;
            values.push((field.name.clone(), given.swap_remove(at).1));
        }
        match given.first() {
            Some((name, _)) => Err(WasmValueError::UnknownField(name.to_string())),
            None => Ok(WaveVal(Val::Record(values))),
        }
    }

    fn make_tuple(
        ty: &Self::Type,
        values: impl IntoIterator<Item = Self>,
    ) -> Result<Self, WasmValueError> {
        let Type::Tuple(tuple) = &ty.0 else {
            return Err(wrong_kind(ty, WasmTypeKind::Tuple));
        };
        let values: Vec<Val> = values.into_iter().map(|v| v.0).collect();
        if values.len() != tuple.types().len() {
            return Err(WasmValueError::WrongNumberOfTupleValues {
                want: tuple.types().len(),
                got: values.len(),
            });
        }
        Ok(WaveVal(Val::Tuple(values)))
    }

    fn make_variant(
        ty: &Self::Type,
        case: &str,
        value: Option<Self>,
    ) -> Result<Self, WasmValueError> {
        let Type::Variant(variant) = &ty.0 else {
            return Err(wrong_kind(ty, WasmTypeKind::Variant));
        };
        let found = variant
            .cases()
            .iter()
            .find(|c| c.name == case)
            .ok_or_else(|| WasmValueError::UnknownCase(case.to_string()))?;
        let value = payload(case, found.ty.as_ref(), value)?;
        Ok(WaveVal(Val::Variant(case.to_string(), value)))
    }

    fn make_enum(ty: &Self::Type, case: &str) -> Result<Self, WasmValueError> {
        let Type::Enum(e) = &ty.0 else {
            return Err(wrong_kind(ty, WasmTypeKind::Enum));
        };
        if !e.names().iter().any(|n| n == case) {
            return Err(WasmValueError::UnknownCase(case.to_string()));
        }
        Ok(WaveVal(Val::Enum(case.to_string())))
    }

    fn make_option(ty: &Self::Type, value: Option<Self>) -> Result<Self, WasmValueError> {
        if !matches!(ty.0, Type::Option(_)) {
            return Err(wrong_kind(ty, WasmTypeKind::Option));
        }
        Ok(WaveVal(Val::Option(value.map(|v| Box::new(v.0)))))
    }

    fn make_result(
        ty: &Self::Type,
        value: Result<Option<Self>, Option<Self>>,
    ) -> Result<Self, WasmValueError> {
        let Type::Result(result) = &ty.0 else {
            return Err(wrong_kind(ty, WasmTypeKind::Result));
        };
        Ok(WaveVal(Val::Result(match value {
            Ok(value) => Ok(payload("ok", result.ok(), value)?),
            Err(value) => Err(payload("err", result.err(), value)?),
        })))
    }

    fn make_flags<'a>(
        ty: &Self::Type,
        names: impl IntoIterator<Item = &'a str>,
    ) -> Result<Self, WasmValueError> {
        let Type::Flags(flags) = &ty.0 else {
            return Err(wrong_kind(ty, WasmTypeKind::Flags));
        };
        let mut set: Vec<&str> = Vec::new();
        for name in names {
            if !flags.names().iter().any(|n| n == name) {
                return Err(WasmValueError::Other(format!(
                    "unknown flag {name:?} of {}",
                    ty.0
                )));
            }
            if !set.contains(&name) {
                set.push(name);
            }
        }
        // In declaration order, as lifting gives them.
        let set = flags
            .names()
            .iter()
            .filter(|n| set.contains(&n.as_str()))
            .cloned()
            .collect();
        Ok(WaveVal(Val::Flags(set)))
    }

    fn make_map(
        ty: &Self::Type,
        entries: impl IntoIterator<Item = (Self, Self)>,
    ) -> Result<Self, WasmValueError> {
        if !matches!(ty.0, Type::Map(_)) {
            return Err(wrong_kind(ty, WasmTypeKind::Map));
        }
        Ok(WaveVal(Val::Map(
            entries.into_iter().map(|(k, v)| (k.0, v.0)).collect(),
        )))
    }

    fn unwrap_string(&self) -> Cow<'_, str> {
        match &self.0 {
            Val::String(s) => Cow::Borrowed(s),
            _ => not_a("string"),
        }
    }

    fn unwrap_list(&self) -> Box<dyn Iterator<Item = Cow<'_, Self>> + '_> {
        match &self.0 {
            Val::List(values) => Box::new(values.iter().map(owned)),
            _ => not_a("list"),
        }
    }

    fn unwrap_record(&self) -> Box<dyn Iterator<Item = (Cow<'_, str>, Cow<'_, Self>)> + '_> {
        match &self.0 {
            Val::Record(fields) => Box::new(
                fields
                    .iter()
                    .map(|(name, value)| (Cow::Borrowed(name.as_str()), owned(value))),
            ),
            _ => not_a("record"),
        }
    }

    fn unwrap_tuple(&self) -> Box<dyn Iterator<Item = Cow<'_, Self>> + '_> {
        match &self.0 {
            Val::Tuple(values) => Box::new(values.iter().map(owned)),
            _ => not_a("tuple"),
        }
    }

    fn unwrap_variant(&self) -> (Cow<'_, str>, Option<Cow<'_, Self>>) {
        match &self.0 {
            Val::Variant(case, value) => (Cow::Borrowed(case), value.as_deref().map(owned)),
            _ => not_a("variant"),
        }
    }

    fn unwrap_enum(&self) -> Cow<'_, str> {
        match &self.0 {
            Val::Enum(case) => Cow::Borrowed(case),
            _ => not_a("enum"),
        }
    }

    fn unwrap_option(&self) -> Option<Cow<'_, Self>> {
        match &self.0 {
            Val::Option(value) => value.as_deref().map(owned),
            _ => not_a("option"),
        }
    }

    fn unwrap_result(&self) -> Result<Option<Cow<'_, Self>>, Option<Cow<'_, Self>>> {
        match &self.0 {
            Val::Result(Ok(value)) => Ok(value.as_deref().map(owned)),
            Val::Result(Err(value)) => Err(value.as_deref().map(owned)),
            _ => not_a("result"),
        }
    }

    fn unwrap_flags(&self) -> Box<dyn Iterator<Item = Cow<'_, str>> + '_> {
        match &self.0 {
            Val::Flags(names) => Box::new(names.iter().map(|n| Cow::Borrowed(n.as_str()))),
            _ => not_a("flags"),
        }
    }

    fn unwrap_map(&self) -> Box<dyn Iterator<Item = (Cow<'_, Self>, Cow<'_, Self>)> + '_> {
        match &self.0 {
            Val::Map(entries) => Box::new(entries.iter().map(|(k, v)| (owned(k), owned(v)))),
            _ => not_a("map"),
        }
    }
}

/// A nested value as wasm-wave wants it: `Val` is not `WaveVal`, so it is
/// wrapped in a copy (printing results is the only use).
fn owned(value: &Val) -> Cow<'_, WaveVal> {
    Cow::Owned(WaveVal(value.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use witbind::types::{
        Case, EnumType, Field, FixedListType, FlagsType, ListType, MapType, OptionType, RecordType,
        ResultType, TupleType, VariantType,
    };

    fn parse(ty: &Type, text: &str) -> Result<Val, String> {
        wasm_wave::from_str::<WaveVal>(&WaveType(ty.clone()), text)
            .map(|v| v.0)
            .map_err(|e| e.to_string())
    }

    fn print(value: &Val) -> String {
        wasm_wave::to_string(&WaveVal(value.clone())).unwrap()
    }

    /// `text` parses as `ty` and prints back as `printed`.
    fn round_trip(ty: &Type, text: &str, printed: &str) {
        let value = parse(ty, text).unwrap_or_else(|e| panic!("{text} as {ty}: {e}"));
        assert_eq!(print(&value), printed, "{text} as {ty}");
        assert_eq!(parse(ty, printed).unwrap(), value, "{printed} as {ty}");
    }

    fn point() -> Type {
        Type::Record(RecordType::new(vec![
            Field {
                name: "x".into(),
                ty: Type::S32,
            },
            Field {
                name: "maybe".into(),
                ty: Type::Option(OptionType::new(Type::U8)),
            },
        ]))
    }

    #[test]
    fn scalars_strings_and_chars() {
        round_trip(&Type::Bool, "true", "true");
        round_trip(&Type::S8, "-128", "-128");
        round_trip(&Type::U64, "18446744073709551615", "18446744073709551615");
        round_trip(&Type::F32, "1.5", "1.5");
        round_trip(&Type::F64, "-inf", "-inf");
        round_trip(&Type::F64, "nan", "nan");
        round_trip(&Type::Char, r"'\u{1f44b}'", "'👋'");
        round_trip(&Type::Char, r"'\''", r"'\''");
        round_trip(&Type::String, r#""a\n\"b\"""#, r#""a\n\"b\"""#);
        assert!(parse(&Type::U8, "256").is_err());
        assert!(parse(&Type::U8, "\"1\"").is_err());
    }

    #[test]
    fn records_omit_absent_options_and_check_fields() {
        round_trip(&point(), "{x: 1}", "{x: 1}");
        round_trip(&point(), "{maybe: 2, x: -1}", "{x: -1, maybe: some(2)}");
        assert_eq!(
            parse(&point(), "{x: 1, maybe: none}").unwrap(),
            Val::Record(vec![
                ("x".into(), Val::S32(1)),
                ("maybe".into(), Val::Option(None))
            ])
        );
        assert!(
            parse(&point(), "{maybe: 2}")
                .unwrap_err()
                .contains("missing field")
        );
        assert!(parse(&point(), "{x: 1, y: 2}").is_err());
    }

    #[test]
    fn variants_enums_options_results_flags() {
        let shape = Type::Variant(VariantType::new(vec![
            Case {
                name: "dot".into(),
                ty: None,
            },
            Case {
                name: "circle".into(),
                ty: Some(Type::F64),
            },
            // A keyword as a case name is written with `%`.
            Case {
                name: "none".into(),
                ty: None,
            },
        ]));
        round_trip(&shape, "dot", "dot");
        round_trip(&shape, "circle(2.5)", "circle(2.5)");
        round_trip(&shape, "%none", "%none");
        assert!(
            parse(&shape, "square")
                .unwrap_err()
                .contains("unknown case")
        );
        assert!(parse(&shape, "circle").is_err());
        assert!(parse(&shape, "dot(1)").is_err());

        let color = Type::Enum(EnumType::new(vec!["red".into(), "green".into()]));
        round_trip(&color, "green", "green");
        assert!(parse(&color, "blue").is_err());

        let option = Type::Option(OptionType::new(Type::Option(OptionType::new(Type::String))));
        round_trip(&option, "none", "none");
        round_trip(&option, "some(none)", "some(none)");
        round_trip(&option, r#"some(some("x"))"#, r#"some(some("x"))"#);

        let result = Type::Result(ResultType::new(Some(Type::U32), Some(Type::String)));
        round_trip(&result, "ok(1)", "ok(1)");
        round_trip(&result, r#"err("no")"#, r#"err("no")"#);
        let empty = Type::Result(ResultType::new(None, None));
        round_trip(&empty, "ok", "ok");
        round_trip(&empty, "err", "err");
        assert!(parse(&empty, "ok(1)").is_err());

        let flags = Type::Flags(FlagsType::new(vec!["a".into(), "b".into(), "c".into()]).unwrap());
        // Declaration order, whatever order they are written in.
        round_trip(&flags, "{c, a}", "{a, c}");
        round_trip(&flags, "{}", "{}");
        assert!(parse(&flags, "{d}").is_err());
    }

    #[test]
    fn lists_tuples_maps_and_fixed_lists() {
        let list = Type::List(ListType::new(Type::Tuple(TupleType::new(vec![
            Type::U8,
            Type::String,
        ]))));
        round_trip(&list, r#"[(1, "a"), (2, "b")]"#, r#"[(1, "a"), (2, "b")]"#);
        round_trip(&list, "[]", "[]");
        let map = Type::Map(MapType::new(Type::String, Type::U32));
        round_trip(&map, r#"{"a": 1, "b": 2}"#, r#"{"a": 1, "b": 2}"#);
        let fixed = Type::FixedList(FixedListType::new(Type::U16, 3));
        round_trip(&fixed, "[1, 2, 3]", "[1, 2, 3]");
        let err = parse(&fixed, "[1, 2]").unwrap_err();
        assert!(err.contains("exactly 3 elements; got 2"), "{err}");
    }

    #[test]
    fn resources_have_no_wave_form() {
        let own = Type::Own(witbind::types::ResourceType::host::<()>("r"));
        assert_eq!(WaveType(own.clone()).kind(), WasmTypeKind::Unsupported);
        assert!(parse(&own, "1").is_err());
    }
}
