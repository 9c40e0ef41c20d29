//! The state that lifting and lowering carry through one call: the memory
//! view, the canonical options, the hostcall fuel and the instance's
//! resource handles.

use crate::abi::memory::{GuestMemory, check_aligned, check_range};
use crate::abi::options::{DEFAULT_HOSTCALL_FUEL, StringEncoding};
use crate::error::{Result, Trap, trap};
use crate::resources::ResourceTables;

/// The error of lifting or lowering a handle through a context that was
/// given no resource state.
fn no_resources() -> crate::Error {
    anyhow::anyhow!(
        "this value holds a resource handle, but the context has no resource state \
         (see `with_resources`)"
    )
}

/// Hostcall fuel: how many bytes one call may still make the host move or
/// allocate.
///
/// It bounds the work and host allocation that a single call can make the
/// host do, so that a hostile guest cannot ask for unbounded copies. What one
/// call is charged, in bytes:
/// - every string and list body lifted or lowered, by its byte length in
///   guest memory (a string lowered in another encoding by the worst case
///   of its transcoded length);
/// - a typed list lifted into a `Vec<T>` whose elements are larger on the
///   host than in the guest (`String`, records holding them), the
///   difference per element as well;
/// - a list lifted into [`Val`](crate::Val)s, `size_of::<Val>()` per
///   element as well (a `list<u8>` of `n` bytes costs `n + 32 n`), which also
///   bounds lists of zero-sized elements;
/// - every resource handle lifted or lowered, the size of the table slot it
///   may fill (so a list of borrows cannot fill tables without bound).
#[derive(Debug, Clone, Copy)]
pub struct HostcallFuel {
    limit: usize,
    remaining: usize,
}

impl HostcallFuel {
    /// Fuel for `limit` bytes.
    #[inline]
    pub fn new(limit: usize) -> Self {
        Self {
            limit,
            remaining: limit,
        }
    }

    /// Takes `bytes` from the fuel, or traps with
    /// [`Trap::HostcallFuelExhausted`] when less is left.
    #[inline]
    pub fn consume(&mut self, bytes: u64) -> Result<()> {
        match usize::try_from(bytes)
            .ok()
            .and_then(|b| self.remaining.checked_sub(b))
        {
            Some(left) => {
                self.remaining = left;
                Ok(())
            }
            None => trap(Trap::HostcallFuelExhausted { limit: self.limit }),
        }
    }

    /// Bytes left.
    #[inline]
    pub fn remaining(&self) -> usize {
        self.remaining
    }
}

impl Default for HostcallFuel {
    fn default() -> Self {
        Self::new(DEFAULT_HOSTCALL_FUEL)
    }
}

/// What lifting and lowering share through one call: the guest's string
/// encoding, the hostcall fuel and, for handles, the instance's resource
/// state. [`LowerContext`] and [`LiftContext`] dereference to it.
#[derive(Debug)]
pub struct CallState<'a> {
    encoding: StringEncoding,
    fuel: HostcallFuel,
    resources: Option<&'a mut ResourceTables>,
}

impl CallState<'_> {
    fn new(encoding: StringEncoding) -> Self {
        Self {
            encoding,
            fuel: HostcallFuel::default(),
            resources: None,
        }
    }

    /// The instance's resource state, or an error when the context has none.
    pub fn resources(&mut self) -> Result<&mut ResourceTables> {
        self.resources.as_deref_mut().ok_or_else(no_resources)
    }

    /// The guest's string encoding.
    #[inline]
    pub fn string_encoding(&self) -> StringEncoding {
        self.encoding
    }

    /// The fuel left.
    #[inline]
    pub fn fuel(&self) -> &HostcallFuel {
        &self.fuel
    }

    /// Takes `bytes` of hostcall fuel.
    #[inline]
    pub fn consume_fuel(&mut self, bytes: u64) -> Result<()> {
        self.fuel.consume(bytes)
    }
}

impl<'a, M: GuestMemory + ?Sized> core::ops::Deref for LowerContext<'a, M> {
    type Target = CallState<'a>;

    fn deref(&self) -> &CallState<'a> {
        &self.state
    }
}

impl<M: GuestMemory + ?Sized> core::ops::DerefMut for LowerContext<'_, M> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.state
    }
}

impl<'a> core::ops::Deref for LiftContext<'a> {
    type Target = CallState<'a>;

    fn deref(&self) -> &CallState<'a> {
        &self.state
    }
}

impl core::ops::DerefMut for LiftContext<'_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.state
    }
}

/// Everything lowering needs: guest memory with its `realloc`, the string
/// encoding, the hostcall fuel and, for handles, the instance's resources.
pub struct LowerContext<'a, M: GuestMemory + ?Sized> {
    memory: Option<&'a mut M>,
    state: CallState<'a>,
}

impl<'a, M: GuestMemory + ?Sized> LowerContext<'a, M> {
    /// A context lowering into `memory` with `encoding` and default fuel.
    #[inline]
    pub fn new(memory: &'a mut M, encoding: StringEncoding) -> Self {
        Self {
            memory: Some(memory),
            state: CallState::new(encoding),
        }
    }

    /// A context for functions whose canonical options name no memory: only
    /// values that need no memory can be lowered through it.
    #[inline]
    pub fn without_memory(encoding: StringEncoding) -> Self {
        Self {
            memory: None,
            state: CallState::new(encoding),
        }
    }

    /// Replaces the hostcall fuel.
    #[inline]
    pub fn with_fuel(mut self, fuel: HostcallFuel) -> Self {
        self.state.fuel = fuel;
        self
    }

    /// Gives the context the receiving instance's resource state, which
    /// lowering handles needs.
    #[inline]
    pub fn with_resources(mut self, resources: &'a mut ResourceTables) -> Self {
        self.state.resources = Some(resources);
        self
    }

    fn memory_ref(&self) -> Result<&M> {
        match &self.memory {
            Some(m) => Ok(m),
            None => trap(Trap::NoMemory),
        }
    }

    /// The memory's current bytes.
    #[inline]
    pub fn memory(&self) -> Result<&[u8]> {
        Ok(self.memory_ref()?.data())
    }

    /// The memory's current bytes, writable. Call again after any `realloc`.
    #[inline]
    pub fn memory_mut(&mut self) -> Result<&mut [u8]> {
        match &mut self.memory {
            Some(m) => Ok(m.data_mut()),
            None => trap(Trap::NoMemory),
        }
    }

    /// Calls the guest's `realloc` and checks its result: the pointer must be
    /// aligned to `align` and `new_size` bytes at it must fit in memory,
    /// otherwise [`Trap::InvalidReallocResult`].
    pub fn realloc(
        &mut self,
        old_ptr: u32,
        old_size: u32,
        align: u32,
        new_size: u32,
    ) -> Result<u32> {
        let memory = match &mut self.memory {
            Some(m) => m,
            None => return trap(Trap::NoMemory),
        };
        let ptr = memory.realloc(old_ptr, old_size, align, new_size)?;
        let memory_len = memory.data().len();
        if check_aligned(ptr, align).is_err()
            || check_range(ptr, u64::from(new_size), memory_len).is_err()
        {
            return trap(Trap::InvalidReallocResult {
                ptr,
                size: new_size,
                align,
                memory_len,
            });
        }
        Ok(ptr)
    }

    /// The writable bytes `offset..offset + len`, checked against the memory.
    #[inline]
    pub fn slice_mut(&mut self, offset: usize, len: usize) -> Result<&mut [u8]> {
        let memory = self.memory_mut()?;
        let memory_len = memory.len();
        match offset
            .checked_add(len)
            .and_then(|end| memory.get_mut(offset..end))
        {
            Some(s) => Ok(s),
            None => trap(Trap::OutOfBounds {
                ptr: offset as u32,
                len: len as u64,
                memory_len,
            }),
        }
    }

    /// Writes `N` bytes at `offset`.
    #[inline]
    pub fn write<const N: usize>(&mut self, offset: usize, bytes: [u8; N]) -> Result<()> {
        self.slice_mut(offset, N)?.copy_from_slice(&bytes);
        Ok(())
    }

    /// Writes `bytes` at `offset`.
    #[inline]
    pub fn write_slice(&mut self, offset: usize, bytes: &[u8]) -> Result<()> {
        self.slice_mut(offset, bytes.len())?.copy_from_slice(bytes);
        Ok(())
    }
}

impl<M: GuestMemory + ?Sized> core::fmt::Debug for LowerContext<'_, M> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("LowerContext")
            .field("has_memory", &self.memory.is_some())
            .field("state", &self.state)
            .finish()
    }
}

/// Everything lifting needs: the guest memory (read-only; lifted views borrow
/// it for `'a`), the string encoding, the hostcall fuel and, for handles, the
/// instance's resources.
#[derive(Debug)]
pub struct LiftContext<'a> {
    memory: Option<&'a [u8]>,
    state: CallState<'a>,
}

impl<'a> LiftContext<'a> {
    /// A context lifting from `memory` with `encoding` and default fuel.
    #[inline]
    pub fn new(memory: &'a [u8], encoding: StringEncoding) -> Self {
        Self {
            memory: Some(memory),
            state: CallState::new(encoding),
        }
    }

    /// A context for functions whose canonical options name no memory.
    #[inline]
    pub fn without_memory(encoding: StringEncoding) -> Self {
        Self {
            memory: None,
            state: CallState::new(encoding),
        }
    }

    /// Replaces the hostcall fuel.
    #[inline]
    pub fn with_fuel(mut self, fuel: HostcallFuel) -> Self {
        self.state.fuel = fuel;
        self
    }

    /// Gives the context the sending instance's resource state, which
    /// lifting handles needs.
    #[inline]
    pub fn with_resources(mut self, resources: &'a mut ResourceTables) -> Self {
        self.state.resources = Some(resources);
        self
    }

    /// The whole memory.
    #[inline]
    pub fn memory(&self) -> Result<&'a [u8]> {
        match self.memory {
            Some(m) => Ok(m),
            None => trap(Trap::NoMemory),
        }
    }

    /// `len` bytes at `ptr`, which must be aligned to `align`: the checks the
    /// spec makes before it reads a string, a list or a spilled tuple.
    #[inline]
    pub fn guest_range(&self, ptr: u32, len: u64, align: u32) -> Result<&'a [u8]> {
        check_aligned(ptr, align)?;
        let memory = self.memory()?;
        let range = check_range(ptr, len, memory.len())?;
        Ok(&memory[range])
    }
}
