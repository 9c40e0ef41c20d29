//! [`Engine`] and [`Config`]: which core wasm engine runs components, and
//! how it is set up.

use crate::error::Result;
use crate::host::backend::any::BackendKind;
use crate::host::plan::{AnyEngine, wrap_engine};

/// How an [`Engine`] is set up: which backend runs the core wasm, and that
/// backend's own configuration for what witbind does not wrap.
#[derive(Clone)]
pub struct Config {
    backend: BackendKind,
    #[cfg(feature = "wasmtime")]
    wasmtime: wasmtime::Config,
    #[cfg(feature = "wasmi")]
    wasmi: wasmi::Config,
}

impl Default for Config {
    fn default() -> Self {
        Self::new()
    }
}

impl Config {
    /// The default configuration: wasmtime when it is compiled in (the
    /// `wasmtime` feature), else wasmi, each with its own defaults.
    pub fn new() -> Self {
        Self {
            backend: if cfg!(feature = "wasmtime") {
                BackendKind::Wasmtime
            } else {
                BackendKind::Wasmi
            },
            #[cfg(feature = "wasmtime")]
            wasmtime: wasmtime::Config::new(),
            #[cfg(feature = "wasmi")]
            wasmi: wasmi::Config::default(),
        }
    }

    /// Chooses the engine. [`Engine::new`] fails when that engine's cargo
    /// feature is not enabled.
    pub fn backend(&mut self, backend: BackendKind) -> &mut Self {
        self.backend = backend;
        self
    }

    /// The engine chosen.
    pub fn backend_kind(&self) -> BackendKind {
        self.backend
    }

    /// wasmtime's own configuration, used when the backend is
    /// [`BackendKind::Wasmtime`].
    #[cfg(feature = "wasmtime")]
    pub fn wasmtime_config(&mut self) -> &mut wasmtime::Config {
        &mut self.wasmtime
    }

    /// wasmi's own configuration, used when the backend is
    /// [`BackendKind::Wasmi`].
    #[cfg(feature = "wasmi")]
    pub fn wasmi_config(&mut self) -> &mut wasmi::Config {
        &mut self.wasmi
    }
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("backend", &self.backend)
            .finish_non_exhaustive()
    }
}

/// Compiles core wasm and runs it. Cheap to clone; clones share one engine.
///
/// `Engine::default()` is `Engine::new(&Config::default())`.
#[derive(Clone)]
pub struct Engine {
    pub(crate) inner: AnyEngine,
}

impl Engine {
    /// An engine set up as `config` says. Fails when the chosen backend is
    /// not compiled in or rejects its configuration.
    pub fn new(config: &Config) -> Result<Self> {
        let inner = match config.backend {
            #[cfg(feature = "wasmtime")]
            BackendKind::Wasmtime => wrap_engine::<crate::host::backend::wasmtime::Wasmtime>(
                wasmtime::Engine::new(&config.wasmtime)
                    .map_err(crate::host::backend::wasmtime::from_engine_error)?,
            ),
            #[cfg(feature = "wasmi")]
            BackendKind::Wasmi => {
                wrap_engine::<crate::host::backend::wasmi::Wasmi>(wasmi::Engine::new(&config.wasmi))
            }
            #[allow(unreachable_patterns)]
            other => anyhow::bail!(
                "the {other} backend is not compiled in: enable witbind's `{}` feature",
                other.name()
            ),
        };
        Ok(Self { inner })
    }

    /// An engine of `backend` with that backend's default configuration.
    pub fn with_backend(backend: BackendKind) -> Result<Self> {
        Self::new(Config::new().backend(backend))
    }

    /// Which backend runs this engine's components.
    pub fn backend_kind(&self) -> BackendKind {
        self.inner.kind()
    }

    /// The backends compiled into this build, the default first.
    pub fn available_backends() -> &'static [BackendKind] {
        &[
            #[cfg(feature = "wasmtime")]
            BackendKind::Wasmtime,
            #[cfg(feature = "wasmi")]
            BackendKind::Wasmi,
        ]
    }
}

impl Default for Engine {
    /// # Panics
    ///
    /// Never: the default configuration of every backend is valid.
    fn default() -> Self {
        Self::new(&Config::default()).expect("the default configuration is valid")
    }
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("backend", &self.backend_kind())
            .finish()
    }
}
