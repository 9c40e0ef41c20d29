//! One conformance vector: a JSON line parsed into its fields.

use anyhow::{Context, Result, bail};
use serde_json::Value;
use witbind::{FlatType, StringEncoding};

/// What a vector checks (see `tests/conformance/README.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Lower `value` to flat values.
    Lower,
    /// Lift `value` from flat values and memory.
    Lift,
    /// Lower the arguments of a call to a guest export.
    CallExportArgs,
    /// Lift the results of a call to a guest export.
    CallExportResults,
    /// Lift the arguments of a call from the guest to a host import.
    CallImportArgs,
    /// Lower the results of a host import back into the guest.
    CallImportResults,
}

impl Kind {
    fn from_name(name: &str) -> Result<Self> {
        Ok(match name {
            "lower" => Self::Lower,
            "lift" => Self::Lift,
            "call-export-args" => Self::CallExportArgs,
            "call-export-results" => Self::CallExportResults,
            "call-import-args" => Self::CallImportArgs,
            "call-import-results" => Self::CallImportResults,
            other => bail!("unknown kind `{other}`"),
        })
    }
}

/// What a vector's values are typed by.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Subject {
    /// A WIT type expression (`lower`, `lift`).
    Type(String),
    /// A WIT function type (the `call-*` kinds).
    Func(String),
}

/// A run of initial or expected memory bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Where the bytes start.
    pub offset: u32,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// One vector.
#[derive(Debug, Clone)]
pub struct Vector {
    /// Unique name.
    pub id: String,
    /// What it checks.
    pub kind: Kind,
    /// WIT declarations the subject refers to.
    pub wit: String,
    /// The type or function type.
    pub subject: Subject,
    /// The guest's string encoding.
    pub encoding: StringEncoding,
    /// `value` (one value) or `values` (an array of them); absent on traps.
    pub value: Option<Value>,
    /// Core values with their types.
    pub flat: Vec<(FlatType, u64)>,
    /// Expected memory (lowering kinds) or initial memory (lifting kinds).
    pub memory: Vec<Segment>,
    /// Expected `realloc` calls: `[old_ptr, old_size, align, new_size]`.
    pub reallocs: Vec<[u32; 4]>,
    /// Where spilled import results go.
    pub out_ptr: Option<u32>,
    /// Where the bump allocator starts.
    pub heap_start: u32,
    /// Whether the reference traps.
    pub trap: bool,
}

impl Vector {
    /// Parses one JSON line.
    pub fn parse(line: &str) -> Result<Self> {
        let json: Value = serde_json::from_str(line).context("not JSON")?;
        let id = string(&json, "id")?.to_string();
        Self::from_json(&json).with_context(|| format!("vector `{id}`"))
    }

    fn from_json(json: &Value) -> Result<Self> {
        let kind = Kind::from_name(string(json, "kind")?)?;
        let subject = match kind {
            Kind::Lower | Kind::Lift => Subject::Type(string(json, "type")?.to_string()),
            _ => Subject::Func(string(json, "func")?.to_string()),
        };
        let encoding = string(json, "encoding")?;
        let value_field = match kind {
            Kind::Lower | Kind::Lift => "value",
            _ => "values",
        };
        Ok(Self {
            id: string(json, "id")?.to_string(),
            kind,
            wit: string(json, "wit")?.to_string(),
            subject,
            encoding: StringEncoding::from_name(encoding)
                .with_context(|| format!("unknown encoding `{encoding}`"))?,
            value: json.get(value_field).cloned(),
            flat: array(json, "flat")?
                .iter()
                .map(flat_value)
                .collect::<Result<_>>()?,
            memory: array(json, "memory")?
                .iter()
                .map(segment)
                .collect::<Result<_>>()?,
            reallocs: match json.get("reallocs") {
                Some(calls) => calls
                    .as_array()
                    .context("`reallocs` is not an array")?
                    .iter()
                    .map(realloc_call)
                    .collect::<Result<_>>()?,
                None => Vec::new(),
            },
            out_ptr: json.get("out_ptr").map(u32_of).transpose()?,
            heap_start: u32_of(json.get("heap_start").context("no `heap_start`")?)?,
            trap: json.get("trap").and_then(Value::as_bool).unwrap_or(false),
        })
    }
}

fn string<'a>(json: &'a Value, field: &str) -> Result<&'a str> {
    json.get(field)
        .and_then(Value::as_str)
        .with_context(|| format!("`{field}` is missing or not a string"))
}

fn array<'a>(json: &'a Value, field: &str) -> Result<&'a [Value]> {
    json.get(field)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .with_context(|| format!("`{field}` is missing or not an array"))
}

fn u32_of(json: &Value) -> Result<u32> {
    json.as_u64()
        .and_then(|n| u32::try_from(n).ok())
        .with_context(|| format!("`{json}` is not a u32"))
}

/// `{"i32": n}`, `{"i64": n}`, `{"f32": bits}` or `{"f64": bits}`.
fn flat_value(json: &Value) -> Result<(FlatType, u64)> {
    let Some((name, value)) = json.as_object().and_then(|o| o.iter().next()) else {
        bail!("flat value `{json}` is not a one-field object");
    };
    let ty = match name.as_str() {
        "i32" => FlatType::I32,
        "i64" => FlatType::I64,
        "f32" => FlatType::F32,
        "f64" => FlatType::F64,
        other => bail!("unknown core type `{other}`"),
    };
    let bits = value
        .as_u64()
        .with_context(|| format!("flat value `{json}` is not an unsigned integer"))?;
    if matches!(ty, FlatType::I32 | FlatType::F32) && bits > u64::from(u32::MAX) {
        bail!("flat value `{json}` does not fit 32 bits");
    }
    Ok((ty, bits))
}

/// `{"offset": o, "hex": "..."}`.
fn segment(json: &Value) -> Result<Segment> {
    let offset = u32_of(json.get("offset").context("segment without `offset`")?)?;
    let hex = string(json, "hex")?;
    Ok(Segment {
        offset,
        bytes: decode_hex(hex)?,
    })
}

fn decode_hex(hex: &str) -> Result<Vec<u8>> {
    if !hex.len().is_multiple_of(2) {
        bail!("hex of odd length {}", hex.len());
    }
    (0..hex.len())
        .step_by(2)
        .map(|i| {
            hex.get(i..i + 2)
                .and_then(|pair| u8::from_str_radix(pair, 16).ok())
                .with_context(|| format!("invalid hex at {i}"))
        })
        .collect()
}

fn realloc_call(json: &Value) -> Result<[u32; 4]> {
    let args = json
        .as_array()
        .context("`realloc` call is not an array")?
        .iter()
        .map(u32_of)
        .collect::<Result<Vec<_>>>()?;
    args.try_into()
        .map_err(|args: Vec<u32>| anyhow::anyhow!("`realloc` call with {} arguments", args.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_lowering_vector() {
        let line = r#"{"id": "x", "kind": "lower", "wit": "", "type": "string", "encoding": "utf16", "value": "a", "flat": [{"i32": 8}, {"i32": 1}], "memory": [{"offset": 8, "hex": "6100"}], "reallocs": [[0, 0, 2, 2]], "heap_start": 8}"#;
        let v = Vector::parse(line).unwrap();
        assert_eq!(v.kind, Kind::Lower);
        assert_eq!(v.subject, Subject::Type("string".into()));
        assert_eq!(v.encoding, StringEncoding::Utf16);
        assert_eq!(v.flat, [(FlatType::I32, 8), (FlatType::I32, 1)]);
        assert_eq!(
            v.memory,
            [Segment {
                offset: 8,
                bytes: vec![0x61, 0]
            }]
        );
        assert_eq!(v.reallocs, [[0, 0, 2, 2]]);
        assert!(!v.trap);
    }

    #[test]
    fn rejects_malformed_fields() {
        let bad_flat = r#"{"id": "x", "kind": "lift", "wit": "", "type": "u32", "encoding": "utf8", "flat": [{"i32": 4294967296}], "memory": [], "heap_start": 8}"#;
        assert!(Vector::parse(bad_flat).is_err());
        let bad_hex = r#"{"id": "x", "kind": "lift", "wit": "", "type": "u32", "encoding": "utf8", "flat": [], "memory": [{"offset": 8, "hex": "6"}], "heap_start": 8}"#;
        assert!(Vector::parse(bad_hex).is_err());
    }
}
