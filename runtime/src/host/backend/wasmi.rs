//! A second backend: the wasmi interpreter's core wasm API.
//!
//! Everything here is safe code: wasmi's [`wasmi::Func::call`] checks the
//! values it is given against the function's type, so even a wrong
//! [`Backend::call_raw`] is an error, never undefined behaviour.
//!
//! Guests are untrusted, so the crate's `wasmi` feature enables wasmi's
//! `validate` feature (without it [`wasmi::Module::new`] does not exist and
//! the only way in is the unchecked, unsound-on-bad-input
//! `Module::new_unchecked`) and its `auto-dispatch` feature (without it
//! wasmi's tail-call dispatch is used even in unoptimized builds, where LLVM
//! does not turn the tail calls into jumps and a long-running guest can
//! overflow the native stack).

use std::fmt;
use std::sync::Arc;

use wasmi::{AsContextMut, F32, F64, StoreContextMut, Val, ValType};

use super::{Backend, StoreLimits, engine_limits};

use crate::abi::flat::FlatType;
use crate::abi::memory::GuestMemory;
use crate::error::{CoreTrap, Error, Result, Trap, trap};

/// A host-side error travelling through wasmi as a host trap, so that it
/// comes out of the export call unchanged (and still downcasts to
/// [`Trap`]).
#[derive(Debug)]
struct HostError(Error);

impl fmt::Display for HostError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl wasmi::errors::HostError for HostError {}

/// Wraps a witbind error so a host function can return it to wasmi.
fn to_engine_error(error: Error) -> wasmi::Error {
    wasmi::Error::host(HostError(error))
}

/// Converts a wasmi error into a witbind error: a host error comes back as
/// it was; a core wasm trap becomes [`Trap::Core`], with wasmi's message as
/// context when it says more than the trap code; anything else keeps the
/// [`wasmi::Error`] (downcastable) as the error.
fn from_engine_error(error: wasmi::Error) -> Error {
    if error.downcast_ref::<HostError>().is_some() {
        // `downcast` consumes the error, so it is only called once it is
        // known to succeed.
        return match error.downcast::<HostError>() {
            Some(HostError(inner)) => inner,
            None => anyhow::anyhow!("a wasmi host error could not be recovered"),
        };
    }
    match error.as_trap_code() {
        Some(code) => {
            let message = error.to_string();
            let trap = Error::new(Trap::Core(core_trap(code)));
            if message == code.trap_message() {
                trap
            } else {
                trap.context(message)
            }
        }
        None => Error::new(error),
    }
}

/// witbind's engine-neutral name for a wasmi trap code.
fn core_trap(code: wasmi::TrapCode) -> CoreTrap {
    use wasmi::TrapCode as W;
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
        W::GrowthOperationLimited => CoreTrap::LimitExceeded,
        W::OutOfSystemMemory => CoreTrap::Other("out of system memory"),
    }
}

/// The flat type of a wasmi value type, or an error for the types witbind
/// does not move (vectors and references).
fn flat_type(ty: ValType) -> Result<FlatType> {
    match ty {
        ValType::I32 => Ok(FlatType::I32),
        ValType::I64 => Ok(FlatType::I64),
        ValType::F32 => Ok(FlatType::F32),
        ValType::F64 => Ok(FlatType::F64),
        other => anyhow::bail!("core value type `{other:?}` is not supported by witbind"),
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

/// A wasmi value as the `u64` bit pattern flat values travel in: 32-bit
/// types zero-extended, floats by their bits (NaN payloads kept).
#[inline]
fn val_to_flat(val: &Val) -> Result<u64> {
    Ok(match val {
        Val::I32(v) => u64::from(*v as u32),
        Val::I64(v) => *v as u64,
        Val::F32(v) => u64::from(v.to_bits()),
        Val::F64(v) => v.to_bits(),
        other => anyhow::bail!("core value `{other:?}` is not supported by witbind"),
    })
}

/// A flat value's bit pattern as a wasmi value of type `ty`; 32-bit types
/// take the low 32 bits.
#[inline]
fn flat_to_val(bits: u64, ty: FlatType) -> Val {
    match ty {
        FlatType::I32 => Val::I32(bits as u32 as i32),
        FlatType::I64 => Val::I64(bits as i64),
        FlatType::F32 => Val::F32(F32::from_bits(bits as u32)),
        FlatType::F64 => Val::F64(F64::from_bits(bits)),
    }
}

/// Most core values one call moves: 16 spilled-or-flat parameters plus a
/// return pointer, with room to spare (the same limit as wasmtime's).
const MAX_CORE_VALUES: usize = 20;

/// The filler of the value arrays a call starts from (`Val` is not `Copy`,
/// so array repetition needs a constant).
const NO_VALUE: Val = Val::I32(0);

/// [`Backend::call_raw`] without the `unsafe`: wasmi type-checks the call.
///
/// No heap allocation and no type lookup per call: the values live in two
/// stack arrays, typed by the caller's `params`; `Func::call` checks them
/// against the function's type, so a wrong list is an error.
fn call_flat<D>(
    cx: &mut StoreContextMut<'_, D>,
    func: wasmi::Func,
    slots: &mut [u64],
    params: &[FlatType],
    results: &[FlatType],
) -> Result<()> {
    let used = params.len().max(results.len());
    if used > MAX_CORE_VALUES || used > slots.len() {
        anyhow::bail!("a core call of {used} values exceeds the host's limit");
    }
    let mut args = [NO_VALUE; MAX_CORE_VALUES];
    for ((arg, bits), ty) in args.iter_mut().zip(slots.iter()).zip(params) {
        *arg = flat_to_val(*bits, *ty);
    }
    let mut outs = [NO_VALUE; MAX_CORE_VALUES];
    let outs = &mut outs[..results.len()];
    func.call(cx.as_context_mut(), &args[..params.len()], outs)
        .map_err(from_engine_error)?;
    for (slot, out) in slots.iter_mut().zip(outs.iter()) {
        *slot = val_to_flat(out)?;
    }
    Ok(())
}

/// A guest's linear memory and `realloc` seen through a wasmi store
/// context. Every access asks the store for the memory's bytes, so it sees
/// growth by `realloc`.
pub(crate) struct WasmiView<'a, D> {
    /// The store borrow everything goes through.
    store: StoreContextMut<'a, D>,
    /// The memory viewed.
    memory: wasmi::Memory,
    /// The guest's `realloc`, of type `(i32, i32, i32, i32) -> i32`.
    realloc: Option<wasmi::Func>,
}

impl<D> GuestMemory for WasmiView<'_, D> {
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
        let i32 = FlatType::I32;
        call_flat(&mut self.store, realloc, &mut slots, &[i32; 4], &[i32])?;
        Ok(slots[0] as u32)
    }
}

/// The wasmi backend.
///
/// Its engine is [`wasmi::Engine::default()`]: multi-memory, multi-value,
/// bulk memory and reference types are on, modules are validated eagerly
/// (and translated lazily), fuel is off.
pub(crate) struct Wasmi;

/// A host function's signature on wasmi: its type and the flat result types
/// the entry point converts by.
#[derive(Clone)]
pub(crate) struct WasmiSig {
    ty: wasmi::FuncType,
    results: Arc<[FlatType]>,
}

/// Which kind of item an import or extern is, for [`wasmi_import_order`].
fn extern_kind(item: &wasmi::Extern) -> u8 {
    match item {
        wasmi::Extern::Func(_) => 0,
        wasmi::Extern::Table(_) => 1,
        wasmi::Extern::Memory(_) => 2,
        wasmi::Extern::Global(_) => 3,
    }
}

/// `imports`, given in the module's declaration order, in the order
/// `Module::imports` lists the module's imports: for each of them, the next
/// given item of its kind. Items of a kind the module does not import are
/// left for `Instance::new` to reject by count.
fn wasmi_import_order(module: &wasmi::Module, imports: &[wasmi::Extern]) -> Vec<wasmi::Extern> {
    let mut ordered = Vec::with_capacity(imports.len());
    let mut next = [0usize; 4];
    for import in module.imports() {
        let kind = match import.ty() {
            wasmi::ExternType::Func(_) => 0,
            wasmi::ExternType::Table(_) => 1,
            wasmi::ExternType::Memory(_) => 2,
            wasmi::ExternType::Global(_) => 3,
        };
        let cursor = &mut next[kind as usize];
        match imports[*cursor..]
            .iter()
            .position(|item| extern_kind(item) == kind)
        {
            Some(at) => {
                ordered.push(imports[*cursor + at]);
                *cursor += at + 1;
            }
            None => *cursor = imports.len(),
        }
    }
    if ordered.len() != imports.len() {
        // A count mismatch: let wasmi report it on the original list.
        return imports.to_vec();
    }
    ordered
}

impl Backend for Wasmi {
    type Engine = wasmi::Engine;
    type Module = wasmi::Module;
    /// wasmi finds exports by name only.
    type ExportKey = Box<str>;
    type Store<D: 'static> = wasmi::Store<D>;
    type Cx<'a, D: 'static> = StoreContextMut<'a, D>;
    type Func = wasmi::Func;
    type Memory = wasmi::Memory;
    type Global = wasmi::Global;
    type Instance = wasmi::Instance;
    type Extern = wasmi::Extern;
    type View<'a, D: 'static> = WasmiView<'a, D>;
    type Limits = wasmi::StoreLimits;
    type HostSig = WasmiSig;

    fn same_engine(a: &Self::Engine, b: &Self::Engine) -> bool {
        wasmi::Engine::same(a, b)
    }

    fn compiles_wasm(_: &Self::Engine) -> bool {
        false
    }

    fn compile(engine: &Self::Engine, wasm: &[u8]) -> Result<Self::Module> {
        // Parses and validates the whole module (the `validate` feature);
        // function bodies are translated to wasmi bytecode on first call.
        wasmi::Module::new(engine, wasm).map_err(from_engine_error)
    }

    fn serialize_module(_: &Self::Module) -> Result<Option<Vec<u8>>> {
        Ok(None)
    }

    unsafe fn deserialize_module(_: &Self::Engine, _: &[u8]) -> Result<Self::Module> {
        anyhow::bail!("wasmi has no precompiled modules: a serialized wasmi component holds wasm")
    }

    fn new_store<D: 'static>(engine: &Self::Engine, data: D) -> Self::Store<D> {
        wasmi::Store::new(engine, data)
    }

    fn limits(limits: &StoreLimits) -> Self::Limits {
        engine_limits!(wasmi, limits)
    }

    fn set_limiter<D: 'static>(
        store: &mut Self::Store<D>,
        limits: fn(&mut D) -> &mut Self::Limits,
    ) {
        store.limiter(move |data| limits(data) as &mut dyn wasmi::ResourceLimiter);
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

    fn set_fuel<D: 'static>(store: &mut Self::Store<D>, fuel: u64) -> Result<()> {
        store.set_fuel(fuel).map_err(from_engine_error)
    }

    fn fuel<D: 'static>(store: &Self::Store<D>) -> Result<u64> {
        store.get_fuel().map_err(from_engine_error)
    }

    fn set_epoch_deadline<D: 'static>(_: &mut Self::Store<D>, _: u64) -> Result<()> {
        anyhow::bail!("wasmi has no epoch interruption: bound a guest's time with fuel")
    }

    fn increment_epoch(_: &Self::Engine) -> Result<()> {
        anyhow::bail!("wasmi has no epoch interruption: bound a guest's time with fuel")
    }

    fn into_data<D: 'static>(store: Self::Store<D>) -> D {
        store.into_data()
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
        WasmiView {
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
        let params = ty
            .params()
            .iter()
            .map(|t| flat_type(*t))
            .collect::<Result<_>>()?;
        let results = ty
            .results()
            .iter()
            .map(|t| flat_type(*t))
            .collect::<Result<_>>()?;
        Ok((params, results))
    }

    unsafe fn call_raw<D: 'static>(
        cx: &mut Self::Cx<'_, D>,
        func: Self::Func,
        slots: &mut [u64],
        params: &[FlatType],
        results: &[FlatType],
    ) -> Result<()> {
        // Nothing here relies on the caller's promise: wasmi checks the
        // values against the function's type and reports a mismatch.
        call_flat(cx, func, slots, params, results)
    }

    fn host_sig(_: &Self::Engine, params: &[FlatType], results: &[FlatType]) -> WasmiSig {
        WasmiSig {
            ty: wasmi::FuncType::new(
                params.iter().map(|t| flat_val_type(*t)),
                results.iter().map(|t| flat_val_type(*t)),
            ),
            results: results.into(),
        }
    }

    /// Defines the host function with [`wasmi::Func::new`], wasmi's only
    /// public constructor for a signature known at run time. Its trampoline
    /// clones a boxed buffer of `Val`s on every call (one heap allocation
    /// per call with any parameter or result); avoiding it would need
    /// [`wasmi::Func::wrap`], whose signature is fixed at compile time.
    fn host_func_with<D: 'static, F>(
        cx: &mut Self::Cx<'_, D>,
        sig: &WasmiSig,
        body: F,
    ) -> Self::Func
    where
        F: for<'a> Fn(Self::Cx<'a, D>, &mut [u64]) -> Result<()> + Send + Sync + 'static,
    {
        let ty = sig.ty.clone();
        let result_types = sig.results.clone();
        let entry = move |mut caller: wasmi::Caller<'_, D>,
                          args: &[Val],
                          outs: &mut [Val]|
              -> Result<(), wasmi::Error> {
            let mut flat = [0u64; MAX_CORE_VALUES];
            let used = args.len().max(result_types.len());
            if used > MAX_CORE_VALUES || outs.len() != result_types.len() {
                return Err(to_engine_error(anyhow::anyhow!(
                    "host call of {used} core values"
                )));
            }
            for (f, arg) in flat.iter_mut().zip(args) {
                // wasmi decodes the arguments by the declared type, which
                // has only flat types, so this cannot fail.
                *f = val_to_flat(arg).map_err(to_engine_error)?;
            }
            body(caller.as_context_mut(), &mut flat[..used]).map_err(to_engine_error)?;
            for ((out, bits), t) in outs.iter_mut().zip(&flat).zip(result_types.iter()) {
                *out = flat_to_val(*bits, *t);
            }
            Ok(())
        };
        wasmi::Func::new(cx.as_context_mut(), ty, entry)
    }

    fn instantiate<D: 'static>(
        cx: &mut Self::Cx<'_, D>,
        module: &Self::Module,
        imports: &[Self::Extern],
    ) -> Result<Self::Instance> {
        // wasmi does not check this itself, and a module runs code of the
        // engine it was compiled by.
        if !wasmi::Engine::same(module.engine(), cx.engine()) {
            anyhow::bail!("the core module was compiled by another engine than the store's");
        }
        // `imports` are in the module's declaration order; wasmi pairs them
        // with `Module::imports`, which lists functions first, then tables,
        // memories and globals (each kind in declaration order). Reorder to
        // match. `Instance::new` then checks the imports' types against the
        // module's and runs the module's start function.
        let imports = wasmi_import_order(module, imports);
        wasmi::Instance::new(cx.as_context_mut(), module, &imports).map_err(from_engine_error)
    }

    fn export<D: 'static>(
        cx: &mut Self::Cx<'_, D>,
        instance: Self::Instance,
        name: &str,
    ) -> Option<Self::Extern> {
        instance.get_export(&*cx, name)
    }

    fn export_key(module: &Self::Module, name: &str) -> Option<Self::ExportKey> {
        module.get_export(name).map(|_| name.into())
    }

    fn export_at<D: 'static>(
        cx: &mut Self::Cx<'_, D>,
        instance: Self::Instance,
        key: &Self::ExportKey,
    ) -> Option<Self::Extern> {
        instance.get_export(&*cx, key)
    }

    fn table_set<D: 'static>(
        cx: &mut Self::Cx<'_, D>,
        table: &Self::Extern,
        index: u64,
        func: Self::Func,
    ) -> Result<()> {
        let Some(table) = table.into_table() else {
            anyhow::bail!("an element segment writes to something that is not a table");
        };
        table
            .set(&mut *cx, index, wasmi::Ref::Func(func.into()))
            .map_err(|_| crate::error::Error::new(Trap::Core(CoreTrap::TableOutOfBounds)))
    }

    fn func_extern(func: Self::Func) -> Self::Extern {
        wasmi::Extern::Func(func)
    }

    fn extern_func(item: Self::Extern) -> Option<Self::Func> {
        item.into_func()
    }

    fn extern_memory(item: Self::Extern) -> Option<Self::Memory> {
        item.into_memory()
    }

    fn new_global<D: 'static>(cx: &mut Self::Cx<'_, D>, value: i32) -> Result<Self::Global> {
        Ok(wasmi::Global::new(
            &mut *cx,
            wasmi::Val::I32(value),
            wasmi::Mutability::Var,
        ))
    }

    fn memory_extern(memory: Self::Memory) -> Self::Extern {
        wasmi::Extern::Memory(memory)
    }

    fn global_extern(global: Self::Global) -> Self::Extern {
        wasmi::Extern::Global(global)
    }

    fn global_get<D: 'static>(cx: &mut Self::Cx<'_, D>, global: Self::Global) -> i32 {
        global.get(&*cx).i32().unwrap_or(0)
    }

    fn global_set<D: 'static>(cx: &mut Self::Cx<'_, D>, global: Self::Global, value: i32) {
        // Only fails for a value of another type or an immutable global;
        // the host's globals are mutable `i32`s.
        let _ = global.set(&mut *cx, wasmi::Val::I32(value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The store data of the tests: how often the host function ran.
    type Data = u32;

    /// A module exercising every backend method: all four flat types both
    /// ways, a host import taking them, a failing host import, a trap, a
    /// start function, and a `realloc` that grows memory.
    const WAT: &str = r#"
        (module
          (import "host" "sum" (func $sum (param i32 i64 f32 f64) (result i64)))
          (import "host" "fail" (func $fail))
          (memory (export "memory") 1)
          (memory (export "other") 1)
          (func $init (i32.store8 (i32.const 0) (i32.const 42)))
          (start $init)
          (func (export "echo") (param i32 i64 f32 f64) (result i32 i64 f32 f64)
            local.get 0 local.get 1 local.get 2 local.get 3)
          (func (export "call-sum") (param i32 i64 f32 f64) (result i64)
            local.get 0 local.get 1 local.get 2 local.get 3 call $sum)
          (func (export "fail") call $fail)
          (func (export "trap") unreachable)
          (func (export "div") (param i32 i32) (result i32)
            (i32.div_u (local.get 0) (local.get 1)))
          (func (export "realloc") (param i32 i32 i32 i32) (result i32)
            (i32.mul (memory.grow (i32.const 1)) (i32.const 65536)))
          (func (export "bad-realloc") (param i32 i32 i32 i32) (result i32)
            unreachable)
        )
    "#;

    /// A store, the module instantiated in it, and the host functions.
    fn setup() -> (wasmi::Store<Data>, wasmi::Instance) {
        let engine = wasmi::Engine::default();
        let module = Wasmi::compile(&engine, &wat::parse_str(WAT).unwrap()).unwrap();
        let mut store = Wasmi::new_store(&engine, 0u32);
        let mut cx = Wasmi::cx(&mut store);
        use FlatType::*;
        let sum = Wasmi::host_func(
            &mut cx,
            &[I32, I64, F32, F64],
            &[I64],
            |mut cx: StoreContextMut<'_, Data>, flat: &mut [u64]| {
                *Wasmi::data_mut(&mut cx) += 1;
                let a = i64::from(flat[0] as u32 as i32);
                let b = flat[1] as i64;
                let c = f32::from_bits(flat[2] as u32) as i64;
                let d = f64::from_bits(flat[3]) as i64;
                flat[0] = (a + b + c + d) as u64;
                Ok(())
            },
        );
        let fail = Wasmi::host_func(
            &mut cx,
            &[],
            &[],
            |_: StoreContextMut<'_, Data>, _: &mut [u64]| {
                Err(Error::new(Trap::InvalidChar(0xd800)))
            },
        );
        let imports = [Wasmi::func_extern(sum), Wasmi::func_extern(fail)];
        let instance = Wasmi::instantiate(&mut cx, &module, &imports).unwrap();
        (store, instance)
    }

    /// Export `name` of `instance` as a function.
    fn func(
        cx: &mut StoreContextMut<'_, Data>,
        instance: wasmi::Instance,
        name: &str,
    ) -> wasmi::Func {
        Wasmi::extern_func(Wasmi::export(cx, instance, name).unwrap()).unwrap()
    }

    /// Calls `name` with `args`, expecting `results`, and returns the slots.
    fn call(
        cx: &mut StoreContextMut<'_, Data>,
        instance: wasmi::Instance,
        name: &str,
        args: &[u64],
        results: &[FlatType],
    ) -> Result<Vec<u64>> {
        let f = func(cx, instance, name);
        let (params, _) = Wasmi::signature(cx, f)?;
        let mut slots = vec![0u64; args.len().max(results.len())];
        slots[..args.len()].copy_from_slice(args);
        // SAFETY: each test passes the export's exact signature.
        unsafe { Wasmi::call_raw(cx, f, &mut slots, &params, results) }?;
        slots.truncate(results.len());
        Ok(slots)
    }

    /// The flat arguments the tests pass: -1i32, a wide i64, 1.5f32 and
    /// -2.25f64 (plus a NaN payload checked separately).
    fn args() -> [u64; 4] {
        [
            0xffff_ffff,
            0x1234_5678_9abc_def0,
            u64::from(1.5f32.to_bits()),
            (-2.25f64).to_bits(),
        ]
    }

    #[test]
    fn values_of_every_flat_type_cross_both_ways() {
        use FlatType::*;
        let (mut store, instance) = setup();
        let mut cx = Wasmi::cx(&mut store);
        let out = call(&mut cx, instance, "echo", &args(), &[I32, I64, F32, F64]).unwrap();
        assert_eq!(out, args());

        // NaN payloads survive unchanged.
        let nans = [7, 8, 0x7fa0_0001, 0x7ff0_0000_0000_0001];
        let out = call(&mut cx, instance, "echo", &nans, &[I32, I64, F32, F64]).unwrap();
        assert_eq!(out, nans);
    }

    #[test]
    fn host_functions_get_and_return_flat_values() {
        let (mut store, instance) = setup();
        let mut cx = Wasmi::cx(&mut store);
        let out = call(&mut cx, instance, "call-sum", &args(), &[FlatType::I64]).unwrap();
        // -1 + 0x1234_5678_9abc_def0 + 1 + (-2)
        assert_eq!(out, [0x1234_5678_9abc_def0u64 - 2]);
        assert_eq!(*Wasmi::data(&cx), 1);
        assert_eq!(*Wasmi::store_data(&store), 1);
        *Wasmi::store_data_mut(&mut store) = 7;
        assert_eq!(Wasmi::into_data(store), 7);
    }

    #[test]
    fn host_errors_come_out_of_the_export_call_unchanged() {
        let (mut store, instance) = setup();
        let mut cx = Wasmi::cx(&mut store);
        let error = call(&mut cx, instance, "fail", &[], &[]).unwrap_err();
        assert_eq!(
            error.downcast_ref::<Trap>(),
            Some(&Trap::InvalidChar(0xd800))
        );
    }

    #[test]
    fn core_traps_become_core_trap_codes() {
        let (mut store, instance) = setup();
        let mut cx = Wasmi::cx(&mut store);
        let error = call(&mut cx, instance, "trap", &[], &[]).unwrap_err();
        assert_eq!(
            error.downcast_ref::<Trap>(),
            Some(&Trap::Core(CoreTrap::Unreachable))
        );
        let error = call(&mut cx, instance, "div", &[1, 0], &[FlatType::I32]).unwrap_err();
        assert_eq!(
            error.downcast_ref::<Trap>(),
            Some(&Trap::Core(CoreTrap::IntegerDivisionByZero))
        );
        // The store stays usable after a trap.
        let out = call(&mut cx, instance, "div", &[7, 2], &[FlatType::I32]).unwrap();
        assert_eq!(out, [3]);
    }

    #[test]
    fn mismatched_calls_are_errors_not_undefined_behaviour() {
        let (mut store, instance) = setup();
        let mut cx = Wasmi::cx(&mut store);
        assert!(call(&mut cx, instance, "div", &[1], &[FlatType::I32]).is_err());
        assert!(call(&mut cx, instance, "div", &[1, 1], &[]).is_err());
    }

    #[test]
    fn signatures_report_flat_types() {
        use FlatType::*;
        let (mut store, instance) = setup();
        let mut cx = Wasmi::cx(&mut store);
        let echo = func(&mut cx, instance, "echo");
        let (params, results) = Wasmi::signature(&cx, echo).unwrap();
        assert_eq!(params, [I32, I64, F32, F64]);
        assert_eq!(results, [I32, I64, F32, F64]);
        let trap = func(&mut cx, instance, "trap");
        assert_eq!(Wasmi::signature(&cx, trap).unwrap(), (vec![], vec![]));
    }

    #[test]
    fn exports_are_funcs_or_memories() {
        let (mut store, instance) = setup();
        let mut cx = Wasmi::cx(&mut store);
        let memory = Wasmi::export(&mut cx, instance, "memory").unwrap();
        assert!(Wasmi::extern_func(memory).is_none());
        let memory = Wasmi::extern_memory(memory).unwrap();
        let echo = Wasmi::export(&mut cx, instance, "echo").unwrap();
        assert!(Wasmi::extern_memory(echo).is_none());
        assert!(Wasmi::export(&mut cx, instance, "missing").is_none());

        // Two memories (multi-memory), and the start function ran.
        let other = Wasmi::extern_memory(Wasmi::export(&mut cx, instance, "other").unwrap());
        assert_eq!(Wasmi::memory_bytes(&cx, other.unwrap()).len(), 65536);
        assert_eq!(Wasmi::memory_bytes(&cx, memory)[0], 42);
        let (bytes, data) = Wasmi::memory_and_data_mut(&mut cx, memory);
        *data += 1;
        assert_eq!(bytes[0], 42);
        assert_eq!(*Wasmi::data(&cx), 1);
    }

    #[test]
    fn views_realloc_through_the_guest_and_see_growth() {
        let (mut store, instance) = setup();
        let mut cx = Wasmi::cx(&mut store);
        let memory = Wasmi::extern_memory(Wasmi::export(&mut cx, instance, "memory").unwrap());
        let memory = memory.unwrap();
        let realloc = func(&mut cx, instance, "realloc");

        let mut view = Wasmi::view(Wasmi::reborrow(&mut cx), memory, Some(realloc));
        assert_eq!(view.data().len(), 65536);
        assert_eq!(view.realloc(0, 0, 1, 16).unwrap(), 65536);
        assert_eq!(view.data().len(), 2 * 65536);
        view.data_mut()[65536] = 9;
        assert_eq!(Wasmi::memory_bytes(&cx, memory)[65536], 9);

        let mut view = Wasmi::view(Wasmi::reborrow(&mut cx), memory, None);
        let error = view.realloc(0, 0, 1, 16).unwrap_err();
        assert_eq!(error.downcast_ref::<Trap>(), Some(&Trap::NoRealloc));

        let bad = func(&mut cx, instance, "bad-realloc");
        let mut view = Wasmi::view(Wasmi::reborrow(&mut cx), memory, Some(bad));
        let error = view.realloc(0, 0, 1, 16).unwrap_err();
        assert_eq!(
            error.downcast_ref::<Trap>(),
            Some(&Trap::Core(CoreTrap::Unreachable))
        );
    }

    #[test]
    fn invalid_modules_and_imports_are_rejected() {
        let engine = wasmi::Engine::default();
        // Well-formed but ill-typed: only validation catches it.
        let wasm = wat::parse_str("(module (func (result i32) i64.const 0))").unwrap();
        assert!(Wasmi::compile(&engine, &wasm).is_err());

        let wasm = wat::parse_str(r#"(module (import "m" "f" (func (param i32))))"#).unwrap();
        let module = Wasmi::compile(&engine, &wasm).unwrap();
        let mut store = Wasmi::new_store(&engine, 0u32);
        let mut cx = Wasmi::cx(&mut store);
        assert!(Wasmi::same_engine(&Wasmi::store_engine(&cx), &engine));
        assert!(!Wasmi::same_engine(&engine, &wasmi::Engine::default()));
        let wrong = Wasmi::host_func(
            &mut cx,
            &[FlatType::I64],
            &[],
            |_: StoreContextMut<'_, Data>, _: &mut [u64]| Ok(()),
        );
        assert!(Wasmi::instantiate(&mut cx, &module, &[Wasmi::func_extern(wrong)]).is_err());
        assert!(Wasmi::instantiate(&mut cx, &module, &[]).is_err());

        let foreign = Wasmi::compile(&wasmi::Engine::default(), &wasm).unwrap();
        let right = Wasmi::host_func(
            &mut cx,
            &[FlatType::I32],
            &[],
            |_: StoreContextMut<'_, Data>, _: &mut [u64]| Ok(()),
        );
        let imports = [Wasmi::func_extern(right)];
        assert!(Wasmi::instantiate(&mut cx, &foreign, &imports).is_err());
        assert!(Wasmi::instantiate(&mut cx, &module, &imports).is_ok());
    }

    #[test]
    fn traps_in_the_start_function_are_core_traps() {
        let engine = wasmi::Engine::default();
        let wasm = wat::parse_str("(module (func $s unreachable) (start $s))").unwrap();
        let module = Wasmi::compile(&engine, &wasm).unwrap();
        let mut store = Wasmi::new_store(&engine, 0u32);
        let error = Wasmi::instantiate(&mut Wasmi::cx(&mut store), &module, &[]).unwrap_err();
        assert_eq!(
            error.downcast_ref::<Trap>(),
            Some(&Trap::Core(CoreTrap::Unreachable))
        );
    }
}
