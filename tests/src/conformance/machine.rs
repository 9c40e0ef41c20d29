//! The machine every vector assumes: 64 KiB of zeroed memory behind a
//! recording bump allocator.

use std::cell::RefCell;
use std::rc::Rc;

use anyhow::{Result, bail};
use witbind::{Trap, VecMemory};

use super::vector::Segment;

/// Size of the one linear memory.
pub const MEMORY_SIZE: usize = 65536;

/// Where expected memory regions start: the allocator never hands out the
/// first 8 bytes.
pub const REGION_START: usize = 8;

/// The bump allocator's state, shared with the `realloc` closure.
#[derive(Debug)]
struct Bump {
    next: u32,
    calls: Vec<[u32; 4]>,
}

/// A memory with the bump allocator the vectors describe.
pub struct Machine {
    memory: VecMemory,
    bump: Rc<RefCell<Bump>>,
}

impl Machine {
    /// A zeroed memory holding `segments`, allocating from `heap_start`.
    pub fn new(segments: &[Segment], heap_start: u32) -> Result<Self> {
        let mut bytes = vec![0u8; MEMORY_SIZE];
        for segment in segments {
            let start = segment.offset as usize;
            let Some(dst) = bytes.get_mut(start..start + segment.bytes.len()) else {
                bail!("memory segment at {start} reaches past the memory");
            };
            dst.copy_from_slice(&segment.bytes);
        }
        let bump = Rc::new(RefCell::new(Bump {
            next: heap_start,
            calls: Vec::new(),
        }));
        let state = Rc::clone(&bump);
        let memory = VecMemory::new(bytes, move |memory, old_ptr, old_size, align, new_size| {
            bump_realloc(
                &mut state.borrow_mut(),
                memory,
                [old_ptr, old_size, align, new_size],
            )
        });
        Ok(Self { memory, bump })
    }

    /// The memory, to lower into.
    pub fn memory_mut(&mut self) -> &mut VecMemory {
        &mut self.memory
    }

    /// The memory's bytes.
    pub fn bytes(&self) -> &[u8] {
        self.memory.bytes()
    }

    /// The bytes from [`REGION_START`] up to the allocator's `next`.
    pub fn region(&self) -> &[u8] {
        let next = self.bump.borrow().next as usize;
        self.bytes().get(REGION_START..next).unwrap_or_default()
    }

    /// The `realloc` calls made so far.
    pub fn reallocs(&self) -> Vec<[u32; 4]> {
        self.bump.borrow().calls.clone()
    }
}

/// The README's `realloc`: shrink in place, otherwise bump-allocate and copy
/// what the old allocation held. Every call is recorded.
fn bump_realloc(bump: &mut Bump, memory: &mut [u8], call: [u32; 4]) -> witbind::Result<u32> {
    bump.calls.push(call);
    let [old_ptr, old_size, align, new_size] = call;
    if old_ptr != 0 && new_size <= old_size {
        return Ok(old_ptr);
    }
    if !align.is_power_of_two() {
        anyhow::bail!("realloc called with alignment {align}");
    }
    let ptr = u64::from(bump.next).next_multiple_of(u64::from(align));
    let end = ptr + u64::from(new_size);
    if end > MEMORY_SIZE as u64 {
        return Err(Trap::OutOfBounds {
            ptr: ptr as u32,
            len: u64::from(new_size),
            memory_len: MEMORY_SIZE,
        }
        .into());
    }
    let copied = old_size.min(new_size) as usize;
    let old = old_ptr as usize;
    if old + copied > memory.len() {
        anyhow::bail!("realloc asked to copy {copied} bytes from {old:#x}, past the memory");
    }
    memory.copy_within(old..old + copied, ptr as usize);
    bump.next = end as u32;
    Ok(ptr as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use witbind::GuestMemory;

    #[test]
    fn bump_allocates_aligned_shrinks_in_place_and_copies_on_growth() {
        let mut machine = Machine::new(&[], 9).unwrap();
        let memory = machine.memory_mut();
        assert_eq!(memory.realloc(0, 0, 4, 3).unwrap(), 12);
        memory.data_mut()[12..15].copy_from_slice(b"abc");
        assert_eq!(memory.realloc(12, 3, 4, 2).unwrap(), 12);
        assert_eq!(memory.realloc(12, 3, 2, 6).unwrap(), 16);
        assert_eq!(&memory.data()[16..19], b"abc");
        assert_eq!(machine.region(), &machine.bytes()[8..22]);
        assert_eq!(
            machine.reallocs(),
            [[0, 0, 4, 3], [12, 3, 4, 2], [12, 3, 2, 6]]
        );
    }

    #[test]
    fn allocation_past_the_memory_traps() {
        let mut machine = Machine::new(&[], 8).unwrap();
        let err = machine.memory_mut().realloc(0, 0, 1, 65529).unwrap_err();
        assert!(err.downcast_ref::<Trap>().is_some());
    }
}
