//! The core wasm engine underneath the component host.
//!
//! Everything the host needs from an engine goes through this module: a
//! memory view implementing [`GuestMemory`](crate::GuestMemory), raw core
//! calls that move flat values as `u64` bit patterns, host function
//! definitions, and the conversion of engine errors. Lift and lower code never
//! sees an engine type: it works on [`GuestMemory`](crate::GuestMemory),
//! [`FlatReader`](crate::FlatReader) and [`FlatWriter`](crate::FlatWriter)
//! only, so a second engine slots in here without touching it.

pub(crate) mod wasmtime;
