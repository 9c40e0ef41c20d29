//! Views of guest linear memory.
//!
//! Lift and lower code never touches an engine directly: it sees guest memory
//! through [`GuestMemory`], which a wasmtime memory, a wasmi memory and a plain
//! [`VecMemory`] all implement. Because `realloc` may grow memory, code asks
//! for [`GuestMemory::data_mut`] again after every `realloc` call.

use crate::error::{Result, Trap, trap};

/// A guest's linear memory together with its `realloc` function.
pub trait GuestMemory {
    /// The memory's current bytes.
    fn data(&self) -> &[u8];

    /// The memory's current bytes, writable.
    fn data_mut(&mut self) -> &mut [u8];

    /// Calls the guest's `realloc(old_ptr, old_size, align, new_size)` and
    /// returns what it returned, unchecked: the caller validates the result.
    ///
    /// Implementations without a `realloc` return [`Trap::NoRealloc`].
    fn realloc(&mut self, old_ptr: u32, old_size: u32, align: u32, new_size: u32) -> Result<u32>;
}

/// The signature of a host-side `realloc` for [`VecMemory`]: it gets the
/// memory (which it may grow) and the four `realloc` arguments.
pub type ReallocFn = dyn FnMut(&mut Vec<u8>, u32, u32, u32, u32) -> Result<u32>;

/// A guest memory held in a `Vec<u8>`, with a caller-given `realloc`.
///
/// Used by tests, the conformance runner and benchmarks to run lift and lower
/// code without an engine.
pub struct VecMemory {
    bytes: Vec<u8>,
    realloc: Option<Box<ReallocFn>>,
}

impl VecMemory {
    /// A memory holding `bytes`, whose `realloc` calls `realloc`.
    pub fn new(
        bytes: Vec<u8>,
        realloc: impl FnMut(&mut Vec<u8>, u32, u32, u32, u32) -> Result<u32> + 'static,
    ) -> Self {
        Self {
            bytes,
            realloc: Some(Box::new(realloc)),
        }
    }

    /// A memory holding `bytes` with no `realloc`: lowering anything that
    /// allocates fails with [`Trap::NoRealloc`].
    pub fn without_realloc(bytes: Vec<u8>) -> Self {
        Self {
            bytes,
            realloc: None,
        }
    }

    /// The memory's bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Gives the bytes back.
    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }
}

impl core::fmt::Debug for VecMemory {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("VecMemory")
            .field("len", &self.bytes.len())
            .field("has_realloc", &self.realloc.is_some())
            .finish()
    }
}

impl GuestMemory for VecMemory {
    fn data(&self) -> &[u8] {
        &self.bytes
    }

    fn data_mut(&mut self) -> &mut [u8] {
        &mut self.bytes
    }

    fn realloc(&mut self, old_ptr: u32, old_size: u32, align: u32, new_size: u32) -> Result<u32> {
        match &mut self.realloc {
            Some(realloc) => realloc(&mut self.bytes, old_ptr, old_size, align, new_size),
            None => trap(Trap::NoRealloc),
        }
    }
}

/// Checks that `len` bytes at `ptr` lie inside a memory of `memory_len` bytes,
/// and returns the range as `usize` offsets.
#[inline]
pub(crate) fn check_range(
    ptr: u32,
    len: u64,
    memory_len: usize,
) -> Result<core::ops::Range<usize>> {
    let end = u64::from(ptr) + len;
    if end > memory_len as u64 {
        return trap(Trap::OutOfBounds {
            ptr,
            len,
            memory_len,
        });
    }
    Ok(ptr as usize..end as usize)
}

/// Checks that `ptr` is a multiple of `align` (a power of two).
#[inline]
pub(crate) fn check_aligned(ptr: u32, align: u32) -> Result<()> {
    if ptr & (align - 1) != 0 {
        return trap(Trap::UnalignedPointer { ptr, align });
    }
    Ok(())
}
