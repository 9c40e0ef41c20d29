//! Host functions whose parameters borrow the guest's memory: strings and
//! lists arrive as [`WasmStr`](crate::WasmStr) / [`WasmList`](crate::WasmList)
//! views, read in place without a copy, while the function changes the
//! store's data.

use std::sync::Arc;

use crate::abi::context::{HostcallFuel, LiftContext};
use crate::abi::flat::FlatReader;
use crate::abi::options::MAX_FLAT_PARAMS;
use crate::abi::traits::{ComponentType, Lift, Lower};
use crate::error::Result;
use crate::host::backend::{Active, Backend};
use crate::host::host_func::{HostFunc, ImportCall, arg, core_args, lower_results};
use crate::host::resources::with_tables;
use crate::host::store::{StoreCx, StoreData};
use crate::resources::ResourceTables;

/// The parameters of one call of a host function defined with
/// [`LinkerInstance::func_wrap_borrowed`](crate::LinkerInstance::func_wrap_borrowed),
/// still in the guest's memory: [`BorrowedParams::lift`] reads them as a
/// tuple whose strings and lists borrow that memory for `'a`.
pub struct BorrowedParams<'a> {
    cx: LiftContext<'a>,
    flat: [u64; MAX_FLAT_PARAMS],
    flat_count: usize,
    /// Where the parameters are when they spill to memory.
    spilled: Option<u32>,
}

impl<'a> BorrowedParams<'a> {
    /// Lifts the parameters as the tuple `P`, which must have the
    /// component types the function was defined with (checked against the
    /// component's import when it was linked).
    pub fn lift<P: Lift<'a>>(&mut self) -> Result<P> {
        match self.spilled {
            None => {
                let values = self.flat.get(..self.flat_count).unwrap_or_default();
                P::lift_flat(&mut self.cx, &mut FlatReader::new(values))
            }
            Some(ptr) => {
                let bytes = self.cx.guest_range(ptr, P::SIZE32 as u64, P::ALIGN32)?;
                P::load(&mut self.cx, bytes)
            }
        }
    }
}

/// A function taking the user's data and the call's borrowed parameters.
type BorrowedFn<T, R> =
    dyn for<'a> Fn(&mut T, &mut BorrowedParams<'a>) -> Result<R> + Send + Sync + 'static;

impl<T: 'static> HostFunc<T> {
    /// Wraps a function whose parameters, of the component types of the
    /// tuple `P`, it lifts itself from [`BorrowedParams`].
    pub(crate) fn borrowed<P, R>(func: Arc<BorrowedFn<T, R>>) -> Self
    where
        P: ComponentType + 'static,
        R: Lower + 'static,
    {
        let call =
            move |mut store: StoreCx<'_, T>, import: &ImportCall, args: &mut [u64]| -> Result<()> {
                if import.ty.has_handles {
                    with_tables(&mut store, import.instance, |store, tables| {
                        call_borrowed(store, import, args, &*func, Some(tables))
                    })
                } else {
                    call_borrowed(&mut store, import, args, &*func, None)
                }
            };
        Self {
            rust_type: format!(
                "fn{} -> {} (borrowed parameters)",
                std::any::type_name::<P>(),
                std::any::type_name::<R>()
            ),
            typecheck: Box::new(|ty| {
                P::typecheck(&ty.params)?;
                R::typecheck(&ty.results)
            }),
            call: Arc::new(call),
        }
    }
}

/// One call: lift lazily inside `func`, then lower its results.
fn call_borrowed<T: 'static, R: Lower>(
    store: &mut StoreCx<'_, T>,
    import: &ImportCall,
    args: &mut [u64],
    func: &BorrowedFn<T, R>,
    mut tables: Option<&mut ResourceTables>,
) -> Result<()> {
    let (memory, realloc) = import.resolve(Active::data(store))?;
    let fuel = HostcallFuel::new(Active::data(store).hostcall_fuel);
    if let Some(t) = tables.as_deref_mut() {
        t.enter_call();
    }
    let flat_count = import.ty.param_flat.len();
    let mut flat = [0u64; MAX_FLAT_PARAMS];
    let spilled = if flat_count <= MAX_FLAT_PARAMS {
        let values = core_args(args, flat_count)?;
        flat[..flat_count].copy_from_slice(values);
        None
    } else {
        Some(arg(args, 0)? as u32)
    };
    let (results, fuel) = {
        let (bytes, data): (Option<&[u8]>, &mut StoreData<T>) = match memory {
            Some(m) => {
                let (bytes, data) = Active::memory_and_data_mut(store, m);
                (Some(bytes), data)
            }
            None => (None, Active::data_mut(store)),
        };
        let mut cx = match bytes {
            Some(bytes) => LiftContext::new(bytes, import.encoding),
            None => LiftContext::without_memory(import.encoding),
        }
        .with_fuel(fuel);
        if let Some(t) = tables.as_deref_mut() {
            cx = cx.with_resources(t);
        }
        let mut params = BorrowedParams {
            cx,
            flat,
            flat_count,
            spilled,
        };
        let results = func(&mut data.user, &mut params)?;
        (results, *params.cx.fuel())
    };
    lower_results(
        store,
        import,
        (memory, realloc),
        args,
        &results,
        fuel,
        tables.as_deref_mut(),
    )?;
    match tables {
        Some(t) => t.exit_call(),
        None => Ok(()),
    }
}
