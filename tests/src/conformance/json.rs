//! The vectors' JSON encoding of component values, read into [`Val`]s with
//! the type that disambiguates it.

use anyhow::{Context, Result, bail};
use serde_json::Value;
use witbind::Val;
use witbind::types::Type;

/// The value `json` encodes as a value of `ty`.
pub fn val_from_json(ty: &Type, json: &Value) -> Result<Val> {
    Ok(match ty {
        Type::Bool => Val::Bool(json.as_bool().context("not a bool")?),
        Type::S8 => Val::S8(int(json)?),
        Type::U8 => Val::U8(uint(json)?),
        Type::S16 => Val::S16(int(json)?),
        Type::U16 => Val::U16(uint(json)?),
        Type::S32 => Val::S32(int(json)?),
        Type::U32 => Val::U32(uint(json)?),
        Type::S64 => Val::S64(int(json)?),
        Type::U64 => Val::U64(uint(json)?),
        Type::F32 => {
            let wide = float(json)?;
            let narrow = wide as f32;
            if !wide.is_nan() && f64::from(narrow).to_bits() != wide.to_bits() {
                bail!("`{json}` is not an f32");
            }
            Val::Float32(narrow)
        }
        Type::F64 => Val::Float64(float(json)?),
        Type::Char => {
            let s = json.as_str().context("not a string")?;
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Val::Char(c),
                _ => bail!("`{json}` is not one char"),
            }
        }
        Type::String => Val::String(json.as_str().context("not a string")?.to_string()),
        Type::List(list) => Val::List(
            elements(json)?
                .iter()
                .map(|item| val_from_json(list.element(), item))
                .collect::<Result<_>>()?,
        ),
        Type::Map(map) => Val::Map(
            elements(json)?
                .iter()
                .map(|entry| match elements(entry)? {
                    [key, value] => Ok((
                        val_from_json(map.key(), key)?,
                        val_from_json(map.value(), value)?,
                    )),
                    _ => bail!("map entry `{entry}` is not a [key, value] pair"),
                })
                .collect::<Result<_>>()?,
        ),
        Type::FixedList(list) => Val::List(
            elements(json)?
                .iter()
                .map(|item| val_from_json(list.element(), item))
                .collect::<Result<_>>()?,
        ),
        Type::Record(record) => {
            let object = json.as_object().context("not an object")?;
            if let Some(extra) = object
                .keys()
                .find(|key| record.fields().iter().all(|f| f.name != **key))
            {
                bail!("`{ty}` has no field `{extra}`");
            }
            Val::Record(
                record
                    .fields()
                    .iter()
                    .map(|field| {
                        let value = object
                            .get(&field.name)
                            .with_context(|| format!("field `{}` is missing", field.name))?;
                        let value = val_from_json(&field.ty, value)
                            .with_context(|| format!("in field `{}`", field.name))?;
                        Ok((field.name.clone(), value))
                    })
                    .collect::<Result<_>>()?,
            )
        }
        Type::Tuple(tuple) => {
            let items = elements(json)?;
            if items.len() != tuple.types().len() {
                bail!(
                    "`{json}` is not a tuple of {} elements",
                    tuple.types().len()
                );
            }
            Val::Tuple(
                tuple
                    .types()
                    .iter()
                    .zip(items)
                    .map(|(ty, item)| val_from_json(ty, item))
                    .collect::<Result<_>>()?,
            )
        }
        Type::Variant(variant) => {
            let (name, payload) = case(json)?;
            let Some(case) = variant.cases().iter().find(|c| c.name == name) else {
                bail!("`{ty}` has no case `{name}`");
            };
            Val::Variant(name.to_string(), payload_val(case.ty.as_ref(), payload)?)
        }
        Type::Enum(e) => {
            let name = json.as_str().context("not a string")?;
            if !e.names().iter().any(|n| n == name) {
                bail!("`{ty}` has no case `{name}`");
            }
            Val::Enum(name.to_string())
        }
        Type::Option(option) => match case(json)? {
            ("none", payload) => Val::Option(payload_val(None, payload)?),
            ("some", payload) => Val::Option(payload_val(Some(option.some()), payload)?),
            (other, _) => bail!("option case `{other}`"),
        },
        Type::Result(result) => match case(json)? {
            ("ok", payload) => Val::Result(Ok(payload_val(result.ok(), payload)?)),
            ("error", payload) => Val::Result(Err(payload_val(result.err(), payload)?)),
            (other, _) => bail!("result case `{other}`"),
        },
        Type::Flags(flags) => {
            let names = elements(json)?
                .iter()
                .map(|name| {
                    name.as_str()
                        .map(str::to_string)
                        .context("flag is not a string")
                })
                .collect::<Result<Vec<_>>>()?;
            if let Some(unknown) = names.iter().find(|n| !flags.names().contains(n)) {
                bail!("`{ty}` has no flag `{unknown}`");
            }
            Val::Flags(names)
        }
        Type::Own(_) | Type::Borrow(_) => bail!("the vectors carry no resource handles"),
    })
}

/// `val` in the vectors' JSON encoding, for showing values as the vector
/// files do. Floats become numbers (their `f64` value) or `"nan"`, `"inf"`,
/// `"-inf"`, `"-0"`.
pub fn val_to_json(val: &Val) -> Value {
    let payload = |case: &str, payload: &Option<Box<Val>>| match payload {
        Some(payload) => serde_json::json!({"case": case, "value": val_to_json(payload)}),
        None => serde_json::json!({"case": case}),
    };
    match val {
        Val::Bool(b) => Value::from(*b),
        Val::S8(n) => Value::from(*n),
        Val::U8(n) => Value::from(*n),
        Val::S16(n) => Value::from(*n),
        Val::U16(n) => Value::from(*n),
        Val::S32(n) => Value::from(*n),
        Val::U32(n) => Value::from(*n),
        Val::S64(n) => Value::from(*n),
        Val::U64(n) => Value::from(*n),
        Val::Float32(f) => float_to_json(f64::from(*f)),
        Val::Float64(f) => float_to_json(*f),
        Val::Char(c) => Value::from(c.to_string()),
        Val::String(s) => Value::from(s.as_str()),
        Val::List(items) | Val::Tuple(items) => items.iter().map(val_to_json).collect(),
        Val::Map(entries) => entries
            .iter()
            .map(|(key, value)| Value::Array(vec![val_to_json(key), val_to_json(value)]))
            .collect(),
        Val::Record(fields) => Value::Object(
            fields
                .iter()
                .map(|(name, value)| (name.clone(), val_to_json(value)))
                .collect(),
        ),
        Val::Variant(case, value) => payload(case, value),
        Val::Enum(case) => Value::from(case.as_str()),
        Val::Option(None) => payload("none", &None),
        Val::Option(some) => payload("some", some),
        Val::Result(Ok(value)) => payload("ok", value),
        Val::Result(Err(value)) => payload("error", value),
        Val::Flags(names) => names.iter().map(|n| Value::from(n.as_str())).collect(),
        // The vectors carry no handles; shown for completeness only.
        Val::Resource(r) => serde_json::json!({
            "resource": r.ty().name(),
            "kind": r.kind().name(),
            "index": r.index(),
        }),
    }
}

fn float_to_json(f: f64) -> Value {
    match f {
        f if f.is_nan() => Value::from("nan"),
        f64::INFINITY => Value::from("inf"),
        f64::NEG_INFINITY => Value::from("-inf"),
        f if f == 0.0 && f.is_sign_negative() => Value::from("-0"),
        f => Value::from(f),
    }
}

/// The values `json` (an array) encodes as values of `types`.
pub fn vals_from_json(types: &[Type], json: &Value) -> Result<Vec<Val>> {
    let items = elements(json)?;
    if items.len() != types.len() {
        bail!("{} values for {} types", items.len(), types.len());
    }
    types
        .iter()
        .zip(items)
        .map(|(ty, item)| val_from_json(ty, item))
        .collect()
}

fn elements(json: &Value) -> Result<&[Value]> {
    json.as_array()
        .map(Vec::as_slice)
        .with_context(|| format!("`{json}` is not an array"))
}

fn int<T: TryFrom<i64>>(json: &Value) -> Result<T> {
    json.as_i64()
        .and_then(|n| T::try_from(n).ok())
        .with_context(|| format!("`{json}` is out of range"))
}

fn uint<T: TryFrom<u64>>(json: &Value) -> Result<T> {
    json.as_u64()
        .and_then(|n| T::try_from(n).ok())
        .with_context(|| format!("`{json}` is out of range"))
}

/// A number, or `"nan"`, `"inf"`, `"-inf"`, `"-0"`.
fn float(json: &Value) -> Result<f64> {
    Ok(match json {
        Value::String(s) => match s.as_str() {
            "nan" => f64::NAN,
            "inf" => f64::INFINITY,
            "-inf" => f64::NEG_INFINITY,
            "-0" => -0.0,
            other => bail!("`{other}` is not a float"),
        },
        _ => json
            .as_f64()
            .with_context(|| format!("`{json}` is not a number"))?,
    })
}

/// `{"case": name}` or `{"case": name, "value": payload}`.
fn case(json: &Value) -> Result<(&str, Option<&Value>)> {
    let name = json
        .get("case")
        .and_then(Value::as_str)
        .with_context(|| format!("`{json}` has no `case`"))?;
    Ok((name, json.get("value")))
}

fn payload_val(ty: Option<&Type>, json: Option<&Value>) -> Result<Option<Box<Val>>> {
    match (ty, json) {
        (Some(ty), Some(json)) => Ok(Some(Box::new(val_from_json(ty, json)?))),
        (None, None) => Ok(None),
        (Some(ty), None) => bail!("missing a `{ty}` payload"),
        (None, Some(json)) => bail!("unexpected payload `{json}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use witbind::types::{OptionType, ResultType};

    #[test]
    fn special_floats_and_exact_64_bit_integers() {
        assert_eq!(
            val_from_json(&Type::F32, &json!("-0")).unwrap(),
            Val::Float32(-0.0)
        );
        assert_ne!(
            val_from_json(&Type::F32, &json!(0)).unwrap(),
            Val::Float32(-0.0)
        );
        assert_eq!(
            val_from_json(&Type::F64, &json!("nan")).unwrap(),
            Val::Float64(f64::NAN)
        );
        assert!(val_from_json(&Type::F32, &json!(0.1)).is_err());
        assert_eq!(
            val_from_json(&Type::U64, &json!(u64::MAX)).unwrap(),
            Val::U64(u64::MAX)
        );
        assert!(val_from_json(&Type::S8, &json!(128)).is_err());
    }

    #[test]
    fn values_read_back_to_the_json_they_came_from() {
        let ty = Type::Result(ResultType::new(
            Some(Type::Option(OptionType::new(Type::F32))),
            None,
        ));
        for json in [
            json!({"case": "ok", "value": {"case": "some", "value": "-0"}}),
            json!({"case": "ok", "value": {"case": "some", "value": 2.5}}),
            json!({"case": "ok", "value": {"case": "some", "value": "nan"}}),
            json!({"case": "ok", "value": {"case": "none"}}),
            json!({"case": "error"}),
        ] {
            assert_eq!(val_to_json(&val_from_json(&ty, &json).unwrap()), json);
        }
    }

    #[test]
    fn cases_check_their_payloads() {
        let ty = Type::Option(OptionType::new(Type::U8));
        assert_eq!(
            val_from_json(&ty, &json!({"case": "some", "value": 3})).unwrap(),
            Val::Option(Some(Box::new(Val::U8(3))))
        );
        assert!(val_from_json(&ty, &json!({"case": "some"})).is_err());
        let ty = Type::Result(ResultType::new(None, Some(Type::U8)));
        assert!(val_from_json(&ty, &json!({"case": "ok", "value": 1})).is_err());
        assert_eq!(
            val_from_json(&ty, &json!({"case": "ok"})).unwrap(),
            Val::Result(Ok(None))
        );
    }
}
