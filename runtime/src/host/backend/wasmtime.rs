//! The default backend: wasmtime's core wasm API (no component-model
//! execution from wasmtime is used).

use std::fmt;
use std::mem::MaybeUninit;

use wasmtime::{AsContext, AsContextMut, Memory, StoreContextMut, ValRaw, ValType};
use wasmtime_environ::WasmValType;

use crate::abi::flat::FlatType;
use crate::abi::memory::GuestMemory;
use crate::error::{Error, Result, Trap, trap};

/// A guest `realloc`, type-checked once when it is extracted.
pub(crate) type Realloc = wasmtime::TypedFunc<(i32, i32, i32, i32), i32>;

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
        Some(code) if message == code.to_string() => Error::new(*code),
        Some(code) => Error::new(*code).context(message),
        None => anyhow::anyhow!("{message}"),
    }
}

/// The engine's core value type for a core wasm value type of a component's
/// core function.
pub(crate) fn core_val_type(ty: &WasmValType) -> Result<ValType> {
    match ty {
        WasmValType::I32 => Ok(ValType::I32),
        WasmValType::I64 => Ok(ValType::I64),
        WasmValType::F32 => Ok(ValType::F32),
        WasmValType::F64 => Ok(ValType::F64),
        other => anyhow::bail!("core value type `{other}` is not supported by witbind"),
    }
}

/// The engine's core value type for a flat type.
pub(crate) fn flat_val_type(ty: FlatType) -> ValType {
    match ty {
        FlatType::I32 => ValType::I32,
        FlatType::I64 => ValType::I64,
        FlatType::F32 => ValType::F32,
        FlatType::F64 => ValType::F64,
    }
}

/// Checks that a core function has exactly the given flat signature: what
/// makes raw (unchecked) calls of it sound.
pub(crate) fn check_core_signature(
    store: impl AsContext,
    func: &wasmtime::Func,
    params: &[FlatType],
    results: &[FlatType],
    what: &str,
) -> Result<()> {
    let ty = func.ty(&store);
    let same = |got: Vec<ValType>, want: &[FlatType]| {
        got.len() == want.len()
            && got
                .iter()
                .zip(want)
                .all(|(g, w)| ValType::eq(g, &flat_val_type(*w)))
    };
    if !same(ty.params().collect(), params) || !same(ty.results().collect(), results) {
        anyhow::bail!(
            "{what}: core function type {ty} does not match the canonical ABI's flattening"
        );
    }
    Ok(())
}

/// A raw core value as the `u64` bit pattern flat values travel in.
#[inline]
pub(crate) fn raw_to_flat(raw: ValRaw, ty: FlatType) -> u64 {
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
pub(crate) fn flat_to_raw(bits: u64) -> ValRaw {
    ValRaw::u64(bits)
}

/// Reads the raw argument at `index` of a host function call.
#[inline]
pub(crate) fn host_arg(args: &[MaybeUninit<ValRaw>], index: usize, ty: FlatType) -> Result<u64> {
    match args.get(index) {
        // SAFETY: wasmtime initializes every parameter slot of a host call,
        // and the slot count was checked against the core signature when the
        // host function was defined.
        Some(slot) => Ok(raw_to_flat(unsafe { slot.assume_init() }, ty)),
        None => trap(Trap::MissingFlatValue {
            expected: index + 1,
            got: args.len(),
        }),
    }
}

/// Calls a core function whose signature was checked with
/// [`check_core_signature`]: parameters come from `slots`, results are
/// written back to its start.
///
/// # Safety
///
/// `func` must have been checked to take exactly the flat types whose values
/// are in `slots[..params]` and to return at most `slots.len()` values of
/// numeric types, and `slots.len()` must be at least the parameter and the
/// result count.
#[inline]
pub(crate) unsafe fn call_raw(
    mut store: impl AsContextMut,
    func: &wasmtime::Func,
    slots: &mut [ValRaw],
) -> Result<()> {
    // SAFETY: the caller guarantees the slots match the checked signature,
    // and numeric values need no validity beyond their bits.
    unsafe { func.call_unchecked(store.as_context_mut(), slots) }.map_err(from_engine_error)
}

/// A guest's linear memory and `realloc` seen through a store context.
pub(crate) struct WasmtimeMemory<'a, T: 'static> {
    store: StoreContextMut<'a, T>,
    memory: Memory,
    realloc: Option<Realloc>,
}

impl<'a, T: 'static> WasmtimeMemory<'a, T> {
    /// A view of `memory` whose `realloc` calls `realloc`.
    pub(crate) fn new(
        store: StoreContextMut<'a, T>,
        memory: Memory,
        realloc: Option<Realloc>,
    ) -> Self {
        Self {
            store,
            memory,
            realloc,
        }
    }
}

impl<T: 'static> GuestMemory for WasmtimeMemory<'_, T> {
    fn data(&self) -> &[u8] {
        self.memory.data(&self.store)
    }

    fn data_mut(&mut self) -> &mut [u8] {
        self.memory.data_mut(&mut self.store)
    }

    fn realloc(&mut self, old_ptr: u32, old_size: u32, align: u32, new_size: u32) -> Result<u32> {
        let Some(realloc) = &self.realloc else {
            return trap(Trap::NoRealloc);
        };
        let args = (
            old_ptr as i32,
            old_size as i32,
            align as i32,
            new_size as i32,
        );
        let ptr = realloc
            .call(&mut self.store, args)
            .map_err(from_engine_error)?;
        Ok(ptr as u32)
    }
}

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
            error.downcast_ref::<wasmtime::Trap>(),
            Some(&wasmtime::Trap::MemoryOutOfBounds)
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
