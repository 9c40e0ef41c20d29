//! Facts about one `.wast` directive the runner needs before running it:
//! its keyword for messages, and whether a module form is a core module
//! (which witbind does not run) or a component.

use wast::{QuoteWat, WastDirective, WastExecute, Wat};

/// The error of a core module directive.
pub const CORE_UNSUPPORTED: &str = "core module directives are not supported by witbind's runner: \
     witbind runs components only (wrap the module in a `(component ...)`)";

/// The directive's keyword, as failures name it.
pub fn keyword(directive: &WastDirective<'_>) -> &'static str {
    match directive {
        WastDirective::Module(q) => module_keyword(q),
        WastDirective::ModuleDefinition(_) => "component definition",
        WastDirective::ModuleInstance { .. } => "component instance",
        WastDirective::AssertMalformed { .. } => "assert_malformed",
        WastDirective::AssertMalformedCustom { .. } => "assert_malformed_custom",
        WastDirective::AssertInvalid { .. } => "assert_invalid",
        WastDirective::AssertInvalidCustom { .. } => "assert_invalid_custom",
        WastDirective::Register { .. } => "register",
        WastDirective::Invoke(_) => "invoke",
        WastDirective::AssertTrap { .. } => "assert_trap",
        WastDirective::AssertReturn { .. } => "assert_return",
        WastDirective::AssertExhaustion { .. } => "assert_exhaustion",
        WastDirective::AssertUnlinkable { .. } => "assert_unlinkable",
        WastDirective::AssertException { .. } => "assert_exception",
        WastDirective::AssertSuspension { .. } => "assert_suspension",
        WastDirective::Thread(_) => "thread",
        WastDirective::Wait { .. } => "wait",
    }
}

fn module_keyword(q: &QuoteWat<'_>) -> &'static str {
    if is_core(q) { "module" } else { "component" }
}

/// Whether `q` is a core module (text, binary or quoted) rather than a
/// component.
pub fn is_core(q: &QuoteWat<'_>) -> bool {
    matches!(q, QuoteWat::Wat(Wat::Module(_)) | QuoteWat::QuoteModule(..))
}

/// Whether `w` is a core module.
pub fn is_core_wat(w: &Wat<'_>) -> bool {
    matches!(w, Wat::Module(_))
}

/// What an `assert_return` / `assert_trap` runs, for messages.
pub fn describe_execute(exec: &WastExecute<'_>) -> String {
    match exec {
        WastExecute::Invoke(i) => format!("invoke {:?}", i.name),
        WastExecute::Wat(_) => "instantiating a component".to_string(),
        WastExecute::Get { global, .. } => format!("get {global:?}"),
    }
}
