//! A bump allocator behind [`VecMemory`]'s `realloc`: the allocator the
//! conformance vectors assume, and a convenient one for tests and benchmarks.

use std::cell::RefCell;
use std::rc::Rc;

use crate::abi::memory::VecMemory;
use crate::error::{Result, Trap, trap};

/// A bump allocator that records every `realloc` call.
///
/// It implements the conformance machine's `realloc(old_ptr, old_size,
/// align, new_size)`: when `old_ptr != 0 && new_size <= old_size` it shrinks
/// in place and returns `old_ptr`; otherwise it bumps `next` up to `align`,
/// traps with [`Trap::OutOfBounds`] when `new_size` bytes do not fit in
/// memory, copies `min(old_size, new_size)` bytes from `old_ptr`, and moves
/// `next` past the new allocation. It never frees.
///
/// Clones share one state, so a test can keep a handle to read
/// [`next`](Self::next) and [`calls`](Self::calls) while the memory it made
/// with [`memory`](Self::memory) is in use.
#[derive(Debug, Clone)]
pub struct BumpAllocator {
    state: Rc<RefCell<BumpState>>,
}

#[derive(Debug)]
struct BumpState {
    heap_start: u32,
    next: u32,
    calls: Vec<[u32; 4]>,
}

impl BumpAllocator {
    /// An allocator whose first allocation starts at `heap_start`.
    pub fn new(heap_start: u32) -> Self {
        Self {
            state: Rc::new(RefCell::new(BumpState {
                heap_start,
                next: heap_start,
                calls: Vec::new(),
            })),
        }
    }

    /// A memory holding `bytes` whose `realloc` is this allocator.
    pub fn memory(&self, bytes: Vec<u8>) -> VecMemory {
        let state = Rc::clone(&self.state);
        VecMemory::new(bytes, move |memory, old_ptr, old_size, align, new_size| {
            state
                .borrow_mut()
                .realloc(memory, [old_ptr, old_size, align, new_size])
        })
    }

    /// Where the next allocation would start (before alignment).
    pub fn next(&self) -> u32 {
        self.state.borrow().next
    }

    /// Every `realloc` call so far, as `[old_ptr, old_size, align, new_size]`.
    pub fn calls(&self) -> Vec<[u32; 4]> {
        self.state.borrow().calls.clone()
    }

    /// Forgets every allocation and recorded call: the next allocation starts
    /// at the heap start again.
    pub fn reset(&self) {
        let mut state = self.state.borrow_mut();
        state.next = state.heap_start;
        state.calls.clear();
    }
}

impl BumpState {
    fn realloc(&mut self, memory: &mut [u8], call: [u32; 4]) -> Result<u32> {
        self.calls.push(call);
        let [old_ptr, old_size, align, new_size] = call;
        if old_ptr != 0 && new_size <= old_size {
            return Ok(old_ptr);
        }
        if !align.is_power_of_two() {
            anyhow::bail!("realloc called with alignment {align}, not a power of two");
        }
        let ptr = u64::from(self.next).next_multiple_of(u64::from(align));
        let end = ptr + u64::from(new_size);
        if end > memory.len() as u64 {
            return trap(Trap::OutOfBounds {
                ptr: ptr.min(u64::from(u32::MAX)) as u32,
                len: u64::from(new_size),
                memory_len: memory.len(),
            });
        }
        let copied = old_size.min(new_size) as usize;
        let old = old_ptr as usize;
        if old + copied > memory.len() {
            anyhow::bail!("realloc asked to copy {copied} bytes from {old:#x}, past the memory");
        }
        memory.copy_within(old..old + copied, ptr as usize);
        self.next = end as u32;
        Ok(ptr as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::GuestMemory;

    #[test]
    fn allocates_aligned_shrinks_in_place_and_copies_on_growth() {
        let bump = BumpAllocator::new(9);
        let mut memory = bump.memory(vec![0; 64]);
        assert_eq!(memory.realloc(0, 0, 4, 3).unwrap(), 12);
        memory.data_mut()[12..15].copy_from_slice(b"abc");
        assert_eq!(memory.realloc(12, 3, 4, 2).unwrap(), 12);
        assert_eq!(memory.realloc(12, 3, 8, 5).unwrap(), 16);
        assert_eq!(&memory.data()[16..19], b"abc");
        assert_eq!(bump.next(), 21);
        assert_eq!(bump.calls(), [[0, 0, 4, 3], [12, 3, 4, 2], [12, 3, 8, 5]]);
        bump.reset();
        assert_eq!((bump.next(), bump.calls().len()), (9, 0));
    }

    #[test]
    fn running_out_of_memory_traps() {
        let bump = BumpAllocator::new(8);
        let mut memory = bump.memory(vec![0; 16]);
        let err = memory.realloc(0, 0, 1, 9).unwrap_err();
        assert!(matches!(
            err.downcast_ref::<Trap>(),
            Some(Trap::OutOfBounds { .. })
        ));
        assert_eq!(memory.realloc(0, 0, 1, 8).unwrap(), 8);
    }
}
