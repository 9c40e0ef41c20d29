//! The one place that names every backend compiled in: a value of "whichever
//! engine this is" ([`Any`]), the [`Engines`] trait that wraps and unwraps
//! it, and the [`on_engine!`] dispatch that turns it back into generic code.
//!
//! The host above is generic over `B: Backend`; the types users hold
//! (`Engine`, `Store`, `Func`, ...) are not, so one build can run components
//! on several engines, chosen at run time by
//! [`Config::backend`](crate::Config::backend). Each of those types keeps an
//! [`Any`] and dispatches once per operation with [`on_engine!`]: a branch
//! the predictor always gets right, and none at all in a build with one
//! engine.

use super::Backend;

/// Which engine runs a component's core wasm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BackendKind {
    /// wasmtime's core wasm API: compiled to native code by Cranelift
    /// (feature `wasmtime`, on by default).
    Wasmtime,
    /// The wasmi interpreter: no compilation step, no native code, runs
    /// where a JIT cannot (feature `wasmi`).
    Wasmi,
}

impl BackendKind {
    /// The engine's name, as in the cargo feature that compiles it in.
    pub fn name(self) -> &'static str {
        match self {
            BackendKind::Wasmtime => "wasmtime",
            BackendKind::Wasmi => "wasmi",
        }
    }
}

impl std::fmt::Display for BackendKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A family of types with one member per backend: `Of<B>` is the member of
/// backend `B` (its store, its compiled modules, an export resolved on it).
pub(crate) trait Family {
    /// The member of backend `B`.
    type Of<B: Engines>;
}

/// The member of family `F` of one of the backends compiled in.
pub(crate) enum Any<F: Family> {
    /// wasmtime's member.
    #[cfg(feature = "wasmtime")]
    Wasmtime(F::Of<super::wasmtime::Wasmtime>),
    /// wasmi's member.
    #[cfg(feature = "wasmi")]
    Wasmi(F::Of<super::wasmi::Wasmi>),
}

/// One member of family `F` for every backend compiled in: what a value
/// that may meet any engine carries (a host function's entry point for
/// each engine, say).
pub(crate) struct Each<F: Family> {
    /// wasmtime's member.
    #[cfg(feature = "wasmtime")]
    wasmtime: F::Of<super::wasmtime::Wasmtime>,
    /// wasmi's member.
    #[cfg(feature = "wasmi")]
    wasmi: F::Of<super::wasmi::Wasmi>,
}

/// Makes the member of family `F` for any backend: what [`Each::build`]
/// calls once per backend.
pub(crate) trait MakeEach<F: Family> {
    /// The member for backend `B`.
    fn make<B: Engines>(&self) -> F::Of<B>;
}

impl<F: Family> Each<F> {
    /// The members `maker` makes, one per backend.
    pub(crate) fn build(maker: &impl MakeEach<F>) -> Self {
        Self {
            #[cfg(feature = "wasmtime")]
            wasmtime: maker.make::<super::wasmtime::Wasmtime>(),
            #[cfg(feature = "wasmi")]
            wasmi: maker.make::<super::wasmi::Wasmi>(),
        }
    }
}

/// A backend compiled into this build, with its place in [`Any`].
pub(crate) trait Engines: Backend + Sized {
    /// Which engine this is.
    const KIND: BackendKind;

    /// Puts this backend's member of `F` into an [`Any`].
    fn wrap<F: Family>(member: F::Of<Self>) -> Any<F>;

    /// This backend's member of `any`, if `any` is of this backend.
    fn get<F: Family>(any: &Any<F>) -> Option<&F::Of<Self>>;

    /// This backend's member of `each`.
    fn pick<F: Family>(each: &Each<F>) -> &F::Of<Self>;
}

#[cfg(feature = "wasmtime")]
impl Engines for super::wasmtime::Wasmtime {
    const KIND: BackendKind = BackendKind::Wasmtime;

    fn wrap<F: Family>(member: F::Of<Self>) -> Any<F> {
        Any::Wasmtime(member)
    }

    fn get<F: Family>(any: &Any<F>) -> Option<&F::Of<Self>> {
        match any {
            Any::Wasmtime(member) => Some(member),
            #[allow(unreachable_patterns)]
            _ => None,
        }
    }

    fn pick<F: Family>(each: &Each<F>) -> &F::Of<Self> {
        &each.wasmtime
    }
}

#[cfg(feature = "wasmi")]
impl Engines for super::wasmi::Wasmi {
    const KIND: BackendKind = BackendKind::Wasmi;

    fn wrap<F: Family>(member: F::Of<Self>) -> Any<F> {
        Any::Wasmi(member)
    }

    fn get<F: Family>(any: &Any<F>) -> Option<&F::Of<Self>> {
        match any {
            Any::Wasmi(member) => Some(member),
            #[allow(unreachable_patterns)]
            _ => None,
        }
    }

    fn pick<F: Family>(each: &Each<F>) -> &F::Of<Self> {
        &each.wasmi
    }
}

impl<F: Family> Any<F> {
    /// Which engine the member belongs to.
    pub(crate) fn kind(&self) -> BackendKind {
        match self {
            #[cfg(feature = "wasmtime")]
            Any::Wasmtime(_) => BackendKind::Wasmtime,
            #[cfg(feature = "wasmi")]
            Any::Wasmi(_) => BackendKind::Wasmi,
        }
    }
}

/// Runs generic code on the backend member inside one [`Any`]
/// (`on_engine!(any, |member| body)`), or on two members that must be of
/// the same backend (`on_engine!((a, b), |x, y| body, else mismatch)`,
/// where `mismatch` is the value when they are not). Inside `body`, `B`
/// names the member's backend.
macro_rules! on_engine {
    ($any:expr, |$member:pat_param| $body:expr) => {
        match $any {
            #[cfg(feature = "wasmtime")]
            $crate::host::backend::any::Any::Wasmtime($member) => {
                #[allow(dead_code)]
                type B = $crate::host::backend::wasmtime::Wasmtime;
                $body
            }
            #[cfg(feature = "wasmi")]
            $crate::host::backend::any::Any::Wasmi($member) => {
                #[allow(dead_code)]
                type B = $crate::host::backend::wasmi::Wasmi;
                $body
            }
        }
    };
    (($a:expr, $b:expr), |$x:pat_param, $y:pat_param| $body:expr, else $mismatch:expr) => {
        match ($a, $b) {
            #[cfg(feature = "wasmtime")]
            (
                $crate::host::backend::any::Any::Wasmtime($x),
                $crate::host::backend::any::Any::Wasmtime($y),
            ) => {
                #[allow(dead_code)]
                type B = $crate::host::backend::wasmtime::Wasmtime;
                $body
            }
            #[cfg(feature = "wasmi")]
            (
                $crate::host::backend::any::Any::Wasmi($x),
                $crate::host::backend::any::Any::Wasmi($y),
            ) => {
                #[allow(dead_code)]
                type B = $crate::host::backend::wasmi::Wasmi;
                $body
            }
            #[allow(unreachable_patterns)]
            _ => $mismatch,
        }
    };
}

pub(crate) use on_engine;
