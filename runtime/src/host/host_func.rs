//! Host functions as the guest sees them: a Rust closure wrapped so a lowered
//! import can lift its arguments and lower its results.

use std::sync::Arc;

use wasmtime_environ::component::{RuntimeMemoryIndex, RuntimeReallocIndex};

use crate::abi::context::{HostcallFuel, LiftContext, LowerContext};
use crate::abi::flat::FlatType;
use crate::abi::flat::{FlatReader, FlatWriter};
use crate::abi::memory::{check_aligned, check_range};
use crate::abi::options::{MAX_FLAT_PARAMS, MAX_FLAT_RESULTS, StringEncoding};
use crate::abi::traits::{Lift, Lower};
use crate::error::Result;
use crate::error::{Trap, trap};
use crate::host::backend::{Active, Backend};
use crate::host::func::tuple_types;
use crate::host::resources::with_tables;
use crate::host::store::{StoreContextMut, StoreCx, StoreData};
use crate::host::types::FuncType;
use crate::resources::ResourceTables;
use crate::val::{Val, lift_flat_values, lower_flat_values};

/// What one lowered import knows about the guest calling it: where its
/// memory and `realloc` are, its string encoding and the function type.
pub(crate) struct ImportCall {
    pub(crate) instance: usize,
    pub(crate) memory: Option<RuntimeMemoryIndex>,
    pub(crate) realloc: Option<RuntimeReallocIndex>,
    pub(crate) encoding: StringEncoding,
    pub(crate) ty: FuncType,
}

impl ImportCall {
    /// The core parameter count: flat parameters, or one pointer when they
    /// spill.
    fn core_param_count(&self) -> usize {
        if self.ty.param_flat.len() <= MAX_FLAT_PARAMS {
            self.ty.param_flat.len()
        } else {
            1
        }
    }

    /// The calling instance's memory and `realloc`, looked up now because
    /// the guest may define them after it lowered the import.
    pub(crate) fn resolve<T>(&self, data: &StoreData<T>) -> Result<(Option<Memory>, Option<Func>)> {
        let Some(state) = data.instances.get(self.instance) else {
            anyhow::bail!("the calling instance is not in this store");
        };
        let memory = match self.memory {
            Some(i) => Some(state.memory(i)?),
            None => None,
        };
        let realloc = match self.realloc {
            Some(i) => Some(state.realloc(i)?),
            None => None,
        };
        Ok((memory, realloc))
    }
}

pub(crate) type Func = <Active as Backend>::Func;
pub(crate) type Memory = <Active as Backend>::Memory;

/// The core argument at `index`: one of the flat values a host function
/// received.
pub(crate) fn arg(args: &[u64], index: usize) -> Result<u64> {
    match args.get(index) {
        Some(v) => Ok(*v),
        None => trap(Trap::MissingFlatValue {
            expected: index + 1,
            got: args.len(),
        }),
    }
}

/// The first `count` core arguments.
pub(crate) fn core_args(args: &[u64], count: usize) -> Result<&[u64]> {
    match args.get(..count) {
        Some(values) => Ok(values),
        None => trap(Trap::MissingFlatValue {
            expected: count,
            got: args.len(),
        }),
    }
}

/// The raw entry point of a host function: gets the caller, the import's
/// description and the core arguments, writes the core results.
pub(crate) type RawHostFn<T> =
    dyn for<'a> Fn(StoreCx<'a, T>, &ImportCall, &mut [u64]) -> Result<()> + Send + Sync;

/// Checks a Rust signature against a component function type.
pub(crate) type TypecheckFn = dyn Fn(&FuncType) -> Result<()> + Send + Sync;

/// A host function defined in a [`Linker`](crate::Linker).
pub(crate) struct HostFunc<T: 'static> {
    /// The Rust signature, for error messages.
    pub(crate) rust_type: String,
    pub(crate) typecheck: Box<TypecheckFn>,
    pub(crate) call: Arc<RawHostFn<T>>,
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
        let call = move |store: StoreCx<'_, T>, import: &ImportCall, args: &mut [u64]| {
            run_host_call(
                store,
                import,
                args,
                lift_params::<T, P>,
                &func,
                lower_results::<T, R>,
            )
        };
        Self {
            rust_type: format!(
                "fn{} -> {}",
                std::any::type_name::<P>(),
                std::any::type_name::<R>()
            ),
            typecheck: Box::new(|ty: &FuncType| {
                P::typecheck(&ty.params)?;
                R::typecheck(&ty.results)
            }),
            call: Arc::new(call),
        }
    }

    /// Wraps a closure taking and returning dynamic [`Val`]s; the values it
    /// returns are checked against the import's result types when lowered.
    pub(crate) fn dynamic<F>(func: F) -> Self
    where
        F: Fn(StoreContextMut<'_, T>, &[Val]) -> Result<Vec<Val>> + Send + Sync + 'static,
    {
        let call = move |store: StoreCx<'_, T>, import: &ImportCall, args: &mut [u64]| {
            run_host_call(
                store,
                import,
                args,
                lift_vals,
                |store, params: Vec<Val>| func(store, &params),
                |store, import, view, args, results: &Vec<Val>, fuel, tables| {
                    lower_vals(store, import, view, args, results, fuel, tables)
                },
            )
        };
        Self {
            rust_type: "dynamic `fn(&[Val]) -> Vec<Val>`".to_string(),
            typecheck: Box::new(|_: &FuncType| Ok(())),
            call: Arc::new(call),
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

    /// Creates the core function the guest calls for this import, whose
    /// core signature is `params -> results`.
    pub(crate) fn define(
        &self,
        store: &mut StoreCx<'_, T>,
        params: &[FlatType],
        results: &[FlatType],
        import: ImportCall,
    ) -> Func {
        let call = self.call.clone();
        let body = move |cx: StoreCx<'_, T>, args: &mut [u64]| call(cx, &import, args);
        Active::host_func(store, params, results, Arc::new(body))
    }
}

/// Lifts a host function's parameters from the guest's core arguments (or
/// from the spilled tuple they point to).
/// How a host function lifts its arguments: into `A`, giving back the fuel left.
type LiftArgs<T, A> = fn(
    &mut StoreCx<'_, T>,
    &ImportCall,
    Option<Memory>,
    &[u64],
    HostcallFuel,
    Option<&mut ResourceTables>,
) -> Result<(A, HostcallFuel)>;

/// How a host function lowers its results `B` into the guest.
type LowerResults<T, B> = fn(
    &mut StoreCx<'_, T>,
    &ImportCall,
    (Option<Memory>, Option<Func>),
    &mut [u64],
    &B,
    HostcallFuel,
    Option<&mut ResourceTables>,
) -> Result<()>;

/// The body typed and dynamic host functions share: lift the arguments
/// (opening the import call's handle scope when the signature has handles),
/// call the Rust function, lower its results and close the scope.
fn run_host_call<T: 'static, A, B>(
    mut store: StoreCx<'_, T>,
    import: &ImportCall,
    args: &mut [u64],
    lift: LiftArgs<T, A>,
    call: impl FnOnce(StoreContextMut<'_, T>, A) -> Result<B>,
    lower: LowerResults<T, B>,
) -> Result<()> {
    let (memory, realloc) = import.resolve(Active::data(&store))?;
    let fuel = HostcallFuel::new(Active::data(&store).hostcall_fuel);
    let (params, fuel) = if import.ty.has_handles {
        with_tables(&mut store, import.instance, |store, tables| {
            tables.enter_call();
            lift(store, import, memory, args, fuel, Some(tables))
        })?
    } else {
        lift(&mut store, import, memory, args, fuel, None)?
    };
    let results = call(
        StoreContextMut {
            inner: Active::reborrow(&mut store),
        },
        params,
    )?;
    let view = (memory, realloc);
    if import.ty.has_handles {
        with_tables(&mut store, import.instance, |store, tables| {
            lower(
                store,
                import,
                view,
                args,
                &results,
                fuel,
                Some(&mut *tables),
            )?;
            tables.exit_call()
        })
    } else {
        lower(&mut store, import, view, args, &results, fuel, None)
    }
}

fn lift_params<T: 'static, P: for<'a> Lift<'a>>(
    store: &mut StoreCx<'_, T>,
    import: &ImportCall,
    memory: Option<Memory>,
    args: &[u64],
    fuel: HostcallFuel,
    tables: Option<&mut ResourceTables>,
) -> Result<(P, HostcallFuel)> {
    let mut cx = match memory {
        Some(m) => LiftContext::new(Active::memory_bytes(store, m), import.encoding),
        None => LiftContext::without_memory(import.encoding),
    }
    .with_fuel(fuel);
    if let Some(tables) = tables {
        cx = cx.with_resources(tables);
    }
    let params = if import.ty.param_flat.len() <= MAX_FLAT_PARAMS {
        let values = core_args(args, import.ty.param_flat.len())?;
        P::lift_flat(&mut cx, &mut FlatReader::new(values))?
    } else {
        let ptr = arg(args, 0)? as u32;
        let bytes = cx.guest_range(ptr, P::SIZE32 as u64, P::ALIGN32)?;
        P::load(&mut cx, bytes)?
    };
    Ok((params, *cx.fuel()))
}

/// Lowers a host function's results: the flat result into the first core
/// slot, or the spilled tuple to the guest's out-pointer argument.
pub(crate) fn lower_results<T: 'static, R: Lower>(
    store: &mut StoreCx<'_, T>,
    import: &ImportCall,
    (memory, realloc): (Option<Memory>, Option<Func>),
    args: &mut [u64],
    results: &R,
    fuel: HostcallFuel,
    tables: Option<&mut ResourceTables>,
) -> Result<()> {
    let mut view = memory.map(|m| Active::view(Active::reborrow(store), m, realloc));
    let mut cx = match &mut view {
        Some(view) => LowerContext::new(view, import.encoding),
        None => LowerContext::without_memory(import.encoding),
    }
    .with_fuel(fuel);
    if let Some(tables) = tables {
        cx = cx.with_resources(tables);
    }
    if import.ty.result_flat.len() <= MAX_FLAT_RESULTS {
        let mut flat = [0u64; MAX_FLAT_RESULTS];
        let count = import.ty.result_flat.len();
        let mut writer = FlatWriter::new(&mut flat[..count]);
        results.lower_flat(&mut cx, &mut writer)?;
        if writer.len() != count {
            anyhow::bail!(
                "host function results lowered to {} core values, expected {count}",
                writer.len()
            );
        }
        for (slot, bits) in args.iter_mut().zip(&flat[..count]) {
            *slot = *bits;
        }
    } else {
        let retptr = arg(args, import.core_param_count())? as u32;
        check_aligned(retptr, R::ALIGN32)?;
        check_range(retptr, R::SIZE32 as u64, cx.memory()?.len())?;
        results.store(&mut cx, retptr as usize)?;
    }
    Ok(())
}

/// Lifts a dynamic host function's parameters.
fn lift_vals<T: 'static>(
    store: &mut StoreCx<'_, T>,
    import: &ImportCall,
    memory: Option<Memory>,
    args: &[u64],
    fuel: HostcallFuel,
    tables: Option<&mut ResourceTables>,
) -> Result<(Vec<Val>, HostcallFuel)> {
    let mut cx = match memory {
        Some(m) => LiftContext::new(Active::memory_bytes(store, m), import.encoding),
        None => LiftContext::without_memory(import.encoding),
    }
    .with_fuel(fuel);
    if let Some(tables) = tables {
        cx = cx.with_resources(tables);
    }
    let types = tuple_types(&import.ty.params);
    let mut reader = FlatReader::new(core_args(args, import.core_param_count())?);
    let params = lift_flat_values(&mut cx, MAX_FLAT_PARAMS, types, &mut reader)?;
    Ok((params, *cx.fuel()))
}

/// Lowers a dynamic host function's results, checking them against the
/// import's result types.
fn lower_vals<T: 'static>(
    store: &mut StoreCx<'_, T>,
    import: &ImportCall,
    (memory, realloc): (Option<Memory>, Option<Func>),
    args: &mut [u64],
    results: &[Val],
    fuel: HostcallFuel,
    tables: Option<&mut ResourceTables>,
) -> Result<()> {
    let mut view = memory.map(|m| Active::view(Active::reborrow(store), m, realloc));
    let mut cx = match &mut view {
        Some(view) => LowerContext::new(view, import.encoding),
        None => LowerContext::without_memory(import.encoding),
    }
    .with_fuel(fuel);
    if let Some(tables) = tables {
        cx = cx.with_resources(tables);
    }
    let types = tuple_types(&import.ty.results);
    if import.ty.result_flat.len() > MAX_FLAT_RESULTS {
        let retptr = [arg(args, import.core_param_count())?];
        let mut out = FlatReader::new(&retptr);
        lower_flat_values(&mut cx, MAX_FLAT_RESULTS, types, results, Some(&mut out))?;
    } else {
        let flat = lower_flat_values(&mut cx, MAX_FLAT_RESULTS, types, results, None)?;
        for (slot, bits) in args.iter_mut().zip(&flat) {
            *slot = *bits;
        }
    }
    Ok(())
}
