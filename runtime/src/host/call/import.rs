//! A guest calling a host function through a lowered import: the Rust
//! function wrapped so that the import lifts its arguments, calls it and
//! lowers its results, on whichever engine the instance runs.

use std::marker::PhantomData;
use std::sync::Arc;

use wasmtime_environ::component::{RuntimeMemoryIndex, RuntimeReallocIndex};

use crate::abi::context::HostcallFuel;
use crate::abi::flat::FlatReader;
use crate::abi::options::{MAX_FLAT_PARAMS, MAX_FLAT_RESULTS, StringEncoding};
use crate::abi::traits::{Lift, Lower};
use crate::abi::values::{LiftList, LowerList, Spill, lift_values, lower_values};
use crate::error::{Result, Trap, trap};
use crate::host::backend::Backend;
use crate::host::backend::any::{Each, Engines, Family, MakeEach};
use crate::host::call::Options;
use crate::host::plan::types::FuncType;
use crate::host::runtime::context::{StoreContextMut, reborrow_cx};
use crate::host::runtime::state::{
    Cx, StoreData, TablesAt, check_may_leave, maybe_with_tables, set_host_caller, set_may_leave,
};
use crate::types::ComponentFunc;
use crate::val::{CoreFuncType, Val, ValVec};

/// What a lowered import knows that is the same in every instance: the
/// canonical options it was lowered with and its types, computed once when
/// the linker resolves the component's imports.
pub(crate) struct LoweredImport {
    /// The memory option.
    pub(crate) memory: Option<RuntimeMemoryIndex>,
    /// The `realloc` option.
    pub(crate) realloc: Option<RuntimeReallocIndex>,
    /// The string encoding.
    pub(crate) encoding: StringEncoding,
    /// The import's component type.
    pub(crate) ty: FuncType,
    /// The import's core signature as the guest calls it.
    pub(crate) core: CoreFuncType,
    /// The component instance that lowers it (its
    /// `RuntimeComponentInstanceIndex`): whose handle tables its handles
    /// use.
    pub(crate) sub: u32,
}

/// What one lowered import knows about the guest calling it: which
/// instance it is, and the import's options and types.
pub(crate) struct ImportCall {
    /// The calling instance's index in the store.
    pub(crate) instance: usize,
    /// The options and types, shared by every instance.
    pub(crate) lowered: Arc<LoweredImport>,
}

impl ImportCall {
    /// The handle tables of the calling component instance.
    #[inline(always)]
    pub(crate) fn tables(&self) -> TablesAt {
        TablesAt {
            id: self.instance,
            sub: self.lowered.sub,
        }
    }
}

impl std::ops::Deref for ImportCall {
    type Target = LoweredImport;

    #[inline(always)]
    fn deref(&self) -> &LoweredImport {
        &self.lowered
    }
}

impl ImportCall {
    /// The calling instance's options, looked up at each call because the
    /// guest may define its memory and `realloc` after it lowered the
    /// import.
    #[inline]
    pub(crate) fn options<T, B: Backend>(&self, data: &StoreData<T, B>) -> Result<Options<B>> {
        let Some(state) = data.instances.get(self.instance) else {
            anyhow::bail!("the calling instance is not in this store");
        };
        Ok(Options {
            memory: self.memory.map(|i| state.memory(i)).transpose()?,
            realloc: self.realloc.map(|i| state.realloc(i)).transpose()?,
            encoding: self.encoding,
        })
    }

    /// The out-pointer the guest passed for spilled results, or nothing
    /// when the results are flat.
    #[inline]
    pub(crate) fn results_spill(&self, args: &[u64]) -> Result<Spill> {
        if !self.ty.results_shape.spills(MAX_FLAT_RESULTS) {
            return Ok(Spill::Realloc);
        }
        let index = self.core.params.len() - 1;
        match args.get(index) {
            Some(ptr) => Ok(Spill::At(*ptr as u32)),
            None => trap(Trap::MissingFlatValue {
                expected: index + 1,
                got: args.len(),
            }),
        }
    }
}

/// The raw entry point of a host function on backend `B`: gets the caller,
/// the import's description and the core arguments, writes the core
/// results.
pub(crate) type RawImportFn<T, B> =
    dyn for<'a> Fn(Cx<'a, T, B>, &ImportCall, &mut [u64]) -> Result<()> + Send + Sync;

/// The family of a host function's entry points.
pub(crate) struct EntryF<T>(PhantomData<T>);

impl<T: 'static> Family for EntryF<T> {
    type Of<B: Engines> = Arc<RawImportFn<T, B>>;
}

/// Checks a Rust signature against a component function type.
pub(crate) type TypecheckFn = dyn Fn(&FuncType) -> Result<()> + Send + Sync;

/// A host function defined in a [`Linker`](crate::Linker).
pub(crate) struct HostFunc<T: 'static> {
    /// The Rust signature, for error messages.
    pub(crate) rust_type: String,
    /// Checks the Rust signature against an import's type.
    pub(crate) typecheck: Box<TypecheckFn>,
    /// The entry point on each engine.
    pub(crate) entries: Each<EntryF<T>>,
}

/// Makes the entry points of a host function taking the list `A` and
/// returning the list `O` through `func`, which also gets the import's
/// type.
struct Entry<F, A, O>(Arc<F>, PhantomData<fn(A) -> O>);

impl<T, F, A, O> MakeEach<EntryF<T>> for Entry<F, A, O>
where
    T: 'static,
    F: Fn(StoreContextMut<'_, T>, &ComponentFunc, A) -> Result<O> + Send + Sync + 'static,
    A: for<'a> LiftList<'a> + 'static,
    O: LowerList + 'static,
{
    fn make<B: Engines>(&self) -> Arc<RawImportFn<T, B>> {
        let func = self.0.clone();
        Arc::new(
            move |cx: Cx<'_, T, B>, import: &ImportCall, args: &mut [u64]| {
                run_host_call::<T, B, A, O>(cx, import, args, &*func)
            },
        )
    }
}

impl<T: 'static> HostFunc<T> {
    /// Wraps a closure taking the parameters as tuple `P` and returning the
    /// results as tuple `R`.
    pub(crate) fn typed<P, R, F>(func: F) -> Self
    where
        P: for<'a> Lift<'a> + 'static,
        R: Lower + 'static,
        F: Fn(StoreContextMut<'_, T>, P) -> Result<R> + Send + Sync + 'static,
    {
        let func =
            move |store: StoreContextMut<'_, T>, _: &ComponentFunc, params: P| func(store, params);
        Self {
            rust_type: format!(
                "fn{} -> {}",
                std::any::type_name::<P>(),
                std::any::type_name::<R>()
            ),
            typecheck: Box::new(|ty: &FuncType| {
                P::typecheck_in_signature(&ty.params)?;
                R::typecheck_in_signature(&ty.results)
            }),
            entries: Each::build(&Entry::<_, P, R>(Arc::new(func), PhantomData)),
        }
    }

    /// Wraps a closure taking the import's type and its parameters as
    /// dynamic [`Val`]s, which writes one [`Val`] per result into the
    /// slots it gets (`Val::Bool(false)` until it does); the values are
    /// checked against the import's result types when lowered.
    pub(crate) fn dynamic<F>(func: F) -> Self
    where
        F: Fn(StoreContextMut<'_, T>, &ComponentFunc, &[Val], &mut [Val]) -> Result<()>
            + Send
            + Sync
            + 'static,
    {
        let func =
            move |store: StoreContextMut<'_, T>, ty: &ComponentFunc, ValVec(params): ValVec| {
                let mut results = vec![Val::Bool(false); ty.results().len()];
                func(store, ty, &params, &mut results)?;
                Ok(ValVec(results))
            };
        Self {
            rust_type: "dynamic `fn(&[Val], &mut [Val])`".to_string(),
            typecheck: Box::new(|_: &FuncType| Ok(())),
            entries: Each::build(&Entry::<_, ValVec, ValVec>(Arc::new(func), PhantomData)),
        }
    }

    /// Checks the Rust signature against the component's type `ty` of the
    /// import `name`, with an error naming both.
    pub(crate) fn typecheck(&self, name: &str, ty: &FuncType) -> Result<()> {
        (self.typecheck)(ty).map_err(|e| {
            e.context(format!(
                "import `{name}`: the host function's Rust type `{}` does not match the \
                 component's type `{}`",
                self.rust_type,
                ty.describe()
            ))
        })
    }

    /// Creates the core function the guest calls for this import, of the
    /// prepared signature `sig` (`import.core`'s).
    pub(crate) fn define<B: Engines>(
        &self,
        cx: &mut Cx<'_, T, B>,
        sig: &B::HostSig,
        import: ImportCall,
    ) -> B::Func {
        let call = B::pick(&self.entries).clone();
        let body = move |cx: Cx<'_, T, B>, args: &mut [u64]| call(cx, &import, args);
        B::host_func_with(cx, sig, body)
    }
}

#[inline]
/// One call of a host function: lift the arguments (opening the call's
/// handle scope when the signature has handles), call `func`, lower its
/// results and close the scope.
fn run_host_call<T: 'static, B: Engines, A, O>(
    mut cx: Cx<'_, T, B>,
    import: &ImportCall,
    args: &mut [u64],
    func: &impl Fn(StoreContextMut<'_, T>, &ComponentFunc, A) -> Result<O>,
) -> Result<()>
where
    A: for<'a> LiftList<'a>,
    O: LowerList,
{
    check_may_leave::<T, B>(&mut cx, import.tables())?;
    let options = import.options(B::data(&cx))?;
    let fuel = HostcallFuel::new(B::data(&cx).hostcall_fuel);
    let ty = &import.ty;
    let (params, fuel) = maybe_with_tables::<T, B, _>(
        &mut cx,
        import.tables(),
        ty.has_handles,
        |cx, mut tables| {
            if let Some(tables) = tables.as_deref_mut() {
                tables.enter_call();
            }
            let options = options.memory_if(ty.params_use_memory);
            options.lift(cx, fuel, tables, |lcx| {
                lift_values(
                    lcx,
                    MAX_FLAT_PARAMS,
                    &ty.params,
                    ty.params_shape,
                    &mut FlatReader::new(args),
                )
            })
        },
    )?;
    let results = if A::HOST_HANDLES || O::HOST_HANDLES {
        // The store's conversions between `Resource` and `ResourceAny`
        // find the caller's handle tables through this.
        let outer = set_host_caller::<T, B>(&mut cx, Some(import.tables()));
        let results = func(reborrow_cx::<T, B>(&mut cx), &ty.func, params);
        set_host_caller::<T, B>(&mut cx, outer);
        results?
    } else {
        func(reborrow_cx::<T, B>(&mut cx), &ty.func, params)?
    };
    lower_host_results(&mut cx, import, options, fuel, &results, args)
}

/// Lowers a host function's results into the guest: the flat result into
/// the first core slot, or the spilled tuple at the guest's out-pointer;
/// then closes the call's handle scope.
#[inline(always)]
pub(crate) fn lower_host_results<T: 'static, B: Backend, O: LowerList + ?Sized>(
    cx: &mut Cx<'_, T, B>,
    import: &ImportCall,
    options: Options<B>,
    fuel: HostcallFuel,
    results: &O,
    args: &mut [u64],
) -> Result<()> {
    let ty = &import.ty;
    let spill = import.results_spill(args)?;
    let options = options.memory_if(ty.results_use_memory);
    // Lowering strings and lists runs the guest's `realloc`, which may not
    // call out.
    let bar = ty.results_use_memory;
    if bar {
        set_may_leave::<T, B>(cx, import.instance, false);
    }
    let lowered =
        maybe_with_tables::<T, B, _>(cx, import.tables(), ty.has_handles, |cx, mut tables| {
            options.lower(cx, fuel, tables.as_deref_mut(), |lcx| {
                let (ty, shape) = (&ty.results, ty.results_shape);
                lower_values(lcx, MAX_FLAT_RESULTS, ty, shape, results, args, spill)
            })?;
            match tables {
                Some(tables) => tables.exit_call(),
                None => Ok(()),
            }
        });
    if bar {
        set_may_leave::<T, B>(cx, import.instance, true);
    }
    lowered
}
