//! [`Func`]: an export called with dynamic [`Val`]s, whatever its type.

use crate::error::Result;
use crate::host::backend::any::{Engines, on_engine};
use crate::host::call::export::ExportFunc;
use crate::host::instance::AnyExport;
use crate::host::plan::types::FuncType;
use crate::host::runtime::context::AsContextMut;
use crate::host::runtime::state::Cx;
use crate::types::{ComponentFunc, Type};
use crate::val::{Val, ValList, ValVec};

/// An exported function called with [`Val`]s, checked against its type at
/// each call.
#[derive(Clone)]
pub struct Func {
    pub(crate) export: AnyExport,
}

impl std::fmt::Debug for Func {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Func")
            .field("name", &self.name())
            .field("type", &self.func_type().describe())
            .finish()
    }
}

/// The error for a function used with a store of another engine.
pub(crate) fn engine_mismatch(name: &str) -> crate::Error {
    anyhow::anyhow!("`{name}` belongs to a store of another engine")
}

fn call_vals<T: 'static, B: Engines>(
    export: &ExportFunc<B>,
    cx: &mut Cx<'_, T, B>,
    params: &[Val],
) -> Result<Vec<Val>> {
    let ValVec(results) = export.call(cx, &ValList(params))?;
    Ok(results)
}

impl Func {
    /// The function's type with its flattening.
    pub(crate) fn func_type(&self) -> &FuncType {
        on_engine!(&self.export, |e| &e.ty)
    }

    /// The function's type: its parameters' names and types, its result
    /// types. Prints as WIT (`func(a: u32) -> string`).
    pub fn ty(&self) -> &ComponentFunc {
        &self.func_type().func
    }

    /// The function's name, as errors show it.
    pub(crate) fn name(&self) -> &str {
        on_engine!(&self.export, |e| &e.name)
    }

    /// The parameter types (their names are in [`Func::ty`]).
    pub fn params(&self) -> &[Type] {
        self.func_type().param_types()
    }

    /// The result types.
    pub fn results(&self) -> &[Type] {
        self.func_type().result_types()
    }

    /// Calls the export with `params`, writing its results to `results`
    /// (which must have one slot per result), then runs `post-return`.
    ///
    /// Values that do not match the function's types are an error; a trap
    /// is an error after which the instance refuses further calls.
    pub fn call(
        &self,
        mut store: impl AsContextMut,
        params: &[Val],
        results: &mut [Val],
    ) -> Result<()> {
        let name = self.name();
        if results.len() != self.results().len() {
            anyhow::bail!(
                "`{name}` returns {} values, but {} result slots were given",
                self.results().len(),
                results.len()
            );
        }
        if params.len() != self.params().len() {
            anyhow::bail!(
                "`{name}` takes {} parameters, but {} values were given",
                self.params().len(),
                params.len()
            );
        }
        for (i, (value, ty)) in params.iter().zip(self.params()).enumerate() {
            if !val_matches(value, ty) {
                anyhow::bail!("`{name}`: parameter {i} is not a value of type `{ty}`: {value:?}");
            }
        }
        let mut cx = store.as_context_mut();
        let values = on_engine!(
            (&self.export, &mut cx.inner),
            |e, cx| call_vals(e, cx, params),
            else Err(engine_mismatch(name))
        )?;
        for (slot, value) in results.iter_mut().zip(values) {
            *slot = value;
        }
        Ok(())
    }
}

/// Whether `value` is a value of `ty`: checked before a dynamic call enters
/// the guest, so a host's mistake does not poison the instance.
fn val_matches(value: &Val, ty: &Type) -> bool {
    let all = |values: &[Val], types: &[Type]| {
        values.len() == types.len() && values.iter().zip(types).all(|(v, t)| val_matches(v, t))
    };
    let payload = |value: &Option<Box<Val>>, ty: Option<&Type>| match (value, ty) {
        (None, None) => true,
        (Some(v), Some(t)) => val_matches(v, t),
        _ => false,
    };
    match (value, ty) {
        (Val::Bool(_), Type::Bool)
        | (Val::S8(_), Type::S8)
        | (Val::U8(_), Type::U8)
        | (Val::S16(_), Type::S16)
        | (Val::U16(_), Type::U16)
        | (Val::S32(_), Type::S32)
        | (Val::U32(_), Type::U32)
        | (Val::S64(_), Type::S64)
        | (Val::U64(_), Type::U64)
        | (Val::Float32(_), Type::F32)
        | (Val::Float64(_), Type::F64)
        | (Val::Char(_), Type::Char)
        | (Val::String(_), Type::String) => true,
        (Val::List(items), Type::List(l)) => items.iter().all(|v| val_matches(v, l.element())),
        (Val::Map(entries), Type::Map(m)) => entries
            .iter()
            .all(|(k, v)| val_matches(k, m.key()) && val_matches(v, m.value())),
        (Val::List(items), Type::FixedList(l)) => {
            items.len() == l.len() as usize && items.iter().all(|v| val_matches(v, l.element()))
        }
        (Val::Record(fields), Type::Record(r)) => {
            fields.len() == r.fields().len()
                && fields
                    .iter()
                    .zip(r.fields())
                    .all(|((name, v), f)| *name == f.name && val_matches(v, &f.ty))
        }
        (Val::Tuple(values), Type::Tuple(t)) => all(values, t.types()),
        (Val::Variant(name, value), Type::Variant(v)) => v
            .cases()
            .iter()
            .find(|c| c.name == *name)
            .is_some_and(|c| payload(value, c.ty.as_ref())),
        (Val::Enum(name), Type::Enum(e)) => e.names().contains(name),
        (Val::Option(value), Type::Option(o)) => {
            value.as_ref().is_none_or(|v| val_matches(v, o.some()))
        }
        (Val::Result(Ok(value)), Type::Result(r)) => payload(value, r.ok()),
        (Val::Result(Err(value)), Type::Result(r)) => payload(value, r.err()),
        (Val::Flags(names), Type::Flags(f)) => names.iter().all(|n| f.names().contains(n)),
        (Val::Resource(r), Type::Own(t) | Type::Borrow(t)) => r.ty() == t,
        _ => false,
    }
}
