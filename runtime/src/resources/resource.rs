//! Handles as the host sees them: [`Resource<T>`] for resources the host
//! implements, [`ResourceAny`] for resources a guest implements, and
//! [`Borrowed`] for handles that cross a `borrow<R>`.

use std::any::TypeId;
use std::marker::PhantomData;

use super::handle_table::HandleKind;
use crate::types::{ResourceOrigin, ResourceType};

/// A handle to a resource the host implements with the Rust type `T`.
///
/// The rep is the host's own number for the object (for example its index
/// in a [`ResourceTable`](super::ResourceTable)); the guest only ever sees a
/// handle index. A `Resource` lowers as `own<R>`; [`Resource::as_borrow`]
/// lowers it as `borrow<R>`.
pub struct Resource<T: 'static> {
    rep: u32,
    kind: HandleKind,
    _ty: PhantomData<fn() -> T>,
}

impl<T: 'static> Resource<T> {
    /// An owned handle to the object `rep`.
    pub fn new_own(rep: u32) -> Self {
        Self {
            rep,
            kind: HandleKind::Own,
            _ty: PhantomData,
        }
    }

    /// A borrowed handle to the object `rep`, valid for one call.
    pub fn new_borrow(rep: u32) -> Self {
        Self {
            rep,
            kind: HandleKind::Borrow,
            _ty: PhantomData,
        }
    }

    /// The object's rep.
    pub fn rep(&self) -> u32 {
        self.rep
    }

    /// Whether the handle owns the object.
    pub fn owned(&self) -> bool {
        self.kind == HandleKind::Own
    }

    /// A borrow of the same object, to pass as `borrow<R>`.
    pub fn as_borrow(&self) -> Borrowed<Resource<T>> {
        Borrowed(Self::new_borrow(self.rep))
    }

    /// The resource type `T` stands for. Its name is Rust's name of `T`
    /// (`std::any::type_name`); its identity is `T`'s `TypeId`.
    pub fn resource_type() -> ResourceType {
        ResourceType::host_static::<T>(std::any::type_name::<T>())
    }

    /// Whether `ty` is the resource type `T` stands for.
    pub fn is_type(ty: &ResourceType) -> bool {
        ty.origin() == ResourceOrigin::Host(TypeId::of::<T>())
    }
}

impl<T: 'static> core::fmt::Debug for Resource<T> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Resource")
            .field("type", &std::any::type_name::<T>())
            .field("rep", &self.rep)
            .field("kind", &self.kind)
            .finish()
    }
}

impl<T: 'static> PartialEq for Resource<T> {
    fn eq(&self, other: &Self) -> bool {
        self.rep == other.rep && self.kind == other.kind
    }
}

impl<T: 'static> Eq for Resource<T> {}

/// A handle to a resource a guest implements, held by the host: an index
/// into the host's table of the instance's
/// [`ResourceTables`](super::ResourceTables).
///
/// An owned `ResourceAny` must be given back to the guest or dropped with
/// [`ResourceTables::drop_host`](super::ResourceTables::drop_host), which
/// says whether the guest's destructor must run. A borrowed one is valid
/// until the import call that received it returns.
///
/// The typed lift and lower of `ResourceAny` cannot see which resource type
/// the signature names, so they take the handle's own type; code that knows
/// the type (dynamic values) uses
/// [`ResourceTables::lift_any`](super::ResourceTables::lift_any) and
/// [`ResourceTables::lower_any`](super::ResourceTables::lower_any), which
/// check it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourceAny {
    ty: ResourceType,
    index: u32,
    kind: HandleKind,
    /// The host table the handle lives in and its entry's generation
    /// ([`HandleTable::stamp`](super::HandleTable::stamp)), so that a stale
    /// copy or a handle of another instance or store is refused instead of
    /// acting on whatever the slot holds now.
    stamp: (u64, u64),
}

impl ResourceAny {
    /// Refuses the handle unless it is of the resource type `expected`
    /// ([`Trap::WrongHandleType`](crate::Trap::WrongHandleType)).
    pub(crate) fn check_type(&self, expected: &ResourceType) -> crate::Result<()> {
        if self.ty == *expected {
            return Ok(());
        }
        crate::error::trap(crate::Trap::WrongHandleType {
            index: self.index,
            expected: expected.name().to_string(),
            found: self.ty.name().to_string(),
        })
    }

    pub(crate) fn new(ty: ResourceType, index: u32, kind: HandleKind, stamp: (u64, u64)) -> Self {
        Self {
            ty,
            index,
            kind,
            stamp,
        }
    }

    /// The handle's stamp in its host table.
    pub(crate) fn stamp(&self) -> (u64, u64) {
        self.stamp
    }

    /// The resource's type.
    pub fn ty(&self) -> &ResourceType {
        &self.ty
    }

    /// The index of the handle in the host's table.
    pub fn index(&self) -> u32 {
        self.index
    }

    /// Own or borrow.
    pub fn kind(&self) -> HandleKind {
        self.kind
    }

    /// Whether the host owns the resource.
    pub fn owned(&self) -> bool {
        self.kind == HandleKind::Own
    }

    /// A borrow of the same resource, to pass as `borrow<R>`.
    pub fn as_borrow(&self) -> Borrowed<ResourceAny> {
        Borrowed(Self {
            kind: HandleKind::Borrow,
            ..self.clone()
        })
    }
}

/// A handle that crosses the boundary as `borrow<R>`: [`Resource<T>`] and
/// [`ResourceAny`] stand for `own<R>`.
///
/// The Rust type, not the value, says which of the two a handle is lifted
/// as, because lifting cannot see the WIT type: moving a handle out of the
/// guest's table (`own`) and lending it (`borrow`) differ for the same
/// handle index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Borrowed<R>(pub(crate) R);

impl<R> Borrowed<R> {
    /// The borrowed handle.
    pub fn get(&self) -> &R {
        &self.0
    }

    /// The borrowed handle, unwrapped.
    pub fn into_inner(self) -> R {
        self.0
    }
}
