//! Turns the guests' core modules into components with `wit-component`.
//!
//! Usage:
//! - `componentize module IN.wasm OUT.wasm`: a core module that already carries its
//!   `component-type` custom section (as wit-bindgen's guests do) becomes a component.
//! - `componentize wat WIT_DIR WORLD ENCODING IN.wat OUT.wasm`: a hand-written core module
//!   gets the metadata of `WORLD` with the string encoding `ENCODING` (`utf8`, `utf16` or
//!   `latin1+utf16`) embedded, then becomes a component whose canonical options use that
//!   encoding.

use std::path::Path;

use anyhow::{Context, Result, bail};
use wit_component::{ComponentEncoder, StringEncoding};
use wit_parser::Resolve;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["module", input, output] => {
            let module = std::fs::read(input).with_context(|| format!("reading {input}"))?;
            write_component(&module, output)
        }
        ["wat", wit_dir, world, encoding, input, output] => {
            let mut module = wat::parse_file(input).with_context(|| format!("parsing {input}"))?;
            let mut resolve = Resolve::default();
            let (package, _) = resolve.push_path(wit_dir)?;
            let world = resolve.select_world(&[package], Some(world))?;
            wit_component::embed_component_metadata(
                &mut module,
                &resolve,
                world,
                parse_encoding(encoding)?,
            )?;
            write_component(&module, output)
        }
        _ => bail!(
            "usage: componentize module IN.wasm OUT.wasm | \
             componentize wat WIT_DIR WORLD ENCODING IN.wat OUT.wasm"
        ),
    }
}

fn parse_encoding(name: &str) -> Result<StringEncoding> {
    Ok(match name {
        "utf8" => StringEncoding::UTF8,
        "utf16" => StringEncoding::UTF16,
        "latin1+utf16" => StringEncoding::CompactUTF16,
        other => bail!("unknown string encoding {other:?}"),
    })
}

fn write_component(module: &[u8], output: impl AsRef<Path>) -> Result<()> {
    let component = ComponentEncoder::default()
        .validate(true)
        .module(module)?
        .encode()?;
    std::fs::write(output.as_ref(), component)
        .with_context(|| format!("writing {}", output.as_ref().display()))
}
