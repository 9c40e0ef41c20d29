//! `wasi:sockets`: every interface links. By default every operation is
//! refused with `access-denied`; a host that allows it
//! ([`WasiCtxBuilder::allow_tcp`](crate::WasiCtxBuilder::allow_tcp),
//! [`allow_ip_name_lookup`](crate::WasiCtxBuilder::allow_ip_name_lookup))
//! gives the guest real TCP sockets and name lookup, on the addresses its
//! [`socket_addr_check`](crate::WasiCtxBuilder::socket_addr_check) admits.
//! UDP is never offered.
//!
//! Sockets are the OS's, driven by one background tokio runtime
//! ([`runtime`]): the guest's thread never blocks in a socket call, it
//! waits in `wasi:io/poll` like for any other pollable.

mod addresses;
mod lookup;
mod tcp;
mod tcp_streams;
mod udp;

use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};

use witbind::Resource;

use crate::bindings::wasi::sockets::network::ErrorCode;
use crate::bindings::wasi::sockets::{instance_network, network};
use crate::ctx::WasiCtx;

pub use lookup::ResolveAddressStream;
pub(crate) use lookup::poll_lookup;
pub use tcp::TcpSocket;
pub(crate) use tcp::poll_socket;
pub use udp::{IncomingDatagramStream, OutgoingDatagramStream, UdpSocket};

/// The host object of a WASI `network`: the guest's handle to the network.
/// What it may do there is the context's network policy (`NetworkPolicy`).
#[derive(Debug)]
pub struct Network;

/// What a guest's socket wants to do with an address, as given to a
/// [`socket_addr_check`](crate::WasiCtxBuilder::socket_addr_check).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SocketAddrUse {
    /// Bind a TCP socket to this local address (also checked, with the
    /// unspecified address and port 0, before an implicit bind by
    /// `connect` or `listen`).
    TcpBind,
    /// Connect a TCP socket to this remote address.
    TcpConnect,
    /// Listen on this local address.
    TcpListen,
}

/// Decides whether a guest may use an address.
pub(crate) type AddrCheck = Arc<dyn Fn(SocketAddr, SocketAddrUse) -> bool + Send + Sync>;

/// What a guest may do on the network. Nothing by default.
#[derive(Clone)]
pub(crate) struct NetworkPolicy {
    /// TCP sockets may be created.
    pub(crate) tcp: bool,
    /// `resolve-addresses` may look names up.
    pub(crate) ip_name_lookup: bool,
    /// Which addresses TCP may bind, connect to and listen on; every one
    /// when `None`.
    pub(crate) addr_check: Option<AddrCheck>,
    /// The most sockets the guest may hold at once.
    pub(crate) max_sockets: usize,
}

/// The default limit on the sockets one guest holds at once.
pub(crate) const DEFAULT_MAX_SOCKETS: usize = 100;

impl Default for NetworkPolicy {
    fn default() -> Self {
        Self {
            tcp: false,
            ip_name_lookup: false,
            addr_check: None,
            max_sockets: DEFAULT_MAX_SOCKETS,
        }
    }
}

impl NetworkPolicy {
    /// `access-denied` unless the guest may use `addr` for `usage`.
    pub(crate) fn check(&self, addr: SocketAddr, usage: SocketAddrUse) -> Result<(), ErrorCode> {
        let allowed = self.tcp && self.addr_check.as_ref().is_none_or(|f| f(addr, usage));
        if allowed {
            Ok(())
        } else {
            Err(ErrorCode::AccessDenied)
        }
    }
}

/// The runtime that drives every socket of every context: one worker
/// thread (and at most four for name lookups), started on first use.
pub(crate) fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("witbind-wasi-sockets")
            // Name lookups block in the OS resolver; a guest that starts
            // many waits for these few threads instead of making more.
            .max_blocking_threads(4)
            .enable_io()
            .enable_time()
            .build()
            .expect("witbind-wasi: the sockets runtime cannot start (no threads or no epoll?)")
    })
}

/// The WASI error code of a host I/O error.
pub(crate) fn error_code(error: &std::io::Error) -> ErrorCode {
    use std::io::ErrorKind as K;
    #[cfg(unix)]
    if let Some(code) = error.raw_os_error().and_then(errno_code) {
        return code;
    }
    match error.kind() {
        K::AddrInUse => ErrorCode::AddressInUse,
        K::AddrNotAvailable => ErrorCode::AddressNotBindable,
        K::ConnectionAborted => ErrorCode::ConnectionAborted,
        K::ConnectionRefused => ErrorCode::ConnectionRefused,
        K::ConnectionReset => ErrorCode::ConnectionReset,
        K::InvalidInput => ErrorCode::InvalidArgument,
        K::NotConnected => ErrorCode::InvalidState,
        K::OutOfMemory => ErrorCode::OutOfMemory,
        K::PermissionDenied => ErrorCode::AccessDenied,
        K::TimedOut => ErrorCode::Timeout,
        K::Unsupported => ErrorCode::NotSupported,
        K::HostUnreachable | K::NetworkUnreachable | K::NetworkDown => ErrorCode::RemoteUnreachable,
        K::BrokenPipe => ErrorCode::ConnectionReset,
        _ => ErrorCode::Unknown,
    }
}

/// The WASI error code of an OS error number, where one fits exactly.
#[cfg(unix)]
fn errno_code(raw: i32) -> Option<ErrorCode> {
    use rustix::io::Errno;
    let errno = Errno::from_raw_os_error(raw);
    Some(match errno {
        Errno::PERM | Errno::ACCESS => ErrorCode::AccessDenied,
        Errno::ADDRINUSE => ErrorCode::AddressInUse,
        Errno::ADDRNOTAVAIL => ErrorCode::AddressNotBindable,
        Errno::TIMEDOUT => ErrorCode::Timeout,
        Errno::PIPE => ErrorCode::ConnectionReset,
        Errno::CONNREFUSED => ErrorCode::ConnectionRefused,
        Errno::CONNRESET => ErrorCode::ConnectionReset,
        Errno::CONNABORTED => ErrorCode::ConnectionAborted,
        Errno::INVAL => ErrorCode::InvalidArgument,
        Errno::HOSTUNREACH | Errno::HOSTDOWN | Errno::NETDOWN | Errno::NETUNREACH => {
            ErrorCode::RemoteUnreachable
        }
        Errno::ISCONN | Errno::NOTCONN | Errno::DESTADDRREQ => ErrorCode::InvalidState,
        Errno::NOMEM | Errno::NOBUFS => ErrorCode::OutOfMemory,
        Errno::MFILE | Errno::NFILE => ErrorCode::NewSocketLimit,
        Errno::OPNOTSUPP
        | Errno::NOPROTOOPT
        | Errno::PFNOSUPPORT
        | Errno::PROTONOSUPPORT
        | Errno::PROTOTYPE
        | Errno::SOCKTNOSUPPORT
        | Errno::AFNOSUPPORT => ErrorCode::NotSupported,
        _ => return None,
    })
}

impl network::HostNetwork for WasiCtx {
    fn drop(&mut self, rep: Resource<Network>) -> witbind::Result<()> {
        self.table.delete(rep)?;
        Ok(())
    }
}

impl network::Host for WasiCtx {}

impl instance_network::Host for WasiCtx {
    fn instance_network(&mut self) -> witbind::Result<Resource<Network>> {
        Ok(self.table.push(Network)?)
    }
}
