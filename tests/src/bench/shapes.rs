//! The fixture's `item` record and `shape` variant as Rust types for witbind,
//! with derived Canonical ABI impls.

use witbind::{ComponentType, Lift, Lower};

/// `record item { id: u32, weight: f64 }`.
#[derive(Debug, Clone, Copy, PartialEq, ComponentType, Lift, Lower)]
#[component(record)]
pub struct Item {
    /// `id`.
    pub id: u32,
    /// `weight`.
    pub weight: f64,
}

/// `variant shape { dot, circle(f32), square(u32) }`.
#[derive(Debug, Clone, Copy, PartialEq, ComponentType, Lift, Lower)]
#[component(variant)]
pub enum Shape {
    /// `dot`.
    Dot,
    /// `circle(f32)`.
    Circle(f32),
    /// `square(u32)`.
    Square(u32),
}
