//! What each kind of vector checks, through witbind's public API only.

use anyhow::{Context, Result, bail, ensure};
use witbind::abi::options::{MAX_FLAT_PARAMS, MAX_FLAT_RESULTS};
use witbind::{
    CanonContext, CoreFuncType, FlatReader, FlatType, FlatWriter, LiftContext, LowerContext, Trap,
    Val, VecMemory, lift_flat_values, lower_flat_values,
};

use super::json::{val_from_json, val_to_json, vals_from_json};
use super::machine::{Machine, REGION_START};
use super::resolve::Resolved;
use super::vector::{Kind, Segment, Vector};

/// Checks `vector`, whose types are `resolved`: `Ok` when witbind does
/// exactly what the reference did.
pub fn check(vector: &Vector, resolved: &Resolved) -> Result<()> {
    match (vector.kind, resolved) {
        (Kind::Lower, Resolved::Type(ty)) => {
            let value = val_from_json(ty, expected_json(vector)?)?;
            check_lowering(vector, ty.flat_types(), |cx| {
                let mut flat = vec![0; ty.flat_types().len()];
                value.lower_flat(cx, ty, &mut FlatWriter::new(&mut flat))?;
                Ok(flat)
            })
        }
        (Kind::Lift, Resolved::Type(ty)) => check_lifting(
            vector,
            ty.flat_types(),
            |cx, src| Ok(vec![Val::lift_flat(cx, ty, src)?]),
            || Ok(vec![val_from_json(ty, expected_json(vector)?)?]),
        ),
        (Kind::CallExportArgs, Resolved::Func { params, .. }) => {
            let values = vals_from_json(params, expected_json(vector)?)?;
            let core = CoreFuncType::new(params, &[], CanonContext::Lift);
            check_lowering(vector, &core.params, |cx| {
                lower_flat_values(cx, MAX_FLAT_PARAMS, params, &values, None)
            })
        }
        (Kind::CallImportResults, Resolved::Func { results, .. }) => {
            let values = vals_from_json(results, expected_json(vector)?)?;
            let core = CoreFuncType::new(&[], results, CanonContext::Lower);
            let out_ptr: Vec<u64> = vector.out_ptr.map(u64::from).into_iter().collect();
            check_lowering(vector, &core.results, |cx| {
                let mut out_param = FlatReader::new(&out_ptr);
                lower_flat_values(cx, MAX_FLAT_RESULTS, results, &values, Some(&mut out_param))
            })
        }
        (Kind::CallExportResults, Resolved::Func { results, .. }) => check_lifting(
            vector,
            &CoreFuncType::new(&[], results, CanonContext::Lift).results,
            |cx, src| lift_flat_values(cx, MAX_FLAT_RESULTS, results, src),
            || vals_from_json(results, expected_json(vector)?),
        ),
        (Kind::CallImportArgs, Resolved::Func { params, .. }) => check_lifting(
            vector,
            &CoreFuncType::new(params, &[], CanonContext::Lower).params,
            |cx, src| lift_flat_values(cx, MAX_FLAT_PARAMS, params, src),
            || vals_from_json(params, expected_json(vector)?),
        ),
        (kind, _) => bail!("a `{kind:?}` vector resolved to the wrong kind of type"),
    }
}

/// The vector's `value` or `values`, which only trapping vectors lack.
fn expected_json(vector: &Vector) -> Result<&serde_json::Value> {
    vector.value.as_ref().context("the vector has no value")
}

/// Runs a lowering into a fresh machine, then compares the flat values with
/// their core types, the memory from 8 up to the allocator's `next` and the
/// `realloc` calls.
fn check_lowering(
    vector: &Vector,
    core_types: &[FlatType],
    lower: impl FnOnce(&mut LowerContext<'_, VecMemory>) -> witbind::Result<Vec<u64>>,
) -> Result<()> {
    let mut machine = Machine::new(&[], vector.heap_start)?;
    let outcome = lower(&mut LowerContext::new(
        machine.memory_mut(),
        vector.encoding,
    ));
    let Some(flat) = expect_outcome(vector, outcome)? else {
        return Ok(());
    };
    ensure!(
        flat.len() == core_types.len(),
        "lowered {} flat values for {} core types",
        flat.len(),
        core_types.len()
    );
    let flat: Vec<(FlatType, u64)> = core_types.iter().copied().zip(flat).collect();
    ensure!(
        flat == vector.flat,
        "flat values: expected {}, got {}",
        show_flat(&vector.flat),
        show_flat(&flat)
    );
    let expected = expected_region(&vector.memory)?;
    ensure!(
        machine.region() == expected,
        "memory from 8: expected {}, got {}",
        hex(&expected),
        hex(machine.region())
    );
    let reallocs = machine.reallocs();
    ensure!(
        reallocs == vector.reallocs,
        "reallocs: expected {:?}, got {reallocs:?}",
        vector.reallocs
    );
    Ok(())
}

/// Runs a lifting from the vector's memory and flat values (whose types must
/// be `core_types`), then compares the values with the expected ones.
fn check_lifting(
    vector: &Vector,
    core_types: &[FlatType],
    lift: impl FnOnce(&mut LiftContext<'_>, &mut FlatReader<'_>) -> witbind::Result<Vec<Val>>,
    expected: impl FnOnce() -> Result<Vec<Val>>,
) -> Result<()> {
    let input_types: Vec<FlatType> = vector.flat.iter().map(|&(ty, _)| ty).collect();
    ensure!(
        input_types == core_types,
        "flat input types {input_types:?} differ from the core signature {core_types:?}"
    );
    let machine = Machine::new(&vector.memory, vector.heap_start)?;
    let flat: Vec<u64> = vector.flat.iter().map(|&(_, bits)| bits).collect();
    let mut src = FlatReader::new(&flat);
    let outcome = lift(
        &mut LiftContext::new(machine.bytes(), vector.encoding),
        &mut src,
    );
    let Some(values) = expect_outcome(vector, outcome)? else {
        return Ok(());
    };
    ensure!(
        src.position() == flat.len(),
        "lifting read {} of {} flat values",
        src.position(),
        flat.len()
    );
    let expected = expected()?;
    ensure!(
        values == expected,
        "values: expected {}, got {}",
        show_values(&expected),
        show_values(&values)
    );
    Ok(())
}

/// `Some` result of a run that should succeed, `None` for a run that
/// trapped as it should, and an error for any other outcome.
fn expect_outcome<T>(vector: &Vector, outcome: witbind::Result<T>) -> Result<Option<T>> {
    match (outcome, vector.trap) {
        (Ok(value), false) => Ok(Some(value)),
        (Ok(_), true) => bail!("expected a trap, but it succeeded"),
        (Err(err), true) if err.root_cause().downcast_ref::<Trap>().is_some() => Ok(None),
        (Err(err), true) => bail!("expected a trap, got an error that is not one: {err:#}"),
        (Err(err), false) => bail!("unexpected error: {err:#}"),
    }
}

/// The expected bytes from 8 up to the allocator's final `next`.
fn expected_region(segments: &[Segment]) -> Result<Vec<u8>> {
    let end = segments
        .iter()
        .map(|s| s.offset as usize + s.bytes.len())
        .max()
        .unwrap_or(REGION_START);
    let mut region = vec![0u8; end.saturating_sub(REGION_START)];
    for segment in segments {
        let Some(start) = (segment.offset as usize).checked_sub(REGION_START) else {
            bail!("expected memory at {} starts before 8", segment.offset);
        };
        region[start..start + segment.bytes.len()].copy_from_slice(&segment.bytes);
    }
    Ok(region)
}

fn show_flat(flat: &[(FlatType, u64)]) -> String {
    let items: Vec<String> = flat
        .iter()
        .map(|(ty, bits)| format!("{}:{bits:#x}", ty.name()))
        .collect();
    format!("[{}]", items.join(", "))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn show_values(values: &[Val]) -> String {
    serde_json::Value::from_iter(values.iter().map(val_to_json)).to_string()
}
