//! Lowering a [`Val`] as a [`Type`]: the spec's `lower_flat` and `store`.
//!
//! Scalars and strings are lowered by their typed impls and list bodies are
//! allocated by the same helper as typed lists, so the rules live in one place.

use crate::abi::context::LowerContext;
use crate::abi::flat::FlatWriter;
use crate::abi::impls::lists::allocate_list;
use crate::abi::impls::store_pointer_pair;
use crate::abi::layout;
use crate::abi::memory::GuestMemory;
use crate::abi::traits::Lower;
use crate::error::Result;
use crate::resources::HANDLE_FUEL;
use crate::resources::{HandleKind, ResourceAny};
use crate::types::{Field, FlagsType, MapType, ResourceType, Type};

use super::cases::Cases;
use super::{Val, mismatch};

impl Val {
    /// Lowers the value as `ty` into flat core values (the spec's
    /// `lower_flat`), allocating strings and lists in guest memory.
    ///
    /// A value that does not fit `ty` (another kind of value, an unknown case
    /// or flag, a missing or misnamed record field, a tuple of another
    /// length) is an error; guest memory may then be partly written.
    pub fn lower_flat<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        ty: &Type,
        dst: &mut FlatWriter<'_>,
    ) -> Result<()> {
        match (ty, self) {
            (Type::Bool, Val::Bool(v)) => v.lower_flat(cx, dst),
            (Type::S8, Val::S8(v)) => v.lower_flat(cx, dst),
            (Type::U8, Val::U8(v)) => v.lower_flat(cx, dst),
            (Type::S16, Val::S16(v)) => v.lower_flat(cx, dst),
            (Type::U16, Val::U16(v)) => v.lower_flat(cx, dst),
            (Type::S32, Val::S32(v)) => v.lower_flat(cx, dst),
            (Type::U32, Val::U32(v)) => v.lower_flat(cx, dst),
            (Type::S64, Val::S64(v)) => v.lower_flat(cx, dst),
            (Type::U64, Val::U64(v)) => v.lower_flat(cx, dst),
            (Type::F32, Val::Float32(v)) => v.lower_flat(cx, dst),
            (Type::F64, Val::Float64(v)) => v.lower_flat(cx, dst),
            (Type::Char, Val::Char(v)) => v.lower_flat(cx, dst),
            (Type::String, Val::String(v)) => v.as_str().lower_flat(cx, dst),
            (Type::List(list), Val::List(items)) => {
                let (ptr, len) = lower_list(cx, list.element(), items)?;
                dst.push(u64::from(ptr))?;
                dst.push(u64::from(len))
            }
            (Type::Map(map), Val::Map(entries)) => {
                let (ptr, len) = lower_map(cx, map, entries)?;
                dst.push(u64::from(ptr))?;
                dst.push(u64::from(len))
            }
            (Type::FixedList(list), Val::List(items)) => {
                for value in fixed_items(ty, list.len(), items)? {
                    value.lower_flat(cx, list.element(), dst)?;
                }
                Ok(())
            }
            (Type::Record(record), Val::Record(fields)) => {
                for (field, value) in record_fields(ty, record.fields(), fields)? {
                    value.lower_flat(cx, &field.ty, dst)?;
                }
                Ok(())
            }
            (Type::Tuple(tuple), Val::Tuple(items)) => {
                for (ty, value) in tuple_items(ty, tuple.types(), items)? {
                    value.lower_flat(cx, ty, dst)?;
                }
                Ok(())
            }
            (Type::Flags(flags), Val::Flags(names)) => {
                dst.push(u64::from(flag_bits(ty, flags, names)?))
            }
            (Type::Own(rt), Val::Resource(r)) => {
                dst.push(u64::from(lower_handle(cx, HandleKind::Own, rt, r)?))
            }
            (Type::Borrow(rt), Val::Resource(r)) => {
                dst.push(u64::from(lower_handle(cx, HandleKind::Borrow, rt, r)?))
            }
            _ => {
                // `lower_flat_variant`: the discriminant, the payload in the
                // joined slots, then zeros up to the joined count.
                let Some(cases) = Cases::of(ty) else {
                    return Err(mismatch(ty, self));
                };
                let chosen = cases.chosen(ty, self)?;
                dst.push(u64::from(chosen.index))?;
                let payload_slots = ty.flat_types().len() - 1;
                let used = match chosen.payload {
                    Some((ty, value)) => {
                        value.lower_flat(cx, ty, dst)?;
                        ty.flat_types().len()
                    }
                    None => 0,
                };
                dst.pad(payload_slots - used)
            }
        }
    }

    /// Stores the value as `ty` at `offset` in guest memory (the spec's
    /// `store`), allocating strings and lists. Writes are bounds-checked;
    /// the caller has checked the alignment of `offset`.
    ///
    /// Values that do not fit `ty` are errors, as for [`Val::lower_flat`].
    pub fn store<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        ty: &Type,
        offset: usize,
    ) -> Result<()> {
        match (ty, self) {
            (Type::Bool, Val::Bool(v)) => v.store(cx, offset),
            (Type::S8, Val::S8(v)) => v.store(cx, offset),
            (Type::U8, Val::U8(v)) => v.store(cx, offset),
            (Type::S16, Val::S16(v)) => v.store(cx, offset),
            (Type::U16, Val::U16(v)) => v.store(cx, offset),
            (Type::S32, Val::S32(v)) => v.store(cx, offset),
            (Type::U32, Val::U32(v)) => v.store(cx, offset),
            (Type::S64, Val::S64(v)) => v.store(cx, offset),
            (Type::U64, Val::U64(v)) => v.store(cx, offset),
            (Type::F32, Val::Float32(v)) => v.store(cx, offset),
            (Type::F64, Val::Float64(v)) => v.store(cx, offset),
            (Type::Char, Val::Char(v)) => v.store(cx, offset),
            (Type::String, Val::String(v)) => v.as_str().store(cx, offset),
            (Type::List(list), Val::List(items)) => {
                let pair = lower_list(cx, list.element(), items)?;
                store_pointer_pair(cx, offset, pair)
            }
            (Type::Map(map), Val::Map(entries)) => {
                let pair = lower_map(cx, map, entries)?;
                store_pointer_pair(cx, offset, pair)
            }
            (Type::FixedList(list), Val::List(items)) => {
                let size = list.element().size32() as usize;
                for (i, value) in fixed_items(ty, list.len(), items)?.enumerate() {
                    value.store(cx, list.element(), offset + i * size)?;
                }
                Ok(())
            }
            (Type::Record(record), Val::Record(fields)) => {
                let items = record_fields(ty, record.fields(), fields)?.map(|(f, v)| (&f.ty, v));
                for (at, ty, value) in stored_values(items) {
                    value.store(cx, ty, offset + at)?;
                }
                Ok(())
            }
            (Type::Tuple(tuple), Val::Tuple(items)) => {
                let items = tuple_items(ty, tuple.types(), items)?;
                for (at, ty, value) in stored_values(items) {
                    value.store(cx, ty, offset + at)?;
                }
                Ok(())
            }
            (Type::Flags(flags), Val::Flags(names)) => {
                let bits = flag_bits(ty, flags, names)?.to_le_bytes();
                let size = layout::flags_size(flags.names().len());
                cx.write_slice(offset, &bits[..size])
            }
            (Type::Own(rt), Val::Resource(r)) => {
                let index = lower_handle(cx, HandleKind::Own, rt, r)?;
                cx.write(offset, index.to_le_bytes())
            }
            (Type::Borrow(rt), Val::Resource(r)) => {
                let index = lower_handle(cx, HandleKind::Borrow, rt, r)?;
                cx.write(offset, index.to_le_bytes())
            }
            _ => {
                // `store_variant`: the discriminant in its 1, 2 or 4 bytes,
                // then the payload at the payload offset; padding untouched.
                let Some(cases) = Cases::of(ty) else {
                    return Err(mismatch(ty, self));
                };
                let chosen = cases.chosen(ty, self)?;
                let size = cases.discriminant_size();
                cx.write_slice(offset, &chosen.index.to_le_bytes()[..size])?;
                match chosen.payload {
                    Some((ty, value)) => value.store(cx, ty, offset + cases.payload_offset()),
                    None => Ok(()),
                }
            }
        }
    }
}

/// The spec's `lower_own` and `lower_borrow` of a handle the host holds, as
/// `kind` of `ty`: the index (or, for a borrow of a resource the instance
/// implements, the rep) the instance receives. The handle must be one of
/// `ty` ([`Trap::WrongHandleType`](crate::Trap::WrongHandleType)), and only
/// an owned handle can be lowered as `own`.
fn lower_handle<M: GuestMemory + ?Sized>(
    cx: &mut LowerContext<'_, M>,
    kind: HandleKind,
    ty: &ResourceType,
    resource: &ResourceAny,
) -> Result<u32> {
    cx.consume_fuel(HANDLE_FUEL)?;
    cx.resources()?.lower_any(resource, kind, Some(ty))
}

/// `store_list_into_range`: allocates the body with the typed lists' helper,
/// then stores each element.
fn lower_list<M: GuestMemory + ?Sized>(
    cx: &mut LowerContext<'_, M>,
    element: &Type,
    items: &[Val],
) -> Result<(u32, u32)> {
    let size = element.size32() as usize;
    let ptr = allocate_list(cx, items.len(), size, element.align32())?;
    for (i, item) in items.iter().enumerate() {
        item.store(cx, element, ptr as usize + i * size)?;
    }
    Ok((ptr, items.len() as u32))
}

/// A map's entries stored as the list `list<tuple<K, V>>` it travels as, in
/// the order given; duplicate keys are stored as they are.
fn lower_map<M: GuestMemory + ?Sized>(
    cx: &mut LowerContext<'_, M>,
    map: &MapType,
    entries: &[(Val, Val)],
) -> Result<(u32, u32)> {
    let entry = map.entry();
    let size = entry.size32() as usize;
    let ptr = allocate_list(cx, entries.len(), size, entry.align32())?;
    let value_at = layout::align_to(map.key().size32() as usize, map.value().align32() as usize);
    for (i, (key, value)) in entries.iter().enumerate() {
        let at = ptr as usize + i * size;
        key.store(cx, map.key(), at)?;
        value.store(cx, map.value(), at + value_at)?;
    }
    Ok((ptr, entries.len() as u32))
}

/// Pairs a record's declared fields with a value's fields, which must name
/// the same fields in the same order.
fn record_fields<'t, 'v>(
    ty: &Type,
    declared: &'t [Field],
    given: &'v [(String, Val)],
) -> Result<impl Iterator<Item = (&'t Field, &'v Val)> + Clone> {
    for (i, field) in declared.iter().enumerate() {
        match given.get(i) {
            Some((name, _)) if *name == field.name => {}
            Some((name, _)) => anyhow::bail!(
                "value mismatch: field {i} of `{ty}` is `{}`, found `{name}`",
                field.name
            ),
            None => anyhow::bail!(
                "value mismatch: field `{}` of `{ty}` is missing",
                field.name
            ),
        }
    }
    if let Some((name, _)) = given.get(declared.len()) {
        anyhow::bail!("value mismatch: `{ty}` has no field `{name}`");
    }
    Ok(declared.iter().zip(given.iter().map(|(_, value)| value)))
}

/// Pairs a tuple's element types with a value's elements, which must be as
/// many.
fn tuple_items<'t, 'v>(
    ty: &Type,
    types: &'t [Type],
    items: &'v [Val],
) -> Result<impl Iterator<Item = (&'t Type, &'v Val)> + Clone> {
    if types.len() != items.len() {
        anyhow::bail!(
            "value mismatch: `{ty}` has {} elements, the value {}",
            types.len(),
            items.len()
        );
    }
    Ok(types.iter().zip(items))
}

/// The elements of a value of the fixed-length list type `ty`, which must
/// have exactly `len` of them.
fn fixed_items<'v>(ty: &Type, len: u32, items: &'v [Val]) -> Result<std::slice::Iter<'v, Val>> {
    if items.len() != len as usize {
        anyhow::bail!(
            "value mismatch: `{ty}` has {len} elements, the value {}",
            items.len()
        );
    }
    Ok(items.iter())
}

/// The offset of each of `types` laid out one after another as in a record.
pub(super) fn field_offsets<'t>(
    types: impl Iterator<Item = &'t Type>,
) -> impl Iterator<Item = (usize, &'t Type)> {
    types.scan(0usize, |end, ty| {
        let at = layout::align_to(*end, ty.align32() as usize);
        *end = at + ty.size32() as usize;
        Some((at, ty))
    })
}

/// Values with their types and their offsets inside a record of them.
pub(super) fn stored_values<'t, 'v>(
    items: impl Iterator<Item = (&'t Type, &'v Val)> + Clone,
) -> impl Iterator<Item = (usize, &'t Type, &'v Val)> {
    field_offsets(items.clone().map(|(ty, _)| ty))
        .zip(items)
        .map(|((at, ty), (_, value))| (at, ty, value))
}

/// The bits of the flags named `names`; an unknown name is an error.
fn flag_bits(ty: &Type, flags: &FlagsType, names: &[String]) -> Result<u32> {
    let mut bits = 0u32;
    for name in names {
        match flags.names().iter().position(|n| n == name) {
            Some(i) => bits |= 1 << i,
            None => anyhow::bail!("value mismatch: `{ty}` has no flag `{name}`"),
        }
    }
    Ok(bits)
}
