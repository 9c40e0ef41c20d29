//! [`TypedFunc`]: an export called with Rust parameter and result tuples,
//! and [`Func::typed`], the check that makes one.

use std::marker::PhantomData;

use crate::abi::traits::{Lift, Lower};
use crate::error::Result;
use crate::host::backend::any::{Engines, on_engine};
use crate::host::call::export::ExportFunc;
use crate::host::func::{Func, engine_mismatch};
use crate::host::instance::AnyExport;
use crate::host::runtime::context::AsContextMut;
use crate::host::runtime::state::Cx;

/// An exported function whose parameters are the tuple `P` and results the
/// tuple `R`, both checked against the component's type when it is created.
///
/// Parameters spill to memory allocated with the guest's `realloc` when they
/// take more than 16 core values; results come back through a pointer the
/// export returns when they take more than one.
pub struct TypedFunc<P, R> {
    func: Func,
    _marker: PhantomData<fn(P) -> R>,
}

impl<P, R> Clone for TypedFunc<P, R> {
    fn clone(&self) -> Self {
        Self {
            func: self.func.clone(),
            _marker: PhantomData,
        }
    }
}

impl<P, R> std::fmt::Debug for TypedFunc<P, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TypedFunc")
            .field("name", &self.func.name())
            .field("type", &self.func.func_type().describe())
            .finish()
    }
}

impl Func {
    /// This export as a [`TypedFunc`] taking the tuple `P` and returning
    /// the tuple `R`, failing (naming both types) when they do not match
    /// the component's type. The check walks the types only: it costs no
    /// lookup and no allocation when it succeeds.
    ///
    /// A [`Val`](crate::Val) in `P` or `R` stands for a whole parameter or
    /// result of any type (also inside a tuple there), so a call can be
    /// partly typed: `typed::<(u32, Val), (Val,)>()`. A `Val` that does not
    /// fit its place is an error when it is lowered. Nested in a list,
    /// option, record, ... a `Val` is refused here: make the container one
    /// `Val` instead.
    pub fn typed<P, R>(&self) -> Result<TypedFunc<P, R>>
    where
        P: Lower,
        R: for<'a> Lift<'a>,
    {
        let ty = self.func_type();
        let check = P::typecheck_in_signature(&ty.params)
            .and_then(|()| R::typecheck_in_signature(&ty.results));
        if let Err(e) = check {
            return Err(e.context(format!(
                "export `{}`: the Rust type `fn{} -> {}` does not match the component's type `{}`",
                self.name(),
                std::any::type_name::<P>(),
                std::any::type_name::<R>(),
                ty.describe()
            )));
        }
        Ok(TypedFunc {
            func: self.clone(),
            _marker: PhantomData,
        })
    }

    /// Calls the export with the tuple `P`, returning the tuple `R`,
    /// without checking them against its type: for generated bindings,
    /// which check the types once, at instantiation, with [`Func::typed`]
    /// (with the `'static` forms of borrowed parameters), and then call
    /// with parameters whose lifetimes differ from call to call.
    ///
    /// Types that do not match are still never unsound: the core signature
    /// was checked against the component's type when the export was
    /// resolved, and lowering checks how many core values the parameters
    /// take. They give wrong values or an error instead of the type
    /// check's message, so use [`Func::typed`] unless the check was done.
    #[doc(hidden)]
    pub fn call_prechecked<P, R>(&self, mut store: impl AsContextMut, params: P) -> Result<R>
    where
        P: Lower,
        R: for<'a> Lift<'a>,
    {
        let mut cx = store.as_context_mut();
        call_typed(&self.export, &mut cx.inner, &params, self.name())
    }
}

/// Dispatches a typed call to the backend of the store and export.
#[inline]
fn call_typed<T: 'static, P, R>(
    export: &AnyExport,
    cx: &mut crate::host::backend::any::Any<crate::host::runtime::context::CxF<'_, T>>,
    params: &P,
    name: &str,
) -> Result<R>
where
    P: Lower,
    R: for<'a> Lift<'a>,
{
    on_engine!((export, cx), |e, cx| run::<T, B, P, R>(e, cx, params), else Err(engine_mismatch(name)))
}

#[inline]
fn run<T: 'static, B: Engines, P, R>(
    export: &ExportFunc<B>,
    cx: &mut Cx<'_, T, B>,
    params: &P,
) -> Result<R>
where
    P: Lower,
    R: for<'a> Lift<'a>,
{
    export.call(cx, params)
}

impl<P, R> TypedFunc<P, R>
where
    P: Lower,
    R: for<'a> Lift<'a>,
{
    /// Calls the export: lowers `params`, runs the guest, lifts the results,
    /// then runs the guest's `post-return`.
    ///
    /// A trap (in the guest, or a Canonical ABI rule the guest broke) is an
    /// `Err`, and the instance then refuses further calls.
    pub fn call(&self, mut store: impl AsContextMut, params: P) -> Result<R> {
        let mut cx = store.as_context_mut();
        call_typed(&self.func.export, &mut cx.inner, &params, self.func.name())
    }

    /// The dynamic [`Func`] this typed view is of.
    pub fn func(&self) -> &Func {
        &self.func
    }
}
