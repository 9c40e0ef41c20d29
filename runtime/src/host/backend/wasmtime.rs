//! The default backend: wasmtime's core wasm API (no component-model
//! execution from wasmtime is used).

use std::fmt;
use std::mem::MaybeUninit;
use std::sync::Arc;

use wasmtime::{AsContextMut, Memory, StoreContextMut, ValRaw, ValType};

use super::{Backend, StoreLimits, engine_limits};

use crate::abi::flat::FlatType;
use crate::abi::memory::GuestMemory;
use crate::error::{CoreTrap, Error, Result, Trap, trap};

/// A host-side error travelling through wasmtime as a guest trap, so that it
/// comes out of the export call unchanged (and still downcasts to
/// [`Trap`]).
#[derive(Debug)]
struct HostError(Error);

impl fmt::Display for HostError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for HostError {}

/// Wraps a witbind error so a host function can return it to wasmtime.
pub(crate) fn to_engine_error(error: Error) -> wasmtime::Error {
    wasmtime::Error::new(HostError(error))
}

/// Converts a wasmtime error into a witbind error: a host error comes back as
/// it was; a core wasm trap keeps its [`wasmtime::Trap`] code (downcastable)
/// with wasmtime's full message as context.
pub(crate) fn from_engine_error(error: wasmtime::Error) -> Error {
    let error = match error.downcast::<HostError>() {
        Ok(HostError(inner)) => return inner,
        Err(error) => error,
    };
    let message = format!("{error:?}");
    match error.downcast_ref::<wasmtime::Trap>() {
        Some(code) => {
            let trap = Error::new(Trap::Core(core_trap(*code)));
            if message == code.to_string() {
                trap
            } else {
                trap.context(message)
            }
        }
        None => anyhow::anyhow!("{message}"),
    }
}

/// witbind's engine-neutral name for a wasmtime trap code.
fn core_trap(code: wasmtime::Trap) -> CoreTrap {
    use wasmtime::Trap as W;
    match code {
        W::UnreachableCodeReached => CoreTrap::Unreachable,
        W::MemoryOutOfBounds => CoreTrap::MemoryOutOfBounds,
        W::TableOutOfBounds => CoreTrap::TableOutOfBounds,
        W::IndirectCallToNull => CoreTrap::IndirectCallToNull,
        W::BadSignature => CoreTrap::BadSignature,
        W::IntegerDivisionByZero => CoreTrap::IntegerDivisionByZero,
        W::IntegerOverflow => CoreTrap::IntegerOverflow,
        W::BadConversionToInteger => CoreTrap::BadConversionToInteger,
        W::StackOverflow => CoreTrap::StackOverflow,
        W::OutOfFuel => CoreTrap::OutOfFuel,
        W::Interrupt => CoreTrap::Interrupted,
        W::AllocationTooLarge => CoreTrap::LimitExceeded,
        other => CoreTrap::Other(trap_words(other)),
    }
}

/// A wasmtime trap's description as a `'static` string.
fn trap_words(code: wasmtime::Trap) -> &'static str {
    match code {
        wasmtime::Trap::HeapMisaligned => "unaligned atomic",
        wasmtime::Trap::NullReference => "null reference",
        wasmtime::Trap::ArrayOutOfBounds => "out of bounds array access",
        wasmtime::Trap::CastFailure => "cast failure",
        _ => "wasmtime trap",
    }
}

/// The engine's core value type for a flat type.
fn flat_val_type(ty: FlatType) -> ValType {
    match ty {
        FlatType::I32 => ValType::I32,
        FlatType::I64 => ValType::I64,
        FlatType::F32 => ValType::F32,
        FlatType::F64 => ValType::F64,
    }
}

/// A raw core value as the `u64` bit pattern flat values travel in.
#[inline]
fn raw_to_flat(raw: ValRaw, ty: FlatType) -> u64 {
    match ty {
        FlatType::I32 => u64::from(raw.get_u32()),
        FlatType::F32 => u64::from(raw.get_f32()),
        FlatType::I64 => raw.get_u64(),
        FlatType::F64 => raw.get_f64(),
    }
}

/// A flat value's bit pattern as a raw core value. The low 32 bits are what
/// an `i32` or `f32` reader sees, so one constructor serves every type.
#[inline]
fn flat_to_raw(bits: u64) -> ValRaw {
    ValRaw::u64(bits)
}

/// A guest's linear memory and `realloc` seen through a store context.
pub(crate) struct WasmtimeMemory<'a, T: 'static> {
    store: StoreContextMut<'a, T>,
    memory: Memory,
    realloc: Option<wasmtime::Func>,
}

impl<T: 'static> GuestMemory for WasmtimeMemory<'_, T> {
    fn data(&self) -> &[u8] {
        self.memory.data(&self.store)
    }

    fn data_mut(&mut self) -> &mut [u8] {
        self.memory.data_mut(&mut self.store)
    }

    fn realloc(&mut self, old_ptr: u32, old_size: u32, align: u32, new_size: u32) -> Result<u32> {
        let Some(realloc) = self.realloc else {
            return trap(Trap::NoRealloc);
        };
        let mut slots = [old_ptr, old_size, align, new_size].map(u64::from);
        // SAFETY: `realloc` was checked to have type (i32, i32, i32, i32)
        // -> i32 when it was extracted from the instance.
        let i32 = FlatType::I32;
        unsafe { Wasmtime::call_raw(&mut self.store, realloc, &mut slots, &[i32; 4], &[i32]) }?;
        Ok(slots[0] as u32)
    }
}

/// The wasmtime backend.
pub(crate) struct Wasmtime;

/// A host function's signature on wasmtime: the registered type and the
/// flat types the entry point converts by.
#[derive(Clone)]
pub(crate) struct WasmtimeSig {
    ty: wasmtime::FuncType,
    params: Arc<[FlatType]>,
    results: usize,
}

fn flat_type(ty: &ValType) -> Result<FlatType> {
    match ty {
        ValType::I32 => Ok(FlatType::I32),
        ValType::I64 => Ok(FlatType::I64),
        ValType::F32 => Ok(FlatType::F32),
        ValType::F64 => Ok(FlatType::F64),
        other => anyhow::bail!("core value type `{other}` is not supported by witbind"),
    }
}

/// How many values a core call moves in its small buffer.
const SMALL_CALL: usize = 4;

/// [`Backend::call_raw`] through a buffer of `N` raw values.
///
/// # Safety
///
/// As [`Backend::call_raw`]; both lists fit in `N` values and in `slots`.
#[inline(always)]
unsafe fn call_in<D: 'static, const N: usize>(
    cx: &mut wasmtime::StoreContextMut<'_, D>,
    func: wasmtime::Func,
    slots: &mut [u64],
    params: &[FlatType],
    results: &[FlatType],
) -> Result<()> {
    let mut raw = [ValRaw::u64(0); N];
    for (r, bits) in raw.iter_mut().zip(&slots[..params.len()]) {
        *r = flat_to_raw(*bits);
    }
    let used = params.len().max(results.len());
    // SAFETY: the caller guarantees the parameter values and the result
    // types match `func`'s signature; numeric values need no validity
    // beyond their bits, and `used` slots hold both lists.
    unsafe { func.call_unchecked(cx.as_context_mut(), &mut raw[..used]) }
        .map_err(from_engine_error)?;
    for ((slot, r), ty) in slots.iter_mut().zip(&raw).zip(results) {
        *slot = raw_to_flat(*r, *ty);
    }
    Ok(())
}

/// One host call through a buffer of `N` flat values: converts the core
/// arguments, runs `body` and writes its results back.
#[inline(always)]
fn enter_host<D: 'static, const N: usize>(
    cx: StoreContextMut<'_, D>,
    args: &mut [MaybeUninit<ValRaw>],
    param_types: &[FlatType],
    result_count: usize,
    body: &impl for<'a> Fn(StoreContextMut<'a, D>, &mut [u64]) -> Result<()>,
) -> wasmtime::Result<()> {
    let mut flat = [0u64; N];
    let used = param_types.len().max(result_count);
    for ((f, arg), ty) in flat.iter_mut().zip(args.iter()).zip(param_types) {
        // SAFETY: wasmtime initializes every parameter slot of a host
        // call, and there are as many as `param_types`.
        *f = raw_to_flat(unsafe { arg.assume_init() }, *ty);
    }
    body(cx, &mut flat[..used]).map_err(to_engine_error)?;
    for (arg, bits) in args.iter_mut().zip(&flat[..result_count]) {
        *arg = MaybeUninit::new(flat_to_raw(*bits));
    }
    Ok(())
}

impl Backend for Wasmtime {
    type Engine = wasmtime::Engine;
    type Module = wasmtime::Module;
    type ExportKey = wasmtime::ModuleExport;
    type Store<D: 'static> = wasmtime::Store<D>;
    type Cx<'a, D: 'static> = StoreContextMut<'a, D>;
    type Func = wasmtime::Func;
    type Memory = Memory;
    type Global = wasmtime::Global;
    type Instance = wasmtime::Instance;
    type Extern = wasmtime::Extern;
    type View<'a, D: 'static> = WasmtimeMemory<'a, D>;
    type Limits = wasmtime::StoreLimits;
    type HostSig = WasmtimeSig;

    fn same_engine(a: &Self::Engine, b: &Self::Engine) -> bool {
        wasmtime::Engine::same(a, b)
    }

    fn compiles_wasm(engine: &Self::Engine) -> bool {
        !engine.is_pulley()
    }

    fn compile(engine: &Self::Engine, wasm: &[u8]) -> Result<Self::Module> {
        wasmtime::Module::from_binary(engine, wasm).map_err(from_engine_error)
    }

    fn serialize_module(module: &Self::Module) -> Result<Option<Vec<u8>>> {
        module.serialize().map(Some).map_err(from_engine_error)
    }

    unsafe fn deserialize_module(engine: &Self::Engine, bytes: &[u8]) -> Result<Self::Module> {
        // SAFETY: the caller guarantees the bytes come from
        // `serialize_module`; wasmtime checks its version and configuration.
        unsafe { wasmtime::Module::deserialize(engine, bytes) }.map_err(from_engine_error)
    }

    fn new_store<D: 'static>(engine: &Self::Engine, data: D) -> Self::Store<D> {
        wasmtime::Store::new(engine, data)
    }

    fn limits(limits: &StoreLimits) -> Self::Limits {
        engine_limits!(wasmtime, limits)
    }

    fn set_limiter<D: 'static>(
        store: &mut Self::Store<D>,
        limits: fn(&mut D) -> &mut Self::Limits,
    ) {
        store.limiter(move |data| limits(data) as &mut dyn wasmtime::ResourceLimiter);
    }

    fn store_engine<D: 'static>(store: &Self::Cx<'_, D>) -> Self::Engine {
        store.engine().clone()
    }

    fn cx<D: 'static>(store: &mut Self::Store<D>) -> Self::Cx<'_, D> {
        store.as_context_mut()
    }

    fn reborrow<'a, D: 'static>(cx: &'a mut Self::Cx<'_, D>) -> Self::Cx<'a, D> {
        cx.as_context_mut()
    }

    fn store_data<D: 'static>(store: &Self::Store<D>) -> &D {
        store.data()
    }

    fn store_data_mut<D: 'static>(store: &mut Self::Store<D>) -> &mut D {
        store.data_mut()
    }

    fn into_data<D: 'static>(store: Self::Store<D>) -> D {
        store.into_data()
    }

    fn set_fuel<D: 'static>(store: &mut Self::Store<D>, fuel: u64) -> Result<()> {
        store.set_fuel(fuel).map_err(from_engine_error)
    }

    fn fuel<D: 'static>(store: &Self::Store<D>) -> Result<u64> {
        store.get_fuel().map_err(from_engine_error)
    }

    fn set_epoch_deadline<D: 'static>(store: &mut Self::Store<D>, ticks: u64) -> Result<()> {
        store.set_epoch_deadline(ticks);
        store.epoch_deadline_trap();
        Ok(())
    }

    fn increment_epoch(engine: &Self::Engine) -> Result<()> {
        engine.increment_epoch();
        Ok(())
    }

    fn data<'a, D: 'static>(cx: &'a Self::Cx<'_, D>) -> &'a D {
        cx.data()
    }

    fn data_mut<'a, D: 'static>(cx: &'a mut Self::Cx<'_, D>) -> &'a mut D {
        cx.data_mut()
    }

    fn memory_bytes<'a, D: 'static>(cx: &'a Self::Cx<'_, D>, memory: Self::Memory) -> &'a [u8] {
        memory.data(cx)
    }

    fn memory_and_data_mut<'a, D: 'static>(
        cx: &'a mut Self::Cx<'_, D>,
        memory: Self::Memory,
    ) -> (&'a [u8], &'a mut D) {
        let (bytes, data) = memory.data_and_store_mut(cx);
        (bytes, data)
    }

    fn view<'a, D: 'static>(
        cx: Self::Cx<'a, D>,
        memory: Self::Memory,
        realloc: Option<Self::Func>,
    ) -> Self::View<'a, D> {
        WasmtimeMemory {
            store: cx,
            memory,
            realloc,
        }
    }

    fn signature<D: 'static>(
        cx: &Self::Cx<'_, D>,
        func: Self::Func,
    ) -> Result<(Vec<FlatType>, Vec<FlatType>)> {
        let ty = func.ty(cx);
        let params = ty.params().map(|t| flat_type(&t)).collect::<Result<_>>()?;
        let results = ty.results().map(|t| flat_type(&t)).collect::<Result<_>>()?;
        Ok((params, results))
    }

    unsafe fn call_raw<D: 'static>(
        cx: &mut Self::Cx<'_, D>,
        func: Self::Func,
        slots: &mut [u64],
        params: &[FlatType],
        results: &[FlatType],
    ) -> Result<()> {
        let used = params.len().max(results.len());
        if used > MAX_CORE_VALUES || used > slots.len() {
            anyhow::bail!("a core call of {used} values exceeds the host's limit");
        }
        // SAFETY: as this function's contract; `used` fits both buffers.
        // Most calls move a few values: a small buffer saves initialising
        // and copying the large one on every call.
        unsafe {
            if used <= SMALL_CALL {
                call_in::<D, SMALL_CALL>(cx, func, slots, params, results)
            } else {
                call_in::<D, MAX_CORE_VALUES>(cx, func, slots, params, results)
            }
        }
    }

    fn host_sig(engine: &Self::Engine, params: &[FlatType], results: &[FlatType]) -> WasmtimeSig {
        WasmtimeSig {
            ty: wasmtime::FuncType::new(
                engine,
                params.iter().map(|t| flat_val_type(*t)),
                results.iter().map(|t| flat_val_type(*t)),
            ),
            params: params.into(),
            results: results.len(),
        }
    }

    fn host_func_with<D: 'static, F>(
        cx: &mut Self::Cx<'_, D>,
        sig: &WasmtimeSig,
        body: F,
    ) -> Self::Func
    where
        F: for<'a> Fn(Self::Cx<'a, D>, &mut [u64]) -> Result<()> + Send + Sync + 'static,
    {
        let ty = sig.ty.clone();
        let param_types = sig.params.clone();
        let result_count = sig.results;
        let entry = move |mut caller: wasmtime::Caller<'_, D>, args: &mut [MaybeUninit<ValRaw>]| {
            let used = param_types.len().max(result_count);
            if used > MAX_CORE_VALUES || args.len() < used {
                return Err(to_engine_error(anyhow::anyhow!(
                    "host call of {used} core values"
                )));
            }
            // Most host calls move a few values: a small buffer saves
            // initialising the large one on every call.
            let cx = caller.as_context_mut();
            if used <= SMALL_CALL {
                enter_host::<D, SMALL_CALL>(cx, args, &param_types, result_count, &body)
            } else {
                enter_host::<D, MAX_CORE_VALUES>(cx, args, &param_types, result_count, &body)
            }
        };
        // SAFETY: the entry point reads exactly the parameters `ty` declares
        // (by their flat types) and writes exactly its results.
        unsafe { wasmtime::Func::new_unchecked(cx.as_context_mut(), ty, entry) }
    }

    fn instantiate<D: 'static>(
        cx: &mut Self::Cx<'_, D>,
        module: &Self::Module,
        imports: &[Self::Extern],
    ) -> Result<Self::Instance> {
        wasmtime::Instance::new(cx.as_context_mut(), module, imports).map_err(from_engine_error)
    }

    fn export<D: 'static>(
        cx: &mut Self::Cx<'_, D>,
        instance: Self::Instance,
        name: &str,
    ) -> Option<Self::Extern> {
        instance.get_export(cx.as_context_mut(), name)
    }

    fn export_key(module: &Self::Module, name: &str) -> Option<Self::ExportKey> {
        module.get_export_index(name)
    }

    fn export_at<D: 'static>(
        cx: &mut Self::Cx<'_, D>,
        instance: Self::Instance,
        key: &Self::ExportKey,
    ) -> Option<Self::Extern> {
        instance.get_module_export(cx.as_context_mut(), key)
    }

    fn table_set<D: 'static>(
        cx: &mut Self::Cx<'_, D>,
        table: &Self::Extern,
        index: u64,
        func: Self::Func,
    ) -> Result<()> {
        let Some(table) = table.clone().into_table() else {
            anyhow::bail!("an element segment writes to something that is not a table");
        };
        table
            .set(cx.as_context_mut(), index, wasmtime::Ref::Func(Some(func)))
            .map_err(|_| crate::error::Error::new(Trap::Core(CoreTrap::TableOutOfBounds)))
    }

    fn func_extern(func: Self::Func) -> Self::Extern {
        wasmtime::Extern::Func(func)
    }

    fn extern_func(item: Self::Extern) -> Option<Self::Func> {
        item.into_func()
    }

    fn extern_memory(item: Self::Extern) -> Option<Self::Memory> {
        item.into_memory()
    }

    fn new_global<D: 'static>(cx: &mut Self::Cx<'_, D>, value: i32) -> Result<Self::Global> {
        let ty = wasmtime::GlobalType::new(ValType::I32, wasmtime::Mutability::Var);
        wasmtime::Global::new(cx.as_context_mut(), ty, wasmtime::Val::I32(value))
            .map_err(from_engine_error)
    }

    fn memory_extern(memory: Self::Memory) -> Self::Extern {
        wasmtime::Extern::Memory(memory)
    }

    fn global_extern(global: Self::Global) -> Self::Extern {
        wasmtime::Extern::Global(global)
    }

    fn global_get<D: 'static>(cx: &mut Self::Cx<'_, D>, global: Self::Global) -> i32 {
        global.get(cx.as_context_mut()).i32().unwrap_or(0)
    }

    fn global_set<D: 'static>(cx: &mut Self::Cx<'_, D>, global: Self::Global, value: i32) {
        // Only fails for a value of another type or an immutable global;
        // the host's globals are mutable `i32`s.
        let _ = global.set(cx.as_context_mut(), wasmtime::Val::I32(value));
    }
}

/// Most core values one call moves: 16 spilled-or-flat parameters plus a
/// return pointer, with room to spare.
const MAX_CORE_VALUES: usize = 20;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_errors_come_back_unchanged_through_wasmtime() {
        let error = from_engine_error(to_engine_error(Error::new(Trap::InvalidChar(0xd800))));
        assert_eq!(
            error.downcast_ref::<Trap>(),
            Some(&Trap::InvalidChar(0xd800))
        );
    }

    #[test]
    fn core_traps_keep_their_code() {
        let error = from_engine_error(wasmtime::Error::new(wasmtime::Trap::MemoryOutOfBounds));
        assert_eq!(
            error.downcast_ref::<Trap>(),
            Some(&Trap::Core(CoreTrap::MemoryOutOfBounds))
        );
    }

    #[test]
    fn raw_values_carry_flat_bit_patterns() {
        let wide = 0xdead_beef_1234_5678u64;
        assert_eq!(raw_to_flat(flat_to_raw(wide), FlatType::I64), wide);
        assert_eq!(raw_to_flat(flat_to_raw(wide), FlatType::F64), wide);
        // 32-bit types see the low half only.
        assert_eq!(raw_to_flat(flat_to_raw(wide), FlatType::I32), 0x1234_5678);
        assert_eq!(
            raw_to_flat(ValRaw::f32(1.5f32.to_bits()), FlatType::F32),
            u64::from(1.5f32.to_bits())
        );
    }
}
