//! `map<K, V>` as [`HashMap`] and [`BTreeMap`]. A map travels as the list
//! `list<tuple<K, V>>` (the spec's despecialisation): lowering stores the
//! entries in the collection's iteration order; lifting inserts them in the
//! guest's order, so the last value of a duplicate key wins.
//!
//! `Vec<(K, V)>` and `&[(K, V)]` also represent a map (see `lists.rs`), with
//! the entries exactly as they travel.

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasher, Hash};

use super::lists::{allocate_list, lift_list_bytes};
use super::{load_pointer_pair, store_pointer_pair, type_mismatch};
use crate::abi::context::{LiftContext, LowerContext};
use crate::abi::flat::{FlatReader, FlatWriter};
use crate::abi::layout;
use crate::abi::memory::GuestMemory;
use crate::abi::traits::{ComponentType, Lift, Lower};
use crate::error::Result;
use crate::types::Type;

/// The layout of one entry, `tuple<K, V>`.
struct Entry<K, V>(std::marker::PhantomData<(K, V)>);

impl<K: ComponentType, V: ComponentType> Entry<K, V> {
    const SIZE32: usize = <(K, V)>::SIZE32;
    const ALIGN32: u32 = <(K, V)>::ALIGN32;
    const VALUE_OFFSET: usize = layout::align_to(K::SIZE32, V::ALIGN32 as usize);
}

fn typecheck_map<K: ComponentType, V: ComponentType>(ty: &Type) -> Result<()> {
    match ty {
        Type::Map(map) => {
            K::typecheck(map.key())?;
            V::typecheck(map.value())
        }
        other => Err(type_mismatch("map<_, _>", other)),
    }
}

fn check_value_handles<'v, V: ComponentType + 'v>(
    values: impl Iterator<Item = &'v V>,
    ty: &Type,
) -> Result<()> {
    if !V::MAY_HOLD_HANDLES {
        return Ok(());
    }
    match ty {
        Type::Map(map) => values
            .into_iter()
            .try_for_each(|v| v.check_handles(map.value())),
        other => Err(type_mismatch("map<_, _>", other)),
    }
}

/// `store_list_into_range` of the entries: allocates the body, then stores
/// each key and value at its place in its entry.
fn lower_entries<'e, K, V, M>(
    cx: &mut LowerContext<'_, M>,
    len: usize,
    entries: impl Iterator<Item = (&'e K, &'e V)>,
) -> Result<(u32, u32)>
where
    K: Lower + 'e,
    V: Lower + 'e,
    M: GuestMemory + ?Sized,
{
    let size = Entry::<K, V>::SIZE32;
    let ptr = allocate_list(cx, len, size, Entry::<K, V>::ALIGN32)?;
    for (i, (key, value)) in entries.enumerate() {
        let at = ptr as usize + i * size;
        key.store(cx, at)?;
        value.store(cx, at + Entry::<K, V>::VALUE_OFFSET)?;
    }
    Ok((ptr, len as u32))
}

/// `load_list_from_range` of the entries, each key and value passed to
/// `insert` in the guest's order.
fn lift_entries<'a, K: Lift<'a>, V: Lift<'a>>(
    cx: &mut LiftContext<'a>,
    ptr: u32,
    len: u32,
    mut insert: impl FnMut(K, V),
) -> Result<()> {
    let size = Entry::<K, V>::SIZE32;
    let bytes = lift_list_bytes(cx, ptr, len, size, Entry::<K, V>::ALIGN32)?;
    // As for lists: the host's entries may be larger than the guest's.
    let host = std::mem::size_of::<(K, V)>().saturating_sub(size) as u64;
    if host > 0 {
        cx.consume_fuel(host * u64::from(len))?;
    }
    for i in 0..len as usize {
        let at = i * size;
        let (Some(key), Some(value)) = (
            bytes.get(at..at + K::SIZE32),
            bytes.get(
                at + Entry::<K, V>::VALUE_OFFSET..at + Entry::<K, V>::VALUE_OFFSET + V::SIZE32,
            ),
        ) else {
            anyhow::bail!(
                "map body of {} bytes is too short for {len} entries",
                bytes.len()
            );
        };
        let key = K::load(cx, key)?;
        insert(key, V::load(cx, value)?);
    }
    Ok(())
}

/// How many entries to reserve for `len` guest entries of `size` bytes: all
/// of them when they occupy guest memory (which bounds `len`), none for
/// zero-sized entries, whose count the guest alone chooses.
fn reserved(len: u32, size: usize) -> usize {
    if size == 0 { 0 } else { len as usize }
}

macro_rules! map_impls {
    ($map:ident<K, V $(, $s:ident)?> where K: $($bound:path),+) => {
        impl<K: ComponentType, V: ComponentType $(, $s)?> ComponentType for $map<K, V $(, $s)?> {
            const SIZE32: usize = 8;
            const ALIGN32: u32 = 4;
            const FLAT_COUNT: usize = 2;
            const MAY_HOLD_HANDLES: bool = V::MAY_HOLD_HANDLES;

            fn typecheck(ty: &Type) -> Result<()> {
                typecheck_map::<K, V>(ty)
            }

            #[inline]
            fn check_handles(&self, ty: &Type) -> Result<()> {
                check_value_handles(self.values(), ty)
            }
        }

        impl<K: Lower, V: Lower $(, $s)?> Lower for $map<K, V $(, $s)?> {
            fn lower_flat<M: GuestMemory + ?Sized>(
                &self,
                cx: &mut LowerContext<'_, M>,
                dst: &mut FlatWriter<'_>,
            ) -> Result<()> {
                let (ptr, len) = lower_entries(cx, self.len(), self.iter())?;
                dst.push(u64::from(ptr))?;
                dst.push(u64::from(len))
            }

            fn store<M: GuestMemory + ?Sized>(
                &self,
                cx: &mut LowerContext<'_, M>,
                offset: usize,
            ) -> Result<()> {
                let pair = lower_entries(cx, self.len(), self.iter())?;
                store_pointer_pair(cx, offset, pair)
            }
        }

        impl<'a, K: Lift<'a> $(+ $bound)+, V: Lift<'a> $(, $s: BuildHasher + Default)?> Lift<'a>
            for $map<K, V $(, $s)?>
        {
            fn lift_flat(cx: &mut LiftContext<'a>, src: &mut FlatReader<'_>) -> Result<Self> {
                let ptr = src.next_i32()?;
                let len = src.next_i32()?;
                Self::lift_map(cx, ptr, len)
            }

            fn load(cx: &mut LiftContext<'a>, bytes: &'a [u8]) -> Result<Self> {
                let (ptr, len) = load_pointer_pair(bytes)?;
                Self::lift_map(cx, ptr, len)
            }
        }
    };
}

map_impls!(HashMap<K, V, S> where K: Eq, Hash);
map_impls!(BTreeMap<K, V> where K: Ord);

/// Lifting one map type from its entries.
trait LiftMap<'a>: Sized {
    fn lift_map(cx: &mut LiftContext<'a>, ptr: u32, len: u32) -> Result<Self>;
}

impl<'a, K, V, S> LiftMap<'a> for HashMap<K, V, S>
where
    K: Lift<'a> + Eq + Hash,
    V: Lift<'a>,
    S: BuildHasher + Default,
{
    fn lift_map(cx: &mut LiftContext<'a>, ptr: u32, len: u32) -> Result<Self> {
        let capacity = reserved(len, Entry::<K, V>::SIZE32);
        let mut map = HashMap::with_capacity_and_hasher(capacity, S::default());
        lift_entries(cx, ptr, len, |k, v| {
            map.insert(k, v);
        })?;
        Ok(map)
    }
}

impl<'a, K: Lift<'a> + Ord, V: Lift<'a>> LiftMap<'a> for BTreeMap<K, V> {
    fn lift_map(cx: &mut LiftContext<'a>, ptr: u32, len: u32) -> Result<Self> {
        let mut map = BTreeMap::new();
        lift_entries(cx, ptr, len, |k, v| {
            map.insert(k, v);
        })?;
        Ok(map)
    }
}
