//! A function's parameter or result list across the boundary: the spec's
//! `flatten_functype`, `lower_flat_values` and `lift_flat_values`.
//!
//! A list of values travels as flat core values while it needs at most
//! `max_flat` of them ([`MAX_FLAT_PARAMS`] for parameters, [`MAX_FLAT_RESULTS`]
//! for results). Past that it spills to memory as a tuple, passed by pointer:
//! - arguments the host passes to a guest export go into a tuple the host
//!   allocates with `realloc` ([`lower_flat_values`] without `out_param`);
//! - results of a host import go to an out-pointer the guest passes as one
//!   more parameter, with no allocation ([`lower_flat_values`] with it);
//! - results of a guest export and arguments of a host import arrive as a
//!   pointer to a tuple the guest wrote ([`lift_flat_values`]).

use crate::abi::context::{LiftContext, LowerContext};
use crate::abi::flat::{FlatReader, FlatType, FlatWriter};
use crate::abi::memory::{GuestMemory, check_aligned, check_range};
use crate::abi::options::{MAX_FLAT_PARAMS, MAX_FLAT_RESULTS};
use crate::error::Result;
use crate::types::{TupleType, Type};

use super::Val;
use super::lift::load_fields;
use super::lower::stored_values;

/// Which side of the boundary the core function of a component function is,
/// which decides where spilled results go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CanonContext {
    /// `canon lift`: the core function is a guest export the host calls.
    /// Spilled results come back as a pointer the function returns.
    Lift,
    /// `canon lower`: the core function is the guest's import of a host
    /// function. Spilled results are stored at an out-pointer the guest
    /// passes as one more parameter.
    Lower,
}

/// The core wasm signature of a component function (the spec's
/// `flatten_functype` for synchronous calls).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoreFuncType {
    /// The core parameter types.
    pub params: Vec<FlatType>,
    /// The core result types.
    pub results: Vec<FlatType>,
}

impl CoreFuncType {
    /// The core signature of a function with `params` and `results` seen
    /// from `context`.
    pub fn new(params: &[Type], results: &[Type], context: CanonContext) -> Self {
        let mut flat_params = Type::flatten_all(params);
        let mut flat_results = Type::flatten_all(results);
        if flat_params.len() > MAX_FLAT_PARAMS {
            flat_params = vec![FlatType::I32];
        }
        if flat_results.len() > MAX_FLAT_RESULTS {
            match context {
                CanonContext::Lift => flat_results = vec![FlatType::I32],
                CanonContext::Lower => {
                    flat_params.push(FlatType::I32);
                    flat_results = Vec::new();
                }
            }
        }
        Self {
            params: flat_params,
            results: flat_results,
        }
    }
}

/// `lower_flat_values`: lowers `values` of `types` to flat values, or, past
/// `max_flat` of them, stores them as a tuple in guest memory.
///
/// The tuple goes at the pointer `out_param` yields when it is given (the
/// results of a host import: no allocation, the flat list is empty), else
/// at a pointer from `realloc` which becomes the only flat value (the
/// parameters of a guest export). A misaligned or out-of-bounds
/// out-pointer traps.
pub fn lower_flat_values<M: GuestMemory + ?Sized>(
    cx: &mut LowerContext<'_, M>,
    max_flat: usize,
    types: &[Type],
    values: &[Val],
    out_param: Option<&mut FlatReader<'_>>,
) -> Result<Vec<u64>> {
    if types.len() != values.len() {
        anyhow::bail!(
            "value mismatch: {} values given for {} types",
            values.len(),
            types.len()
        );
    }
    let flat_count = types.iter().map(|ty| ty.flat_types().len()).sum::<usize>();
    if flat_count > max_flat {
        let tuple = Type::Tuple(TupleType::new(types.to_vec()));
        let (size, align) = (tuple.size32(), tuple.align32());
        let (ptr, flat) = match out_param {
            Some(out_param) => (out_param.next_i32()?, Vec::new()),
            None => {
                let ptr = cx.realloc(0, 0, align, size)?;
                (ptr, vec![u64::from(ptr)])
            }
        };
        check_aligned(ptr, align)?;
        check_range(ptr, u64::from(size), cx.memory()?.len())?;
        for (at, ty, value) in stored_values(types.iter().zip(values)) {
            value.store(cx, ty, ptr as usize + at)?;
        }
        return Ok(flat);
    }
    let mut flat = vec![0; flat_count];
    let mut dst = FlatWriter::new(&mut flat);
    for (ty, value) in types.iter().zip(values) {
        value.lower_flat(cx, ty, &mut dst)?;
    }
    Ok(flat)
}

/// `lift_flat_values`: lifts values of `types` from flat values, or, past
/// `max_flat` of them, from a tuple at the pointer `src` yields, whose
/// alignment and bounds are checked (a trap otherwise).
pub fn lift_flat_values(
    cx: &mut LiftContext<'_>,
    max_flat: usize,
    types: &[Type],
    src: &mut FlatReader<'_>,
) -> Result<Vec<Val>> {
    let flat_count = types.iter().map(|ty| ty.flat_types().len()).sum::<usize>();
    if flat_count > max_flat {
        let ptr = src.next_i32()?;
        let tuple = Type::Tuple(TupleType::new(types.to_vec()));
        let bytes = cx.guest_range(ptr, u64::from(tuple.size32()), tuple.align32())?;
        return load_fields(cx, types.iter(), bytes);
    }
    types.iter().map(|ty| Val::lift_flat(cx, ty, src)).collect()
}
