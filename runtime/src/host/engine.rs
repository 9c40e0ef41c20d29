//! [`Engine`]: the compilation and execution environment shared by
//! components and stores.

use crate::host::backend::{Active, Backend};

/// Compiles core wasm and runs it. Cheap to clone; clones share one engine.
///
/// `Engine::default()` uses the default backend, wasmtime's core wasm API.
#[derive(Clone, Default)]
pub struct Engine {
    inner: <Active as Backend>::Engine,
}

impl Engine {
    /// The backend's engine.
    pub(crate) fn backend(&self) -> &<Active as Backend>::Engine {
        &self.inner
    }
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("backend", &"wasmtime")
            .finish()
    }
}
