//! The `tracing` and `verbose_tracing` flags: a call wrapped in a span
//! named `witbind import` or `witbind export` (fields `module`, the
//! interface or world, and `function`, the WIT name), holding a `call`
//! event and a `return` or `trap` event at trace level; with
//! `verbose_tracing` the events carry the arguments and the result,
//! formatted with `Debug`.
//!
//! The statements go through `witbind::__bindgen_traced!`, which drops them
//! without witbind's `tracing` feature, where
//! `witbind::__bindgen_tracing_enabled!` (placed once, see
//! [`requires_feature`]) says what to enable.

use proc_macro2::TokenStream;
use quote::quote;

use crate::runtime;

/// One traced call.
pub(crate) struct Trace<'a> {
    /// `witbind import` or `witbind export`.
    pub(crate) kind: &'static str,
    /// The interface's name, or the world's for its own functions.
    pub(crate) module: &'a str,
    /// The function's WIT name.
    pub(crate) function: &'a str,
    /// Whether the events carry the values.
    pub(crate) verbose: bool,
}

/// A value an event may show: its WIT name, the expression and whether its
/// type implements `Debug` (tuples of more than 12 elements do not).
pub(crate) struct Shown {
    pub(crate) name: String,
    pub(crate) expr: TokenStream,
    pub(crate) debug: bool,
}

fn field(name: &str, expr: &TokenStream, debug: bool) -> TokenStream {
    if debug {
        quote!(#name = ?#expr,)
    } else {
        quote!(#name = "<a tuple of more than 12 elements>",)
    }
}

impl Trace<'_> {
    /// `body` (statements ending in an expression of type
    /// `witbind::Result<_>`, which may use `?`) run inside the call's span,
    /// between its events. `args` are shown in the `call` event, and
    /// `result` (an expression over `witbind_ok`, the `Ok` value) in the
    /// `return` event, when verbose.
    pub(crate) fn wrap(
        &self,
        args: &[Shown],
        result: Option<Shown>,
        body: TokenStream,
    ) -> TokenStream {
        let rt = runtime();
        let tr = quote!(#rt::__internal::tracing);
        let Trace {
            kind,
            module,
            function,
            verbose,
        } = *self;
        let (args, result) = if verbose {
            let args: TokenStream = args
                .iter()
                .map(|a| field(&a.name, &a.expr, a.debug))
                .collect();
            let result = result.map(|r| field(&r.name, &r.expr, r.debug));
            (args, result)
        } else {
            (TokenStream::new(), None)
        };
        quote! {
            #rt::__bindgen_traced! {
                let witbind_span = #tr::span!(
                    #tr::Level::TRACE,
                    #kind,
                    module = #module,
                    function = #function,
                );
                let witbind_entered = witbind_span.enter();
                #tr::event!(#tr::Level::TRACE, #args "call");
            }
            #[allow(clippy::redundant_closure_call)]
            let witbind_result = (|| -> #rt::Result<_> { #body })();
            #rt::__bindgen_traced! {
                match &witbind_result {
                    ::core::result::Result::Ok(witbind_ok) => {
                        let _ = witbind_ok;
                        #tr::event!(#tr::Level::TRACE, #result "return");
                    }
                    ::core::result::Result::Err(witbind_error) => {
                        #tr::event!(#tr::Level::TRACE, error = %witbind_error, "trap");
                    }
                }
                drop(witbind_entered);
            }
            witbind_result
        }
    }
}

/// The item that makes a `bindgen!` using tracing flags fail to compile,
/// with a message saying so, when witbind lacks its `tracing` feature.
pub(crate) fn requires_feature() -> TokenStream {
    let rt = runtime();
    quote!(#rt::__bindgen_tracing_enabled!();)
}
