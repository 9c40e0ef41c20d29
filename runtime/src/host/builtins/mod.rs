//! Built-ins: the core functions a component's canonical definitions ask
//! the host for, each in its own file. Today the handle built-ins
//! `resource.new`, `resource.rep` and `resource.drop` ([`resource`]), and
//! what fused adapters between sub-components call: string transcoders
//! ([`transcode`]), handle transfers, call scopes and traps ([`adapter`]).

pub(crate) mod adapter;
pub(crate) mod resource;
pub(crate) mod transcode;
