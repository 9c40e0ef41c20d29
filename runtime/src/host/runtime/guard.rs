//! The spec's guard on entering an instance, as an RAII value: while an
//! [`Entered`] lives, its instance refuses to be entered again; when it is
//! dropped the instance is free again, and poisoned unless the call was
//! marked a success, so a trap, an early return or a panic can never leave
//! an instance marked as entered or let it run after a failure.

use crate::error::{Result, Trap, trap};
use crate::host::backend::Backend;
use crate::host::runtime::state::Cx;

/// Instance `instance` of the store behind `cx`, entered for one call.
pub(crate) struct Entered<'c, 'a, T: 'static, B: Backend> {
    cx: &'c mut Cx<'a, T, B>,
    instance: usize,
    ok: bool,
}

impl<'c, 'a, T: 'static, B: Backend> Entered<'c, 'a, T, B> {
    /// Enters instance `instance` of store `store`: fails when the instance
    /// is another store's, is running a call, or trapped before.
    pub(crate) fn enter(cx: &'c mut Cx<'a, T, B>, store: u64, instance: usize) -> Result<Self> {
        let data = B::data_mut(cx);
        let Some(state) = data
            .instances
            .get_mut(instance)
            .filter(|_| data.id == store)
        else {
            anyhow::bail!("the instance belongs to another store");
        };
        if state.trapped {
            return trap(Trap::InstanceTrapped);
        }
        if state.in_call {
            return trap(Trap::Reentered);
        }
        state.in_call = true;
        Ok(Self {
            cx,
            instance,
            ok: false,
        })
    }

    /// Runs the call `f` in the store; its failure poisons the instance
    /// unless `f` says, through its flag, that it failed before any guest
    /// code ran (the host's own mistake, such as a handle of another type).
    pub(crate) fn run_sparing<R>(
        mut self,
        f: impl FnOnce(&mut Cx<'a, T, B>, &mut bool) -> Result<R>,
    ) -> Result<R> {
        let mut before_guest = false;
        let result = f(self.cx, &mut before_guest);
        self.ok = result.is_ok() || before_guest;
        result
    }
}

impl<T: 'static, B: Backend> Drop for Entered<'_, '_, T, B> {
    fn drop(&mut self) {
        if let Some(state) = B::data_mut(self.cx).instances.get_mut(self.instance) {
            state.in_call = false;
            state.trapped |= !self.ok;
        }
    }
}
