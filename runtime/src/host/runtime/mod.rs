//! The instance runtime: what a store keeps per instance
//! ([`state`]), the guard that enters an instance for a call ([`guard`]),
//! and the store borrow host code receives ([`context`]).

pub(crate) mod context;
pub(crate) mod guard;
pub(crate) mod state;
