//! The call path, one for every call across the boundary: flatten, spill,
//! lower, call, lift, post-return. Typed calls, dynamic calls and host
//! functions differ only in the value lists they move
//! ([`LowerList`](crate::abi::values::LowerList) /
//! [`LiftList`](crate::abi::values::LiftList)).
//!
//! - [`export`]: the host calls a guest's lifted export;
//! - [`import`]: a guest calls a host function through a lowered import;
//! - [`borrowed`]: the same, with parameters read in place from guest memory.

pub(crate) mod borrowed;
pub(crate) mod export;
pub(crate) mod import;

use crate::abi::context::{HostcallFuel, LiftContext, LowerContext};
use crate::abi::options::StringEncoding;
use crate::error::Result;
use crate::host::backend::Backend;
use crate::host::runtime::state::{Cx, StoreData};
use crate::resources::ResourceTables;

/// The canonical options of one side of a call, resolved to the calling
/// instance's memory and `realloc`.
pub(crate) struct Options<B: Backend> {
    /// The memory strings and lists live in.
    pub(crate) memory: Option<B::Memory>,
    /// The allocator for values the host lowers.
    pub(crate) realloc: Option<B::Func>,
    /// How strings are encoded.
    pub(crate) encoding: StringEncoding,
}

impl<B: Backend> Clone for Options<B> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<B: Backend> Copy for Options<B> {}

impl<B: Backend> Options<B> {
    /// These options, or, when the values moved do not touch memory
    /// (`uses_memory` false), the same without a memory, so the call does
    /// not look the memory up.
    #[inline]
    pub(crate) fn memory_if(self, uses_memory: bool) -> Self {
        if uses_memory {
            self
        } else {
            Self {
                memory: None,
                ..self
            }
        }
    }

    /// Runs `lower` with a context lowering into these options' memory
    /// (through their `realloc`), with `fuel` and, for handles, `tables`;
    /// gives back what `lower` returned and the fuel left.
    #[inline(always)]
    pub(crate) fn lower<T: 'static, R>(
        &self,
        cx: &mut Cx<'_, T, B>,
        fuel: HostcallFuel,
        tables: Option<&mut ResourceTables>,
        lower: impl FnOnce(&mut LowerContext<'_, B::View<'_, StoreData<T, B>>>) -> Result<R>,
    ) -> Result<(R, HostcallFuel)> {
        let mut view = self
            .memory
            .map(|m| B::view(B::reborrow(cx), m, self.realloc));
        let mut lcx = match &mut view {
            Some(view) => LowerContext::new(view, self.encoding),
            None => LowerContext::without_memory(self.encoding),
        }
        .with_fuel(fuel);
        if let Some(tables) = tables {
            lcx = lcx.with_resources(tables);
        }
        let value = lower(&mut lcx)?;
        Ok((value, *lcx.fuel()))
    }

    /// Runs `lift` with a context lifting from these options' memory, with
    /// `fuel` and, for handles, `tables`; gives back what `lift` returned
    /// and the fuel left.
    #[inline(always)]
    pub(crate) fn lift<'m, T: 'static, R>(
        &self,
        cx: &'m Cx<'_, T, B>,
        fuel: HostcallFuel,
        tables: Option<&'m mut ResourceTables>,
        lift: impl FnOnce(&mut LiftContext<'m>) -> Result<R>,
    ) -> Result<(R, HostcallFuel)> {
        let mut lcx = match self.memory {
            Some(m) => LiftContext::new(B::memory_bytes(cx, m), self.encoding),
            None => LiftContext::without_memory(self.encoding),
        }
        .with_fuel(fuel);
        if let Some(tables) = tables {
            lcx = lcx.with_resources(tables);
        }
        let value = lift(&mut lcx)?;
        Ok((value, *lcx.fuel()))
    }
}
