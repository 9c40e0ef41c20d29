//! [`ComponentType`], [`Lower`] and [`Lift`] for Rust's own types.
//!
//! [`ComponentType`]: crate::ComponentType
//! [`Lower`]: crate::Lower
//! [`Lift`]: crate::Lift

mod arrays;
pub(crate) mod lists;
mod maps;
pub(crate) mod option_result;
mod scalars;
mod strings;
mod tuples;

use crate::error::{Error, Result};
use crate::types::Type;

/// The error of a failed typecheck.
pub(crate) fn type_mismatch(expected: &str, found: &Type) -> Error {
    anyhow::anyhow!("type mismatch: expected `{expected}`, found `{found}`")
}

/// Copies `N` bytes out of `bytes`, which must be exactly that long.
#[inline]
pub(crate) fn array<const N: usize>(bytes: &[u8]) -> Result<[u8; N]> {
    match bytes.get(..N).and_then(|b| <[u8; N]>::try_from(b).ok()) {
        Some(a) => Ok(a),
        None => anyhow::bail!("expected {N} bytes of memory, found {}", bytes.len()),
    }
}

/// Reads the `(pointer, length)` pair that strings and lists store.
#[inline]
pub(crate) fn load_pointer_pair(bytes: &[u8]) -> Result<(u32, u32)> {
    let pair: [u8; 8] = array(bytes)?;
    let [a, b, c, d, e, f, g, h] = pair;
    Ok((
        u32::from_le_bytes([a, b, c, d]),
        u32::from_le_bytes([e, f, g, h]),
    ))
}

/// Writes the `(pointer, length)` pair that strings and lists store.
#[inline]
pub(crate) fn store_pointer_pair<M: crate::GuestMemory + ?Sized>(
    cx: &mut crate::LowerContext<'_, M>,
    offset: usize,
    (ptr, len): (u32, u32),
) -> Result<()> {
    let mut pair = [0u8; 8];
    pair[..4].copy_from_slice(&ptr.to_le_bytes());
    pair[4..].copy_from_slice(&len.to_le_bytes());
    cx.write(offset, pair)
}
