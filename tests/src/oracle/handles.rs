//! The resource handles a caller holds, named by [`Neutral::Handle`] indexes.

use anyhow::{Context, Result};

use super::neutral::Neutral;

/// Handles of one runtime's resource type `R`, indexed by [`Neutral::Handle`].
#[derive(Debug)]
pub struct HandleTable<R> {
    /// `None` once dropped.
    slots: Vec<Option<R>>,
}

impl<R> Default for HandleTable<R> {
    fn default() -> Self {
        HandleTable { slots: Vec::new() }
    }
}

impl<R: Clone> HandleTable<R> {
    /// Keeps `handle` and names it: indexes are given in order 0, 1, 2, ...
    pub fn hold(&mut self, handle: R) -> Neutral {
        self.slots.push(Some(handle));
        Neutral::Handle(self.slots.len() - 1)
    }

    /// The live handle at `index`.
    ///
    /// # Errors
    /// When there is none.
    pub fn get(&self, index: usize) -> Result<R> {
        self.slots
            .get(index)
            .cloned()
            .flatten()
            .with_context(|| format!("no live handle {index}"))
    }

    /// Removes and returns the live handle named by `handle`.
    ///
    /// # Errors
    /// When `handle` is not a [`Neutral::Handle`] or names no live handle.
    pub fn take(&mut self, handle: &Neutral) -> Result<R> {
        let index = index_of(handle)?;
        self.slots
            .get_mut(index)
            .and_then(Option::take)
            .with_context(|| format!("no live handle {index}"))
    }

    /// Puts `handle` back at the index named by `at` (after a [`HandleTable::take`]).
    ///
    /// # Errors
    /// When `at` is not a [`Neutral::Handle`] this table gave out.
    pub fn put_back(&mut self, at: &Neutral, handle: R) -> Result<()> {
        let index = index_of(at)?;
        let slot = self
            .slots
            .get_mut(index)
            .with_context(|| format!("no handle slot {index}"))?;
        *slot = Some(handle);
        Ok(())
    }
}

fn index_of(handle: &Neutral) -> Result<usize> {
    match handle {
        Neutral::Handle(index) => Ok(*index),
        other => anyhow::bail!("{other:?} is not a handle"),
    }
}

#[cfg(test)]
mod tests {
    use super::HandleTable;
    use crate::oracle::Neutral;

    #[test]
    fn handles_are_named_in_order_and_taken_once() {
        let mut table = HandleTable::default();
        assert_eq!(table.hold('a'), Neutral::Handle(0));
        let b = table.hold('b');
        assert_eq!(table.get(1).expect("live"), 'b');
        assert_eq!(table.take(&b).expect("live"), 'b');
        assert!(table.take(&b).is_err());
        table.put_back(&b, 'c').expect("slot");
        assert_eq!(table.get(1).expect("live"), 'c');
        assert!(table.get(2).is_err());
    }
}
