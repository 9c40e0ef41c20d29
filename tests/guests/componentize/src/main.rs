//! Turns the guests' core modules into components with `wit-component`.
//!
//! Usage:
//! - `componentize module IN.wasm OUT.wasm`: a core module that already carries its
//!   `component-type` custom section (as wit-bindgen's guests do) becomes a component.
//! - `componentize wat WIT_DIR WORLD ENCODING IN.wat OUT.wasm`: a hand-written core module
//!   gets the metadata of `WORLD` with the string encoding `ENCODING` (`utf8`, `utf16` or
//!   `latin1+utf16`) embedded, then becomes a component whose canonical options use that
//!   encoding.
//! - `componentize compose CALLER CALLEE TEXT KEEPER OUT.wasm`: composes four components with
//!   `wac-graph`: `CALLEE` (world `composed-callee`) exports `text` and `blobs`, `TEXT` (world
//!   `composed-text`) exports `text`, `KEEPER` (world `composed-keeper`) gets `CALLEE`'s
//!   `blobs` and exports `keeper`; `CALLER` (world `composed-caller`) gets `CALLEE`'s two
//!   interfaces as its `text` and `blobs` imports, `TEXT`'s `text` as its `wide` import and
//!   `KEEPER`'s `keeper`. The composition exports `CALLER`'s `run` and imports what is left:
//!   the `journal` that `CALLER`, `CALLEE` and `KEEPER` import, merged into one import.

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
        ["compose", caller, callee, text, keeper, output] => {
            let composed = compose(caller, callee, text, keeper)?;
            std::fs::write(output, composed).with_context(|| format!("writing {output}"))
        }
        _ => bail!(
            "usage: componentize module IN.wasm OUT.wasm | \
             componentize wat WIT_DIR WORLD ENCODING IN.wat OUT.wasm | \
             componentize compose CALLER.wasm CALLEE.wasm TEXT.wasm KEEPER.wasm OUT.wasm"
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

const TEXT: &str = "witbind:guests/text";
const BLOBS: &str = "witbind:guests/blobs";
const KEEPER: &str = "witbind:guests/keeper";
const RUN: &str = "witbind:guests/run";

/// The composition of the four components (see the module's doc), encoded and validated.
fn compose(caller: &str, callee: &str, text: &str, keeper: &str) -> Result<Vec<u8>> {
    use wac_graph::{CompositionGraph, EncodeOptions, types::Package};

    let mut graph = CompositionGraph::new();
    let mut register = |name: &str, path: &str| -> Result<_> {
        let package = Package::from_file(name, None, path, graph.types_mut())
            .with_context(|| format!("reading {path}"))?;
        Ok(graph.register_package(package)?)
    };
    let caller = register("witbind:caller", caller)?;
    let callee = register("witbind:callee", callee)?;
    let text = register("witbind:text", text)?;
    let keeper = register("witbind:keeper", keeper)?;

    let callee = graph.instantiate(callee);
    let callee_text = graph.alias_instance_export(callee, TEXT)?;
    let callee_blobs = graph.alias_instance_export(callee, BLOBS)?;
    let text = graph.instantiate(text);
    let wide = graph.alias_instance_export(text, TEXT)?;
    let keeper = graph.instantiate(keeper);
    graph.set_instantiation_argument(keeper, BLOBS, callee_blobs)?;
    let keeper = graph.alias_instance_export(keeper, KEEPER)?;
    let caller = graph.instantiate(caller);
    graph.set_instantiation_argument(caller, KEEPER, keeper)?;
    graph.set_instantiation_argument(caller, TEXT, callee_text)?;
    graph.set_instantiation_argument(caller, BLOBS, callee_blobs)?;
    graph.set_instantiation_argument(caller, "wide", wide)?;
    let run = graph.alias_instance_export(caller, RUN)?;
    graph.export(run, RUN)?;
    Ok(graph.encode(EncodeOptions::default())?)
}
