//! Dynamic component values: [`Val`], lifted and lowered against a [`Type`]
//! known only at run time.
//!
//! Typed Rust values know their layout at compile time; a `Val` gets it from
//! the [`Type`] it is lifted or lowered with. Both roads share the same
//! Canonical ABI rules: scalars and strings go through the typed impls, lists
//! through the same allocation and range checks, so a `Val` and the typed
//! value it stands for produce identical bytes, flat values and `realloc`
//! calls.
//!
//! Resource handles are [`Val::Resource`]s: a [`ResourceAny`], an index into
//! the host's table of the instance's [`ResourceTables`], for resources the
//! guest implements and the host implements alike. Lifting and lowering them
//! needs a context carrying those tables (`with_resources`); without one they
//! are an error.
//!
//! [`Type`]: crate::Type
//! [`ResourceTables`]: crate::ResourceTables

mod call;
mod cases;
mod lift;
mod lower;
#[cfg(test)]
mod map_tests;
#[cfg(test)]
mod roundtrip_tests;
#[cfg(test)]
mod tests;
mod typed;

pub use call::{CanonContext, CoreFuncType, lift_flat_values, lower_flat_values};
#[cfg(feature = "host")]
pub(crate) use call::{ValList, ValVec};

use crate::error::Error;
use crate::resources::ResourceAny;
use crate::types::Type;

/// A component-level value whose type is known only at run time.
///
/// Equality compares floats by their bits, so it is reflexive: a `NaN`
/// equals a `NaN` with the same bits (lifting always gives the canonical
/// one), and `0.0` differs from `-0.0`. Resources are equal when they are
/// the same handle: same type, host table index and kind.
///
/// ```
/// use witbind::types::{OptionType, Type};
/// use witbind::{FlatReader, FlatWriter, LiftContext, LowerContext, StringEncoding, Val, VecMemory};
///
/// let ty = Type::Option(OptionType::new(Type::String));
/// let value = Val::Option(Some(Box::new(Val::String("hi".into()))));
///
/// // A guest memory whose `realloc` hands out addresses from 16 up.
/// let mut next = 16u32;
/// let mut memory = VecMemory::new(vec![0; 64], move |_, _, _, align, size| {
///     let ptr = next.next_multiple_of(align);
///     next = ptr + size;
///     Ok(ptr)
/// });
/// let mut flat = [0; 3];
/// let mut cx = LowerContext::new(&mut memory, StringEncoding::Utf8);
/// value.lower_flat(&mut cx, &ty, &mut FlatWriter::new(&mut flat))?;
/// assert_eq!(flat, [1, 16, 2]);
///
/// let mut cx = LiftContext::new(memory.bytes(), StringEncoding::Utf8);
/// let lifted = Val::lift_flat(&mut cx, &ty, &mut FlatReader::new(&flat))?;
/// assert_eq!(lifted, value);
/// # Ok::<(), witbind::Error>(())
/// ```
#[derive(Debug, Clone)]
pub enum Val {
    /// `bool`
    Bool(bool),
    /// `s8`
    S8(i8),
    /// `u8`
    U8(u8),
    /// `s16`
    S16(i16),
    /// `u16`
    U16(u16),
    /// `s32`
    S32(i32),
    /// `u32`
    U32(u32),
    /// `s64`
    S64(i64),
    /// `u64`
    U64(u64),
    /// `f32`
    Float32(f32),
    /// `f64`
    Float64(f64),
    /// `char`
    Char(char),
    /// `string`
    String(String),
    /// `list<T>`
    List(Vec<Val>),
    /// `map<K, V>`: its entries, each key once. A map travels as
    /// `list<tuple<K, V>>`; lifting keeps the keys in the order they first
    /// appear and, for a key the guest repeats, the last value (so a map of
    /// `HashMap` or `BTreeMap` lifts to the same entries). Lowering stores
    /// the entries as given.
    Map(Vec<(Val, Val)>),
    /// `record { ... }`: every field, by name, in declaration order.
    Record(Vec<(String, Val)>),
    /// `tuple<...>`
    Tuple(Vec<Val>),
    /// `variant { ... }`: the case name and its payload, if the case has one.
    Variant(String, Option<Box<Val>>),
    /// `enum { ... }`: the case name.
    Enum(String),
    /// `option<T>`
    Option(Option<Box<Val>>),
    /// `result<T, E>`, with `None` for an absent payload type.
    Result(Result<Option<Box<Val>>, Option<Box<Val>>>),
    /// `flags { ... }`: the names of the flags that are set. Lifting gives
    /// them in declaration order; lowering accepts any order.
    Flags(Vec<String>),
    /// `own<R>` or `borrow<R>`: a handle in the host's table of the
    /// instance's [`ResourceTables`](crate::ResourceTables).
    ///
    /// Lifting follows the spec: an `own` moves out of the instance's table
    /// into the host's, a `borrow` is lent until the current call ends.
    /// Lowering checks that the handle is one of the type the signature
    /// names, then moves an owned handle back into the instance's table
    /// (`own<R>`), or lends it for the current call (`borrow<R>`: a new
    /// borrow handle, or the rep itself when the instance implements `R`).
    ///
    /// A resource the host implements travels the same way: turn a
    /// [`Resource<T>`](crate::Resource) into a `ResourceAny` with
    /// [`ResourceAny::try_from_resource`], and a lifted one back with
    /// [`Resource::try_from_resource_any`](crate::Resource::try_from_resource_any).
    Resource(ResourceAny),
}

impl Val {
    /// What kind of value this is, for error messages.
    fn kind(&self) -> &'static str {
        match self {
            Val::Bool(_) => "bool",
            Val::S8(_) => "s8",
            Val::U8(_) => "u8",
            Val::S16(_) => "s16",
            Val::U16(_) => "u16",
            Val::S32(_) => "s32",
            Val::U32(_) => "u32",
            Val::S64(_) => "s64",
            Val::U64(_) => "u64",
            Val::Float32(_) => "f32",
            Val::Float64(_) => "f64",
            Val::Char(_) => "char",
            Val::String(_) => "string",
            Val::List(_) => "list",
            Val::Map(_) => "map",
            Val::Record(_) => "record",
            Val::Tuple(_) => "tuple",
            Val::Variant(..) => "variant",
            Val::Enum(_) => "enum",
            Val::Option(_) => "option",
            Val::Result(_) => "result",
            Val::Flags(_) => "flags",
            Val::Resource(_) => "resource",
        }
    }
}

/// The error of a value that does not fit the type it is lowered as.
fn mismatch(ty: &Type, val: &Val) -> Error {
    anyhow::anyhow!(
        "value mismatch: a `{}` value cannot be lowered as `{ty}`",
        val.kind()
    )
}

impl PartialEq for Val {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Val::Bool(a), Val::Bool(b)) => a == b,
            (Val::S8(a), Val::S8(b)) => a == b,
            (Val::U8(a), Val::U8(b)) => a == b,
            (Val::S16(a), Val::S16(b)) => a == b,
            (Val::U16(a), Val::U16(b)) => a == b,
            (Val::S32(a), Val::S32(b)) => a == b,
            (Val::U32(a), Val::U32(b)) => a == b,
            (Val::S64(a), Val::S64(b)) => a == b,
            (Val::U64(a), Val::U64(b)) => a == b,
            (Val::Float32(a), Val::Float32(b)) => a.to_bits() == b.to_bits(),
            (Val::Float64(a), Val::Float64(b)) => a.to_bits() == b.to_bits(),
            (Val::Char(a), Val::Char(b)) => a == b,
            (Val::String(a), Val::String(b)) => a == b,
            (Val::List(a), Val::List(b)) => a == b,
            (Val::Map(a), Val::Map(b)) => a == b,
            (Val::Record(a), Val::Record(b)) => a == b,
            (Val::Tuple(a), Val::Tuple(b)) => a == b,
            (Val::Variant(a, x), Val::Variant(b, y)) => a == b && x == y,
            (Val::Enum(a), Val::Enum(b)) => a == b,
            (Val::Option(a), Val::Option(b)) => a == b,
            (Val::Result(a), Val::Result(b)) => a == b,
            (Val::Flags(a), Val::Flags(b)) => a == b,
            (Val::Resource(a), Val::Resource(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for Val {}
