//! The Canonical ABI: moving values between Rust and guest linear memory.
//!
//! Data travels one road: a Rust value implementing [`Lower`] is flattened
//! into core values or stored into memory through a [`LowerContext`]; a guest
//! value is read back by [`Lift`] through a [`LiftContext`].
//!
//! [`Lower`]: crate::Lower
//! [`LowerContext`]: crate::LowerContext
//! [`Lift`]: crate::Lift
//! [`LiftContext`]: crate::LiftContext

pub mod bump;
pub mod context;
pub mod flags;
pub mod flat;
pub(crate) mod impls;
pub mod layout;
pub mod memory;
pub mod options;
pub mod strings;
pub mod traits;
pub(crate) mod values;
pub mod views;
#[cfg(feature = "wasmi")]
pub mod wasmi_memory;

pub use impls::lists::{lift_list_bytes, lower_list};
pub use impls::option_result::typecheck_payload;
