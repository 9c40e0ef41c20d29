//! `wasi:sockets/udp`: every interface links and `create-udp-socket` is
//! refused with `access-denied` (UDP is not offered, even when TCP is), so
//! no UDP resource ever exists: its methods cannot be reached with a live
//! handle, and a stale one traps, as the table finds nothing.

use witbind::Resource;

use super::Network;
use crate::bindings::wasi::sockets::network::{ErrorCode, IpAddressFamily, IpSocketAddress};
use crate::bindings::wasi::sockets::udp::{IncomingDatagram, OutgoingDatagram};
use crate::bindings::wasi::sockets::{udp, udp_create_socket};
use crate::ctx::WasiCtx;
use crate::poll::Pollable;

/// The host object of a WASI `udp-socket`; none exists.
#[derive(Debug)]
pub enum UdpSocket {}

/// The host object of a WASI `incoming-datagram-stream`; none exists.
#[derive(Debug)]
pub enum IncomingDatagramStream {}

/// The host object of a WASI `outgoing-datagram-stream`; none exists.
#[derive(Debug)]
pub enum OutgoingDatagramStream {}

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

uninhabited!(UdpSocket, IncomingDatagramStream, OutgoingDatagramStream);

impl WasiCtx {
    /// A method of a resource that never exists: the handle names nothing
    /// in the table, which traps.
    fn absent<R: Uninhabited, T>(&mut self, handle: &Resource<R>) -> witbind::Result<T> {
        Ok(self.table.get(handle)?.absurd())
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

impl udp::Host for WasiCtx {}

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
