//! [`ResourceTable`]: where a host keeps the objects behind the resources it
//! implements, each named by a [`Resource<T>`] whose rep is its slot.

use std::any::Any;

use super::handle_table::MAX_HANDLES;
use super::resource::Resource;

/// Why a [`ResourceTable`] operation failed. Callers act on it: a guest
/// passing a stale handle is not the same as a host bug.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ResourceTableError {
    /// No object has this rep (never pushed, or deleted).
    #[error("no resource with rep {0} in the table")]
    NotPresent(u32),
    /// The object at this rep has another type than the handle names.
    #[error("resource {rep} is not a `{expected}`")]
    WrongType {
        /// The rep.
        rep: u32,
        /// The type the handle names.
        expected: &'static str,
    },
    /// Only an owned handle may delete its object.
    #[error("resource {0} is borrowed: only its owner may delete it")]
    NotOwned(u32),
    /// The table holds as many objects as reps allow.
    #[error("resource table full")]
    Full,
}

/// A heterogeneous table of host objects, reused slot by slot.
///
/// [`push`](Self::push) stores an object and returns the owning
/// [`Resource<T>`] that the host passes to the guest; the guest's handles
/// carry the same rep back, and [`get`](Self::get) /
/// [`get_mut`](Self::get_mut) find the object again.
#[derive(Default)]
pub struct ResourceTable {
    slots: Vec<Option<Box<dyn Any + Send>>>,
    free: Vec<u32>,
}

impl core::fmt::Debug for ResourceTable {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("ResourceTable")
            .field("len", &self.len())
            .finish()
    }
}

impl ResourceTable {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many objects the table holds.
    pub fn len(&self) -> usize {
        self.slots.len() - self.free.len()
    }

    /// Whether the table holds no object.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Stores `value` and returns the owning handle to it.
    pub fn push<T: Send + 'static>(&mut self, value: T) -> Result<Resource<T>, ResourceTableError> {
        let value: Box<dyn Any + Send> = Box::new(value);
        if let Some(rep) = self.free.pop()
            && let Some(slot @ None) = self.slots.get_mut(rep as usize)
        {
            *slot = Some(value);
            return Ok(Resource::new_own(rep));
        }
        let rep = self.slots.len() as u32;
        if rep >= MAX_HANDLES {
            return Err(ResourceTableError::Full);
        }
        self.slots.push(Some(value));
        Ok(Resource::new_own(rep))
    }

    fn slot(&self, rep: u32) -> Result<&(dyn Any + Send), ResourceTableError> {
        match self.slots.get(rep as usize) {
            Some(Some(value)) => Ok(value.as_ref()),
            _ => Err(ResourceTableError::NotPresent(rep)),
        }
    }

    /// The object `resource` names.
    pub fn get<T: 'static>(&self, resource: &Resource<T>) -> Result<&T, ResourceTableError> {
        let rep = resource.rep();
        self.slot(rep)?
            .downcast_ref()
            .ok_or_else(|| wrong_type::<T>(rep))
    }

    /// The object `resource` names, writable.
    pub fn get_mut<T: 'static>(
        &mut self,
        resource: &Resource<T>,
    ) -> Result<&mut T, ResourceTableError> {
        let rep = resource.rep();
        match self.slots.get_mut(rep as usize) {
            Some(Some(value)) => value.downcast_mut().ok_or_else(|| wrong_type::<T>(rep)),
            _ => Err(ResourceTableError::NotPresent(rep)),
        }
    }

    /// Removes the object `resource` owns and gives it back. The rep may be
    /// reused by a later [`push`](Self::push).
    pub fn delete<T: 'static>(&mut self, resource: Resource<T>) -> Result<T, ResourceTableError> {
        let rep = resource.rep();
        if !resource.owned() {
            return Err(ResourceTableError::NotOwned(rep));
        }
        if !self.slot(rep)?.is::<T>() {
            return Err(wrong_type::<T>(rep));
        }
        let value = self
            .slots
            .get_mut(rep as usize)
            .and_then(Option::take)
            .ok_or(ResourceTableError::NotPresent(rep))?;
        self.free.push(rep);
        value
            .downcast()
            .map(|boxed| *boxed)
            .map_err(|_| wrong_type::<T>(rep))
    }
}

fn wrong_type<T>(rep: u32) -> ResourceTableError {
    ResourceTableError::WrongType {
        rep,
        expected: std::any::type_name::<T>(),
    }
}
