//! `witbind run`: a component instantiated with WASI 0.2 linked, then run
//! as a command (`wasi:cli/run`) or through the one export `--invoke`
//! names.

use std::path::Path;

use anyhow::{Context as _, Result};
use witbind::{Component, Engine, Linker, Store};
use witbind_wasi::{DirPerms, FilePerms, WasiCtx, WasiCtxBuilder};

use crate::RunArgs;
use crate::invoke;

/// The store's data: what the guest reaches through WASI.
pub(crate) struct Host {
    wasi: WasiCtx,
}

/// Runs `args.component` as `args` say; the guest's exit code.
pub(crate) fn run(args: RunArgs) -> Result<i32> {
    let engine = Engine::with_backend(args.engine.kind())?;
    let component = Component::from_file(&engine, &args.component)?;
    // WASI is linked whatever the component imports: a component that
    // imports none of it just leaves it unused.
    let mut linker = Linker::<Host>::new(&engine);
    witbind_wasi::add_to_linker(&mut linker, |host| &mut host.wasi)?;
    if args.trap_unknown_imports {
        linker.define_unknown_imports_as_traps(&component)?;
    }
    let wasi = context(&args)?;
    let mut store = Store::new(&engine, Host { wasi });
    match &args.invoke {
        Some(call) => {
            invoke::invoke(&mut store, &linker, &component, call)?;
            Ok(0)
        }
        None => {
            // Imports first: what is missing matters whatever the exports.
            linker.instantiate_pre(&component)?;
            ensure_command(&component, &args.component)?;
            witbind_wasi::run(&mut store, &component, &linker)
        }
    }
}

/// What the guest may reach: this process's stdio, its arguments, the
/// environment variables and directories `args` give.
fn context(args: &RunArgs) -> Result<WasiCtx> {
    let mut builder = WasiCtxBuilder::new();
    builder
        .inherit_stdio()
        .allow_tcp(args.allow_tcp)
        .allow_ip_name_lookup(args.allow_ip_name_lookup)
        .arg(program_name(&args.component))
        .args(&args.args);
    for (name, value) in &args.envs {
        match value {
            Some(value) => {
                builder.env(name, value);
            }
            None => match std::env::var(name) {
                Ok(value) => {
                    builder.env(name, value);
                }
                Err(std::env::VarError::NotPresent) => {}
                Err(std::env::VarError::NotUnicode(_)) => anyhow::bail!(
                    "`--env {name}`: this process's value of `{name}` is not valid Unicode, \
                     which a WASI environment variable must be; give one with `--env {name}=VALUE`"
                ),
            },
        }
    }
    for (host, guest) in &args.dirs {
        builder
            .preopened_dir(host, guest.as_str(), DirPerms::all(), FilePerms::all())
            .with_context(|| format!("`--dir {}::{guest}`", host.display()))?;
    }
    Ok(builder.build())
}

/// The guest's first argument: the component's file name, not its path, so
/// that no host path reaches the guest (as wasmtime does).
fn program_name(component: &Path) -> String {
    component
        .file_name()
        .unwrap_or(component.as_os_str())
        .to_string_lossy()
        .into_owned()
}

/// Fails, naming what the component exports instead, when it is not a
/// command.
fn ensure_command(component: &Component, path: &Path) -> Result<()> {
    let exports = component.export_names();
    let is_run = |name: &String| name == "wasi:cli/run" || name.starts_with("wasi:cli/run@");
    if exports.iter().any(is_run) {
        return Ok(());
    }
    let exports = if exports.is_empty() {
        "it exports nothing".to_string()
    } else {
        format!(
            "its exports: {}",
            exports
                .iter()
                .map(|e| format!("`{e}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    anyhow::bail!(
        "`{}` is not a command: it does not export `wasi:cli/run` ({exports}); call one of its \
         functions with `--invoke 'NAME(ARGS)'`",
        path.display()
    )
}
