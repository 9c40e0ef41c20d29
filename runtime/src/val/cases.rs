//! Variants, enums, options and results seen alike: as a list of cases, the
//! spec's `despecialize`.

use crate::abi::layout;
use crate::error::{Result, Trap, trap};
use crate::types::{EnumType, OptionType, ResultType, Type, VariantType};

use super::{Val, mismatch};

/// A variant-like type: one of the types whose values pick a case.
#[derive(Clone, Copy)]
pub(super) enum Cases<'t> {
    /// `variant { ... }`
    Variant(&'t VariantType),
    /// `enum { ... }`: cases without payloads.
    Enum(&'t EnumType),
    /// `option<T>`: `none`, then `some(T)`.
    Option(&'t OptionType),
    /// `result<T, E>`: `ok(T?)`, then `error(E?)`.
    Result(&'t ResultType),
}

/// The case a value picks: its index, the case's payload type and the
/// value's payload, whose presence matches the payload type.
pub(super) struct Chosen<'t, 'v> {
    /// The discriminant.
    pub(super) index: u32,
    /// The payload's type and value, when the case has a payload.
    pub(super) payload: Option<(&'t Type, &'v Val)>,
}

impl<'t> Cases<'t> {
    /// The cases of `ty`, if it is variant-like.
    pub(super) fn of(ty: &'t Type) -> Option<Self> {
        match ty {
            Type::Variant(v) => Some(Self::Variant(v)),
            Type::Enum(e) => Some(Self::Enum(e)),
            Type::Option(o) => Some(Self::Option(o)),
            Type::Result(r) => Some(Self::Result(r)),
            _ => None,
        }
    }

    fn count(self) -> usize {
        match self {
            Self::Variant(v) => v.cases().len(),
            Self::Enum(e) => e.names().len(),
            Self::Option(_) | Self::Result(_) => 2,
        }
    }

    /// Size in bytes of the discriminant in memory.
    pub(super) fn discriminant_size(self) -> usize {
        layout::discriminant_size(self.count())
    }

    /// Offset of the payload from the start of the value in memory.
    pub(super) fn payload_offset(self) -> usize {
        match self {
            Self::Variant(v) => v.payload_offset() as usize,
            Self::Enum(_) => self.discriminant_size(),
            Self::Option(o) => o.payload_offset() as usize,
            Self::Result(r) => r.payload_offset() as usize,
        }
    }

    /// The payload type of case `index`, which [`Cases::check`] accepted.
    pub(super) fn payload_type(self, index: usize) -> Option<&'t Type> {
        match self {
            Self::Variant(v) => v.cases().get(index).and_then(|c| c.ty.as_ref()),
            Self::Enum(_) => None,
            Self::Option(o) => (index == 1).then(|| o.some()),
            Self::Result(r) if index == 0 => r.ok(),
            Self::Result(r) => r.err(),
        }
    }

    /// Checks a discriminant read from the guest: an index past the last
    /// case traps with [`Trap::InvalidDiscriminant`].
    pub(super) fn check(self, discriminant: u32) -> Result<usize> {
        let cases = self.count();
        match usize::try_from(discriminant) {
            Ok(index) if index < cases => Ok(index),
            _ => trap(Trap::InvalidDiscriminant {
                discriminant,
                cases: cases as u32,
            }),
        }
    }

    /// The value of case `index` (checked) with its lifted payload.
    pub(super) fn lifted(self, index: usize, payload: Option<Val>) -> Val {
        let payload = payload.map(Box::new);
        match self {
            Self::Variant(v) => Val::Variant(
                v.cases()
                    .get(index)
                    .map(|c| c.name.clone())
                    .unwrap_or_default(),
                payload,
            ),
            Self::Enum(e) => Val::Enum(e.names().get(index).cloned().unwrap_or_default()),
            Self::Option(_) => Val::Option(payload),
            Self::Result(_) if index == 0 => Val::Result(Ok(payload)),
            Self::Result(_) => Val::Result(Err(payload)),
        }
    }

    /// The case `val` picks, or an error when `val` is not a value of `ty`
    /// (the type these cases come from): another kind of value, an unknown
    /// case name, or a payload where the case has none (or the reverse).
    pub(super) fn chosen<'v>(self, ty: &Type, val: &'v Val) -> Result<Chosen<'t, 'v>> {
        let (index, name, payload) = match (self, val) {
            (Self::Variant(v), Val::Variant(name, payload)) => {
                let Some(index) = v.cases().iter().position(|c| c.name == *name) else {
                    anyhow::bail!("value mismatch: `{ty}` has no case `{name}`");
                };
                (index, name.as_str(), payload)
            }
            (Self::Enum(e), Val::Enum(name)) => {
                let Some(index) = e.names().iter().position(|n| n == name) else {
                    anyhow::bail!("value mismatch: `{ty}` has no case `{name}`");
                };
                (index, name.as_str(), &None)
            }
            (Self::Option(_), Val::Option(None)) => (0, "none", &None),
            (Self::Option(_), Val::Option(some)) => (1, "some", some),
            (Self::Result(_), Val::Result(Ok(payload))) => (0, "ok", payload),
            (Self::Result(_), Val::Result(Err(payload))) => (1, "error", payload),
            _ => return Err(mismatch(ty, val)),
        };
        let payload = match (self.payload_type(index), payload.as_deref()) {
            (Some(ty), Some(val)) => Some((ty, val)),
            (None, None) => None,
            (Some(payload_ty), None) => {
                anyhow::bail!(
                    "value mismatch: case `{name}` of `{ty}` needs a `{payload_ty}` payload"
                )
            }
            (None, Some(_)) => {
                anyhow::bail!("value mismatch: case `{name}` of `{ty}` has no payload")
            }
        };
        Ok(Chosen {
            index: index as u32,
            payload,
        })
    }
}
