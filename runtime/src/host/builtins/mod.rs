//! Built-ins: the core functions a component's canonical definitions ask
//! the host for, each in its own file. Today the handle built-ins
//! `resource.new`, `resource.rep` and `resource.drop` ([`resource`]), and
//! what fused adapters between sub-components call: string transcoders
//! ([`transcode`]), handle transfers, call scopes and traps ([`adapter`]),
//! and the core wasm that copies strings in place of the host's copy
//! transcoders when the engine compiles wasm ([`copy_in_wasm`]).

pub(crate) mod adapter;
pub(crate) mod copy_in_wasm;
pub(crate) mod resource;
pub(crate) mod transcode;
