//! [`Engine`] and [`Config`]: which core wasm engine runs components, and
//! how it is set up.

use crate::error::Result;
use crate::host::backend::Backend;
use crate::host::backend::any::{BackendKind, on_engine};
use crate::host::plan::{AnyEngine, wrap_engine};

/// How an [`Engine`] is set up: which backend runs the core wasm, and that
/// backend's own configuration for what witbind does not wrap.
#[derive(Clone)]
pub struct Config {
    backend: BackendKind,
    limits: Limits,
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
            limits: Limits::default(),
            #[cfg(feature = "wasmtime")]
            wasmtime: wasmtime::Config::new(),
            #[cfg(feature = "wasmi")]
            wasmi: wasmi::Config::default(),
        }
    }

    /// Makes guests burn fuel as they run, on either engine: a store then
    /// starts with none, [`Store::set_fuel`](crate::Store::set_fuel) gives
    /// it some, and a guest that runs out traps with
    /// [`CoreTrap::OutOfFuel`](crate::CoreTrap::OutOfFuel). Costs some
    /// speed in every guest.
    pub fn consume_fuel(&mut self, enable: bool) -> &mut Self {
        self.limits.fuel = enable;
        #[cfg(feature = "wasmtime")]
        self.wasmtime.consume_fuel(enable);
        #[cfg(feature = "wasmi")]
        self.wasmi.consume_fuel(enable);
        self
    }

    /// Lets a store interrupt its guests at an epoch deadline
    /// ([`Store::set_epoch_deadline`](crate::Store::set_epoch_deadline),
    /// [`Engine::increment_epoch`]): a guest past it traps with
    /// [`CoreTrap::Interrupted`](crate::CoreTrap::Interrupted). wasmtime
    /// only (wasmi has no epochs: bound time with fuel there); cheaper than
    /// fuel.
    pub fn epoch_interruption(&mut self, enable: bool) -> &mut Self {
        self.limits.epochs = enable;
        #[cfg(feature = "wasmtime")]
        self.wasmtime.epoch_interruption(enable);
        self
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

/// Which of [`Config`]'s bounds on guests an engine enforces.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Limits {
    /// Guests burn fuel.
    pub(crate) fuel: bool,
    /// Stores may set epoch deadlines.
    pub(crate) epochs: bool,
}

/// Compiles core wasm and runs it. Cheap to clone; clones share one engine.
///
/// `Engine::default()` is `Engine::new(&Config::default())`.
#[derive(Clone)]
pub struct Engine {
    pub(crate) inner: AnyEngine,
    pub(crate) limits: Limits,
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
        if config.limits.epochs && config.backend == BackendKind::Wasmi {
            anyhow::bail!(
                "wasmi has no epoch interruption: use `Config::consume_fuel` to bound guests there"
            );
        }
        Ok(Self {
            inner,
            limits: config.limits,
        })
    }

    /// Advances the engine's epoch by one tick: guests of stores whose
    /// epoch deadline this reaches trap. Call it from any thread (a timer,
    /// say). Fails on an engine without
    /// [`Config::epoch_interruption`].
    pub fn increment_epoch(&self) -> Result<()> {
        if !self.limits.epochs {
            anyhow::bail!("the engine was made without `Config::epoch_interruption(true)`");
        }
        on_engine!(&self.inner, |engine| B::increment_epoch(engine))
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
