//! Support for the Rust types `flags!` declares.

use core::ops::BitAnd;

/// The flags set in a value of a `flags!` type, one at a time, in
/// declaration order: what its `iter()` and `into_iter()` return.
#[derive(Debug, Clone)]
pub struct FlagsIter<F: 'static> {
    set: F,
    all: &'static [F],
    next: usize,
}

impl<F: 'static> FlagsIter<F> {
    /// The flags of `all` (each a single flag, in declaration order) that
    /// `set` contains.
    pub fn new(set: F, all: &'static [F]) -> Self {
        Self { set, all, next: 0 }
    }
}

impl<F: Copy + PartialEq + BitAnd<Output = F> + 'static> Iterator for FlagsIter<F> {
    type Item = F;

    fn next(&mut self) -> Option<F> {
        while let Some(&flag) = self.all.get(self.next) {
            self.next += 1;
            if self.set & flag == flag {
                return Some(flag);
            }
        }
        None
    }
}
