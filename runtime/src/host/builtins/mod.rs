//! Built-ins: the core functions a component's canonical definitions ask
//! the host for, each in its own file. Today the handle built-ins
//! `resource.new`, `resource.rep` and `resource.drop` ([`resource`]).

pub(crate) mod resource;
