//! Resources in the Canonical ABI: handle tables with the spec's ownership
//! and borrowing rules, the `canon resource.new/rep/drop` operations, and the
//! host's view of handles.
//!
//! - [`HandleTable`]: one side's table of `own` and `borrow` handles.
//! - [`ResourceTables`]: an instance's resource state (its table, the host's
//!   table of guest resources, the types it implements, call scopes), which
//!   [`LowerContext::with_resources`](crate::LowerContext::with_resources) and
//!   [`LiftContext::with_resources`](crate::LiftContext::with_resources) carry.
//! - [`Resource<T>`], [`ResourceAny`] and [`Borrowed`]: handles as typed host
//!   values, for resources the host and the guest implement.
//!   [`ResourceAny::try_from_resource`] and
//!   [`Resource::try_from_resource_any`] convert between the two, so that
//!   dynamic values ([`Val::Resource`](crate::Val::Resource)) carry both.
//! - [`ResourceTable`]: where the host keeps its own objects.

mod convert;
mod handle_table;
mod impls;
mod resource;
mod resource_table;
mod tables;

pub use convert::AsResourceTables;
pub(crate) use handle_table::HANDLE_FUEL;
pub use handle_table::{
    HandleEntry, HandleKind, HandleTable, LeftoverBorrows, MAX_HANDLES, RemovedHandle,
};
pub use resource::{Borrowed, Resource, ResourceAny};
pub use resource_table::{ResourceTable, ResourceTableError};
pub use tables::{Destructor, ResourceDrop, ResourceTables};
