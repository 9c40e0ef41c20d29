//! `wasi:sockets/tcp` and `tcp-create-socket`: the WIT's state machine
//! (unbound, bound, listening, connecting, connected, closed), its
//! start/finish pairs, and the socket options, on OS sockets.

use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::Duration as StdDuration;

use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;
use witbind::{Resource, ResourceTable};

use super::addresses::{fits_family, from_std, is_remote, is_unicast, to_std, unspecified};
use super::tcp_streams::{TcpReader, TcpWriter};
use super::{Network, NetworkPolicy, SocketAddrUse, error_code, runtime};
use crate::bindings::wasi::clocks::monotonic_clock::Duration;
use crate::bindings::wasi::sockets::network::{ErrorCode, IpAddressFamily, IpSocketAddress};
use crate::bindings::wasi::sockets::tcp::ShutdownType;
use crate::bindings::wasi::sockets::{tcp, tcp_create_socket};
use crate::ctx::WasiCtx;
use crate::poll::{PollKind, Pollable};
use crate::streams::{InputStream, OutputStream};

/// The listen backlog when the guest sets none (Rust std's).
const DEFAULT_BACKLOG: u32 = 128;

/// The host object of a WASI `tcp-socket`.
pub struct TcpSocket {
    state: State,
    family: IpAddressFamily,
    /// The start/finish pair under way.
    in_progress: Option<Operation>,
    backlog: u32,
    /// What this socket may do, fixed when it was made.
    policy: NetworkPolicy,
    /// The connection's streams, kept for `shutdown`.
    reader: Option<Arc<Mutex<TcpReader>>>,
    writer: Option<Arc<Mutex<TcpWriter>>>,
}

impl std::fmt::Debug for TcpSocket {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let state = match &self.state {
            State::Unconnected(_) => "unconnected",
            State::Connecting(_) => "connecting",
            State::Connected(_) => "connected",
            State::Listening { .. } => "listening",
            State::Closed(_) => "closed",
        };
        f.debug_struct("TcpSocket")
            .field("state", &state)
            .field("family", &self.family)
            .finish_non_exhaustive()
    }
}

/// A start/finish pair of the WIT.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Operation {
    Bind,
    Connect,
    Listen,
}

enum State {
    /// Made, maybe bound; may connect or listen.
    Unconnected(tokio::net::TcpSocket),
    /// `start-connect` ran; the connection is being made.
    Connecting(Connect),
    Connected(Arc<TcpStream>),
    Listening {
        listener: TcpListener,
        /// A connection (or failure) taken from the OS by a poll, for the
        /// next `accept`.
        ready: Option<std::io::Result<TcpStream>>,
    },
    /// A connection attempt failed; every later call reports why.
    Closed(ErrorCode),
}

/// A connection attempt.
enum Connect {
    Pending(JoinHandle<Result<TcpStream, ErrorCode>>),
    Done(Result<TcpStream, ErrorCode>),
}

impl TcpSocket {
    fn new(state: State, family: IpAddressFamily, policy: NetworkPolicy) -> Self {
        Self {
            state,
            family,
            in_progress: None,
            backlog: DEFAULT_BACKLOG,
            policy,
            reader: None,
            writer: None,
        }
    }

    /// The local address, when the socket is bound.
    fn bound_address(&self) -> Option<SocketAddr> {
        let addr = match &self.state {
            State::Unconnected(socket) => socket.local_addr().ok()?,
            State::Connected(stream) => stream.local_addr().ok()?,
            State::Listening { listener, .. } => listener.local_addr().ok()?,
            State::Connecting(_) | State::Closed(_) => return None,
        };
        (addr != unspecified(self.family)).then_some(addr)
    }

    /// The OS socket behind the options, in the states that have one.
    fn sock_ref(&self) -> Result<socket2::SockRef<'_>, ErrorCode> {
        match &self.state {
            State::Unconnected(socket) => Ok(socket2::SockRef::from(socket)),
            State::Connected(stream) => Ok(socket2::SockRef::from(&**stream)),
            State::Listening { listener, .. } => Ok(socket2::SockRef::from(listener)),
            State::Connecting(_) => Err(ErrorCode::InvalidState),
            State::Closed(e) => Err(*e),
        }
    }

    /// Whether `subscribe`'s pollable is ready: a connection attempt ended,
    /// or a listener has a connection to accept; in every other state at
    /// once.
    pub(crate) fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        match &mut self.state {
            State::Connecting(connect) => connect.poll(cx),
            State::Listening { listener, ready } => {
                if ready.is_none() {
                    // The accepted stream registers with the sockets
                    // runtime.
                    let _runtime = runtime().enter();
                    match listener.poll_accept(cx) {
                        Poll::Ready(result) => *ready = Some(result.map(|(stream, _)| stream)),
                        Poll::Pending => return Poll::Pending,
                    }
                }
                Poll::Ready(())
            }
            _ => Poll::Ready(()),
        }
    }

    /// Takes the connection's streams, made into the guest's stream
    /// objects.
    fn streams(&mut self, stream: &Arc<TcpStream>) -> (InputStream, OutputStream) {
        let reader = Arc::new(Mutex::new(TcpReader::new(stream.clone())));
        let writer = Arc::new(Mutex::new(TcpWriter::new(stream.clone())));
        self.reader = Some(reader.clone());
        self.writer = Some(writer.clone());
        (InputStream::new(reader), OutputStream::new(writer))
    }
}

impl Connect {
    fn poll(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        if let Connect::Pending(handle) = self {
            let result = std::task::ready!(Pin::new(handle).poll(cx));
            *self = Connect::Done(result.unwrap_or(Err(ErrorCode::Unknown)));
        }
        Poll::Ready(())
    }
}

/// Whether the pollable of the socket with this rep is ready (see
/// [`TcpSocket::poll_ready`]).
pub(crate) fn poll_socket(
    table: &mut ResourceTable,
    rep: u32,
    cx: &mut Context<'_>,
) -> witbind::Result<Poll<()>> {
    let socket = table.get_mut(&Resource::<TcpSocket>::new_borrow(rep))?;
    Ok(socket.poll_ready(cx))
}

/// The OS socket of a new WASI socket of `family`. An IPv6 socket takes
/// only IPv6 (the WIT has no dual-stack sockets).
fn os_socket(family: IpAddressFamily) -> std::io::Result<tokio::net::TcpSocket> {
    match family {
        IpAddressFamily::Ipv4 => tokio::net::TcpSocket::new_v4(),
        IpAddressFamily::Ipv6 => {
            let socket = tokio::net::TcpSocket::new_v6()?;
            socket2::SockRef::from(&socket).set_only_v6(true)?;
            Ok(socket)
        }
    }
}

/// A keep-alive time or interval from the guest (nanoseconds): 0 is
/// `invalid-argument`; the rest is clamped to what OSes accept, 1 s to
/// `i16::MAX` s.
fn keep_alive_time(nanos: u64) -> Result<StdDuration, ErrorCode> {
    if nanos == 0 {
        return Err(ErrorCode::InvalidArgument);
    }
    Ok(StdDuration::from_nanos(nanos).clamp(
        StdDuration::from_secs(1),
        StdDuration::from_secs(i16::MAX as u64),
    ))
}

/// A duration as the WIT's nanoseconds, saturated.
fn nanos(duration: StdDuration) -> Duration {
    duration.as_nanos().try_into().unwrap_or(u64::MAX)
}

/// The WASI error code of a socket option's I/O error.
fn io(error: std::io::Error) -> ErrorCode {
    error_code(&error)
}

/// Sets the keep-alive parameters `keepalive` holds on `socket`.
fn set_keep_alive(socket: &TcpSocket, keepalive: socket2::TcpKeepalive) -> Result<(), ErrorCode> {
    socket.sock_ref()?.set_tcp_keepalive(&keepalive).map_err(io)
}

/// A buffer size the OS reports: Linux reports twice what was set (its
/// own bookkeeping), so it is halved back to the guest's scale.
fn reported_buffer_size(size: usize) -> u64 {
    let size = if cfg!(target_os = "linux") {
        size / 2
    } else {
        size
    };
    size as u64
}

/// A buffer size from the guest: 0 is `invalid-argument`; the rest is a
/// hint the OS clamps.
fn buffer_size(value: u64) -> Result<usize, ErrorCode> {
    if value == 0 {
        return Err(ErrorCode::InvalidArgument);
    }
    Ok(usize::try_from(value)
        .unwrap_or(usize::MAX)
        .clamp(1, i32::MAX as usize))
}

/// The result of setting a buffer size: `ENOBUFS` (a value above the
/// system's limit on BSDs) counts as done, as the OS clamps elsewhere.
fn buffer_set_result(result: std::io::Result<()>) -> Result<(), ErrorCode> {
    match result {
        Err(e) if e.kind() == std::io::ErrorKind::OutOfMemory => Ok(()),
        #[cfg(unix)]
        Err(e) if e.raw_os_error() == Some(rustix::io::Errno::NOBUFS.raw_os_error()) => Ok(()),
        other => other.map_err(|e| error_code(&e)),
    }
}

impl WasiCtx {
    fn socket(&mut self, socket: &Resource<TcpSocket>) -> witbind::Result<&mut TcpSocket> {
        Ok(self.table.get_mut(socket)?)
    }

    /// `f` on the socket behind `socket` (a stale handle traps): what every
    /// socket option does.
    fn with_socket<R>(
        &mut self,
        socket: &Resource<TcpSocket>,
        f: impl FnOnce(&TcpSocket) -> Result<R, ErrorCode>,
    ) -> witbind::Result<Result<R, ErrorCode>> {
        Ok(f(self.socket(socket)?))
    }

    /// Counts a new socket against the limit: `new-socket-limit` when the
    /// guest holds as many as it may.
    fn reserve_socket(&mut self) -> Result<(), ErrorCode> {
        if self.sockets >= self.network.max_sockets {
            return Err(ErrorCode::NewSocketLimit);
        }
        self.sockets += 1;
        Ok(())
    }

    /// Pushes a connection's streams as the guest's resources.
    fn push_streams(
        &mut self,
        streams: (InputStream, OutputStream),
    ) -> witbind::Result<(Resource<InputStream>, Resource<OutputStream>)> {
        let input = self.table.push(streams.0)?;
        let output = self.table.push(streams.1)?;
        Ok((input, output))
    }
}

impl tcp_create_socket::Host for WasiCtx {
    fn create_tcp_socket(
        &mut self,
        address_family: IpAddressFamily,
    ) -> witbind::Result<Result<Resource<TcpSocket>, ErrorCode>> {
        if !self.network.tcp {
            return Ok(Err(ErrorCode::AccessDenied));
        }
        if let Err(e) = self.reserve_socket() {
            return Ok(Err(e));
        }
        let socket = match os_socket(address_family) {
            Ok(socket) => socket,
            Err(e) => {
                self.sockets -= 1;
                return Ok(Err(error_code(&e)));
            }
        };
        let socket = TcpSocket::new(
            State::Unconnected(socket),
            address_family,
            self.network.clone(),
        );
        Ok(Ok(self.table.push(socket)?))
    }
}

impl tcp::Host for WasiCtx {}

impl tcp::HostTcpSocket for WasiCtx {
    fn start_bind(
        &mut self,
        self_: Resource<TcpSocket>,
        network: Resource<Network>,
        local_address: IpSocketAddress,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        self.table.get(&network)?;
        let addr = to_std(&local_address);
        let socket = self.socket(&self_)?;
        Ok((|| {
            if socket.in_progress.is_some() {
                return Err(ErrorCode::ConcurrencyConflict);
            }
            if socket.bound_address().is_some() {
                return Err(ErrorCode::InvalidState);
            }
            let State::Unconnected(os) = &socket.state else {
                return Err(ErrorCode::InvalidState);
            };
            if !is_unicast(addr.ip()) || !fits_family(addr.ip(), socket.family) {
                return Err(ErrorCode::InvalidArgument);
            }
            socket.policy.check(addr, SocketAddrUse::TcpBind)?;
            // A listener that restarts may take its port again at once
            // (not on Windows, where the option means something else).
            #[cfg(not(windows))]
            let _ = os.set_reuseaddr(true);
            os.bind(addr).map_err(|e| match error_code(&e) {
                ErrorCode::NotSupported => ErrorCode::InvalidArgument,
                code => code,
            })?;
            socket.in_progress = Some(Operation::Bind);
            Ok(())
        })())
    }

    fn finish_bind(
        &mut self,
        self_: Resource<TcpSocket>,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        let socket = self.socket(&self_)?;
        if socket.in_progress != Some(Operation::Bind) {
            return Ok(Err(ErrorCode::NotInProgress));
        }
        socket.in_progress = None;
        Ok(Ok(()))
    }

    fn start_connect(
        &mut self,
        self_: Resource<TcpSocket>,
        network: Resource<Network>,
        remote_address: IpSocketAddress,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        self.table.get(&network)?;
        let addr = to_std(&remote_address);
        let socket = self.socket(&self_)?;
        if socket.in_progress.is_some() {
            return Ok(Err(ErrorCode::ConcurrencyConflict));
        }
        if !matches!(socket.state, State::Unconnected(_)) {
            return Ok(Err(ErrorCode::InvalidState));
        }
        if !is_unicast(addr.ip()) || !is_remote(addr) || !fits_family(addr.ip(), socket.family) {
            return Ok(Err(ErrorCode::InvalidArgument));
        }
        // An unbound socket binds implicitly, which needs the permission
        // to bind; the check's failure shows at `finish-connect`, as the
        // connection's own failures do.
        let implicit_bind = match socket.bound_address() {
            Some(_) => Ok(()),
            None => socket
                .policy
                .check(unspecified(socket.family), SocketAddrUse::TcpBind),
        };
        let allowed =
            implicit_bind.and_then(|()| socket.policy.check(addr, SocketAddrUse::TcpConnect));
        let State::Unconnected(os) =
            std::mem::replace(&mut socket.state, State::Closed(ErrorCode::Unknown))
        else {
            unreachable!("checked above")
        };
        socket.state = State::Connecting(match allowed {
            Err(e) => Connect::Done(Err(e)),
            Ok(()) => Connect::Pending(
                runtime().spawn(async move { os.connect(addr).await.map_err(|e| error_code(&e)) }),
            ),
        });
        socket.in_progress = Some(Operation::Connect);
        Ok(Ok(()))
    }

    fn finish_connect(
        &mut self,
        self_: Resource<TcpSocket>,
    ) -> witbind::Result<Result<(Resource<InputStream>, Resource<OutputStream>), ErrorCode>> {
        let socket = self.socket(&self_)?;
        if socket.in_progress != Some(Operation::Connect) {
            return Ok(Err(ErrorCode::NotInProgress));
        }
        if socket
            .poll_ready(&mut Context::from_waker(Waker::noop()))
            .is_pending()
        {
            return Ok(Err(ErrorCode::WouldBlock));
        }
        socket.in_progress = None;
        let State::Connecting(Connect::Done(result)) =
            std::mem::replace(&mut socket.state, State::Closed(ErrorCode::Unknown))
        else {
            unreachable!("a ready connection attempt is done")
        };
        match result {
            Ok(stream) => {
                let stream = Arc::new(stream);
                let streams = socket.streams(&stream);
                socket.state = State::Connected(stream);
                Ok(Ok(self.push_streams(streams)?))
            }
            Err(e) => {
                socket.state = State::Closed(e);
                Ok(Err(e))
            }
        }
    }

    fn start_listen(
        &mut self,
        self_: Resource<TcpSocket>,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        let socket = self.socket(&self_)?;
        Ok((|| {
            if socket.in_progress.is_some() {
                return Err(ErrorCode::ConcurrencyConflict);
            }
            let Some(local) = socket.bound_address() else {
                return Err(ErrorCode::InvalidState);
            };
            if !matches!(socket.state, State::Unconnected(_)) {
                return Err(ErrorCode::InvalidState);
            }
            socket.policy.check(local, SocketAddrUse::TcpListen)?;
            let State::Unconnected(os) =
                std::mem::replace(&mut socket.state, State::Closed(ErrorCode::Unknown))
            else {
                unreachable!("checked above")
            };
            // The listener registers with the sockets runtime.
            let _runtime = runtime().enter();
            match os.listen(socket.backlog) {
                Ok(listener) => {
                    socket.state = State::Listening {
                        listener,
                        ready: None,
                    };
                    socket.in_progress = Some(Operation::Listen);
                    Ok(())
                }
                Err(e) => {
                    let code = error_code(&e);
                    socket.state = State::Closed(code);
                    Err(code)
                }
            }
        })())
    }

    fn finish_listen(
        &mut self,
        self_: Resource<TcpSocket>,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        let socket = self.socket(&self_)?;
        if socket.in_progress != Some(Operation::Listen) {
            return Ok(Err(ErrorCode::NotInProgress));
        }
        socket.in_progress = None;
        Ok(Ok(()))
    }

    fn accept(
        &mut self,
        self_: Resource<TcpSocket>,
    ) -> witbind::Result<
        Result<
            (
                Resource<TcpSocket>,
                Resource<InputStream>,
                Resource<OutputStream>,
            ),
            ErrorCode,
        >,
    > {
        let socket = self.socket(&self_)?;
        if !matches!(socket.state, State::Listening { .. }) {
            return Ok(Err(ErrorCode::InvalidState));
        }
        if socket
            .poll_ready(&mut Context::from_waker(Waker::noop()))
            .is_pending()
        {
            return Ok(Err(ErrorCode::WouldBlock));
        }
        let State::Listening { ready, .. } = &mut socket.state else {
            unreachable!("checked above")
        };
        let accepted = ready.take().expect("a ready listener holds a connection");
        let family = socket.family;
        let policy = socket.policy.clone();
        let stream = match accepted {
            Ok(stream) => Arc::new(stream),
            // Errors of the connection, not of the listener, are reported
            // as the one the WIT names for them.
            Err(e) => {
                return Ok(Err(match error_code(&e) {
                    ErrorCode::ConnectionReset
                    | ErrorCode::RemoteUnreachable
                    | ErrorCode::NotSupported => ErrorCode::ConnectionAborted,
                    code => code,
                }));
            }
        };
        if let Err(e) = self.reserve_socket() {
            return Ok(Err(e));
        }
        let mut client = TcpSocket::new(State::Connected(stream.clone()), family, policy);
        let streams = client.streams(&stream);
        let client = self.table.push(client)?;
        let (input, output) = self.push_streams(streams)?;
        Ok(Ok((client, input, output)))
    }

    fn local_address(
        &mut self,
        self_: Resource<TcpSocket>,
    ) -> witbind::Result<Result<IpSocketAddress, ErrorCode>> {
        let socket = self.socket(&self_)?;
        if let State::Closed(e) = socket.state {
            return Ok(Err(e));
        }
        Ok(socket
            .bound_address()
            .map(from_std)
            .ok_or(ErrorCode::InvalidState))
    }

    fn remote_address(
        &mut self,
        self_: Resource<TcpSocket>,
    ) -> witbind::Result<Result<IpSocketAddress, ErrorCode>> {
        let socket = self.socket(&self_)?;
        Ok(match &socket.state {
            State::Connected(stream) => {
                stream.peer_addr().map(from_std).map_err(|e| error_code(&e))
            }
            State::Closed(e) => Err(*e),
            _ => Err(ErrorCode::InvalidState),
        })
    }

    fn is_listening(&mut self, self_: Resource<TcpSocket>) -> witbind::Result<bool> {
        Ok(matches!(
            self.socket(&self_)?.state,
            State::Listening { .. }
        ))
    }

    fn address_family(&mut self, self_: Resource<TcpSocket>) -> witbind::Result<IpAddressFamily> {
        Ok(self.socket(&self_)?.family)
    }

    fn set_listen_backlog_size(
        &mut self,
        self_: Resource<TcpSocket>,
        value: u64,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        let socket = self.socket(&self_)?;
        if value == 0 {
            return Ok(Err(ErrorCode::InvalidArgument));
        }
        let value = u32::try_from(value)
            .unwrap_or(u32::MAX)
            .min(i32::MAX as u32);
        Ok(match &socket.state {
            State::Unconnected(_) => {
                socket.backlog = value;
                Ok(())
            }
            State::Listening { listener, .. } => {
                match socket2::SockRef::from(listener).listen(value as i32) {
                    Ok(()) => {
                        socket.backlog = value;
                        Ok(())
                    }
                    Err(_) => Err(ErrorCode::NotSupported),
                }
            }
            State::Closed(e) => Err(*e),
            _ => Err(ErrorCode::InvalidState),
        })
    }

    fn keep_alive_enabled(
        &mut self,
        self_: Resource<TcpSocket>,
    ) -> witbind::Result<Result<bool, ErrorCode>> {
        self.with_socket(&self_, |s| s.sock_ref()?.keepalive().map_err(io))
    }

    fn set_keep_alive_enabled(
        &mut self,
        self_: Resource<TcpSocket>,
        value: bool,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        self.with_socket(&self_, |s| s.sock_ref()?.set_keepalive(value).map_err(io))
    }

    fn keep_alive_idle_time(
        &mut self,
        self_: Resource<TcpSocket>,
    ) -> witbind::Result<Result<Duration, ErrorCode>> {
        self.with_socket(&self_, |s| {
            s.sock_ref()?.tcp_keepalive_time().map(nanos).map_err(io)
        })
    }

    fn set_keep_alive_idle_time(
        &mut self,
        self_: Resource<TcpSocket>,
        value: Duration,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        self.with_socket(&self_, |s| {
            let time = keep_alive_time(value)?;
            set_keep_alive(s, socket2::TcpKeepalive::new().with_time(time))
        })
    }

    fn keep_alive_interval(
        &mut self,
        self_: Resource<TcpSocket>,
    ) -> witbind::Result<Result<Duration, ErrorCode>> {
        self.with_socket(&self_, |s| {
            s.sock_ref()?
                .tcp_keepalive_interval()
                .map(nanos)
                .map_err(io)
        })
    }

    fn set_keep_alive_interval(
        &mut self,
        self_: Resource<TcpSocket>,
        value: Duration,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        self.with_socket(&self_, |s| {
            let interval = keep_alive_time(value)?;
            set_keep_alive(s, socket2::TcpKeepalive::new().with_interval(interval))
        })
    }

    fn keep_alive_count(
        &mut self,
        self_: Resource<TcpSocket>,
    ) -> witbind::Result<Result<u32, ErrorCode>> {
        self.with_socket(&self_, |s| {
            s.sock_ref()?.tcp_keepalive_retries().map_err(io)
        })
    }

    fn set_keep_alive_count(
        &mut self,
        self_: Resource<TcpSocket>,
        value: u32,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        self.with_socket(&self_, |s| {
            if value == 0 {
                return Err(ErrorCode::InvalidArgument);
            }
            let count = value.min(i8::MAX as u32);
            set_keep_alive(s, socket2::TcpKeepalive::new().with_retries(count))
        })
    }

    fn hop_limit(&mut self, self_: Resource<TcpSocket>) -> witbind::Result<Result<u8, ErrorCode>> {
        self.with_socket(&self_, |s| {
            let sock = s.sock_ref()?;
            let hops = match s.family {
                IpAddressFamily::Ipv4 => sock.ttl_v4(),
                IpAddressFamily::Ipv6 => sock.unicast_hops_v6(),
            };
            u8::try_from(hops.map_err(io)?).map_err(|_| ErrorCode::NotSupported)
        })
    }

    fn set_hop_limit(
        &mut self,
        self_: Resource<TcpSocket>,
        value: u8,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        self.with_socket(&self_, |s| {
            if value == 0 {
                return Err(ErrorCode::InvalidArgument);
            }
            let sock = s.sock_ref()?;
            match s.family {
                IpAddressFamily::Ipv4 => sock.set_ttl_v4(value.into()),
                IpAddressFamily::Ipv6 => sock.set_unicast_hops_v6(value.into()),
            }
            .map_err(io)
        })
    }

    fn receive_buffer_size(
        &mut self,
        self_: Resource<TcpSocket>,
    ) -> witbind::Result<Result<u64, ErrorCode>> {
        self.with_socket(&self_, |s| {
            s.sock_ref()?
                .recv_buffer_size()
                .map(reported_buffer_size)
                .map_err(io)
        })
    }

    fn set_receive_buffer_size(
        &mut self,
        self_: Resource<TcpSocket>,
        value: u64,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        self.with_socket(&self_, |s| {
            let size = buffer_size(value)?;
            buffer_set_result(s.sock_ref()?.set_recv_buffer_size(size))
        })
    }

    fn send_buffer_size(
        &mut self,
        self_: Resource<TcpSocket>,
    ) -> witbind::Result<Result<u64, ErrorCode>> {
        self.with_socket(&self_, |s| {
            s.sock_ref()?
                .send_buffer_size()
                .map(reported_buffer_size)
                .map_err(io)
        })
    }

    fn set_send_buffer_size(
        &mut self,
        self_: Resource<TcpSocket>,
        value: u64,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        self.with_socket(&self_, |s| {
            let size = buffer_size(value)?;
            buffer_set_result(s.sock_ref()?.set_send_buffer_size(size))
        })
    }

    fn subscribe(&mut self, self_: Resource<TcpSocket>) -> witbind::Result<Resource<Pollable>> {
        self.socket(&self_)?;
        Ok(self.table.push(Pollable {
            kind: PollKind::Socket(self_.rep()),
        })?)
    }

    fn shutdown(
        &mut self,
        self_: Resource<TcpSocket>,
        shutdown_type: ShutdownType,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        let socket = self.socket(&self_)?;
        let (Some(reader), Some(writer)) = (&socket.reader, &socket.writer) else {
            return Ok(Err(ErrorCode::InvalidState));
        };
        if matches!(shutdown_type, ShutdownType::Receive | ShutdownType::Both) {
            crate::streams::lock(reader).shutdown();
        }
        if matches!(shutdown_type, ShutdownType::Send | ShutdownType::Both) {
            crate::streams::lock(writer).shutdown();
        }
        Ok(Ok(()))
    }

    fn drop(&mut self, rep: Resource<TcpSocket>) -> witbind::Result<()> {
        self.table.delete(rep)?;
        self.sockets = self.sockets.saturating_sub(1);
        Ok(())
    }
}
