//! What a fused adapter (the core function wasmtime-environ compiles for a
//! call from one sub-component into another) imports from the host,
//! besides the instances' memories and functions: handle transfers
//! between the two instances' tables, the call scope that borrows live
//! in, string transcoders, and its traps.

use std::sync::Arc;

use wasmtime_environ::component::{RuntimeMemoryIndex, Transcode, TypeResourceTable};

use crate::error::{Result, Trap, trap};
use crate::host::backend::any::Engines;
use crate::host::builtins::{copy_in_wasm, transcode};
use crate::host::plan::ComponentPlan;
use crate::host::plan::types::{ResourceMap, table_resource};
use crate::host::runtime::state::{Cx, TablesAt, instance_tables};
use crate::resources::HandleKind;
use crate::types::ResourceType;

/// The resource type and the owning component instance of each of a
/// component's resource tables (by `TypeResourceTableIndex`), for the
/// transfers of one instance.
pub(crate) type TableResources = Arc<[Option<(ResourceType, u32)>]>;

/// Every resource table of `plan`, typed by the instance's `resources`.
pub(crate) fn table_resources(plan: &ComponentPlan, resources: &ResourceMap) -> TableResources {
    (0..plan.resource_tables)
        .map(|i| {
            let index = wasmtime_environ::component::TypeResourceTableIndex::from_u32(i);
            let TypeResourceTable::Concrete { instance, .. } = plan.types[index] else {
                return None;
            };
            let ty = table_resource(&plan.types, resources, index).ok()?;
            Some((ty, instance.as_u32()))
        })
        .collect()
}

/// `resource.transfer-own` / `-borrow`: moves (or lends) the handle
/// `args[0]` of table `args[1]` into table `args[2]`, leaving the new
/// handle in `args[0]`. An `own` leaves the caller's table; a `borrow`
/// counts as lent until the call's scope closes, and reaches the resource's
/// defining instance as its rep.
pub(crate) fn transfer<T: 'static, B: Engines>(
    cx: &mut Cx<'_, T, B>,
    id: usize,
    tables: &TableResources,
    kind: HandleKind,
    args: &mut [u64],
) -> Result<()> {
    let [index, src, dst, ..] = *args else {
        return trap(Trap::MissingFlatValue {
            expected: 3,
            got: args.len(),
        });
    };
    let table = |t: u64| match tables.get(t as usize) {
        Some(Some((ty, sub))) => Ok((ty, TablesAt { id, sub: *sub })),
        _ => anyhow::bail!("a fused adapter named resource table {t}, which the component lacks"),
    };
    let (src_ty, src) = table(src)?;
    let (dst_ty, dst) = table(dst)?;
    let index = index as u32;
    let src = instance_tables::<T, B>(cx, src)?;
    let rep = match kind {
        HandleKind::Own => src.lift_own(index, src_ty),
        HandleKind::Borrow => src.lift_borrow(index, src_ty),
    }?;
    let dst = instance_tables::<T, B>(cx, dst)?;
    let moved = match kind {
        HandleKind::Own => dst.lower_own(dst_ty, rep),
        HandleKind::Borrow => dst.lower_borrow(dst_ty, rep),
    }?;
    args[0] = u64::from(moved);
    Ok(())
}

/// `enter-sync-call`: opens the handle scope of a call from component
/// instance `args[0]` into `args[2]` of instance `id`, in both tables.
pub(crate) fn enter_call<T: 'static, B: Engines>(
    cx: &mut Cx<'_, T, B>,
    id: usize,
    args: &[u64],
) -> Result<()> {
    let [caller, _, callee, ..] = *args else {
        return trap(Trap::MissingFlatValue {
            expected: 3,
            got: args.len(),
        });
    };
    let caller = TablesAt {
        id,
        sub: caller as u32,
    };
    let callee = TablesAt {
        id,
        sub: callee as u32,
    };
    for at in [caller, callee] {
        instance_tables::<T, B>(cx, at)?.enter_instance_call();
    }
    B::data_mut(cx).adapter_calls.push((caller, callee));
    Ok(())
}

/// `exit-sync-call`: closes the innermost adapter call's scopes. Borrows
/// the callee still holds trap ([`Trap::BorrowNotDropped`]); the caller's
/// lends end.
pub(crate) fn exit_call<T: 'static, B: Engines>(cx: &mut Cx<'_, T, B>) -> Result<()> {
    let Some((caller, callee)) = B::data_mut(cx).adapter_calls.pop() else {
        anyhow::bail!("a fused adapter closed a call scope it never opened");
    };
    let callee = instance_tables::<T, B>(cx, callee)?.exit_instance_call();
    let caller = instance_tables::<T, B>(cx, caller)?.exit_instance_call();
    callee.and(caller)
}

/// The adapter's `trap` import: the trap its code names.
pub(crate) fn adapter_trap(code: u64) -> Result<()> {
    use wasmtime_environ::Trap as T;
    let cause = match u8::try_from(code).ok().and_then(T::from_u8) {
        Some(T::CannotLeaveComponent) => return trap(Trap::CannotLeave),
        Some(T::CannotEnterComponent) => {
            "the callee's instance is the caller's or one of its ancestors, which may not be \
             entered again"
        }
        Some(T::StringOutOfBounds) => "a string's bytes lie outside its memory",
        Some(T::ListOutOfBounds) => "a list's elements lie outside its memory",
        Some(T::MemoryOutOfBounds) => "a pointer lies outside its memory",
        Some(T::InvalidDiscriminant) => "a variant, enum, option or result has no such case",
        Some(T::InvalidChar) => "a `char` is not a Unicode scalar value",
        Some(T::UnalignedPointer) => "a pointer is not aligned to its type",
        Some(T::UncaughtException) => "an exception left the callee",
        _ => "the adapter's internal check failed",
    };
    trap(Trap::BetweenComponents { cause })
}

/// The wasm version ([`copy_in_wasm`]) of the `copy` transcoder `host`
/// between the memories `from` and `to` of instance `id`, when the plan
/// compiled one and both memories exist and differ. `None` keeps the host
/// function: for other transcoders, on an interpreter, before the
/// memories are extracted, within one memory, or when the module cannot
/// import them.
pub(crate) fn copy_in_wasm<T: 'static, B: Engines>(
    cx: &mut Cx<'_, T, B>,
    plan: &ComponentPlan,
    id: usize,
    (op, from, to): (Transcode, RuntimeMemoryIndex, RuntimeMemoryIndex),
    host: B::Func,
) -> Option<B::Func> {
    let Transcode::Copy(encoding) = op else {
        return None;
    };
    let module = plan.copy_module::<B>(encoding)?;
    let state = &B::data(cx).instances[id];
    let (from, to) = (state.memory(from).ok()?, state.memory(to).ok()?);
    // One memory twice: the wasm copy could overwrite source bytes it has
    // yet to read. Two live memories never share a base address.
    if B::memory_bytes(cx, from).as_ptr() == B::memory_bytes(cx, to).as_ptr() {
        return None;
    }
    let imports = [
        B::memory_extern(from),
        B::memory_extern(to),
        B::func_extern(host),
    ];
    let instance = B::instantiate(cx, module, &imports).ok()?;
    B::export(cx, instance, copy_in_wasm::EXPORT).and_then(B::extern_func)
}

/// A string transcoder between the memories `from` and `to` of instance
/// `id`: reads the source, checks it, writes the destination.
pub(crate) fn run_transcoder<T: 'static, B: Engines>(
    cx: &mut Cx<'_, T, B>,
    id: usize,
    (op, from, to): (Transcode, RuntimeMemoryIndex, RuntimeMemoryIndex),
    args: &mut [u64],
) -> Result<()> {
    let state = &B::data(cx).instances[id];
    let (from, to) = (state.memory(from)?, state.memory(to)?);
    let (ptr, len) = transcode::source_range(op, args);
    let memory = B::memory_bytes(cx, from);
    let range = crate::abi::memory::check_range(ptr, len, memory.len())?;
    // A copy of the source, so that it may share the destination's
    // memory; the adapter allocated the destination apart from it.
    let src = memory[range].to_vec();
    let mut view = B::view(B::reborrow(cx), to, None);
    transcode::run(
        op,
        &src,
        crate::abi::memory::GuestMemory::data_mut(&mut view),
        args,
    )
}
