//! `witbind bindgen WIT_PATH [--world W]`: the code `bindgen!` generates,
//! formatted, on stdout (`witbind_codegen::bindgen::source`).

use std::io::Write;

use anyhow::{Context as _, Result};
use proc_macro2::Span;
use syn::LitStr;
use witbind_codegen::bindgen::options::Options;

use crate::BindgenArgs;

/// Prints the bindings of `args.world` in `args.path`.
pub(crate) fn bindgen(args: &BindgenArgs) -> Result<()> {
    // `bindgen!` takes paths relative to the crate it runs in; the command
    // takes them relative to where it runs.
    let path = std::path::absolute(&args.path)
        .with_context(|| format!("the WIT path `{}`", args.path.display()))?;
    if !path.exists() {
        anyhow::bail!("the WIT path `{}` does not exist", args.path.display());
    }
    let Some(path) = path.to_str() else {
        anyhow::bail!(
            "the WIT path `{}` is not valid Unicode",
            args.path.display()
        );
    };
    let options = Options {
        paths: vec![LitStr::new(path, Span::call_site())],
        world: args
            .world
            .as_deref()
            .map(|w| LitStr::new(w, Span::call_site())),
        ..Options::default()
    };
    let source = witbind_codegen::bindgen::source(&options).map_err(|errors| {
        // Every error, each with the `file:line:col` wit-parser gives.
        let messages: Vec<String> = errors.into_iter().map(|e| e.to_string()).collect();
        anyhow::anyhow!("{}", messages.join("\n"))
    })?;
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(source.as_bytes())
        .and_then(|()| stdout.flush())
        .context("writing the bindings to stdout")
}
