//! The host calling a guest's lifted export: the export resolved once
//! ([`ExportFunc::resolve`]), then every call, typed or dynamic, through
//! [`ExportFunc::call`].

use anyhow::Context as _;
use wasmtime_environ::component::{CanonicalOptionsDataModel, CoreDef, Export};

use crate::abi::context::HostcallFuel;
use crate::abi::flat::FlatReader;
use crate::abi::options::{MAX_FLAT_PARAMS, MAX_FLAT_RESULTS};
use crate::abi::values::{LiftList, LowerList, Spill, lift_values, lower_values};
use crate::error::Result;
use crate::host::backend::any::Engines;
use crate::host::backend::{Backend, check_signature};
use crate::host::call::Options;
use crate::host::plan::encoding;
use crate::host::plan::types::FuncType;
use crate::host::runtime::guard::Entered;
use crate::host::runtime::state::{Cx, TablesAt, core_export, maybe_with_tables, set_may_leave};
use crate::val::{CanonContext, CoreFuncType};

/// A lifted export with its canonical options resolved, so calls do no
/// lookups.
pub(crate) struct ExportFunc<B: Backend> {
    /// The store's id.
    pub(crate) store: u64,
    /// The instance's index in the store.
    pub(crate) instance: usize,
    /// The handle tables of the component instance that lifts it.
    pub(crate) tables: TablesAt,
    /// The core function the export lifts.
    pub(crate) func: B::Func,
    /// Its memory, `realloc` and string encoding.
    pub(crate) options: Options<B>,
    /// Its `post-return`.
    pub(crate) post_return: Option<B::Func>,
    /// Its component type.
    pub(crate) ty: FuncType,
    /// Its core signature (checked against `func`'s).
    pub(crate) core: CoreFuncType,
    /// The display name, for errors.
    pub(crate) name: String,
}

impl<B: Backend> ExportFunc<B> {
    /// Finds the export `func_name` (of the exported interface `interface`,
    /// or at the root) of instance `instance` of store `store`, and
    /// resolves its options and checks its core signature.
    pub(crate) fn resolve<T: 'static>(
        cx: &mut Cx<'_, T, B>,
        store: u64,
        instance: usize,
        (interface, func_name): (Option<&str>, &str),
    ) -> Result<Self>
    where
        B: Engines,
    {
        let name = match interface {
            Some(i) => format!("{i}#{func_name}"),
            None => func_name.to_string(),
        };
        let state = B::data(cx).instance(store, instance)?;
        let plan = state.plan.clone();
        let info = &plan.info;
        let export = plan
            .export_item((interface, func_name))
            .with_context(|| format!("the component exports no function `{name}`"))?;
        let Export::LiftedFunction { ty, func, options } = export else {
            anyhow::bail!("export `{name}` is not a function");
        };
        let ty = FuncType::new(&plan.types, &state.resource_types, *ty)
            .with_context(|| format!("export `{name}`"))?;
        let func = match func {
            CoreDef::Export(core_def) => {
                B::extern_func(core_export::<T, B>(cx, &plan, instance, core_def)?)
                    .with_context(|| format!("export `{name}` does not lift a function"))?
            }
            // A lowered import or a built-in, lifted again as is.
            CoreDef::Trampoline(index) => match state.trampolines.get(*index) {
                Some(func) => *func,
                None => anyhow::bail!("export `{name}` lifts an undefined trampoline"),
            },
            _ => anyhow::bail!("export `{name}` lifts something that is not a function"),
        };
        let options = &info.options[*options];
        let state = &B::data(cx).instances[instance];
        let memory = options.memory().map(|i| state.memory(i)).transpose()?;
        let realloc = match options.data_model {
            CanonicalOptionsDataModel::LinearMemory(o) => {
                o.realloc.map(|i| state.realloc(i)).transpose()?
            }
            CanonicalOptionsDataModel::Gc {} => None,
        };
        let post_return = options
            .post_return
            .map(|i| state.post_return(i))
            .transpose()?;
        let core = ty.core(CanonContext::Lift);
        check_signature::<B, _>(cx, func, &core.params, &core.results, &name)?;
        if let Some(post_return) = post_return {
            check_signature::<B, _>(cx, post_return, &core.results, &[], &name)?;
        }
        let tables = TablesAt {
            id: instance,
            sub: options.instance.as_u32(),
        };
        Ok(Self {
            store,
            instance,
            tables,
            func,
            options: Options {
                memory,
                realloc,
                encoding: encoding(options.string_encoding),
            },
            post_return,
            ty,
            core,
            name,
        })
    }

    /// Calls the export: enters the instance, lowers `params`, runs the
    /// core function, lifts the results, runs `post-return`. A failure
    /// poisons the instance, except one of the host's own values before any
    /// guest code ran.
    pub(crate) fn call<T: 'static, P, R>(&self, cx: &mut Cx<'_, T, B>, params: &P) -> Result<R>
    where
        P: LowerList + ?Sized,
        R: for<'a> LiftList<'a>,
    {
        // A trap between `enter-sync-call` and `exit-sync-call` of a call
        // between sub-components leaves its entry: cut the stack back.
        let adapter_calls = B::data(cx).adapter_calls.len();
        let result = Entered::<T, B>::enter(cx, self.store, self.instance)?
            .run_sparing(|cx, before_guest| self.run(cx, params, before_guest));
        if result.is_err() {
            B::data_mut(cx).adapter_calls.truncate(adapter_calls);
        }
        result
    }

    fn run<T: 'static, P, R>(
        &self,
        cx: &mut Cx<'_, T, B>,
        params: &P,
        before_guest: &mut bool,
    ) -> Result<R>
    where
        P: LowerList + ?Sized,
        R: for<'a> LiftList<'a>,
    {
        let ty = &self.ty;
        let fuel = HostcallFuel::new(B::data(cx).hostcall_fuel);
        let mut slots = [0u64; MAX_FLAT_PARAMS];
        // Lowering strings and lists runs the guest's `realloc`, which may
        // not call out.
        let bar = ty.params_use_memory;
        if bar {
            set_may_leave::<T, B>(cx, self.instance, false);
        }
        let lowered =
            maybe_with_tables::<T, B, _>(cx, self.tables, ty.has_handles, |cx, mut tables| {
                if let Some(tables) = tables.as_deref_mut() {
                    tables.enter_call();
                }
                let options = self.options.memory_if(ty.params_use_memory);
                options.lower(cx, fuel, tables, |lcx| {
                    lower_values(
                        lcx,
                        MAX_FLAT_PARAMS,
                        &ty.params,
                        ty.params_shape,
                        params,
                        &mut slots,
                        Spill::Realloc,
                    )
                })
            });
        if bar {
            set_may_leave::<T, B>(cx, self.instance, true);
        }
        // Without memory to lower into, the guest's `realloc` never ran: a
        // failure is the host's values' (a handle of another type, say).
        *before_guest = lowered.is_err() && !bar;
        let (written, fuel) = lowered?;
        if written != self.core.params.len() {
            *before_guest = true;
            anyhow::bail!(
                "`{}`: parameters lowered to {written} core values, expected {}",
                self.name,
                self.core.params.len()
            );
        }
        // SAFETY: `check_signature` verified, when the export was resolved,
        // that the function has the core signature `core`; its parameters
        // were just lowered into `slots`, which has room for its results.
        unsafe {
            B::call_raw(
                cx,
                self.func,
                &mut slots,
                &self.core.params,
                &self.core.results,
            )
        }?;
        let results =
            maybe_with_tables::<T, B, _>(cx, self.tables, ty.has_handles, |cx, mut tables| {
                let flat = &slots[..self.core.results.len()];
                let options = self.options.memory_if(ty.results_use_memory);
                let (results, _) = options.lift(cx, fuel, tables.as_deref_mut(), |lcx| {
                    lift_values(
                        lcx,
                        MAX_FLAT_RESULTS,
                        &ty.results,
                        ty.results_shape,
                        &mut FlatReader::new(flat),
                    )
                })?;
                if let Some(tables) = tables {
                    tables.exit_call()?;
                }
                Ok(results)
            })?;
        if let Some(post_return) = self.post_return {
            set_may_leave::<T, B>(cx, self.instance, false);
            // SAFETY: the post-return function was checked to take exactly
            // the export's core results, which are still in `slots`.
            let done = unsafe { B::call_raw(cx, post_return, &mut slots, &self.core.results, &[]) };
            set_may_leave::<T, B>(cx, self.instance, true);
            done?;
        }
        Ok(results)
    }
}
