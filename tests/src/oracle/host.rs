//! The host imports the guests use, with their documented behaviour, as plain Rust.
//!
//! Both sides of a differential test bind their linker to these functions, so a difference
//! in outputs is a difference between the runtimes, not between two host implementations.
//!
//! `host-calls` world (root imports):
//! - `add(a, b)` = `a + b`, wrapping.
//! - `log(msg)` records [`HostEvent::Log`].
//! - `lookup(key)` = `some("admin")` for `"alice"`, `some("user")` for `"bob"`, else `none`.
//! - `numbers(n)` = `[1, 2, ..., n]` (at most [`MAX_NUMBERS`] elements, else an error).
//!
//! `witbind:guests/host-side` interface (the `resources` world):
//! - `counter` resource: the constructor stores `start` under a new rep (0, 1, 2, ...),
//!   `get` reads it, `increment` adds 1 (wrapping); dropping an owned counter records
//!   [`HostEvent::CounterDropped`] with its rep.
//! - `stack-dropped(id)` records [`HostEvent::StackDropped`].

use anyhow::{Context, Result, bail};

/// The largest `n` that `numbers(n)` accepts.
pub const MAX_NUMBERS: u32 = 1 << 20;

/// Something a guest made the host do, in call order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostEvent {
    /// `log(msg)` was called.
    Log(String),
    /// The guest's `stack` with this id was dropped (its destructor called `stack-dropped`).
    StackDropped(u32),
    /// The host counter with this rep was dropped.
    CounterDropped(u32),
}

/// The state behind the host imports of one instance.
#[derive(Debug, Default)]
pub struct HostState {
    /// Everything the guest made the host do, in order.
    pub events: Vec<HostEvent>,
    /// Counter values by rep; `None` once dropped.
    counters: Vec<Option<u32>>,
}

impl HostState {
    /// `add(a, b)`: wrapping sum.
    pub fn add(a: u32, b: u32) -> u32 {
        a.wrapping_add(b)
    }

    /// `log(msg)`.
    pub fn log(&mut self, msg: String) {
        self.events.push(HostEvent::Log(msg));
    }

    /// `total(m)` of the `maps` world: the sum of the values.
    pub fn total(m: &std::collections::HashMap<String, u32>) -> u64 {
        m.values().map(|&v| u64::from(v)).sum()
    }

    /// `get(key)` of the `named-imports` world's import `label`
    /// (`primary` or `fallback`): `a` is in both, `b` only in `fallback`.
    pub fn named_get(label: &str, key: &str) -> Option<String> {
        match (label, key) {
            ("primary", "a") => Some("from primary".to_string()),
            ("fallback", "a") => Some("shadowed".to_string()),
            ("fallback", "b") => Some("from fallback".to_string()),
            _ => None,
        }
    }

    /// `lookup(key)`.
    pub fn lookup(key: &str) -> Option<String> {
        match key {
            "alice" => Some("admin".to_string()),
            "bob" => Some("user".to_string()),
            _ => None,
        }
    }

    /// `numbers(n)`.
    ///
    /// # Errors
    /// When `n` exceeds [`MAX_NUMBERS`].
    pub fn numbers(n: u32) -> Result<Vec<u32>> {
        if n > MAX_NUMBERS {
            bail!("numbers({n}) exceeds {MAX_NUMBERS}");
        }
        Ok((1..=n).collect())
    }

    /// `[constructor]counter(start)`: the rep of the new counter.
    pub fn counter_new(&mut self, start: u32) -> u32 {
        let rep = u32::try_from(self.counters.len()).unwrap_or(u32::MAX);
        self.counters.push(Some(start));
        rep
    }

    /// `[method]counter.get`.
    ///
    /// # Errors
    /// When `rep` names no live counter.
    pub fn counter_get(&self, rep: u32) -> Result<u32> {
        self.counter_value(rep)
            .with_context(|| format!("no live counter with rep {rep}"))
    }

    /// `[method]counter.increment`.
    ///
    /// # Errors
    /// When `rep` names no live counter.
    pub fn counter_increment(&mut self, rep: u32) -> Result<()> {
        let slot = self.live_counter(rep)?;
        *slot = slot.wrapping_add(1);
        Ok(())
    }

    /// The destructor of `counter`.
    ///
    /// # Errors
    /// When `rep` names no live counter.
    pub fn counter_drop(&mut self, rep: u32) -> Result<()> {
        self.live_counter(rep)?;
        if let Some(slot) = self.counters.get_mut(rep as usize) {
            *slot = None;
        }
        self.events.push(HostEvent::CounterDropped(rep));
        Ok(())
    }

    /// `stack-dropped(id)`.
    pub fn stack_dropped(&mut self, id: u32) {
        self.events.push(HostEvent::StackDropped(id));
    }

    /// The value of the counter `rep`, if it is live.
    pub fn counter_value(&self, rep: u32) -> Option<u32> {
        self.counters.get(rep as usize).copied().flatten()
    }

    fn live_counter(&mut self, rep: u32) -> Result<&mut u32> {
        self.counters
            .get_mut(rep as usize)
            .and_then(Option::as_mut)
            .with_context(|| format!("no live counter with rep {rep}"))
    }
}
