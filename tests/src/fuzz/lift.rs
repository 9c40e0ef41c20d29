//! Target `lift`: arbitrary bytes lifted as an arbitrary type.
//!
//! The input gives a type, a string encoding, flat core values and a guest
//! memory. Lifting (both `lift_flat` and `load`) must give a value or an
//! error carrying a [`Trap`], nothing else and never a panic; a value that
//! lifted is lowered again (stored and flattened) and lifting that gives it
//! back.

use arbitrary::Unstructured;
use witbind::{
    BumpAllocator, FlatReader, FlatWriter, HostcallFuel, LiftContext, LowerContext, StringEncoding,
    Trap, Type, Val, VecMemory,
};

use super::generate::{MAX_DEPTH, arbitrary_type};

/// Largest guest memory an input makes.
const MAX_MEMORY: usize = 1 << 16;
/// Hostcall fuel of one lift: bounds what a value may grow to on the host
/// (a list of strings all pointing at the same bytes, say).
const LIFT_FUEL: usize = 1 << 20;
/// Memory to lower a lifted value into when 64 KiB is not enough: lowering
/// needs at most twice the lift's fuel (strings transcoded), plus padding.
const BIG_MEMORY: usize = 4 * LIFT_FUEL;

/// Runs one input. Panics when lifting fails with an error that is not a
/// trap, or when a lifted value does not survive lowering and lifting again.
pub fn run(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let Ok(ty) = arbitrary_type(&mut u, MAX_DEPTH) else {
        return;
    };
    let Ok(encoding) = u.choose(&[
        StringEncoding::Utf8,
        StringEncoding::Utf16,
        StringEncoding::CompactUtf16,
    ]) else {
        return;
    };
    let encoding = *encoding;
    let flat: Vec<u64> = (0..ty.flat_types().len())
        .map(|_| u.arbitrary().unwrap_or(0))
        .collect();
    let offset: u16 = u.arbitrary().unwrap_or(0);
    let rest = u.take_rest();
    let memory = &rest[..rest.len().min(MAX_MEMORY)];

    let lifted = {
        let mut cx = lift_context(memory, encoding);
        Val::lift_flat(&mut cx, &ty, &mut FlatReader::new(&flat))
    };
    if let Some(value) = ok_or_trap(lifted, &ty, "lift_flat") {
        assert_round_trip(&value, &ty, encoding);
    }

    let offset = usize::from(offset);
    let size = ty.size32() as usize;
    if offset + size <= memory.len() {
        let loaded = {
            let mut cx = lift_context(memory, encoding);
            Val::load(&mut cx, &ty, &memory[offset..offset + size])
        };
        if let Some(value) = ok_or_trap(loaded, &ty, "load") {
            assert_round_trip(&value, &ty, encoding);
        }
    }
}

fn lift_context(memory: &[u8], encoding: StringEncoding) -> LiftContext<'_> {
    LiftContext::new(memory, encoding).with_fuel(HostcallFuel::new(LIFT_FUEL))
}

/// The value, `None` for a trap; panics on any other error.
fn ok_or_trap(result: witbind::Result<Val>, ty: &Type, what: &str) -> Option<Val> {
    match result {
        Ok(value) => Some(value),
        Err(e) if e.downcast_ref::<Trap>().is_some() => None,
        Err(e) => panic!("{what} as `{ty}` failed without a trap: {e:#}"),
    }
}

/// Lowers `value` both ways and checks that lifting gives it back.
fn assert_round_trip(value: &Val, ty: &Type, encoding: StringEncoding) {
    for size in [MAX_MEMORY, BIG_MEMORY] {
        match round_trip(value, ty, encoding, size) {
            Ok([stored, flat]) => {
                assert_eq!(&stored, value, "store then load of `{ty}`");
                assert_eq!(&flat, value, "lower_flat then lift_flat of `{ty}`");
                return;
            }
            // The bump allocator ran out of memory: try a bigger one.
            Err(e) if matches!(e.downcast_ref(), Some(Trap::OutOfBounds { .. })) => continue,
            Err(e) => panic!("lowering {value:?} as `{ty}` failed: {e:#}"),
        }
    }
    panic!("lowering {value:?} as `{ty}` needs more than {BIG_MEMORY} bytes");
}

/// `value` stored and loaded back, and lowered to flat values and lifted
/// back, each in a fresh memory of `size` bytes.
fn round_trip(
    value: &Val,
    ty: &Type,
    encoding: StringEncoding,
    size: usize,
) -> witbind::Result<[Val; 2]> {
    let mut memory = fresh_memory(size);
    let offset = {
        let mut cx = LowerContext::new(&mut memory, encoding);
        let offset = cx.realloc(0, 0, ty.align32(), ty.size32())? as usize;
        value.store(&mut cx, ty, offset)?;
        offset
    };
    let bytes = memory.bytes();
    let stored = Val::load(
        &mut LiftContext::new(bytes, encoding),
        ty,
        &bytes[offset..offset + ty.size32() as usize],
    )?;

    let mut memory = fresh_memory(size);
    let mut slots = vec![0u64; ty.flat_types().len()];
    {
        let mut cx = LowerContext::new(&mut memory, encoding);
        let mut writer = FlatWriter::new(&mut slots);
        value.lower_flat(&mut cx, ty, &mut writer)?;
        assert_eq!(writer.len(), slots.len(), "lower_flat count of `{ty}`");
    }
    let mut reader = FlatReader::new(&slots);
    let flat = Val::lift_flat(
        &mut LiftContext::new(memory.bytes(), encoding),
        ty,
        &mut reader,
    )?;
    assert_eq!(reader.position(), slots.len(), "lift_flat count of `{ty}`");
    Ok([stored, flat])
}

fn fresh_memory(size: usize) -> VecMemory {
    BumpAllocator::new(8).memory(vec![0; size])
}
