//! [`Func::typed`]: a dynamic export viewed as a [`TypedFunc`], and
//! [`Func::call_prechecked`]: the way generated bindings keep one export,
//! check its types once with `typed`, and call it with borrowed parameters
//! (`&str`, `&[T]`) whose lifetimes differ from call to call.

use std::marker::PhantomData;

use crate::abi::traits::{Lift, Lower};
use crate::error::Result;
use crate::host::func::Func;
use crate::host::store::AsContextMut;
use crate::host::typed::TypedFunc;

impl Func {
    /// This export as a [`TypedFunc`] taking the tuple `P` and returning
    /// the tuple `R`, failing (naming both types) when they do not match
    /// the component's type. The check walks the types only: it costs no
    /// lookup and no allocation when it succeeds.
    pub fn typed<P, R>(&self) -> Result<TypedFunc<P, R>>
    where
        P: Lower,
        R: for<'a> Lift<'a>,
    {
        let ty = &self.export.ty;
        let check = P::typecheck(&ty.params).and_then(|()| R::typecheck(&ty.results));
        if let Err(e) = check {
            return Err(e.context(format!(
                "export `{}`: the Rust type `fn{} -> {}` does not match the component's type `{}`",
                self.export.name,
                std::any::type_name::<P>(),
                std::any::type_name::<R>(),
                ty.describe()
            )));
        }
        Ok(TypedFunc {
            export: self.export.clone(),
            _marker: PhantomData,
        })
    }

    /// Calls this export the way [`TypedFunc::call`] does (the same code:
    /// enter, lower, call, lift, post-return), but without building a
    /// [`TypedFunc`] and without checking `P` and `R` against the export's
    /// type. For generated bindings, which check the types once with
    /// [`Func::typed`] when they look the export up and then call it with
    /// borrowed parameters whose lifetimes differ from call to call.
    ///
    /// The caller must have checked `P` and `R` with [`Func::typed`] on this
    /// function. A mismatch is still memory safe: the core function's
    /// signature was checked against the component type when the export was
    /// resolved, lowering checks that the parameters produce the expected
    /// number of core values; lifting reads only those values and
    /// bounds-checked guest memory (the ABI code has no `unsafe`). A
    /// mismatch gives an error or wrong values, never undefined behaviour.
    #[doc(hidden)]
    pub fn call_prechecked<P, R>(&self, store: impl AsContextMut, params: P) -> Result<R>
    where
        P: Lower,
        R: for<'a> Lift<'a>,
    {
        self.export.call_typed(store, params)
    }
}
