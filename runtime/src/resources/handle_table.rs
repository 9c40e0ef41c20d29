//! One side's table of resource handles, with the Canonical ABI's rules:
//! index 0 is never valid, freed indices are reused (last freed first), an
//! `own` handle counts the borrows lent out of it, and every `borrow` handle
//! belongs to the call scope that created it.

use crate::error::{Result, Trap, trap};
use crate::types::ResourceType;

/// The bound on a handle table's indices: they stay below `2^28`, so the
/// largest is the spec's `Table.MAX_LENGTH` (`2^28 - 1`).
pub const MAX_HANDLES: u32 = 1 << 28;

/// Hostcall fuel one handle crossing the boundary takes: the bytes of the
/// table slot it may fill on the receiving side.
pub(crate) const HANDLE_FUEL: u64 = std::mem::size_of::<Option<HandleEntry>>() as u64;

/// Whether a handle owns its resource or borrows it for a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HandleKind {
    /// `own<R>`: the holder must drop (destroy) the resource.
    Own,
    /// `borrow<R>`: valid until the call that lent it returns.
    Borrow,
}

impl HandleKind {
    /// The WIT word for the kind: `own` or `borrow`.
    pub fn name(self) -> &'static str {
        match self {
            HandleKind::Own => "own",
            HandleKind::Borrow => "borrow",
        }
    }
}

/// What an entry is besides its resource: an own's lend count, or the call
/// scope a borrow belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EntryState {
    Own { lends: u32 },
    Borrow { scope: u64 },
}

/// A live entry of a [`HandleTable`].
#[derive(Debug, Clone)]
pub struct HandleEntry {
    rep: u32,
    ty: ResourceType,
    state: EntryState,
    /// Which insertion into its table made the entry: a handle held from
    /// an earlier entry in the same slot does not match it.
    generation: u64,
}

impl HandleEntry {
    /// The resource's representation, which its implementer gave it.
    pub fn rep(&self) -> u32 {
        self.rep
    }

    /// The resource's type.
    pub fn ty(&self) -> &ResourceType {
        &self.ty
    }

    /// Own or borrow.
    pub fn kind(&self) -> HandleKind {
        match self.state {
            EntryState::Own { .. } => HandleKind::Own,
            EntryState::Borrow { .. } => HandleKind::Borrow,
        }
    }

    /// How many borrows of this `own` handle are live (0 for a borrow).
    pub fn lends(&self) -> u32 {
        match self.state {
            EntryState::Own { lends } => lends,
            EntryState::Borrow { .. } => 0,
        }
    }
}

/// The handle bookkeeping of one call in progress.
#[derive(Debug, Default)]
struct CallScope {
    /// Unique among the scopes this table ever had.
    id: u64,
    /// Live borrow handles this call created in the table.
    borrow_count: u32,
    /// Indices of the borrow handles this call created (some may be gone).
    borrows: Vec<u32>,
    /// Indices of the `own` handles this call lent out.
    lenders: Vec<u32>,
}

/// What ending a call scope does with borrow handles it created that are
/// still live.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeftoverBorrows {
    /// The table's owner had to drop them: trap with
    /// [`Trap::BorrowNotDropped`] (a guest returning from an export).
    Trap,
    /// Drop them silently (the host's table at the end of an import call).
    Release,
}

/// A dropped handle: what was in the table.
#[derive(Debug, Clone)]
pub struct RemovedHandle {
    /// The resource's representation.
    pub rep: u32,
    /// The resource's type.
    pub ty: ResourceType,
    /// Own or borrow.
    pub kind: HandleKind,
}

/// A table of resource handles: a component instance's, or the host's own.
#[derive(Debug)]
pub struct HandleTable {
    /// Unique in the process: tells a handle of this table from another's.
    id: u64,
    /// The generation the next entry gets.
    next_generation: u64,
    /// Slot 0 is never used so that index 0 is never valid.
    slots: Vec<Option<HandleEntry>>,
    free: Vec<u32>,
    limit: u32,
    /// The open call scopes, innermost last, are the first `depth`; the
    /// rest are closed ones kept so that their lists' memory is reused (a
    /// call with handles would otherwise allocate and free them each time).
    scopes: Vec<CallScope>,
    depth: usize,
    next_scope_id: u64,
}

impl Default for HandleTable {
    fn default() -> Self {
        Self::new()
    }
}

impl HandleTable {
    /// An empty table that may grow to [`MAX_HANDLES`] entries.
    pub fn new() -> Self {
        Self::with_limit(MAX_HANDLES)
    }

    /// An empty table whose indices stay below `limit` (at most
    /// [`MAX_HANDLES`]): a host may hold an instance to fewer handles than the
    /// spec allows.
    pub fn with_limit(limit: u32) -> Self {
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        Self {
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            next_generation: 0,
            slots: vec![None],
            free: Vec::new(),
            limit: limit.min(MAX_HANDLES),
            scopes: Vec::new(),
            depth: 0,
            next_scope_id: 0,
        }
    }

    /// The table's identity, unique in the process: the first half of its
    /// handles' stamps ([`HandleTable::stamp`]).
    #[cfg(feature = "host")]
    pub(crate) fn id(&self) -> u64 {
        self.id
    }

    /// The bound on indices: at most [`MAX_HANDLES`].
    pub fn limit(&self) -> u32 {
        self.limit
    }

    /// How many live entries the table holds.
    pub fn live(&self) -> usize {
        self.slots.len() - 1 - self.free.len()
    }

    /// The table's identity and the generation of its live entry `index`:
    /// what a [`ResourceAny`](crate::ResourceAny) remembers of the handle it
    /// stands for.
    pub fn stamp(&self, index: u32) -> Result<(u64, u64)> {
        Ok((self.id, self.get(index)?.generation))
    }

    /// Checks that a handle stamped `(table, generation)` at `index` is
    /// still this table's live entry there: a handle of another table (of
    /// another instance or store) is an error, and one whose entry was
    /// dropped, even if its slot was reused since, is
    /// [`Trap::UnknownHandle`].
    #[inline]
    pub fn check_stamp(&self, index: u32, (table, generation): (u64, u64)) -> Result<()> {
        if table != self.id {
            anyhow::bail!(
                "handle {index} belongs to another instance or store than the one it was used with"
            );
        }
        match self.slots.get(index as usize) {
            Some(Some(entry)) if entry.generation == generation => Ok(()),
            _ => trap(Trap::UnknownHandle(index)),
        }
    }

    /// The live entry at `index`, or [`Trap::UnknownHandle`].
    #[inline]
    pub fn get(&self, index: u32) -> Result<&HandleEntry> {
        match self.slots.get(index as usize) {
            Some(Some(entry)) => Ok(entry),
            _ => trap(Trap::UnknownHandle(index)),
        }
    }

    /// The live entry at `index`, which must be a handle to `ty`
    /// ([`Trap::WrongHandleType`] otherwise).
    #[inline]
    pub fn get_typed(&self, index: u32, ty: &ResourceType) -> Result<&HandleEntry> {
        let entry = self.get(index)?;
        if entry.ty != *ty {
            return trap(Trap::WrongHandleType {
                index,
                expected: ty.name().to_string(),
                found: entry.ty.name().to_string(),
            });
        }
        Ok(entry)
    }

    fn get_mut(&mut self, index: u32) -> Result<&mut HandleEntry> {
        match self.slots.get_mut(index as usize) {
            Some(Some(entry)) => Ok(entry),
            _ => trap(Trap::UnknownHandle(index)),
        }
    }

    fn insert(&mut self, mut entry: HandleEntry) -> Result<u32> {
        entry.generation = self.next_generation;
        self.next_generation += 1;
        if let Some(index) = self.free.pop() {
            if let Some(slot @ None) = self.slots.get_mut(index as usize) {
                *slot = Some(entry);
                return Ok(index);
            }
            anyhow::bail!("handle table free list names a live slot {index}");
        }
        let index = self.slots.len() as u32;
        if index >= self.limit {
            return trap(Trap::HandleTableFull);
        }
        // Grow without aborting the host when memory runs out, and keep the
        // free list's room for every slot, so that freeing never allocates.
        let free_room = self.slots.len() + 1 - self.free.len();
        if self.slots.try_reserve(1).is_err() || self.free.try_reserve(free_room).is_err() {
            return trap(Trap::HandleTableFull);
        }
        self.slots.push(Some(entry));
        Ok(index)
    }

    #[inline]
    fn free_slot(&mut self, index: u32) -> Result<HandleEntry> {
        match self.slots.get_mut(index as usize).and_then(Option::take) {
            Some(entry) => {
                self.free.push(index);
                Ok(entry)
            }
            None => trap(Trap::UnknownHandle(index)),
        }
    }

    /// Adds an `own` handle to the resource `rep` of type `ty`: the spec's
    /// `lower_own` and `canon resource.new`.
    pub fn insert_own(&mut self, ty: ResourceType, rep: u32) -> Result<u32> {
        self.insert(HandleEntry {
            rep,
            ty,
            state: EntryState::Own { lends: 0 },
            generation: 0,
        })
    }

    /// Adds a `borrow` handle owned by the innermost call scope, which counts
    /// it until it is dropped. Errors when no call is in progress.
    pub fn insert_borrow(&mut self, ty: ResourceType, rep: u32) -> Result<u32> {
        let Some(scope) = self.innermost() else {
            anyhow::bail!("a borrow handle can only be created during a call");
        };
        let scope = scope.id;
        let index = self.insert(HandleEntry {
            rep,
            ty,
            state: EntryState::Borrow { scope },
            generation: 0,
        })?;
        if let Some(scope) = self.innermost_mut() {
            scope.borrow_count += 1;
            scope.borrows.push(index);
        }
        Ok(index)
    }

    /// Removes the `own` handle `index` to `ty` and returns its rep: the
    /// spec's `lift_own`, moving ownership out of the table. Checks come
    /// before the removal, so a trap leaves the table as it was.
    pub fn take_own(&mut self, index: u32, ty: &ResourceType) -> Result<u32> {
        let entry = self.get_typed(index, ty)?;
        match entry.state {
            EntryState::Borrow { .. } => trap(Trap::WrongHandleKind {
                index,
                expected: HandleKind::Own.name(),
            }),
            EntryState::Own { lends: 0 } => Ok(self.free_slot(index)?.rep),
            EntryState::Own { lends } => trap(Trap::OwnStillLent { index, lends }),
        }
    }

    /// Lends the handle `index` to `ty` for the innermost call and returns its
    /// rep: the spec's `lift_borrow`. An `own` handle counts the lend until
    /// the call ends; a `borrow` handle is passed on as is. Errors when no
    /// call is in progress.
    pub fn lend(&mut self, index: u32, ty: &ResourceType) -> Result<u32> {
        let entry = self.get_typed(index, ty)?;
        let rep = entry.rep;
        if entry.kind() == HandleKind::Borrow {
            return Ok(rep);
        }
        let Some(scope) = self.innermost_mut() else {
            anyhow::bail!("a handle can only be lent during a call");
        };
        scope.lenders.push(index);
        if let EntryState::Own { lends } = &mut self.get_mut(index)?.state {
            *lends += 1;
        }
        Ok(rep)
    }

    /// `canon resource.rep`: the rep of the handle `index` to `ty`.
    pub fn rep(&self, index: u32, ty: &ResourceType) -> Result<u32> {
        Ok(self.get_typed(index, ty)?.rep)
    }

    /// `canon resource.drop` without the destructor: removes the handle
    /// `index` to `ty`. An `own` handle must not be lent
    /// ([`Trap::OwnStillLent`]); a `borrow` handle stops counting against its
    /// call. The caller runs the destructor an `own` handle needs.
    #[inline]
    pub fn remove(&mut self, index: u32, ty: &ResourceType) -> Result<RemovedHandle> {
        let entry = self.get_typed(index, ty)?;
        let scope = match entry.state {
            EntryState::Own { lends: 0 } => None,
            EntryState::Own { lends } => return trap(Trap::OwnStillLent { index, lends }),
            EntryState::Borrow { scope } => Some(scope),
        };
        let entry = self.free_slot(index)?;
        if let Some(scope) =
            scope.and_then(|id| self.scopes[..self.depth].iter_mut().find(|s| s.id == id))
        {
            scope.borrow_count = scope.borrow_count.saturating_sub(1);
        }
        Ok(RemovedHandle {
            kind: entry.kind(),
            rep: entry.rep,
            ty: entry.ty,
        })
    }

    /// Starts a call scope: borrows created and handles lent until the
    /// matching [`HandleTable::exit_call`] belong to it. Scopes nest.
    pub fn enter_call(&mut self) {
        let id = self.next_scope_id;
        self.next_scope_id += 1;
        if self.depth == self.scopes.len() {
            self.scopes.push(CallScope::default());
        }
        let scope = &mut self.scopes[self.depth];
        scope.id = id;
        scope.borrow_count = 0;
        scope.borrows.clear();
        scope.lenders.clear();
        self.depth += 1;
    }

    fn innermost(&self) -> Option<&CallScope> {
        self.scopes[..self.depth].last()
    }

    fn innermost_mut(&mut self) -> Option<&mut CallScope> {
        self.scopes[..self.depth].last_mut()
    }

    /// Ends the innermost call scope: returns the lends it made, then deals
    /// with its live borrow handles as `leftover` says.
    pub fn exit_call(&mut self, leftover: LeftoverBorrows) -> Result<()> {
        let Some(depth) = self.depth.checked_sub(1) else {
            anyhow::bail!("no call scope to exit");
        };
        self.depth = depth;
        // The lists are taken out while the table changes, then put back
        // for the next scope at this depth, which empties them.
        let scope = &mut self.scopes[depth];
        let (id, borrow_count) = (scope.id, scope.borrow_count);
        let lenders = std::mem::take(&mut scope.lenders);
        let borrows = std::mem::take(&mut scope.borrows);
        let result = self.close_scope(id, borrow_count, &lenders, &borrows, leftover);
        let scope = &mut self.scopes[depth];
        scope.lenders = lenders;
        scope.borrows = borrows;
        result
    }

    /// Returns the lends of a closed scope and deals with its leftover
    /// borrows.
    fn close_scope(
        &mut self,
        id: u64,
        borrow_count: u32,
        lenders: &[u32],
        borrows: &[u32],
        leftover: LeftoverBorrows,
    ) -> Result<()> {
        for &index in lenders {
            if let Ok(HandleEntry {
                state: EntryState::Own { lends },
                ..
            }) = self.get_mut(index)
            {
                *lends = lends.saturating_sub(1);
            }
        }
        if borrow_count == 0 {
            return Ok(());
        }
        match leftover {
            LeftoverBorrows::Trap => trap(Trap::BorrowNotDropped {
                count: borrow_count,
            }),
            LeftoverBorrows::Release => {
                for &index in borrows {
                    let ours = matches!(
                        self.get(index),
                        Ok(HandleEntry { state: EntryState::Borrow { scope: s }, .. }) if *s == id
                    );
                    if ours {
                        self.free_slot(index)?;
                    }
                }
                Ok(())
            }
        }
    }

    /// How many call scopes are open.
    pub fn call_depth(&self) -> usize {
        self.depth
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scope reuses a closed one's lists: what the closed scope lent or
    /// counted must not leak into it.
    #[test]
    fn a_reused_scope_starts_empty() {
        let ty = ResourceType::defined("thing", 0);
        let mut table = HandleTable::new();
        let own = table.insert_own(ty.clone(), 7).unwrap();
        table.enter_call();
        table.lend(own, &ty).unwrap();
        table.enter_call();
        table.lend(own, &ty).unwrap();
        let borrow = table.insert_borrow(ty.clone(), 8).unwrap();
        table.remove(borrow, &ty).unwrap();
        table.exit_call(LeftoverBorrows::Trap).unwrap();
        assert_eq!(table.get(own).unwrap().lends(), 1);
        // The inner frame again, empty this time: closing it returns no
        // lend and finds no borrow.
        table.enter_call();
        table.exit_call(LeftoverBorrows::Trap).unwrap();
        assert_eq!(table.get(own).unwrap().lends(), 1);
        assert!(table.take_own(own, &ty).is_err(), "the outer lend holds");
        table.exit_call(LeftoverBorrows::Trap).unwrap();
        assert_eq!(table.call_depth(), 0);
        assert_eq!(table.take_own(own, &ty).unwrap(), 7);
    }

    /// A borrow left in a reused scope is still caught when it closes.
    #[test]
    fn a_reused_scope_counts_its_own_borrows() {
        let ty = ResourceType::defined("thing", 0);
        let mut table = HandleTable::new();
        table.enter_call();
        table.exit_call(LeftoverBorrows::Trap).unwrap();
        table.enter_call();
        table.insert_borrow(ty, 3).unwrap();
        let left = table.exit_call(LeftoverBorrows::Trap).unwrap_err();
        assert!(matches!(
            left.downcast_ref::<Trap>(),
            Some(Trap::BorrowNotDropped { count: 1 })
        ));
    }
}
