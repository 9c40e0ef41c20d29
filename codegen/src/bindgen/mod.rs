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
    let Generated {
        mut body,
        world,
        with,
        files,
    } = generate_parts(options)?;
    if options.debug || debug::requested_by_env() {
        body = debug::write_and_include(&body, &world)?;
    }
    // Every file read becomes a dependency of the crate, so editing it
    // rebuilds the crate.
    let files = files.iter().map(|f| f.display().to_string()).map(|f| {
        quote!(
            const _: &[u8] = include_bytes!(#f);
        )
    });
    Ok(quote! {
        #with
        #(#files)*
        // Reading the variable through `option_env!` makes rustc record it,
        // so setting or clearing `WITBIND_DEBUG` rebuilds the crate.
        const _: ::core::option::Option<&str> = ::core::option_env!("WITBIND_DEBUG");
        #body
    })
}

/// The Rust source of the bindings `options` ask for, formatted by
/// prettyplease: what `bindgen!` expands to, less the items that only make
/// cargo rebuild when a WIT file or `WITBIND_DEBUG` changes, and with the
/// host side written out (the macro keeps it behind witbind's `host`
/// feature, so the source needs witbind with an engine feature). For
/// reading the generated code, or committing it to a crate. `debug` is
/// ignored: nothing is written.
///
/// Paths in `options` are relative to `CARGO_MANIFEST_DIR` when it is set,
/// else to the current directory; absolute paths are taken as they are.
pub fn source(options: &Options) -> syn::Result<String> {
    let Generated { body, with, .. } = generate_parts(options)?;
    let mut file: syn::File = syn::parse2(quote!(#with #body))?;
    inline_host_items(&mut file.items)?;
    Ok(prettyplease::unparse(&file))
}

/// Replaces each `__bindgen_host_items! { ... }` in `items`, and in the
/// modules among them, by the items it holds, so that prettyplease formats
/// them like the rest (it prints a macro's input as it is).
fn inline_host_items(items: &mut Vec<syn::Item>) -> syn::Result<()> {
    for item in std::mem::take(items) {
        match item {
            syn::Item::Macro(m)
                if m.mac
                    .path
                    .segments
                    .last()
                    .is_some_and(|s| s.ident == "__bindgen_host_items") =>
            {
                let mut inner = syn::parse2::<syn::File>(m.mac.tokens)?.items;
                inline_host_items(&mut inner)?;
                items.extend(inner);
            }
            syn::Item::Mod(mut module) => {
                if let Some((_, inner)) = &mut module.content {
                    inline_host_items(inner)?;
                }
                items.push(syn::Item::Mod(module));
            }
            other => items.push(other),
        }
    }
    Ok(())
}

/// What `generate` and `source` share.
struct Generated {
    /// The modules, types and functions.
    body: TokenStream,
    /// The world's name.
    world: String,
    /// The `use` items of the `with` mappings.
    with: TokenStream,
    /// Every WIT file read.
    files: Vec<std::path::PathBuf>,
}

fn generate_parts(options: &Options) -> syn::Result<Generated> {
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
    let with = plan.with_aliases.iter().map(|(alias, path)| {
        quote! {
            #[allow(unused_imports)]
            use #path as #alias;
        }
    });
    Ok(Generated {
        body,
        world: resolve.worlds[plan.world].name.clone(),
        with: quote!(#(#with)*),
        files: loaded.files,
    })
}
