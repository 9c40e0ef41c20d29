//! Host functions as the guest sees them: a Rust closure wrapped so a lowered
//! import can lift its arguments and lower its results.

use std::mem::MaybeUninit;
use std::sync::Arc;

use wasmtime::{AsContextMut as _, Caller, ValRaw};
use wasmtime_environ::component::{RuntimeMemoryIndex, RuntimeReallocIndex};

use crate::abi::context::{HostcallFuel, LiftContext, LowerContext};
use crate::abi::flat::FlatType;
use crate::abi::flat::{FlatReader, FlatWriter};
use crate::abi::memory::{check_aligned, check_range};
use crate::abi::options::{MAX_FLAT_PARAMS, MAX_FLAT_RESULTS, StringEncoding};
use crate::abi::traits::{Lift, Lower};
use crate::error::Result;
use crate::host::backend::wasmtime::{
    Realloc, WasmtimeMemory, flat_to_raw, host_arg, to_engine_error,
};
use crate::host::func::tuple_types;
use crate::host::resources::with_tables;
use crate::host::store::{StoreContextMut, StoreData};
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
    fn resolve<T>(
        &self,
        data: &StoreData<T>,
    ) -> Result<(Option<wasmtime::Memory>, Option<Realloc>)> {
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

/// The raw entry point of a host function: gets the caller, the import's
/// description and the core arguments, writes the core results.
type RawHostFn<T> = dyn Fn(&mut Caller<'_, StoreData<T>>, &ImportCall, &mut [MaybeUninit<ValRaw>]) -> Result<()>
    + Send
    + Sync;

/// Checks a Rust signature against a component function type.
type TypecheckFn = dyn Fn(&FuncType) -> Result<()> + Send + Sync;

/// A host function defined in a [`Linker`](crate::Linker).
pub(crate) struct HostFunc<T: 'static> {
    /// The Rust signature, for error messages.
    pub(crate) rust_type: String,
    typecheck: Box<TypecheckFn>,
    call: Arc<RawHostFn<T>>,
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
        let call = move |caller: &mut Caller<'_, StoreData<T>>,
                         import: &ImportCall,
                         args: &mut [MaybeUninit<ValRaw>]|
              -> Result<()> {
            let mut store = caller.as_context_mut();
            let (memory, realloc) = import.resolve(store.data())?;
            let fuel = HostcallFuel::new(store.data().hostcall_fuel);
            let (params, fuel) = if import.ty.has_handles {
                with_tables(&mut store, import.instance, |store, tables| {
                    tables.enter_call();
                    lift_params::<T, P>(store, import, memory, args, fuel, Some(tables))
                })?
            } else {
                lift_params::<T, P>(&mut store, import, memory, args, fuel, None)?
            };
            let results = func(
                StoreContextMut {
                    inner: store.as_context_mut(),
                },
                params,
            )?;
            let view = (memory, realloc);
            if import.ty.has_handles {
                with_tables(&mut store, import.instance, |store, tables| {
                    lower_results(
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
                lower_results(&mut store, import, view, args, &results, fuel, None)
            }
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
        let call = move |caller: &mut Caller<'_, StoreData<T>>,
                         import: &ImportCall,
                         args: &mut [MaybeUninit<ValRaw>]|
              -> Result<()> {
            let mut store = caller.as_context_mut();
            let (memory, realloc) = import.resolve(store.data())?;
            let fuel = HostcallFuel::new(store.data().hostcall_fuel);
            let (params, fuel) = {
                let mut cx = match memory {
                    Some(m) => LiftContext::new(m.data(&store), import.encoding),
                    None => LiftContext::without_memory(import.encoding),
                }
                .with_fuel(fuel);
                let mut flat = [0u64; MAX_FLAT_PARAMS];
                let count = import.core_param_count();
                let spilled = [FlatType::I32];
                let core: &[FlatType] = if import.ty.param_flat.len() <= MAX_FLAT_PARAMS {
                    &import.ty.param_flat
                } else {
                    &spilled
                };
                for (i, ty) in core.iter().enumerate() {
                    flat[i] = host_arg(args, i, *ty)?;
                }
                let types = tuple_types(&import.ty.params);
                let mut reader = FlatReader::new(&flat[..count]);
                let params = lift_flat_values(&mut cx, MAX_FLAT_PARAMS, types, &mut reader)?;
                (params, *cx.fuel())
            };
            let results = func(
                StoreContextMut {
                    inner: store.as_context_mut(),
                },
                &params,
            )?;
            let mut view = memory.map(|m| WasmtimeMemory::new(store.as_context_mut(), m, realloc));
            let mut cx = match &mut view {
                Some(view) => LowerContext::new(view, import.encoding),
                None => LowerContext::without_memory(import.encoding),
            }
            .with_fuel(fuel);
            let types = tuple_types(&import.ty.results);
            if import.ty.result_flat.len() > MAX_FLAT_RESULTS {
                let retptr = [host_arg(args, import.core_param_count(), FlatType::I32)?];
                let mut out = FlatReader::new(&retptr);
                lower_flat_values(&mut cx, MAX_FLAT_RESULTS, types, &results, Some(&mut out))?;
            } else {
                let flat = lower_flat_values(&mut cx, MAX_FLAT_RESULTS, types, &results, None)?;
                for (slot, bits) in args.iter_mut().zip(&flat) {
                    *slot = MaybeUninit::new(flat_to_raw(*bits));
                }
            }
            Ok(())
        };
        Self {
            rust_type: "dynamic `fn(&[Val]) -> Vec<Val>`".to_string(),
            typecheck: Box::new(|ty: &FuncType| {
                if ty.has_handles {
                    anyhow::bail!(
                        "resource handles are not supported in dynamic host functions yet"
                    );
                }
                Ok(())
            }),
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

    /// Creates the core function the guest calls for this import.
    pub(crate) fn define(
        &self,
        store: impl wasmtime::AsContextMut<Data = StoreData<T>>,
        core_ty: wasmtime::FuncType,
        import: ImportCall,
    ) -> wasmtime::Func {
        let call = self.call.clone();
        let entry = move |mut caller: Caller<'_, StoreData<T>>,
                          args: &mut [MaybeUninit<ValRaw>]| {
            call(&mut caller, &import, args).map_err(to_engine_error)
        };
        // SAFETY: `core_ty` is the flattening of `import.ty` (checked by the
        // instantiation code), and the entry point reads exactly those
        // parameter slots and writes exactly those result slots.
        unsafe { wasmtime::Func::new_unchecked(store, core_ty, entry) }
    }
}

/// Lifts a host function's parameters from the guest's core arguments (or
/// from the spilled tuple they point to).
fn lift_params<T: 'static, P: for<'a> Lift<'a>>(
    store: &mut wasmtime::StoreContextMut<'_, StoreData<T>>,
    import: &ImportCall,
    memory: Option<wasmtime::Memory>,
    args: &[MaybeUninit<ValRaw>],
    fuel: HostcallFuel,
    tables: Option<&mut ResourceTables>,
) -> Result<(P, HostcallFuel)> {
    let mut cx = match memory {
        Some(m) => LiftContext::new(m.data(&*store), import.encoding),
        None => LiftContext::without_memory(import.encoding),
    }
    .with_fuel(fuel);
    if let Some(tables) = tables {
        cx = cx.with_resources(tables);
    }
    let params = if import.ty.param_flat.len() <= MAX_FLAT_PARAMS {
        let mut flat = [0u64; MAX_FLAT_PARAMS];
        for (i, ty) in import.ty.param_flat.iter().enumerate() {
            flat[i] = host_arg(args, i, *ty)?;
        }
        let count = import.ty.param_flat.len();
        P::lift_flat(&mut cx, &mut FlatReader::new(&flat[..count]))?
    } else {
        let ptr = host_arg(args, 0, FlatType::I32)? as u32;
        let bytes = cx.guest_range(ptr, P::SIZE32 as u64, P::ALIGN32)?;
        P::load(&mut cx, bytes)?
    };
    Ok((params, *cx.fuel()))
}

/// Lowers a host function's results: the flat result into the first core
/// slot, or the spilled tuple to the guest's out-pointer argument.
fn lower_results<T: 'static, R: Lower>(
    store: &mut wasmtime::StoreContextMut<'_, StoreData<T>>,
    import: &ImportCall,
    (memory, realloc): (Option<wasmtime::Memory>, Option<Realloc>),
    args: &mut [MaybeUninit<ValRaw>],
    results: &R,
    fuel: HostcallFuel,
    tables: Option<&mut ResourceTables>,
) -> Result<()> {
    let mut view = memory.map(|m| WasmtimeMemory::new(store.as_context_mut(), m, realloc));
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
            *slot = MaybeUninit::new(flat_to_raw(*bits));
        }
    } else {
        let retptr = host_arg(args, import.core_param_count(), FlatType::I32)? as u32;
        check_aligned(retptr, R::ALIGN32)?;
        check_range(retptr, R::SIZE32 as u64, cx.memory()?.len())?;
        results.store(&mut cx, retptr as usize)?;
    }
    Ok(())
}
