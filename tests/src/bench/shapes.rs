//! The fixture's `item` record and `shape` variant as Rust types for witbind, with the
//! Canonical ABI impls a derive would write (the workspace has no derive for them yet).

use anyhow::{Result, bail};
use witbind::{
    ComponentType, FlatReader, FlatWriter, GuestMemory, Lift, LiftContext, Lower, LowerContext,
    Trap, Type,
};

/// `record item { id: u32, weight: f64 }`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Item {
    /// `id`.
    pub id: u32,
    /// `weight`.
    pub weight: f64,
}

/// Offset of `weight` in an `item` (after `id`, aligned to 8).
const WEIGHT_AT: usize = 8;

impl ComponentType for Item {
    const SIZE32: usize = 16;
    const ALIGN32: u32 = 8;
    const FLAT_COUNT: usize = 2;

    fn typecheck(ty: &Type) -> Result<()> {
        match ty {
            Type::Record(r) => match r.fields() {
                [id, weight] if id.name == "id" && weight.name == "weight" => {
                    u32::typecheck(&id.ty)?;
                    f64::typecheck(&weight.ty)
                }
                _ => bail!("type mismatch: expected record `item`, found `{ty}`"),
            },
            other => bail!("type mismatch: expected record `item`, found `{other}`"),
        }
    }
}

impl Lower for Item {
    fn lower_flat<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        dst: &mut FlatWriter<'_>,
    ) -> Result<()> {
        self.id.lower_flat(cx, dst)?;
        self.weight.lower_flat(cx, dst)
    }

    fn store<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        offset: usize,
    ) -> Result<()> {
        self.id.store(cx, offset)?;
        self.weight.store(cx, offset + WEIGHT_AT)
    }
}

impl<'a> Lift<'a> for Item {
    fn lift_flat(cx: &mut LiftContext<'a>, src: &mut FlatReader<'_>) -> Result<Self> {
        Ok(Item {
            id: u32::lift_flat(cx, src)?,
            weight: f64::lift_flat(cx, src)?,
        })
    }

    fn load(cx: &mut LiftContext<'a>, bytes: &'a [u8]) -> Result<Self> {
        let (Some(id), Some(weight)) = (bytes.get(..4), bytes.get(WEIGHT_AT..WEIGHT_AT + 8)) else {
            bail!("an item needs 16 bytes, got {}", bytes.len());
        };
        Ok(Item {
            id: u32::load(cx, id)?,
            weight: f64::load(cx, weight)?,
        })
    }
}

/// `variant shape { dot, circle(f32), square(u32) }`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shape {
    /// `dot`.
    Dot,
    /// `circle(f32)`.
    Circle(f32),
    /// `square(u32)`.
    Square(u32),
}

/// Offset of the payload in a `shape` (after the 1-byte discriminant, aligned to 4).
const PAYLOAD_AT: usize = 4;

impl Shape {
    /// The shape from `(case, payload bits)` as [`Inputs::shapes`](super::Inputs) holds it.
    pub fn from_parts((case, bits): (u8, u32)) -> Self {
        match case {
            0 => Shape::Dot,
            1 => Shape::Circle(f32::from_bits(bits)),
            _ => Shape::Square(bits),
        }
    }

    /// The shape of `discriminant` with its payload read by `payload`.
    fn from_case(
        discriminant: u32,
        payload: impl FnOnce(bool) -> Result<(f32, u32)>,
    ) -> Result<Self> {
        Ok(match discriminant {
            0 => Shape::Dot,
            1 => Shape::Circle(payload(true)?.0),
            2 => Shape::Square(payload(false)?.1),
            discriminant => {
                return Err(Trap::InvalidDiscriminant {
                    discriminant,
                    cases: 3,
                }
                .into());
            }
        })
    }
}

impl ComponentType for Shape {
    const SIZE32: usize = 8;
    const ALIGN32: u32 = 4;
    const FLAT_COUNT: usize = 2;

    fn typecheck(ty: &Type) -> Result<()> {
        let Type::Variant(v) = ty else {
            bail!("type mismatch: expected variant `shape`, found `{ty}`");
        };
        match v.cases() {
            [dot, circle, square]
                if dot.name == "dot" && circle.name == "circle" && square.name == "square" =>
            {
                if dot.ty.is_some() {
                    bail!("type mismatch: `dot` has a payload in `{ty}`");
                }
                match (&circle.ty, &square.ty) {
                    (Some(c), Some(s)) => {
                        f32::typecheck(c)?;
                        u32::typecheck(s)
                    }
                    _ => bail!("type mismatch: expected payloads on `circle` and `square`"),
                }
            }
            _ => bail!("type mismatch: expected variant `shape`, found `{ty}`"),
        }
    }
}

impl Lower for Shape {
    fn lower_flat<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        dst: &mut FlatWriter<'_>,
    ) -> Result<()> {
        // The payload slot is the join of f32 and i32: an i32 holding the payload's bits.
        match self {
            Shape::Dot => {
                dst.push(0)?;
                dst.pad(1)
            }
            Shape::Circle(r) => {
                dst.push(1)?;
                r.lower_flat(cx, dst)
            }
            Shape::Square(side) => {
                dst.push(2)?;
                side.lower_flat(cx, dst)
            }
        }
    }

    fn store<M: GuestMemory + ?Sized>(
        &self,
        cx: &mut LowerContext<'_, M>,
        offset: usize,
    ) -> Result<()> {
        match self {
            Shape::Dot => cx.write(offset, [0]),
            Shape::Circle(r) => {
                cx.write(offset, [1])?;
                r.store(cx, offset + PAYLOAD_AT)
            }
            Shape::Square(side) => {
                cx.write(offset, [2])?;
                side.store(cx, offset + PAYLOAD_AT)
            }
        }
    }
}

impl<'a> Lift<'a> for Shape {
    fn lift_flat(_cx: &mut LiftContext<'a>, src: &mut FlatReader<'_>) -> Result<Self> {
        let discriminant = src.next_i32()?;
        let bits = src.next_i32()?;
        Shape::from_case(discriminant, |_| Ok((f32::from_bits(bits), bits)))
    }

    fn load(cx: &mut LiftContext<'a>, bytes: &'a [u8]) -> Result<Self> {
        let (Some(&discriminant), Some(payload)) =
            (bytes.first(), bytes.get(PAYLOAD_AT..PAYLOAD_AT + 4))
        else {
            bail!("a shape needs 8 bytes, got {}", bytes.len());
        };
        Shape::from_case(u32::from(discriminant), |float| {
            Ok(if float {
                (f32::load(cx, payload)?, 0)
            } else {
                (0.0, u32::load(cx, payload)?)
            })
        })
    }
}
