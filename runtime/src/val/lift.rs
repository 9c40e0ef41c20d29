//! Lifting a [`Val`] of a [`Type`]: the spec's `lift_flat` and `load`.
//!
//! Scalars and strings are lifted by their typed impls and list bodies are
//! checked by the same helper as typed lists, so the traps and their order
//! live in one place.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use crate::abi::context::LiftContext;
use crate::abi::flat::FlatReader;
use crate::abi::impls::lists::lift_list_bytes;
use crate::abi::impls::{array, load_pointer_pair};
use crate::abi::layout;
use crate::abi::traits::Lift;
use crate::error::Result;
use crate::resources::HANDLE_FUEL;
use crate::resources::HandleKind;
use crate::types::{FlagsType, MapType, ResourceType, Type};

use super::Val;
use super::cases::Cases;
use super::lower::field_offsets;

impl Val {
    /// Lifts a value of `ty` from flat core values (the spec's `lift_flat`),
    /// reading strings and lists from guest memory.
    ///
    /// Every malformed input (an invalid `char` or discriminant, a string or
    /// list out of bounds, misaligned, too long or badly encoded) is an error
    /// carrying a [`Trap`](crate::Trap).
    pub fn lift_flat(cx: &mut LiftContext<'_>, ty: &Type, src: &mut FlatReader<'_>) -> Result<Val> {
        Ok(match ty {
            Type::Bool => Val::Bool(Lift::lift_flat(cx, src)?),
            Type::S8 => Val::S8(Lift::lift_flat(cx, src)?),
            Type::U8 => Val::U8(Lift::lift_flat(cx, src)?),
            Type::S16 => Val::S16(Lift::lift_flat(cx, src)?),
            Type::U16 => Val::U16(Lift::lift_flat(cx, src)?),
            Type::S32 => Val::S32(Lift::lift_flat(cx, src)?),
            Type::U32 => Val::U32(Lift::lift_flat(cx, src)?),
            Type::S64 => Val::S64(Lift::lift_flat(cx, src)?),
            Type::U64 => Val::U64(Lift::lift_flat(cx, src)?),
            Type::F32 => Val::Float32(Lift::lift_flat(cx, src)?),
            Type::F64 => Val::Float64(Lift::lift_flat(cx, src)?),
            Type::Char => Val::Char(Lift::lift_flat(cx, src)?),
            Type::String => Val::String(Lift::lift_flat(cx, src)?),
            Type::List(list) => {
                let ptr = src.next_i32()?;
                let len = src.next_i32()?;
                Val::List(lift_list(cx, list.element(), ptr, len)?)
            }
            Type::Map(map) => {
                let ptr = src.next_i32()?;
                let len = src.next_i32()?;
                Val::Map(lift_map(cx, map, ptr, len)?)
            }
            Type::FixedList(list) => {
                charge_vals(cx, list.len())?;
                Val::List(
                    (0..list.len())
                        .map(|_| Val::lift_flat(cx, list.element(), src))
                        .collect::<Result<_>>()?,
                )
            }
            Type::Record(record) => Val::Record(
                record
                    .fields()
                    .iter()
                    .map(|field| Ok((field.name.clone(), Val::lift_flat(cx, &field.ty, src)?)))
                    .collect::<Result<_>>()?,
            ),
            Type::Tuple(tuple) => Val::Tuple(
                tuple
                    .types()
                    .iter()
                    .map(|ty| Val::lift_flat(cx, ty, src))
                    .collect::<Result<_>>()?,
            ),
            Type::Flags(flags) => Val::Flags(flag_names(flags, src.next_i32()?)),
            Type::Own(rt) => lift_handle(cx, HandleKind::Own, rt, src.next_i32()?)?,
            Type::Borrow(rt) => lift_handle(cx, HandleKind::Borrow, rt, src.next_i32()?)?,
            Type::Variant(v) => lift_flat_case(cx, ty, Cases::Variant(v), src)?,
            Type::Enum(e) => lift_flat_case(cx, ty, Cases::Enum(e), src)?,
            Type::Option(o) => lift_flat_case(cx, ty, Cases::Option(o), src)?,
            Type::Result(r) => lift_flat_case(cx, ty, Cases::Result(r), src)?,
        })
    }

    /// Loads a value of `ty` from `bytes`, exactly `ty.size32()` bytes of
    /// guest memory (the spec's `load`).
    ///
    /// Malformed input is an error carrying a [`Trap`](crate::Trap), as for
    /// [`Val::lift_flat`].
    pub fn load<'a>(cx: &mut LiftContext<'a>, ty: &Type, bytes: &'a [u8]) -> Result<Val> {
        Ok(match ty {
            Type::Bool => Val::Bool(Lift::load(cx, bytes)?),
            Type::S8 => Val::S8(Lift::load(cx, bytes)?),
            Type::U8 => Val::U8(Lift::load(cx, bytes)?),
            Type::S16 => Val::S16(Lift::load(cx, bytes)?),
            Type::U16 => Val::U16(Lift::load(cx, bytes)?),
            Type::S32 => Val::S32(Lift::load(cx, bytes)?),
            Type::U32 => Val::U32(Lift::load(cx, bytes)?),
            Type::S64 => Val::S64(Lift::load(cx, bytes)?),
            Type::U64 => Val::U64(Lift::load(cx, bytes)?),
            Type::F32 => Val::Float32(Lift::load(cx, bytes)?),
            Type::F64 => Val::Float64(Lift::load(cx, bytes)?),
            Type::Char => Val::Char(Lift::load(cx, bytes)?),
            Type::String => Val::String(Lift::load(cx, bytes)?),
            Type::List(list) => {
                let (ptr, len) = load_pointer_pair(bytes)?;
                Val::List(lift_list(cx, list.element(), ptr, len)?)
            }
            Type::Map(map) => {
                let (ptr, len) = load_pointer_pair(bytes)?;
                Val::Map(lift_map(cx, map, ptr, len)?)
            }
            Type::FixedList(list) => {
                charge_vals(cx, list.len())?;
                let size = list.element().size32() as usize;
                Val::List(
                    (0..list.len() as usize)
                        .map(|i| Val::load(cx, list.element(), part(bytes, i * size, size)?))
                        .collect::<Result<_>>()?,
                )
            }
            Type::Record(record) => {
                let types = record.fields().iter().map(|field| &field.ty);
                let values = load_fields(cx, types, bytes)?;
                let names = record.fields().iter().map(|field| field.name.clone());
                Val::Record(names.zip(values).collect())
            }
            Type::Tuple(tuple) => Val::Tuple(load_fields(cx, tuple.types().iter(), bytes)?),
            Type::Flags(flags) => {
                let size = layout::flags_size(flags.names().len());
                let mut bits = [0u8; 4];
                bits[..size].copy_from_slice(part(bytes, 0, size)?);
                Val::Flags(flag_names(flags, u32::from_le_bytes(bits)))
            }
            Type::Own(rt) => {
                let index = u32::from_le_bytes(array(bytes)?);
                lift_handle(cx, HandleKind::Own, rt, index)?
            }
            Type::Borrow(rt) => {
                let index = u32::from_le_bytes(array(bytes)?);
                lift_handle(cx, HandleKind::Borrow, rt, index)?
            }
            Type::Variant(v) => load_case(cx, Cases::Variant(v), bytes)?,
            Type::Enum(e) => load_case(cx, Cases::Enum(e), bytes)?,
            Type::Option(o) => load_case(cx, Cases::Option(o), bytes)?,
            Type::Result(r) => load_case(cx, Cases::Result(r), bytes)?,
        })
    }
}

/// The spec's `lift_own` and `lift_borrow` of the instance's handle `index`
/// to `ty`, into the host's table: an `own` moves out of the instance's
/// table, a `borrow` is lent until the current call ends.
fn lift_handle(
    cx: &mut LiftContext<'_>,
    kind: HandleKind,
    ty: &ResourceType,
    index: u32,
) -> Result<Val> {
    cx.consume_fuel(HANDLE_FUEL)?;
    let resource = cx.resources()?.lift_any(index, kind, Some(ty))?;
    Ok(Val::Resource(resource))
}

/// `lift_flat_variant`: the discriminant, the payload from the joined slots
/// (an `i32` read truncates an `i64` slot), then the unused slots skipped.
fn lift_flat_case(
    cx: &mut LiftContext<'_>,
    ty: &Type,
    cases: Cases<'_>,
    src: &mut FlatReader<'_>,
) -> Result<Val> {
    let index = cases.check(src.next_i32()?)?;
    let payload_slots = ty.flat_types().len() - 1;
    let (payload, used) = match cases.payload_type(index) {
        Some(ty) => (Some(Val::lift_flat(cx, ty, src)?), ty.flat_types().len()),
        None => (None, 0),
    };
    src.skip(payload_slots - used)?;
    Ok(cases.lifted(index, payload))
}

/// `load_variant`: the discriminant in its 1, 2 or 4 bytes, then the payload
/// at the payload offset.
fn load_case<'a>(cx: &mut LiftContext<'a>, cases: Cases<'_>, bytes: &'a [u8]) -> Result<Val> {
    let size = cases.discriminant_size();
    let mut discriminant = [0u8; 4];
    discriminant[..size].copy_from_slice(part(bytes, 0, size)?);
    let index = cases.check(u32::from_le_bytes(discriminant))?;
    let payload = match cases.payload_type(index) {
        Some(ty) => {
            let at = cases.payload_offset();
            Some(Val::load(cx, ty, part(bytes, at, ty.size32() as usize)?)?)
        }
        None => None,
    };
    Ok(cases.lifted(index, payload))
}

/// `load_list_from_range`: the typed lists' checks (length limit, alignment,
/// bounds, fuel), then each element loaded.
fn lift_list<'a>(cx: &mut LiftContext<'a>, element: &Type, ptr: u32, len: u32) -> Result<Vec<Val>> {
    let size = element.size32() as usize;
    let bytes = lift_list_bytes(cx, ptr, len, size, element.align32())?;
    // Each element becomes a `Val` on the host, larger than its bytes in the
    // guest (and a list of zero-sized values has no body at all): charge
    // what the host allocates too.
    charge_vals(cx, len)?;
    (0..len as usize)
        .map(|i| Val::load(cx, element, part(bytes, i * size, size)?))
        .collect()
}

/// A map's entries: the list `list<tuple<K, V>>` it travels as, with the
/// same checks, each entry split into its key and value.
fn lift_map(
    cx: &mut LiftContext<'_>,
    map: &MapType,
    ptr: u32,
    len: u32,
) -> Result<Vec<(Val, Val)>> {
    let entry = map.entry();
    let size = entry.size32() as usize;
    let bytes = lift_list_bytes(cx, ptr, len, size, entry.align32())?;
    charge_vals(cx, len.saturating_mul(2))?;
    let value_at = layout::align_to(map.key().size32() as usize, map.value().align32() as usize);
    let mut entries: Vec<(Val, Val)> = Vec::with_capacity(if size == 0 { 0 } else { len as usize });
    // Where each key is in `entries`: a repeated key replaces its value
    // there, in linear time whatever the guest sends.
    let mut index: HashMap<MapKey, usize> = HashMap::new();
    for i in 0..len as usize {
        let entry = part(bytes, i * size, size)?;
        let key = Val::load(cx, map.key(), part(entry, 0, map.key().size32() as usize)?)?;
        let value_bytes = part(entry, value_at, map.value().size32() as usize)?;
        let value = Val::load(cx, map.value(), value_bytes)?;
        if let Val::String(s) = &key {
            // The index keeps a copy of the key.
            cx.consume_fuel(s.len() as u64)?;
        }
        match MapKey::of(&key) {
            Some(k) => match index.entry(k) {
                Entry::Occupied(at) => entries[*at.get()].1 = value,
                Entry::Vacant(slot) => {
                    slot.insert(entries.len());
                    entries.push((key, value));
                }
            },
            None => entries.push((key, value)),
        }
    }
    Ok(entries)
}

/// A map key as a hashable value: WIT keys are `bool`, integers, `char`
/// and `string`.
#[derive(PartialEq, Eq, Hash)]
enum MapKey {
    Bool(bool),
    Signed(i64),
    Unsigned(u64),
    Char(char),
    String(String),
}

impl MapKey {
    fn of(key: &Val) -> Option<MapKey> {
        Some(match key {
            Val::Bool(b) => MapKey::Bool(*b),
            Val::S8(n) => MapKey::Signed(i64::from(*n)),
            Val::S16(n) => MapKey::Signed(i64::from(*n)),
            Val::S32(n) => MapKey::Signed(i64::from(*n)),
            Val::S64(n) => MapKey::Signed(*n),
            Val::U8(n) => MapKey::Unsigned(u64::from(*n)),
            Val::U16(n) => MapKey::Unsigned(u64::from(*n)),
            Val::U32(n) => MapKey::Unsigned(u64::from(*n)),
            Val::U64(n) => MapKey::Unsigned(*n),
            Val::Char(c) => MapKey::Char(*c),
            Val::String(s) => MapKey::String(s.clone()),
            _ => return None,
        })
    }
}

/// Charges the hostcall fuel of `count` `Val`s the host allocates.
fn charge_vals(cx: &mut LiftContext<'_>, count: u32) -> Result<()> {
    cx.consume_fuel(u64::from(count) * std::mem::size_of::<Val>() as u64)
}

/// Loads values of `types` laid out as a record's fields in `bytes`.
pub(super) fn load_fields<'a, 't>(
    cx: &mut LiftContext<'a>,
    types: impl Iterator<Item = &'t Type>,
    bytes: &'a [u8],
) -> Result<Vec<Val>> {
    field_offsets(types)
        .map(|(at, ty)| Val::load(cx, ty, part(bytes, at, ty.size32() as usize)?))
        .collect()
}

/// `len` bytes at `at` in `bytes`, which the layout guarantees are there.
fn part(bytes: &[u8], at: usize, len: usize) -> Result<&[u8]> {
    match bytes.get(at..at + len) {
        Some(part) => Ok(part),
        None => anyhow::bail!(
            "{len} bytes at offset {at} exceed the {} bytes of the value",
            bytes.len()
        ),
    }
}

/// The names of the flags set in `bits`, in declaration order; bits past the
/// last flag are ignored, as the spec's `unpack_flags_from_int` does.
fn flag_names(flags: &FlagsType, bits: u32) -> Vec<String> {
    flags
        .names()
        .iter()
        .enumerate()
        .filter(|&(i, _)| bits & (1 << i) != 0)
        .map(|(_, name)| name.clone())
        .collect()
}
