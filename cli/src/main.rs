//! `witbind`: runs WebAssembly components on witbind, with WASI 0.2
//! (`witbind run`), calls one of their exports with arguments in WAVE
//! (`witbind run --invoke`), and prints the Rust code `bindgen!` generates
//! for a WIT world (`witbind bindgen`).
//!
//! Only the public APIs of `witbind`, `witbind-wasi` and `witbind-codegen`
//! are used: this is what any host built on them can do.

mod bindgen;
mod invoke;
mod run;
mod wave;

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use witbind::BackendKind;

/// Runs WebAssembly components with witbind, and prints the Rust bindings
/// `witbind::bindgen!` generates.
#[derive(Parser, Debug)]
#[command(name = "witbind", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    Run(RunArgs),
    Bindgen(BindgenArgs),
}

/// Runs a command component (one exporting `wasi:cli/run`) with WASI 0.2,
/// or calls one of a component's exports with `--invoke`.
///
/// The guest's stdin, stdout and stderr are this process's. It reaches no
/// file, directory, environment variable or network unless given one with
/// the options below. The process exits with the guest's exit code; a trap
/// prints the error on stderr and exits with 134 (3 on Windows), as
/// wasmtime's command does.
#[derive(Args, Debug)]
pub(crate) struct RunArgs {
    /// Gives the guest the host directory HOST as the directory GUEST (as
    /// HOST itself when `::GUEST` is left out), with every permission: list,
    /// read, write, create, rename and remove. Nothing outside it is
    /// reachable through it: `..`, absolute paths and symbolic links leading
    /// out fail. Repeat for more directories.
    #[arg(long = "dir", value_name = "HOST[::GUEST]", value_parser = parse_dir)]
    pub(crate) dirs: Vec<(PathBuf, String)>,

    /// Sets the guest's environment variable NAME to VALUE; `--env NAME`
    /// passes this process's value of NAME (nothing when it is unset).
    /// Repeat for more variables.
    #[arg(long = "env", value_name = "NAME[=VALUE]", value_parser = parse_env)]
    pub(crate) envs: Vec<(String, Option<String>)>,

    /// Allows the guest TCP sockets (`wasi:sockets/tcp`): connect, bind,
    /// listen and accept on any address. Without it every socket operation
    /// fails with `access-denied`.
    #[arg(long)]
    pub(crate) allow_tcp: bool,

    /// Allows the guest to look names up (`wasi:sockets/ip-name-lookup`)
    /// with this machine's resolver. Without it lookups fail.
    #[arg(long)]
    pub(crate) allow_ip_name_lookup: bool,

    /// Defines every import that WASI does not provide (an interface of the
    /// component's own, say) as a function that traps when called, naming
    /// the import, so that a component which never calls them runs
    /// (wasmtime's `-Ctrap-unknown-imports`). Without it such a
    /// component does not start: the error lists what is missing. A call to
    /// one of them is a trap: exit code 134.
    #[arg(long)]
    pub(crate) trap_unknown_imports: bool,

    /// Calls one export instead of running `wasi:cli/run`, and prints its
    /// results in WAVE, the component model's text format: `'add(1, 2)'`,
    /// `'greet("world")'`, `'echo-point({x: 1, y: -2})'`. NAME is a function
    /// the component exports at its root or from one exported interface (as
    /// wasmtime's `--invoke`), or names the interface too:
    /// `'iface#name(...)'` / `'ns:pkg/iface#name(...)'` (also WAVE's
    /// `ns:pkg/iface.name(...)`). Trailing `option` arguments may be left
    /// out. One result prints as a value, several as a tuple, none as `()`.
    #[arg(long, value_name = "NAME(ARGS)")]
    pub(crate) invoke: Option<String>,

    /// The engine that runs the component's core wasm.
    #[arg(long, value_enum, default_value_t = EngineName::Wasmtime)]
    pub(crate) engine: EngineName,

    /// The component to run: a component binary (`.wasm`).
    #[arg(value_name = "COMPONENT")]
    pub(crate) component: PathBuf,

    /// The guest's arguments, after its name (the file name of COMPONENT).
    /// Everything after COMPONENT is the guest's, options included.
    #[arg(
        value_name = "ARGS",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    pub(crate) args: Vec<String>,
}

/// Prints the Rust code `witbind::bindgen!` generates for a WIT world,
/// formatted, with the host side (traits, `add_to_linker`, call methods)
/// written out.
#[derive(Args, Debug)]
pub(crate) struct BindgenArgs {
    /// A WIT file, or a directory of WIT files with their dependencies in
    /// `deps/` (what `bindgen!`'s `path` takes).
    #[arg(value_name = "WIT_PATH")]
    pub(crate) path: PathBuf,

    /// The world to generate: `name` or `ns:pkg/name`. Needed when the WIT
    /// has several worlds.
    #[arg(long, value_name = "WORLD")]
    pub(crate) world: Option<String>,
}

/// An engine witbind runs core wasm on.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum EngineName {
    /// wasmtime's Cranelift compiler: compiles first, then runs fast.
    Wasmtime,
    /// The wasmi interpreter: starts at once, runs slower.
    Wasmi,
}

impl EngineName {
    fn kind(self) -> BackendKind {
        match self {
            EngineName::Wasmtime => BackendKind::Wasmtime,
            EngineName::Wasmi => BackendKind::Wasmi,
        }
    }
}

/// `HOST[::GUEST]`.
fn parse_dir(text: &str) -> Result<(PathBuf, String), String> {
    let (host, guest) = match text.split_once("::") {
        Some((host, guest)) => (host, guest),
        None => (text, text),
    };
    if host.is_empty() || guest.is_empty() {
        return Err("expected `HOST` or `HOST::GUEST`, with neither part empty".into());
    }
    Ok((PathBuf::from(host), guest.to_string()))
}

/// `NAME=VALUE` or `NAME`.
fn parse_env(text: &str) -> Result<(String, Option<String>), String> {
    let (name, value) = match text.split_once('=') {
        Some((name, value)) => (name, Some(value.to_string())),
        None => (text, None),
    };
    if name.is_empty() {
        return Err("expected `NAME=VALUE` or `NAME`, with a name".into());
    }
    Ok((name.to_string(), value))
}

/// The exit code of a guest that trapped: a process killed by `SIGABRT`,
/// as wasmtime's command gives, on Unix; `abort()`'s 3 on Windows.
const TRAP_EXIT_CODE: i32 = if cfg!(windows) { 3 } else { 134 };

fn main() {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Run(args) => run::run(args),
        Command::Bindgen(args) => bindgen::bindgen(&args).map(|()| 0),
    };
    let code = match outcome {
        Ok(code) => code,
        Err(error) => match error.downcast_ref::<witbind_wasi::I32Exit>() {
            // The guest called `exit` during an `--invoke`d call.
            Some(exit) => exit.0,
            None => {
                let _ = std::io::stdout().flush();
                eprintln!("Error: {error:?}");
                if error.downcast_ref::<witbind::Trap>().is_some() {
                    TRAP_EXIT_CODE
                } else {
                    1
                }
            }
        },
    };
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    // The guest's code as it is: `ExitCode` holds only a `u8`.
    std::process::exit(code)
}
