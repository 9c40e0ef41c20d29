//! Host functions whose parameters borrow the guest's memory: strings and
//! lists arrive as [`WasmStr`](crate::WasmStr) / [`WasmList`](crate::WasmList)
//! views, read in place without a copy, while the function changes the
//! store's data.

use std::sync::Arc;

use crate::abi::context::{HostcallFuel, LiftContext};
use crate::abi::flat::FlatReader;
use crate::abi::options::MAX_FLAT_PARAMS;
use crate::abi::traits::{ComponentType, Lift, Lower};
use crate::abi::values::{ListShape, lift_values};
use crate::error::{Result, Trap, trap};
use crate::host::backend::Backend;
use crate::host::backend::any::{Each, Engines, MakeEach};
use crate::host::call::import::{EntryF, HostFunc, ImportCall, RawImportFn, lower_host_results};
use crate::host::runtime::state::{Cx, StoreData, check_may_leave, maybe_with_tables};
use crate::types::Type;

/// The parameters of one call of a host function defined with
/// [`LinkerInstance::func_wrap_borrowed`](crate::LinkerInstance::func_wrap_borrowed),
/// still in the guest's memory: [`BorrowedParams::lift`] reads them as a
/// tuple whose strings and lists borrow that memory for `'a`.
pub struct BorrowedParams<'a> {
    cx: LiftContext<'a>,
    /// The core arguments: the flat parameters, or the pointer to them.
    flat: [u64; MAX_FLAT_PARAMS],
    /// How many of `flat` are arguments.
    count: usize,
    shape: ListShape,
    /// The import's parameters, as a tuple type.
    params: Type,
}

impl<'a> BorrowedParams<'a> {
    /// Lifts the parameters as the tuple `P`, which must represent the
    /// import's parameter types (as the tuple the function was defined
    /// with does): another tuple is an error, never a reinterpretation of
    /// the guest's values.
    pub fn lift<P: Lift<'a>>(&mut self) -> Result<P> {
        P::typecheck_in_signature(&self.params)?;
        let flat = &self.flat[..self.count];
        lift_values(
            &mut self.cx,
            MAX_FLAT_PARAMS,
            &self.params,
            self.shape,
            &mut FlatReader::new(flat),
        )
    }
}

/// A function taking the user's data and the call's borrowed parameters.
type BorrowedFn<T, R> =
    dyn for<'a> Fn(&mut T, &mut BorrowedParams<'a>) -> Result<R> + Send + Sync + 'static;

/// Makes the entry points of a host function with borrowed parameters.
struct BorrowedEntry<T: 'static, R>(Arc<BorrowedFn<T, R>>);

impl<T: 'static, R: Lower + 'static> MakeEach<EntryF<T>> for BorrowedEntry<T, R> {
    fn make<B: Engines>(&self) -> Arc<RawImportFn<T, B>> {
        let func = self.0.clone();
        Arc::new(
            move |mut cx: Cx<'_, T, B>, import: &ImportCall, args: &mut [u64]| {
                call_borrowed::<T, B, R>(&mut cx, import, args, &*func)
            },
        )
    }
}

impl<T: 'static> HostFunc<T> {
    /// Wraps a function whose parameters, of the component types of the
    /// tuple `P`, it lifts itself from [`BorrowedParams`].
    pub(crate) fn borrowed<P, R>(func: Arc<BorrowedFn<T, R>>) -> Self
    where
        P: ComponentType + 'static,
        R: Lower + 'static,
    {
        Self {
            rust_type: format!(
                "fn{} -> {} (borrowed parameters)",
                std::any::type_name::<P>(),
                std::any::type_name::<R>()
            ),
            typecheck: Box::new(|ty| {
                P::typecheck_in_signature(&ty.params)?;
                R::typecheck_in_signature(&ty.results)
            }),
            entries: Each::build(&BorrowedEntry(func)),
        }
    }
}

/// One call: `func` lifts lazily from the guest's memory while it changes
/// the store's data; then its results are lowered.
fn call_borrowed<T: 'static, B: Backend, R: Lower>(
    cx: &mut Cx<'_, T, B>,
    import: &ImportCall,
    args: &mut [u64],
    func: &BorrowedFn<T, R>,
) -> Result<()> {
    check_may_leave::<T, B>(cx, import.tables())?;
    let options = import.options(B::data(cx))?;
    let fuel = HostcallFuel::new(B::data(cx).hostcall_fuel);
    let shape = import.ty.params_shape;
    let count = if shape.spills(MAX_FLAT_PARAMS) {
        1
    } else {
        shape.flat
    };
    let Some(core_args) = args.get(..count) else {
        return trap(Trap::MissingFlatValue {
            expected: count,
            got: args.len(),
        });
    };
    let mut flat = [0u64; MAX_FLAT_PARAMS];
    flat[..count].copy_from_slice(core_args);
    let (results, fuel) = maybe_with_tables::<T, B, _>(
        cx,
        import.tables(),
        import.ty.has_handles,
        |cx, mut tables| {
            if let Some(tables) = tables.as_deref_mut() {
                tables.enter_call();
            }
            let (bytes, data): (Option<&[u8]>, &mut StoreData<T, B>) = match options.memory {
                Some(m) => {
                    let (bytes, data) = B::memory_and_data_mut(cx, m);
                    (Some(bytes), data)
                }
                None => (None, B::data_mut(cx)),
            };
            let mut lcx = match bytes {
                Some(bytes) => LiftContext::new(bytes, import.encoding),
                None => LiftContext::without_memory(import.encoding),
            }
            .with_fuel(fuel);
            if let Some(tables) = tables {
                lcx = lcx.with_resources(tables);
            }
            let mut params = BorrowedParams {
                cx: lcx,
                flat,
                count,
                shape,
                params: import.ty.params.clone(),
            };
            let results = func(&mut data.user, &mut params)?;
            Ok((results, *params.cx.fuel()))
        },
    )?;
    lower_host_results(cx, import, options, fuel, &results, args)
}
