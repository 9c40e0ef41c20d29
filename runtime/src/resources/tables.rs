//! The resource state of one component instance: its handle table, the
//! host's table of the guest resources it holds, and which resource types the
//! instance implements. Calls into and out of the instance open scopes on
//! both tables; the spec's `lift_own`, `lift_borrow`, `lower_own`,
//! `lower_borrow` and `canon resource.new/rep/drop` are methods here.

use super::handle_table::{HandleKind, HandleTable, LeftoverBorrows, RemovedHandle};
use super::resource::ResourceAny;
use crate::error::{Result, Trap, trap};
use crate::types::{ResourceOrigin, ResourceType};

/// Who must destroy a resource whose `own` handle was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Destructor {
    /// Nothing to destroy: a `borrow` handle was dropped.
    None,
    /// The instance implements the resource type: the engine calls the
    /// destructor the instance declared for it (if any) with the rep.
    Instance,
    /// The host implements the resource type (a [`ResourceOrigin::Host`]
    /// type): the host destroys the object behind the rep.
    Host,
    /// Another component instance implements the resource type.
    Foreign,
}

/// A dropped handle and the destructor call it requires.
#[derive(Debug, Clone)]
pub struct ResourceDrop {
    /// The resource's representation.
    pub rep: u32,
    /// The resource's type.
    pub ty: ResourceType,
    /// Own or borrow.
    pub kind: HandleKind,
    /// Who must destroy the resource.
    pub destructor: Destructor,
}

/// The resource state of one component instance.
///
/// `guest` is the instance's handle table, whose indices the guest sees.
/// `host` holds the handles the host took from the guest as
/// [`ResourceAny`]s. Every call between them runs inside
/// [`ResourceTables::enter_call`] and [`ResourceTables::exit_call`]. During
/// an export call (host calls guest) the guest table counts the borrows it
/// received, which must be dropped before the call returns, and the host
/// table tracks what the host lent; during an import call (guest calls host)
/// the guest table tracks what the guest lent, and borrows the host received
/// are released when the call returns. A component instance nested in
/// another shares its host table with its siblings (the host holds one
/// table per instance it created): the runtime swaps that table in while it
/// uses these tables.
#[derive(Debug, Default)]
pub struct ResourceTables {
    guest: HandleTable,
    /// Boxed so that swapping the shared host table in and out moves a
    /// pointer.
    host: Box<HandleTable>,
    /// The identities of the types the instance implements: a handful at
    /// most, so a scan beats hashing (SipHash showed up in every handle
    /// operation's profile).
    implemented: Vec<ResourceOrigin>,
}

impl ResourceTables {
    /// Empty tables of the spec's maximum size, for an instance that
    /// implements no resource type yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Tables over the given guest and host tables (for example ones made
    /// with [`HandleTable::with_limit`]).
    pub fn with_tables(guest: HandleTable, host: HandleTable) -> Self {
        Self {
            guest,
            host: Box::new(host),
            implemented: Vec::new(),
        }
    }

    /// Records that the instance implements (defines) `ty`: borrows of it
    /// lowered into the instance pass the rep, and dropping its `own` handles
    /// calls the instance's destructor.
    pub fn implement(&mut self, ty: ResourceType) {
        if !self.implements(&ty) {
            self.implemented.push(ty.origin());
        }
    }

    /// Whether the instance implements `ty`.
    #[inline]
    pub fn implements(&self, ty: &ResourceType) -> bool {
        self.implemented.contains(&ty.origin())
    }

    /// The instance's handle table.
    pub fn guest(&self) -> &HandleTable {
        &self.guest
    }

    /// The host's table of guest resources it holds.
    pub fn host(&self) -> &HandleTable {
        &self.host
    }

    /// Exchanges the host table with `other`: how the runtime lends the
    /// host table its sub-instances share to the one in use.
    #[cfg(feature = "host")]
    pub(crate) fn swap_host(&mut self, other: &mut Box<HandleTable>) {
        std::mem::swap(&mut self.host, other);
    }

    /// The host's table, writable, for the conversions between
    /// [`Resource<T>`](super::Resource) and [`ResourceAny`].
    pub(super) fn host_mut(&mut self) -> &mut HandleTable {
        &mut self.host
    }

    /// Starts a call between the host and the instance, either way: borrows
    /// created and handles lent until [`ResourceTables::exit_call`] belong to
    /// it. Calls nest (an export call may make import calls).
    pub fn enter_call(&mut self) {
        self.guest.enter_call();
        self.host.enter_call();
    }

    /// Ends the innermost call: lends made during it are returned, borrows
    /// the host received are released, and borrows the guest received (in an
    /// export call) but did not drop trap with [`Trap::BorrowNotDropped`].
    pub fn exit_call(&mut self) -> Result<()> {
        let host = self.host.exit_call(LeftoverBorrows::Release);
        let guest = self.guest.exit_call(LeftoverBorrows::Trap);
        host.and(guest)
    }

    /// Starts a call between the instance and another component instance
    /// (through a fused adapter), either way: only the instance's own table
    /// keeps a scope, the host's is not involved.
    pub fn enter_instance_call(&mut self) {
        self.guest.enter_call();
    }

    /// Ends the innermost call between the instance and another component
    /// instance: lends made during it are returned, and borrows the
    /// instance received but did not drop trap with
    /// [`Trap::BorrowNotDropped`].
    pub fn exit_instance_call(&mut self) -> Result<()> {
        self.guest.exit_call(LeftoverBorrows::Trap)
    }

    #[inline]
    fn destructor(&self, removed: &RemovedHandle) -> Destructor {
        match removed.kind {
            HandleKind::Borrow => Destructor::None,
            HandleKind::Own if self.implements(&removed.ty) => Destructor::Instance,
            HandleKind::Own => match removed.ty.origin() {
                ResourceOrigin::Host(_) => Destructor::Host,
                ResourceOrigin::Defined(_) => Destructor::Foreign,
            },
        }
    }

    /// `canon resource.new`: a new `own` handle in the instance's table to
    /// the resource `rep` of `ty`, which the instance must implement.
    pub fn resource_new(&mut self, ty: &ResourceType, rep: u32) -> Result<u32> {
        if !self.implements(ty) {
            return trap(Trap::ResourceNotDefined {
                resource: ty.name().to_string(),
            });
        }
        self.guest.insert_own(ty.clone(), rep)
    }

    /// `canon resource.rep`: the rep of the instance's handle `index` to `ty`.
    pub fn resource_rep(&self, index: u32, ty: &ResourceType) -> Result<u32> {
        self.guest.rep(index, ty)
    }

    /// `canon resource.drop`: removes the instance's handle `index` to `ty`
    /// and says which destructor the caller must run.
    pub fn resource_drop(&mut self, index: u32, ty: &ResourceType) -> Result<ResourceDrop> {
        let removed = self.guest.remove(index, ty)?;
        Ok(self.drop_result(removed))
    }

    #[inline]
    fn drop_result(&self, removed: RemovedHandle) -> ResourceDrop {
        ResourceDrop {
            destructor: self.destructor(&removed),
            rep: removed.rep,
            ty: removed.ty,
            kind: removed.kind,
        }
    }

    /// Drops a guest resource the host holds: removes it from the host table
    /// and says which destructor must run (the instance's, for an owned
    /// resource it implements).
    #[inline]
    pub fn drop_host(&mut self, resource: ResourceAny) -> Result<ResourceDrop> {
        self.host.check_stamp(resource.index(), resource.stamp())?;
        let removed = self.host.remove(resource.index(), resource.ty())?;
        Ok(self.drop_result(removed))
    }

    /// The spec's `lift_own`: moves the instance's `own` handle `index` to
    /// `ty` out of its table and returns the rep.
    pub fn lift_own(&mut self, index: u32, ty: &ResourceType) -> Result<u32> {
        self.guest.take_own(index, ty)
    }

    /// The spec's `lift_borrow`: the rep of the instance's handle `index` to
    /// `ty`, lent until the current call ends.
    pub fn lift_borrow(&mut self, index: u32, ty: &ResourceType) -> Result<u32> {
        self.guest.lend(index, ty)
    }

    /// The spec's `lower_own`: gives the instance an `own` handle to `rep`.
    pub fn lower_own(&mut self, ty: &ResourceType, rep: u32) -> Result<u32> {
        self.guest.insert_own(ty.clone(), rep)
    }

    /// The spec's `lower_borrow`: the rep itself when the instance implements
    /// `ty`, otherwise a new `borrow` handle in the instance's table that the
    /// current export call counts.
    pub fn lower_borrow(&mut self, ty: &ResourceType, rep: u32) -> Result<u32> {
        if self.implements(ty) {
            return Ok(rep);
        }
        self.guest.insert_borrow(ty.clone(), rep)
    }

    /// Lifts the instance's handle `index` as a guest resource the host
    /// holds: `own` moves it into the host's table, `borrow` lends it for the
    /// current call (the host's borrow ends with the call). `expected` is the
    /// resource type the signature names; with `None` the handle's own type
    /// is taken, as the typed [`ResourceAny`] lift does, since it cannot see
    /// the signature.
    pub fn lift_any(
        &mut self,
        index: u32,
        kind: HandleKind,
        expected: Option<&ResourceType>,
    ) -> Result<ResourceAny> {
        let ty = match expected {
            Some(ty) => ty.clone(),
            None => self.guest.get(index)?.ty().clone(),
        };
        let host_index = match kind {
            HandleKind::Own => {
                let rep = self.guest.take_own(index, &ty)?;
                self.host.insert_own(ty.clone(), rep)?
            }
            HandleKind::Borrow => {
                let rep = self.guest.lend(index, &ty)?;
                self.host.insert_borrow(ty.clone(), rep)?
            }
        };
        let stamp = self.host.stamp(host_index)?;
        Ok(ResourceAny::new(ty, host_index, kind, stamp))
    }

    /// Lowers a guest resource the host holds into the instance: `own` moves
    /// it back into the instance's table (only an owned `resource` can),
    /// `borrow` lends it for the current call. `expected` is the resource
    /// type the signature names, checked when given.
    pub fn lower_any(
        &mut self,
        resource: &ResourceAny,
        kind: HandleKind,
        expected: Option<&ResourceType>,
    ) -> Result<u32> {
        self.host.check_stamp(resource.index(), resource.stamp())?;
        if let Some(expected) = expected {
            self.host.get_typed(resource.index(), expected)?;
        }
        match kind {
            HandleKind::Own => {
                if resource.kind() != HandleKind::Own {
                    return trap(Trap::WrongHandleKind {
                        index: resource.index(),
                        expected: HandleKind::Own.name(),
                    });
                }
                let rep = self.host.take_own(resource.index(), resource.ty())?;
                self.lower_own(resource.ty(), rep)
            }
            HandleKind::Borrow => {
                let rep = self.host.lend(resource.index(), resource.ty())?;
                self.lower_borrow(resource.ty(), rep)
            }
        }
    }
}
