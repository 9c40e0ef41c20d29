//! A runtime-neutral tree of component values and the outcome of a call.

use std::fmt;

/// A component-model value, independent of the runtime that produced it.
///
/// Floats are kept as values; [`Neutral::same`] compares them bit for bit except that any NaN
/// equals any NaN (the canonical ABI does not fix NaN payloads).
#[derive(Debug, Clone, PartialEq)]
pub enum Neutral {
    /// `bool`.
    Bool(bool),
    /// `s8`.
    S8(i8),
    /// `u8`.
    U8(u8),
    /// `s16`.
    S16(i16),
    /// `u16`.
    U16(u16),
    /// `s32`.
    S32(i32),
    /// `u32`.
    U32(u32),
    /// `s64`.
    S64(i64),
    /// `u64`.
    U64(u64),
    /// `f32`.
    F32(f32),
    /// `f64`.
    F64(f64),
    /// `char`.
    Char(char),
    /// `string`.
    String(String),
    /// `list<T>`.
    List(Vec<Neutral>),
    /// `map<K, V>`: the entries in the order they travel.
    Map(Vec<(Neutral, Neutral)>),
    /// `record`: fields in declaration order with their WIT names.
    Record(Vec<(String, Neutral)>),
    /// `tuple<...>`.
    Tuple(Vec<Neutral>),
    /// `variant`: case name and payload.
    Variant(String, Option<Box<Neutral>>),
    /// `enum`: case name.
    Enum(String),
    /// `option<T>`.
    Option(Option<Box<Neutral>>),
    /// `result<T, E>`: payloads are `None` for `_`.
    Result(Result<Option<Box<Neutral>>, Option<Box<Neutral>>>),
    /// `flags`: names of the members that are set, in declaration order.
    Flags(Vec<String>),
    /// A resource handle held by the caller, by its index in the caller's handle table.
    Handle(usize),
}

impl Neutral {
    /// Structural equality where any NaN equals any NaN and other floats compare by bits
    /// (so `0.0` and `-0.0` differ).
    pub fn same(&self, other: &Neutral) -> bool {
        use Neutral as N;
        match (self, other) {
            (N::F32(a), N::F32(b)) => (a.is_nan() && b.is_nan()) || a.to_bits() == b.to_bits(),
            (N::F64(a), N::F64(b)) => (a.is_nan() && b.is_nan()) || a.to_bits() == b.to_bits(),
            (N::List(a), N::List(b)) | (N::Tuple(a), N::Tuple(b)) => all_same(a, b),
            (N::Map(a), N::Map(b)) => {
                a.len() == b.len()
                    && a.iter()
                        .zip(b)
                        .all(|((ka, va), (kb, vb))| ka.same(kb) && va.same(vb))
            }
            (N::Record(a), N::Record(b)) => {
                a.len() == b.len()
                    && a.iter()
                        .zip(b)
                        .all(|((na, va), (nb, vb))| na == nb && va.same(vb))
            }
            (N::Variant(na, a), N::Variant(nb, b)) => na == nb && same_payload(a, b),
            (N::Option(a), N::Option(b)) => same_payload(a, b),
            (N::Result(Ok(a)), N::Result(Ok(b))) | (N::Result(Err(a)), N::Result(Err(b))) => {
                same_payload(a, b)
            }
            _ => self == other,
        }
    }

    /// `some(value)`.
    pub fn some(value: Neutral) -> Neutral {
        Neutral::Option(Some(Box::new(value)))
    }

    /// `ok(value)`.
    pub fn ok(value: Neutral) -> Neutral {
        Neutral::Result(Ok(Some(Box::new(value))))
    }

    /// `err(value)`.
    pub fn err(value: Neutral) -> Neutral {
        Neutral::Result(Err(Some(Box::new(value))))
    }

    /// A string value.
    pub fn string(text: &str) -> Neutral {
        Neutral::String(text.to_string())
    }

    /// A list built from `items` with `f`.
    pub fn list<T>(items: impl IntoIterator<Item = T>, f: impl Fn(T) -> Neutral) -> Neutral {
        Neutral::List(items.into_iter().map(f).collect())
    }

    /// A record from `(name, value)` pairs.
    pub fn record(fields: impl IntoIterator<Item = (&'static str, Neutral)>) -> Neutral {
        Neutral::Record(
            fields
                .into_iter()
                .map(|(n, v)| (n.to_string(), v))
                .collect(),
        )
    }

    /// A flags value from the member names that are set.
    pub fn flags<'n>(names: impl IntoIterator<Item = &'n str>) -> Neutral {
        Neutral::Flags(names.into_iter().map(str::to_string).collect())
    }
}

fn all_same(a: &[Neutral], b: &[Neutral]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.same(y))
}

fn same_payload(a: &Option<Box<Neutral>>, b: &Option<Box<Neutral>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.same(b),
        (None, None) => true,
        _ => false,
    }
}

/// What a call produced: its results, or a trap with the runtime's message.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// The call returned these results (empty for a function without results).
    Returned(Vec<Neutral>),
    /// The call trapped or failed; the message is the runtime's own and is not compared.
    Trapped(String),
}

impl Outcome {
    /// Whether two outcomes agree: the same results (see [`Neutral::same`]), or both trapped.
    pub fn same(&self, other: &Outcome) -> bool {
        match (self, other) {
            (Outcome::Returned(a), Outcome::Returned(b)) => all_same(a, b),
            (Outcome::Trapped(_), Outcome::Trapped(_)) => true,
            _ => false,
        }
    }

    /// The single result of a call that returned exactly one value.
    ///
    /// # Errors
    /// When the call trapped or returned another number of values.
    pub fn single(self) -> anyhow::Result<Neutral> {
        match self {
            Outcome::Returned(mut values) if values.len() == 1 => {
                values.pop().ok_or_else(|| anyhow::anyhow!("no result"))
            }
            other => anyhow::bail!("expected one result, got {other}"),
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Outcome::Returned(values) => write!(f, "returned {values:?}"),
            Outcome::Trapped(message) => write!(f, "trapped: {message}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Neutral as N, Outcome};

    #[test]
    fn nan_equals_nan_but_signed_zeros_differ() {
        assert!(N::F64(f64::NAN).same(&N::F64(-f64::NAN)));
        assert!(!N::F32(0.0).same(&N::F32(-0.0)));
        assert!(N::List(vec![N::F32(f32::NAN)]).same(&N::List(vec![N::F32(f32::NAN)])));
        assert!(!N::F64(1.0).same(&N::F32(1.0)));
    }

    #[test]
    fn structure_and_names_must_match() {
        let record = N::record([("x", N::U8(1))]);
        assert!(!record.same(&N::record([("y", N::U8(1))])));
        assert!(!N::some(N::U8(1)).same(&N::Option(None)));
        assert!(!N::ok(N::U8(1)).same(&N::err(N::U8(1))));
        assert!(!N::List(vec![N::U8(1)]).same(&N::List(vec![N::U8(1), N::U8(1)])));
        assert!(N::Variant("a".into(), None).same(&N::Variant("a".into(), None)));
        assert!(!N::Variant("a".into(), None).same(&N::Variant("b".into(), None)));
    }

    #[test]
    fn outcomes_agree_on_values_or_on_trapping() {
        let one = Outcome::Returned(vec![N::U8(1)]);
        assert!(one.same(&Outcome::Returned(vec![N::U8(1)])));
        assert!(!one.same(&Outcome::Returned(vec![N::U8(2)])));
        assert!(!one.same(&Outcome::Trapped("x".into())));
        assert!(Outcome::Trapped("a".into()).same(&Outcome::Trapped("b".into())));
    }
}
