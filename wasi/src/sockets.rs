//! `wasi:sockets`: every interface links, and every operation is refused
//! with `access-denied`: no socket and no name lookup ever exists, so the
//! methods of those resources cannot be reached with a live handle (a stale
//! one traps, as the table finds nothing).

use witbind::Resource;

use crate::bindings::wasi::clocks::monotonic_clock::Duration;
use crate::bindings::wasi::sockets::network::{
    ErrorCode, IpAddress, IpAddressFamily, IpSocketAddress,
};
use crate::bindings::wasi::sockets::tcp::ShutdownType;
use crate::bindings::wasi::sockets::udp::{IncomingDatagram, OutgoingDatagram};
use crate::bindings::wasi::sockets::{
    instance_network, ip_name_lookup, network, tcp, tcp_create_socket, udp, udp_create_socket,
};
use crate::ctx::WasiCtx;
use crate::poll::Pollable;
use crate::streams::{InputStream, OutputStream};

/// The host object of a WASI `network`: the guest's handle to the network
/// it may use, which allows nothing.
#[derive(Debug)]
pub struct Network;

/// The host object of a WASI `tcp-socket`. Sockets are refused, so none
/// exists.
#[derive(Debug)]
pub enum TcpSocket {}

/// The host object of a WASI `udp-socket`; none exists.
#[derive(Debug)]
pub enum UdpSocket {}

/// The host object of a WASI `incoming-datagram-stream`; none exists.
#[derive(Debug)]
pub enum IncomingDatagramStream {}

/// The host object of a WASI `outgoing-datagram-stream`; none exists.
#[derive(Debug)]
pub enum OutgoingDatagramStream {}

/// The host object of a WASI `resolve-address-stream`; none exists.
#[derive(Debug)]
pub enum ResolveAddressStream {}

/// A resource type without values.
trait Uninhabited: 'static {
    fn absurd<T>(&self) -> T;
}

macro_rules! uninhabited {
    ($($ty:ty),*) => {$(
        impl Uninhabited for $ty {
            fn absurd<T>(&self) -> T {
                match *self {}
            }
        }
    )*};
}

uninhabited!(
    TcpSocket,
    UdpSocket,
    IncomingDatagramStream,
    OutgoingDatagramStream,
    ResolveAddressStream
);

impl WasiCtx {
    /// A method of a resource that never exists: the handle names nothing
    /// in the table, which traps.
    fn absent<R: Uninhabited, T>(&mut self, handle: &Resource<R>) -> witbind::Result<T> {
        Ok(self.table.get(handle)?.absurd())
    }
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

impl tcp_create_socket::Host for WasiCtx {
    fn create_tcp_socket(
        &mut self,
        _address_family: IpAddressFamily,
    ) -> witbind::Result<Result<Resource<TcpSocket>, ErrorCode>> {
        Ok(Err(ErrorCode::AccessDenied))
    }
}

impl udp_create_socket::Host for WasiCtx {
    fn create_udp_socket(
        &mut self,
        _address_family: IpAddressFamily,
    ) -> witbind::Result<Result<Resource<UdpSocket>, ErrorCode>> {
        Ok(Err(ErrorCode::AccessDenied))
    }
}

impl ip_name_lookup::Host for WasiCtx {
    fn resolve_addresses(
        &mut self,
        network: Resource<Network>,
        _name: String,
    ) -> witbind::Result<Result<Resource<ResolveAddressStream>, ErrorCode>> {
        self.table.get(&network)?;
        Ok(Err(ErrorCode::AccessDenied))
    }
}

impl tcp::Host for WasiCtx {}

impl udp::Host for WasiCtx {}

impl ip_name_lookup::HostResolveAddressStream for WasiCtx {
    fn resolve_next_address(
        &mut self,
        self_: Resource<ResolveAddressStream>,
    ) -> witbind::Result<Result<Option<IpAddress>, ErrorCode>> {
        self.absent(&self_)
    }

    fn subscribe(
        &mut self,
        self_: Resource<ResolveAddressStream>,
    ) -> witbind::Result<Resource<Pollable>> {
        self.absent(&self_)
    }

    fn drop(&mut self, rep: Resource<ResolveAddressStream>) -> witbind::Result<()> {
        self.absent(&rep)
    }
}

impl tcp::HostTcpSocket for WasiCtx {
    fn start_bind(
        &mut self,
        self_: Resource<TcpSocket>,
        _network: Resource<Network>,
        _local_address: IpSocketAddress,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        self.absent(&self_)
    }

    fn finish_bind(
        &mut self,
        self_: Resource<TcpSocket>,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        self.absent(&self_)
    }

    fn start_connect(
        &mut self,
        self_: Resource<TcpSocket>,
        _network: Resource<Network>,
        _remote_address: IpSocketAddress,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        self.absent(&self_)
    }

    fn finish_connect(
        &mut self,
        self_: Resource<TcpSocket>,
    ) -> witbind::Result<Result<(Resource<InputStream>, Resource<OutputStream>), ErrorCode>> {
        self.absent(&self_)
    }

    fn start_listen(
        &mut self,
        self_: Resource<TcpSocket>,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        self.absent(&self_)
    }

    fn finish_listen(
        &mut self,
        self_: Resource<TcpSocket>,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        self.absent(&self_)
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
        self.absent(&self_)
    }

    fn local_address(
        &mut self,
        self_: Resource<TcpSocket>,
    ) -> witbind::Result<Result<IpSocketAddress, ErrorCode>> {
        self.absent(&self_)
    }

    fn remote_address(
        &mut self,
        self_: Resource<TcpSocket>,
    ) -> witbind::Result<Result<IpSocketAddress, ErrorCode>> {
        self.absent(&self_)
    }

    fn is_listening(&mut self, self_: Resource<TcpSocket>) -> witbind::Result<bool> {
        self.absent(&self_)
    }

    fn address_family(&mut self, self_: Resource<TcpSocket>) -> witbind::Result<IpAddressFamily> {
        self.absent(&self_)
    }

    fn set_listen_backlog_size(
        &mut self,
        self_: Resource<TcpSocket>,
        _value: u64,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        self.absent(&self_)
    }

    fn keep_alive_enabled(
        &mut self,
        self_: Resource<TcpSocket>,
    ) -> witbind::Result<Result<bool, ErrorCode>> {
        self.absent(&self_)
    }

    fn set_keep_alive_enabled(
        &mut self,
        self_: Resource<TcpSocket>,
        _value: bool,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        self.absent(&self_)
    }

    fn keep_alive_idle_time(
        &mut self,
        self_: Resource<TcpSocket>,
    ) -> witbind::Result<Result<Duration, ErrorCode>> {
        self.absent(&self_)
    }

    fn set_keep_alive_idle_time(
        &mut self,
        self_: Resource<TcpSocket>,
        _value: Duration,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        self.absent(&self_)
    }

    fn keep_alive_interval(
        &mut self,
        self_: Resource<TcpSocket>,
    ) -> witbind::Result<Result<Duration, ErrorCode>> {
        self.absent(&self_)
    }

    fn set_keep_alive_interval(
        &mut self,
        self_: Resource<TcpSocket>,
        _value: Duration,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        self.absent(&self_)
    }

    fn keep_alive_count(
        &mut self,
        self_: Resource<TcpSocket>,
    ) -> witbind::Result<Result<u32, ErrorCode>> {
        self.absent(&self_)
    }

    fn set_keep_alive_count(
        &mut self,
        self_: Resource<TcpSocket>,
        _value: u32,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        self.absent(&self_)
    }

    fn hop_limit(&mut self, self_: Resource<TcpSocket>) -> witbind::Result<Result<u8, ErrorCode>> {
        self.absent(&self_)
    }

    fn set_hop_limit(
        &mut self,
        self_: Resource<TcpSocket>,
        _value: u8,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        self.absent(&self_)
    }

    fn receive_buffer_size(
        &mut self,
        self_: Resource<TcpSocket>,
    ) -> witbind::Result<Result<u64, ErrorCode>> {
        self.absent(&self_)
    }

    fn set_receive_buffer_size(
        &mut self,
        self_: Resource<TcpSocket>,
        _value: u64,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        self.absent(&self_)
    }

    fn send_buffer_size(
        &mut self,
        self_: Resource<TcpSocket>,
    ) -> witbind::Result<Result<u64, ErrorCode>> {
        self.absent(&self_)
    }

    fn set_send_buffer_size(
        &mut self,
        self_: Resource<TcpSocket>,
        _value: u64,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        self.absent(&self_)
    }

    fn subscribe(&mut self, self_: Resource<TcpSocket>) -> witbind::Result<Resource<Pollable>> {
        self.absent(&self_)
    }

    fn shutdown(
        &mut self,
        self_: Resource<TcpSocket>,
        _shutdown_type: ShutdownType,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        self.absent(&self_)
    }

    fn drop(&mut self, rep: Resource<TcpSocket>) -> witbind::Result<()> {
        self.absent(&rep)
    }
}

impl udp::HostUdpSocket for WasiCtx {
    fn start_bind(
        &mut self,
        self_: Resource<UdpSocket>,
        _network: Resource<Network>,
        _local_address: IpSocketAddress,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        self.absent(&self_)
    }

    fn finish_bind(
        &mut self,
        self_: Resource<UdpSocket>,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        self.absent(&self_)
    }

    fn stream(
        &mut self,
        self_: Resource<UdpSocket>,
        _remote_address: Option<IpSocketAddress>,
    ) -> witbind::Result<
        Result<
            (
                Resource<IncomingDatagramStream>,
                Resource<OutgoingDatagramStream>,
            ),
            ErrorCode,
        >,
    > {
        self.absent(&self_)
    }

    fn local_address(
        &mut self,
        self_: Resource<UdpSocket>,
    ) -> witbind::Result<Result<IpSocketAddress, ErrorCode>> {
        self.absent(&self_)
    }

    fn remote_address(
        &mut self,
        self_: Resource<UdpSocket>,
    ) -> witbind::Result<Result<IpSocketAddress, ErrorCode>> {
        self.absent(&self_)
    }

    fn address_family(&mut self, self_: Resource<UdpSocket>) -> witbind::Result<IpAddressFamily> {
        self.absent(&self_)
    }

    fn unicast_hop_limit(
        &mut self,
        self_: Resource<UdpSocket>,
    ) -> witbind::Result<Result<u8, ErrorCode>> {
        self.absent(&self_)
    }

    fn set_unicast_hop_limit(
        &mut self,
        self_: Resource<UdpSocket>,
        _value: u8,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        self.absent(&self_)
    }

    fn receive_buffer_size(
        &mut self,
        self_: Resource<UdpSocket>,
    ) -> witbind::Result<Result<u64, ErrorCode>> {
        self.absent(&self_)
    }

    fn set_receive_buffer_size(
        &mut self,
        self_: Resource<UdpSocket>,
        _value: u64,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        self.absent(&self_)
    }

    fn send_buffer_size(
        &mut self,
        self_: Resource<UdpSocket>,
    ) -> witbind::Result<Result<u64, ErrorCode>> {
        self.absent(&self_)
    }

    fn set_send_buffer_size(
        &mut self,
        self_: Resource<UdpSocket>,
        _value: u64,
    ) -> witbind::Result<Result<(), ErrorCode>> {
        self.absent(&self_)
    }

    fn subscribe(&mut self, self_: Resource<UdpSocket>) -> witbind::Result<Resource<Pollable>> {
        self.absent(&self_)
    }

    fn drop(&mut self, rep: Resource<UdpSocket>) -> witbind::Result<()> {
        self.absent(&rep)
    }
}

impl udp::HostIncomingDatagramStream for WasiCtx {
    fn receive(
        &mut self,
        self_: Resource<IncomingDatagramStream>,
        _max_results: u64,
    ) -> witbind::Result<Result<Vec<IncomingDatagram>, ErrorCode>> {
        self.absent(&self_)
    }

    fn subscribe(
        &mut self,
        self_: Resource<IncomingDatagramStream>,
    ) -> witbind::Result<Resource<Pollable>> {
        self.absent(&self_)
    }

    fn drop(&mut self, rep: Resource<IncomingDatagramStream>) -> witbind::Result<()> {
        self.absent(&rep)
    }
}

impl udp::HostOutgoingDatagramStream for WasiCtx {
    fn check_send(
        &mut self,
        self_: Resource<OutgoingDatagramStream>,
    ) -> witbind::Result<Result<u64, ErrorCode>> {
        self.absent(&self_)
    }

    fn send(
        &mut self,
        self_: Resource<OutgoingDatagramStream>,
        _datagrams: Vec<OutgoingDatagram>,
    ) -> witbind::Result<Result<u64, ErrorCode>> {
        self.absent(&self_)
    }

    fn subscribe(
        &mut self,
        self_: Resource<OutgoingDatagramStream>,
    ) -> witbind::Result<Resource<Pollable>> {
        self.absent(&self_)
    }

    fn drop(&mut self, rep: Resource<OutgoingDatagramStream>) -> witbind::Result<()> {
        self.absent(&rep)
    }
}
