//! [`Func::typed`]: a dynamic export viewed as a [`TypedFunc`], the way
//! generated bindings keep one export and call it with borrowed parameters
//! (`&str`, `&[T]`) whose lifetimes differ from call to call.

use std::marker::PhantomData;

use crate::abi::traits::{Lift, Lower};
use crate::error::Result;
use crate::host::func::Func;
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
}
