//! `debug: true` (or `WITBIND_DEBUG=1`): the expansion is formatted with
//! prettyplease, written to a file and `include!`d, so rustc's errors point
//! at real lines a reader can open.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::PathBuf;

use proc_macro2::{Span, TokenStream};
use quote::quote;

/// Whether the `WITBIND_DEBUG` environment variable asks for debug output.
pub(crate) fn requested_by_env() -> bool {
    std::env::var("WITBIND_DEBUG").is_ok_and(|v| !v.is_empty() && v != "0")
}

/// Where debug files go: `OUT_DIR` when the crate has a build script, else
/// `witbind-debug` in the target directory.
fn directory() -> PathBuf {
    if let Some(out) = std::env::var_os("OUT_DIR") {
        return PathBuf::from(out);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || {
            std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(
                || PathBuf::from("target"),
                |m| PathBuf::from(m).join("target"),
            )
        },
        PathBuf::from,
    );
    target.join("witbind-debug")
}

/// Writes `tokens`, formatted, to a file named after `world` and returns
/// an `include!` of it.
pub(crate) fn write_and_include(tokens: &TokenStream, world: &str) -> syn::Result<TokenStream> {
    let file: syn::File = syn::parse2(tokens.clone())?;
    let text = prettyplease::unparse(&file);
    let mut hasher = DefaultHasher::new();
    text.hash(&mut hasher);
    let dir = directory();
    let path = dir.join(format!("{world}-{:016x}.rs", hasher.finish()));
    std::fs::create_dir_all(&dir)
        .and_then(|()| std::fs::write(&path, &text))
        .map_err(|e| {
            syn::Error::new(
                Span::call_site(),
                format!(
                    "cannot write the debug expansion to `{}`: {e}",
                    path.display()
                ),
            )
        })?;
    let path = path.display().to_string();
    Ok(quote!(include!(#path);))
}
