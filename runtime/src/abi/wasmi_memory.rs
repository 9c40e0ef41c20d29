//! [`GuestMemory`] over a wasmi memory: the same lift and lower code that
//! runs over wasmtime and [`VecMemory`](crate::VecMemory) runs over a guest
//! executed by the wasmi interpreter.

use anyhow::Context as _;

use crate::abi::memory::GuestMemory;
use crate::error::{Result, Trap, trap};

/// The type of a guest's `realloc(old_ptr, old_size, align, new_size) -> ptr`
/// export as wasmi sees it, with the `i32`s read as unsigned.
pub type WasmiRealloc = wasmi::TypedFunc<(u32, u32, u32, u32), u32>;

/// A guest's linear memory and optional `realloc`, seen through a wasmi
/// store context.
///
/// [`data`](GuestMemory::data) and [`data_mut`](GuestMemory::data_mut) ask
/// the store for the memory's bytes on every call, so they see the memory
/// as it is after `realloc` grew it. A `realloc` that traps is an `Err`
/// whose chain holds the [`wasmi::Error`]; without a `realloc`, allocating
/// fails with [`Trap::NoRealloc`].
pub struct WasmiMemory<'a, T> {
    store: wasmi::StoreContextMut<'a, T>,
    memory: wasmi::Memory,
    realloc: Option<WasmiRealloc>,
}

impl<'a, T> WasmiMemory<'a, T> {
    /// A view of `memory` in `store` (a `&mut wasmi::Store<T>`, a
    /// `&mut wasmi::Caller<'_, T>` or a `wasmi::StoreContextMut<'_, T>`)
    /// whose allocations call `realloc`.
    pub fn new(
        store: impl Into<wasmi::StoreContextMut<'a, T>>,
        memory: wasmi::Memory,
        realloc: Option<WasmiRealloc>,
    ) -> Self {
        Self {
            store: store.into(),
            memory,
            realloc,
        }
    }
}

impl<T> core::fmt::Debug for WasmiMemory<'_, T> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("WasmiMemory")
            .field("len", &self.data().len())
            .field("has_realloc", &self.realloc.is_some())
            .finish()
    }
}

impl<T> GuestMemory for WasmiMemory<'_, T> {
    fn data(&self) -> &[u8] {
        self.memory.data(&self.store)
    }

    fn data_mut(&mut self) -> &mut [u8] {
        self.memory.data_mut(&mut self.store)
    }

    fn realloc(&mut self, old_ptr: u32, old_size: u32, align: u32, new_size: u32) -> Result<u32> {
        let Some(realloc) = &self.realloc else {
            return trap(Trap::NoRealloc);
        };
        realloc
            .call(&mut self.store, (old_ptr, old_size, align, new_size))
            .map_err(anyhow::Error::new)
            .with_context(|| {
                format!("the guest's realloc({old_ptr}, {old_size}, {align}, {new_size}) failed")
            })
    }
}
