//! Differential tests: every fixture driven through `wasmtime::component` (the oracle) and
//! through witbind's host, with outputs and traps recorded as [`Neutral`] values and compared
//! call by call.
//!
//! - [`neutral`]: the runtime-neutral value tree and call outcome.
//! - [`host`]: the documented behaviour of the host imports the guests use, as plain Rust, so
//!   the wasmtime side and the witbind side provide the very same imports.
//! - [`wasmtime_side`]: instantiation and calls through wasmtime's dynamic `Func`/`Val` API.
//! - [`handles`]: the resource handles a caller holds, named by index.
//! - [`runtime`]: what the tests need from either runtime ([`Runtime`]).
//! - [`witbind_side`]: the same fixtures and imports through witbind's host.
//! - [`cases`]: calls with their documented outcome, checked on wasmtime, then on witbind
//!   against wasmtime's outcomes.
//! - [`witbind_val`]: conversions between [`Neutral`] and [`witbind::Val`].
//! - [`component_type`]: both runtimes' component types (imports, exports and their types)
//!   rendered as the same lines of text.

pub mod cases;
pub mod component_type;
pub mod handles;
pub mod host;
pub mod neutral;
pub mod runtime;
pub mod wasmtime_side;
pub mod witbind_side;
pub mod witbind_val;

pub use cases::{Case, Expect, assert_cases, check_on_wasmtime, check_on_witbind};
pub use handles::HandleTable;
pub use host::{HostEvent, HostState};
pub use neutral::{Neutral, Outcome};
pub use runtime::Runtime;
pub use wasmtime_side::{OracleFixture, WasmtimeOracle, logging_linker};
pub use witbind_side::{WitbindCounter, WitbindFixture, WitbindInstance};
