//! `wasi:cli`: environment, exit, the standard streams, and the terminal
//! interfaces (no standard stream is a terminal to the guest).

use witbind::Resource;

use crate::bindings::wasi::cli::{
    environment, exit, stderr, stdin, stdout, terminal_input, terminal_output, terminal_stderr,
    terminal_stdin, terminal_stdout,
};
use crate::ctx::WasiCtx;
use crate::run::I32Exit;
use crate::streams::{InputStream, OutputStream};

/// The host object of a WASI `terminal-input`. witbind-wasi tells guests
/// that no stream is a terminal, so none exists.
#[derive(Debug)]
pub enum TerminalInput {}

/// The host object of a WASI `terminal-output`; none exists (see
/// [`TerminalInput`]).
#[derive(Debug)]
pub enum TerminalOutput {}

impl environment::Host for WasiCtx {
    fn get_environment(&mut self) -> witbind::Result<Vec<(String, String)>> {
        Ok(self.env.clone())
    }

    fn get_arguments(&mut self) -> witbind::Result<Vec<String>> {
        Ok(self.args.clone())
    }

    fn initial_cwd(&mut self) -> witbind::Result<Option<String>> {
        Ok(self.initial_cwd.clone())
    }
}

impl exit::Host for WasiCtx {
    fn exit(&mut self, status: Result<(), ()>) -> witbind::Result<()> {
        Err(I32Exit(if status.is_ok() { 0 } else { 1 }).into())
    }

    fn exit_with_code(&mut self, status_code: u8) -> witbind::Result<()> {
        Err(I32Exit(status_code.into()).into())
    }
}

impl stdin::Host for WasiCtx {
    fn get_stdin(&mut self) -> witbind::Result<Resource<InputStream>> {
        Ok(self.table.push(InputStream::new(self.stdin.clone()))?)
    }
}

impl stdout::Host for WasiCtx {
    fn get_stdout(&mut self) -> witbind::Result<Resource<OutputStream>> {
        Ok(self.table.push(OutputStream::new(self.stdout.clone()))?)
    }
}

impl stderr::Host for WasiCtx {
    fn get_stderr(&mut self) -> witbind::Result<Resource<OutputStream>> {
        Ok(self.table.push(OutputStream::new(self.stderr.clone()))?)
    }
}

impl terminal_input::HostTerminalInput for WasiCtx {
    fn drop(&mut self, rep: Resource<TerminalInput>) -> witbind::Result<()> {
        match self.table.delete(rep)? {}
    }
}

impl terminal_input::Host for WasiCtx {}

impl terminal_output::HostTerminalOutput for WasiCtx {
    fn drop(&mut self, rep: Resource<TerminalOutput>) -> witbind::Result<()> {
        match self.table.delete(rep)? {}
    }
}

impl terminal_output::Host for WasiCtx {}

impl terminal_stdin::Host for WasiCtx {
    fn get_terminal_stdin(&mut self) -> witbind::Result<Option<Resource<TerminalInput>>> {
        Ok(None)
    }
}

impl terminal_stdout::Host for WasiCtx {
    fn get_terminal_stdout(&mut self) -> witbind::Result<Option<Resource<TerminalOutput>>> {
        Ok(None)
    }
}

impl terminal_stderr::Host for WasiCtx {
    fn get_terminal_stderr(&mut self) -> witbind::Result<Option<Resource<TerminalOutput>>> {
        Ok(None)
    }
}
