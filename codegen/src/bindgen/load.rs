//! Reading the WIT: the files and inline source `bindgen!` names, resolved
//! into one `Resolve`, and the world to generate.

use std::path::{Path, PathBuf};

use proc_macro2::Span;
use syn::LitStr;
use wit_parser::{PackageId, Resolve, WorldId};

use super::options::Options;

/// The resolved WIT, the world to generate and every file that was read.
pub(crate) struct Loaded {
    pub(crate) resolve: Resolve,
    pub(crate) world: WorldId,
    pub(crate) files: Vec<PathBuf>,
    /// Where errors about the WIT's content point: the `inline` source, or
    /// the first path, or the whole macro.
    pub(crate) source_span: Span,
}

/// The directory paths are relative to: the invoking crate's manifest dir.
fn root() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(|| PathBuf::from("."), PathBuf::from)
}

/// Loads the WIT named by `options`. Errors are placed at the option that
/// caused them; parse and resolve errors keep wit-parser's `file:line:col`.
pub(crate) fn load(options: &Options) -> syn::Result<Loaded> {
    load_with(options, options.all_features)
}

/// [`load`], with every `@unstable` feature enabled when `all_features`.
pub(crate) fn load_with(options: &Options, all_features: bool) -> syn::Result<Loaded> {
    let mut resolve = Resolve::new();
    resolve.all_features = all_features;
    for feature in &options.features {
        resolve.features.insert(feature.value());
    }
    let root = root();
    let mut packages: Vec<PackageId> = Vec::new();
    let mut files = Vec::new();
    let paths: Vec<(String, Span)> = if options.paths.is_empty() && options.inline.is_none() {
        vec![("wit".to_string(), Span::call_site())]
    } else {
        options
            .paths
            .iter()
            .map(|p| (p.value(), p.span()))
            .collect()
    };
    for (path, span) in &paths {
        let full = root.join(path);
        if !full.exists() {
            return Err(syn::Error::new(
                *span,
                format!(
                    "WIT path `{path}` does not exist (paths are relative to \
                     `CARGO_MANIFEST_DIR`, the directory of the crate's `Cargo.toml`)"
                ),
            ));
        }
        let (pkg, sources) = resolve
            .push_path(&full)
            .map_err(|e| wit_error(*span, &resolve, &e))?;
        packages.push(pkg);
        files.extend(sources.paths().map(Path::to_path_buf));
    }
    if let Some(inline) = &options.inline {
        let pkg = resolve
            .push_str("<inline>", &inline.value())
            .map_err(|e| wit_error(inline.span(), &resolve, &e))?;
        packages.push(pkg);
    }
    let source_span = options
        .inline
        .as_ref()
        .map(LitStr::span)
        .or_else(|| options.paths.first().map(LitStr::span))
        .unwrap_or_else(Span::call_site);
    let world_span = options.world.as_ref().map_or(source_span, LitStr::span);
    let world_name = options.world.as_ref().map(|w| w.value());
    let world = match resolve.select_world(&packages, world_name.as_deref()) {
        Ok(world) => world,
        Err(e) => {
            let hint = if all_features {
                String::new()
            } else {
                super::gates::world_feature_hint(options)
            };
            let message = format!("{}{hint}", resolve.render_error(&e));
            return Err(syn::Error::new(world_span, message));
        }
    };
    files.sort();
    files.dedup();
    Ok(Loaded {
        resolve,
        world,
        files,
        source_span,
    })
}

/// A wit-parser error at `span`, rendered with its `file:line:col` and the
/// offending source line.
fn wit_error(span: Span, resolve: &Resolve, error: &anyhow::Error) -> syn::Error {
    syn::Error::new(span, resolve.render_error(error))
}
