//! `bindgen!`: Rust types for a WIT world.
//!
//! The road is straight: [`options`] parses the input, `load` resolves the
//! WIT, `unsupported` rejects what cannot be generated yet, `plan` decides
//! every module path, name and ownership mode once, and `types` with
//! `modules` emit the code (with `debug` writing it to a file on request).
//! The host side sits beside `types`: `signature` shapes one function,
//! `imports` emits `Host` traits and linker registration, `exports` the
//! `Guest` call wrappers, `trace` the spans of the tracing flags and
//! `world` the world's struct.

mod debug;
mod exports;
mod gates;
mod imports;
mod load;
mod modules;
pub mod options;
mod plan;
mod signature;
#[cfg(test)]
mod tests;
mod trace;
mod types;
mod unsupported;
mod world;

use proc_macro2::TokenStream;
use quote::quote;
use wit_parser::SizeAlign;

use options::Options;
use plan::Plan;
use types::TypeGen;

/// Expands `bindgen!(...)`.
pub fn expand(input: TokenStream) -> TokenStream {
    match syn::parse2::<Options>(input).and_then(|options| generate(&options)) {
        Ok(tokens) => tokens,
        Err(e) => e.to_compile_error(),
    }
}

/// Generates the bindings `options` ask for.
pub fn generate(options: &Options) -> syn::Result<TokenStream> {
    let loaded = load::load(options)?;
    let resolve = &loaded.resolve;
    unsupported::check(resolve, loaded.world, loaded.source_span)?;
    let plan = Plan::new(resolve, loaded.world, options)?;
    let mut sizes = SizeAlign::default();
    sizes.fill(resolve);
    let generator = TypeGen {
        resolve,
        plan: &plan,
        sizes: &sizes,
        options,
        traced: std::cell::Cell::new(false),
    };
    let mut body = modules::generate(&generator);
    if generator.traced.get() {
        // Once, so that a missing `tracing` feature is one error.
        let rt = crate::runtime();
        let gate = trace::requires_feature();
        body.extend(quote!(#rt::__bindgen_host_items! { #gate }));
    }
    if options.debug || debug::requested_by_env() {
        body = debug::write_and_include(&body, &resolve.worlds[plan.world].name)?;
    }
    let with = plan.with_aliases.iter().map(|(alias, path)| {
        quote! {
            #[allow(unused_imports)]
            use #path as #alias;
        }
    });
    // Every file read becomes a dependency of the crate, so editing it
    // rebuilds the crate.
    let files = loaded
        .files
        .iter()
        .map(|f| f.display().to_string())
        .map(|f| {
            quote!(
                const _: &[u8] = include_bytes!(#f);
            )
        });
    Ok(quote! {
        #(#with)*
        #(#files)*
        // Reading the variable through `option_env!` makes rustc record it,
        // so setting or clearing `WITBIND_DEBUG` rebuilds the crate.
        const _: ::core::option::Option<&str> = ::core::option_env!("WITBIND_DEBUG");
        #body
    })
}
