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
use crate::abi::memory::GuestMemory;
use crate::abi::options::{MAX_FLAT_PARAMS, MAX_FLAT_RESULTS};
use crate::abi::values::{
    LiftList, ListShape, LowerList, Spill, lift_values, list_types, lower_values,
};
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
        Self::from_flat(
            &Type::flatten_all(params),
            &Type::flatten_all(results),
            context,
        )
    }

    /// The core signature of a function whose parameters and results
    /// flatten to `params` and `results`, seen from `context`.
    pub fn from_flat(params: &[FlatType], results: &[FlatType], context: CanonContext) -> Self {
        let mut flat_params = if params.len() > MAX_FLAT_PARAMS {
            vec![FlatType::I32]
        } else {
            params.to_vec()
        };
        let mut flat_results = results.to_vec();
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

/// A list of [`Val`]s lowered against its types.
pub(crate) struct ValList<'v>(pub(crate) &'v [Val]);

/// A list of [`Val`]s lifted by its types.
pub(crate) struct ValVec(pub(crate) Vec<Val>);

impl ValList<'_> {
    fn check_len(&self, types: &[Type]) -> Result<()> {
        if types.len() != self.0.len() {
            anyhow::bail!(
                "value mismatch: {} values given for {} types",
                self.0.len(),
                types.len()
            );
        }
        Ok(())
    }
}

impl LowerList for ValList<'_> {
    #[cfg(feature = "host")]
    const HOST_HANDLES: bool = true;

    /// Lowering a [`Val`] checks its resource types as it goes.
    fn check_handles(&self, _: &Type) -> Result<()> {
        Ok(())
    }

    fn lower_flat<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        ty: &Type,
        dst: &mut FlatWriter<'_>,
    ) -> Result<()> {
        let types = list_types(ty);
        self.check_len(types)?;
        for (ty, value) in types.iter().zip(self.0) {
            value.lower_flat(cx, ty, dst)?;
        }
        Ok(())
    }

    fn store<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        ty: &Type,
        ptr: usize,
    ) -> Result<()> {
        let types = list_types(ty);
        self.check_len(types)?;
        for (at, ty, value) in stored_values(types.iter().zip(self.0)) {
            value.store(cx, ty, ptr + at)?;
        }
        Ok(())
    }
}

impl<'a> LiftList<'a> for ValVec {
    #[cfg(feature = "host")]
    const HOST_HANDLES: bool = true;

    fn lift_flat(cx: &mut LiftContext<'a>, ty: &Type, src: &mut FlatReader<'_>) -> Result<Self> {
        let values = list_types(ty).iter().map(|ty| Val::lift_flat(cx, ty, src));
        Ok(Self(values.collect::<Result<_>>()?))
    }

    fn load(cx: &mut LiftContext<'a>, ty: &Type, bytes: &'a [u8]) -> Result<Self> {
        Ok(Self(load_fields(cx, list_types(ty).iter(), bytes)?))
    }
}

/// A host function's dynamic results are a lowered list too.
impl LowerList for ValVec {
    #[cfg(feature = "host")]
    const HOST_HANDLES: bool = true;

    fn check_handles(&self, _: &Type) -> Result<()> {
        Ok(())
    }

    fn lower_flat<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        ty: &Type,
        dst: &mut FlatWriter<'_>,
    ) -> Result<()> {
        ValList(&self.0).lower_flat(cx, ty, dst)
    }

    fn store<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        ty: &Type,
        ptr: usize,
    ) -> Result<()> {
        ValList(&self.0).store(cx, ty, ptr)
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
    let values = ValList(values);
    values.check_len(types)?;
    let tuple = Type::Tuple(TupleType::new(types.to_vec()));
    let shape = ListShape::of(&tuple);
    let spill = match out_param {
        Some(out) if shape.spills(max_flat) => Spill::At(out.next_i32()?),
        _ => Spill::Realloc,
    };
    let mut flat = vec![0; shape.flat.min(max_flat).max(1)];
    let written = lower_values(cx, max_flat, &tuple, shape, &values, &mut flat, spill)?;
    flat.truncate(written);
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
    let tuple = Type::Tuple(TupleType::new(types.to_vec()));
    let ValVec(values) = lift_values(cx, max_flat, &tuple, ListShape::of(&tuple), src)?;
    Ok(values)
}
