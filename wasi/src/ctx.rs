//! [`WasiCtx`], what one guest may reach, and its [`WasiCtxBuilder`].

use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, Mutex};

use cap_std::fs::Dir;
use rand::SeedableRng;
use rand::rngs::SmallRng;
use witbind::ResourceTable;

use crate::clocks::{HostMonotonicClock, HostWallClock, SystemMonotonicClock, SystemWallClock};
use crate::filesystem::Descriptor;
use crate::pipes::{ClosedInput, DiscardOutput, HostOutput, HostStdin};
use crate::random::{OsRandom, RandomSource};
use crate::sockets::{NetworkPolicy, SocketAddrUse};
use crate::streams::{InputSource, OutputSink, SharedSink, SharedSource};

bitflags::bitflags! {
    /// What a guest may do with a preopened directory (and the directories
    /// it opens below it).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub struct DirPerms: u8 {
        /// List entries, stat them, open them.
        const READ = 0b01;
        /// Create, rename, remove, link entries and set their times.
        const MUTATE = 0b10;
    }
}

bitflags::bitflags! {
    /// What a guest may do with the files it opens below a preopened
    /// directory.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub struct FilePerms: u8 {
        /// Read the file's contents.
        const READ = 0b01;
        /// Write, truncate and set the times of the file.
        const WRITE = 0b10;
    }
}

/// Everything one guest may reach through WASI: arguments, environment,
/// standard streams, preopened directories, clocks and randomness, and the
/// table of the resources it holds. Made by [`WasiCtxBuilder`]; kept in the
/// store's data and found by the accessor given to
/// [`add_to_linker`](crate::add_to_linker).
pub struct WasiCtx {
    pub(crate) table: ResourceTable,
    pub(crate) args: Vec<String>,
    pub(crate) env: Vec<(String, String)>,
    pub(crate) initial_cwd: Option<String>,
    pub(crate) stdin: SharedSource,
    pub(crate) stdout: SharedSink,
    pub(crate) stderr: SharedSink,
    /// The preopened directories: a descriptor for each is made whenever
    /// the guest asks for them.
    pub(crate) preopens: Vec<(Descriptor, String)>,
    pub(crate) wall_clock: Box<dyn HostWallClock>,
    pub(crate) monotonic_clock: Box<dyn HostMonotonicClock>,
    pub(crate) secure_random: Box<dyn RandomSource>,
    pub(crate) insecure_random: Box<dyn RandomSource>,
    pub(crate) insecure_seed: (u64, u64),
    /// What the guest may do on the network.
    pub(crate) network: NetworkPolicy,
    /// How many sockets the guest holds.
    pub(crate) sockets: usize,
}

impl WasiCtx {
    /// A context with nothing in it: no arguments, environment or
    /// directories, empty stdin, discarded stdout and stderr.
    pub fn new() -> Self {
        WasiCtxBuilder::new().build()
    }

    /// The table of the guest's WASI resources (streams, descriptors,
    /// pollables, ...).
    pub fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }
}

impl Default for WasiCtx {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for WasiCtx {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WasiCtx")
            .field("args", &self.args)
            .field("env", &self.env)
            .field("initial_cwd", &self.initial_cwd)
            .field(
                "preopens",
                &self.preopens.iter().map(|(_, p)| p).collect::<Vec<_>>(),
            )
            .field("table", &self.table)
            .finish_non_exhaustive()
    }
}

/// Builds a [`WasiCtx`]: by default a guest gets no arguments, no
/// environment, no directories, an empty stdin, and its output is
/// discarded; clocks are the system's and randomness the OS's.
pub struct WasiCtxBuilder {
    args: Vec<String>,
    env: Vec<(String, String)>,
    initial_cwd: Option<String>,
    stdin: SharedSource,
    stdout: SharedSink,
    stderr: SharedSink,
    preopens: Vec<(Descriptor, String)>,
    wall_clock: Box<dyn HostWallClock>,
    monotonic_clock: Box<dyn HostMonotonicClock>,
    secure_random: Box<dyn RandomSource>,
    insecure_random: Option<Box<dyn RandomSource>>,
    insecure_seed: Option<u128>,
    network: NetworkPolicy,
}

impl Default for WasiCtxBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl WasiCtxBuilder {
    /// A builder of the default context.
    pub fn new() -> Self {
        Self {
            args: Vec::new(),
            env: Vec::new(),
            initial_cwd: None,
            stdin: Arc::new(Mutex::new(ClosedInput)),
            stdout: Arc::new(Mutex::new(DiscardOutput)),
            stderr: Arc::new(Mutex::new(DiscardOutput)),
            preopens: Vec::new(),
            wall_clock: Box::new(SystemWallClock),
            monotonic_clock: Box::new(SystemMonotonicClock::new()),
            secure_random: Box::new(OsRandom),
            insecure_random: None,
            insecure_seed: None,
            network: NetworkPolicy::default(),
        }
    }

    /// Appends one argument. The first argument is, by convention, the
    /// program's name.
    pub fn arg(&mut self, arg: impl Into<String>) -> &mut Self {
        self.args.push(arg.into());
        self
    }

    /// Appends arguments.
    pub fn args(&mut self, args: impl IntoIterator<Item = impl Into<String>>) -> &mut Self {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    /// Appends the host process's own arguments.
    pub fn inherit_args(&mut self) -> &mut Self {
        self.args.extend(std::env::args());
        self
    }

    /// Adds the environment variable `key=value`.
    pub fn env(&mut self, key: impl Into<String>, value: impl Into<String>) -> &mut Self {
        self.env.push((key.into(), value.into()));
        self
    }

    /// Adds environment variables.
    pub fn envs(
        &mut self,
        vars: impl IntoIterator<Item = (impl Into<String>, impl Into<String>)>,
    ) -> &mut Self {
        self.env
            .extend(vars.into_iter().map(|(k, v)| (k.into(), v.into())));
        self
    }

    /// Adds the host process's own environment variables (those that are
    /// valid Unicode).
    pub fn inherit_env(&mut self) -> &mut Self {
        self.env.extend(std::env::vars());
        self
    }

    /// The directory the guest should take as its working directory
    /// (`wasi:cli/environment.initial-cwd`); none by default.
    pub fn initial_cwd(&mut self, path: impl Into<String>) -> &mut Self {
        self.initial_cwd = Some(path.into());
        self
    }

    /// The guest's stdin, such as a [`MemoryInputPipe`](crate::MemoryInputPipe).
    pub fn stdin(&mut self, source: impl InputSource) -> &mut Self {
        self.stdin = Arc::new(Mutex::new(source));
        self
    }

    /// The guest's stdout, such as a [`MemoryOutputPipe`](crate::MemoryOutputPipe).
    pub fn stdout(&mut self, sink: impl OutputSink) -> &mut Self {
        self.stdout = Arc::new(Mutex::new(sink));
        self
    }

    /// The guest's stderr.
    pub fn stderr(&mut self, sink: impl OutputSink) -> &mut Self {
        self.stderr = Arc::new(Mutex::new(sink));
        self
    }

    /// The guest reads the host process's stdin.
    pub fn inherit_stdin(&mut self) -> &mut Self {
        self.stdin(HostStdin)
    }

    /// The guest writes to the host process's stdout.
    pub fn inherit_stdout(&mut self) -> &mut Self {
        self.stdout(HostOutput::Stdout)
    }

    /// The guest writes to the host process's stderr.
    pub fn inherit_stderr(&mut self) -> &mut Self {
        self.stderr(HostOutput::Stderr)
    }

    /// The guest's stdin, stdout and stderr are the host process's.
    pub fn inherit_stdio(&mut self) -> &mut Self {
        self.inherit_stdin().inherit_stdout().inherit_stderr()
    }

    /// Gives the guest the host directory `host_path` as `guest_path`, with
    /// `dir_perms` on it and the directories below, and `file_perms` on the
    /// files below. The guest reaches nothing outside it: `..`, absolute
    /// paths and symbolic links leading out fail (the sandbox is
    /// `cap-std`'s).
    ///
    /// Fails when `host_path` cannot be opened as a directory.
    pub fn preopened_dir(
        &mut self,
        host_path: impl AsRef<Path>,
        guest_path: impl Into<String>,
        dir_perms: DirPerms,
        file_perms: FilePerms,
    ) -> witbind::Result<&mut Self> {
        let host_path = host_path.as_ref();
        let dir = Dir::open_ambient_dir(host_path, cap_std::ambient_authority()).map_err(|e| {
            anyhow::anyhow!(
                "witbind-wasi: cannot preopen the directory `{}`: {e}",
                host_path.display()
            )
        })?;
        self.preopens.push((
            Descriptor::preopen(dir, dir_perms, file_perms),
            guest_path.into(),
        ));
        Ok(self)
    }

    /// Replaces the wall clock (`wasi:clocks/wall-clock`), for example with
    /// a fixed one for deterministic runs.
    pub fn wall_clock(&mut self, clock: impl HostWallClock) -> &mut Self {
        self.wall_clock = Box::new(clock);
        self
    }

    /// Replaces the monotonic clock (`wasi:clocks/monotonic-clock`). Waits
    /// on it (`subscribe-duration`, `subscribe-instant`) still take the
    /// real time they ask for.
    pub fn monotonic_clock(&mut self, clock: impl HostMonotonicClock) -> &mut Self {
        self.monotonic_clock = Box::new(clock);
        self
    }

    /// Replaces the OS randomness behind `wasi:random/random`, for example
    /// with a seeded generator for deterministic runs. Anything else than a
    /// cryptographically secure generator makes the guest's secrets
    /// guessable.
    pub fn secure_random(&mut self, rng: impl rand::Rng + Send + 'static) -> &mut Self {
        self.secure_random = Box::new(rng);
        self
    }

    /// Replaces the generator behind `wasi:random/insecure` (by default a
    /// fast generator seeded from the OS).
    pub fn insecure_random(&mut self, rng: impl rand::Rng + Send + 'static) -> &mut Self {
        self.insecure_random = Some(Box::new(rng));
        self
    }

    /// The value of `wasi:random/insecure-seed` (by default random).
    pub fn insecure_random_seed(&mut self, seed: u128) -> &mut Self {
        self.insecure_seed = Some(seed);
        self
    }

    /// Lets the guest make TCP sockets: connect, bind, listen and accept,
    /// on every address the [`socket_addr_check`](Self::socket_addr_check)
    /// admits (all of them unless one is set). Off by default: every
    /// socket operation is refused with `access-denied`.
    pub fn allow_tcp(&mut self, allow: bool) -> &mut Self {
        self.network.tcp = allow;
        self
    }

    /// Lets the guest look names up (`wasi:sockets/ip-name-lookup`) with
    /// the host's resolver. Off by default: a lookup fails with
    /// `permanent-resolver-failure` (the WIT gives that function no
    /// `access-denied`).
    pub fn allow_ip_name_lookup(&mut self, allow: bool) -> &mut Self {
        self.network.ip_name_lookup = allow;
        self
    }

    /// Narrows which addresses TCP sockets may use: `check` is asked
    /// before each bind (explicit or implicit), connect and listen, and a
    /// `false` makes the operation fail with `access-denied`.
    pub fn socket_addr_check(
        &mut self,
        check: impl Fn(SocketAddr, SocketAddrUse) -> bool + Send + Sync + 'static,
    ) -> &mut Self {
        self.network.addr_check = Some(Arc::new(check));
        self
    }

    /// The most sockets the guest may hold at once (100 by default): one
    /// more fails with `new-socket-limit`, so a guest cannot exhaust the
    /// host's file descriptors.
    pub fn max_sockets(&mut self, max: usize) -> &mut Self {
        self.network.max_sockets = max;
        self
    }

    /// The context. The builder is left as new.
    pub fn build(&mut self) -> WasiCtx {
        let Self {
            args,
            env,
            initial_cwd,
            stdin,
            stdout,
            stderr,
            preopens,
            wall_clock,
            monotonic_clock,
            secure_random,
            insecure_random,
            insecure_seed,
            network,
        } = std::mem::take(self);
        let insecure_random =
            insecure_random.unwrap_or_else(|| Box::new(SmallRng::seed_from_u64(OsRandom::seed())));
        let seed = insecure_seed
            .unwrap_or_else(|| u128::from(OsRandom::seed()) << 64 | u128::from(OsRandom::seed()));
        WasiCtx {
            table: ResourceTable::new(),
            args,
            env,
            initial_cwd,
            stdin,
            stdout,
            stderr,
            preopens,
            wall_clock,
            monotonic_clock,
            secure_random,
            insecure_random,
            // The low half first, as wasmtime-wasi gives it.
            insecure_seed: (seed as u64, (seed >> 64) as u64),
            network,
            sockets: 0,
        }
    }
}
