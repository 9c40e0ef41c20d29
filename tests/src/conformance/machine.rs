//! The machine every vector assumes: 64 KiB of zeroed memory behind a
//! recording bump allocator.

use anyhow::{Result, bail};
use witbind::{BumpAllocator, VecMemory};

use super::vector::Segment;

/// Size of the one linear memory.
pub const MEMORY_SIZE: usize = 65536;

/// Where expected memory regions start: the allocator never hands out the
/// first 8 bytes.
pub const REGION_START: usize = 8;

/// A memory with the bump allocator the vectors describe.
pub struct Machine {
    memory: VecMemory,
    bump: BumpAllocator,
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
        let bump = BumpAllocator::new(heap_start);
        Ok(Self {
            memory: bump.memory(bytes),
            bump,
        })
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
        let next = self.bump.next() as usize;
        self.bytes().get(REGION_START..next).unwrap_or_default()
    }

    /// The `realloc` calls made so far.
    pub fn reallocs(&self) -> Vec<[u32; 4]> {
        self.bump.calls()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use witbind::{GuestMemory, Trap};

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
