//! Flat core values: what a component value becomes on the core wasm stack.
//!
//! A flat value travels as a `u64` bit pattern whatever its core type:
//! `i32` and `f32` in the low 32 bits (zero-extended), `i64` and `f64` in all
//! 64. With that convention the Canonical ABI's variant "join" coercions
//! (`f32` in an `i32` slot, `i32` in an `i64` slot, ...) are the identity when
//! lowering and a truncation to the low 32 bits when lifting, so typed code
//! never needs the joined types, only how many slots a type takes.

use crate::error::{Result, Trap, trap};

/// A core wasm value type that a component value flattens to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FlatType {
    /// `i32`
    I32,
    /// `i64`
    I64,
    /// `f32`
    F32,
    /// `f64`
    F64,
}

impl FlatType {
    /// The spec's `join`: the type of a variant slot that holds both `self`
    /// and `other`.
    pub fn join(self, other: Self) -> Self {
        match (self, other) {
            (a, b) if a == b => a,
            (Self::I32, Self::F32) | (Self::F32, Self::I32) => Self::I32,
            _ => Self::I64,
        }
    }

    /// The spec's name: `i32`, `i64`, `f32` or `f64`.
    pub fn name(self) -> &'static str {
        match self {
            Self::I32 => "i32",
            Self::I64 => "i64",
            Self::F32 => "f32",
            Self::F64 => "f64",
        }
    }
}

/// Canonical NaN bits of `f32`, which lowering and lifting produce for any NaN.
pub const CANONICAL_NAN32: u32 = 0x7fc0_0000;

/// Canonical NaN bits of `f64`, which lowering and lifting produce for any NaN.
pub const CANONICAL_NAN64: u64 = 0x7ff8_0000_0000_0000;

/// The bits of `f`, with any NaN replaced by the canonical NaN.
#[inline]
pub fn f32_bits(f: f32) -> u32 {
    if f.is_nan() {
        CANONICAL_NAN32
    } else {
        f.to_bits()
    }
}

/// The bits of `f`, with any NaN replaced by the canonical NaN.
#[inline]
pub fn f64_bits(f: f64) -> u64 {
    if f.is_nan() {
        CANONICAL_NAN64
    } else {
        f.to_bits()
    }
}

/// `f32` from bits, with any NaN replaced by the canonical NaN.
#[inline]
pub fn f32_from_bits(bits: u32) -> f32 {
    let f = f32::from_bits(bits);
    if f.is_nan() {
        f32::from_bits(CANONICAL_NAN32)
    } else {
        f
    }
}

/// `f64` from bits, with any NaN replaced by the canonical NaN.
#[inline]
pub fn f64_from_bits(bits: u64) -> f64 {
    let f = f64::from_bits(bits);
    if f.is_nan() {
        f64::from_bits(CANONICAL_NAN64)
    } else {
        f
    }
}

/// Receives flat values as a value is lowered, into a caller-sized buffer.
#[derive(Debug)]
pub struct FlatWriter<'a> {
    slots: &'a mut [u64],
    len: usize,
}

impl<'a> FlatWriter<'a> {
    /// A writer that fills `slots` from the start.
    #[inline]
    pub fn new(slots: &'a mut [u64]) -> Self {
        Self { slots, len: 0 }
    }

    /// Appends one flat value (as a `u64` bit pattern, see the module docs).
    #[inline]
    pub fn push(&mut self, value: u64) -> Result<()> {
        match self.slots.get_mut(self.len) {
            Some(slot) => {
                *slot = value;
                self.len += 1;
                Ok(())
            }
            None => Err(anyhow::anyhow!(
                "flat value buffer of {} slots is too small",
                self.slots.len()
            )),
        }
    }

    /// Appends `count` zero values: the padding after a variant's payload.
    #[inline]
    pub fn pad(&mut self, count: usize) -> Result<()> {
        for _ in 0..count {
            self.push(0)?;
        }
        Ok(())
    }

    /// How many values were written.
    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether nothing was written yet.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The values written so far.
    #[inline]
    pub fn written(&self) -> &[u64] {
        &self.slots[..self.len]
    }
}

/// Hands out flat values one at a time as a value is lifted.
#[derive(Debug, Clone)]
pub struct FlatReader<'a> {
    values: &'a [u64],
    pos: usize,
}

impl<'a> FlatReader<'a> {
    /// A reader over `values`.
    #[inline]
    pub fn new(values: &'a [u64]) -> Self {
        Self { values, pos: 0 }
    }

    /// The next raw value.
    #[inline]
    pub fn next_raw(&mut self) -> Result<u64> {
        match self.values.get(self.pos) {
            Some(&v) => {
                self.pos += 1;
                Ok(v)
            }
            None => trap(Trap::MissingFlatValue {
                expected: self.pos + 1,
                got: self.values.len(),
            }),
        }
    }

    /// The next value as an `i32` (its low 32 bits).
    #[inline]
    pub fn next_i32(&mut self) -> Result<u32> {
        Ok(self.next_raw()? as u32)
    }

    /// The next value as an `i64`.
    #[inline]
    pub fn next_i64(&mut self) -> Result<u64> {
        self.next_raw()
    }

    /// The next value as an `f32`, NaN canonicalized.
    #[inline]
    pub fn next_f32(&mut self) -> Result<f32> {
        Ok(f32_from_bits(self.next_raw()? as u32))
    }

    /// The next value as an `f64`, NaN canonicalized.
    #[inline]
    pub fn next_f64(&mut self) -> Result<f64> {
        Ok(f64_from_bits(self.next_raw()?))
    }

    /// Skips `count` values: the padding after a variant's payload.
    #[inline]
    pub fn skip(&mut self, count: usize) -> Result<()> {
        let end = self.pos + count;
        if end > self.values.len() {
            return trap(Trap::MissingFlatValue {
                expected: end,
                got: self.values.len(),
            });
        }
        self.pos = end;
        Ok(())
    }

    /// How many values were read.
    #[inline]
    pub fn position(&self) -> usize {
        self.pos
    }
}
