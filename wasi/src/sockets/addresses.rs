//! WASI socket addresses to and from `std::net`, and the WIT's rules on
//! which addresses a socket may use.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};

use crate::bindings::wasi::sockets::network::{
    IpAddress, IpAddressFamily, IpSocketAddress, Ipv4SocketAddress, Ipv6SocketAddress,
};

/// The `std` form of a guest's socket address.
pub(crate) fn to_std(addr: &IpSocketAddress) -> SocketAddr {
    match addr {
        IpSocketAddress::Ipv4(a) => {
            let (x0, x1, x2, x3) = a.address;
            SocketAddr::V4(SocketAddrV4::new(Ipv4Addr::new(x0, x1, x2, x3), a.port))
        }
        IpSocketAddress::Ipv6(a) => {
            let (x0, x1, x2, x3, x4, x5, x6, x7) = a.address;
            SocketAddr::V6(SocketAddrV6::new(
                Ipv6Addr::new(x0, x1, x2, x3, x4, x5, x6, x7),
                a.port,
                a.flow_info,
                a.scope_id,
            ))
        }
    }
}

/// The WASI form of a host socket address.
pub(crate) fn from_std(addr: SocketAddr) -> IpSocketAddress {
    match addr {
        SocketAddr::V4(a) => IpSocketAddress::Ipv4(Ipv4SocketAddress {
            port: a.port(),
            address: ipv4_tuple(*a.ip()),
        }),
        SocketAddr::V6(a) => IpSocketAddress::Ipv6(Ipv6SocketAddress {
            port: a.port(),
            flow_info: a.flowinfo(),
            address: ipv6_tuple(*a.ip()),
            scope_id: a.scope_id(),
        }),
    }
}

/// The WASI form of a host IP address.
pub(crate) fn ip_from_std(addr: IpAddr) -> IpAddress {
    match addr {
        IpAddr::V4(a) => IpAddress::Ipv4(ipv4_tuple(a)),
        IpAddr::V6(a) => IpAddress::Ipv6(ipv6_tuple(a)),
    }
}

fn ipv4_tuple(a: Ipv4Addr) -> (u8, u8, u8, u8) {
    let [x0, x1, x2, x3] = a.octets();
    (x0, x1, x2, x3)
}

fn ipv6_tuple(a: Ipv6Addr) -> (u16, u16, u16, u16, u16, u16, u16, u16) {
    let [x0, x1, x2, x3, x4, x5, x6, x7] = a.segments();
    (x0, x1, x2, x3, x4, x5, x6, x7)
}

/// The unspecified address of `family`, port 0: what an implicit bind uses.
pub(crate) fn unspecified(family: IpAddressFamily) -> SocketAddr {
    match family {
        IpAddressFamily::Ipv4 => SocketAddr::new(Ipv4Addr::UNSPECIFIED.into(), 0),
        IpAddressFamily::Ipv6 => SocketAddr::new(Ipv6Addr::UNSPECIFIED.into(), 0),
    }
}

/// Whether `addr` belongs to a socket of `family`. An IPv6 socket takes
/// neither IPv4-mapped addresses (the WIT: `invalid-argument`) nor the
/// deprecated IPv4-compatible ones, which OSes treat inconsistently.
pub(crate) fn fits_family(addr: IpAddr, family: IpAddressFamily) -> bool {
    match (family, addr) {
        (IpAddressFamily::Ipv4, IpAddr::V4(_)) => true,
        (IpAddressFamily::Ipv6, IpAddr::V6(a)) => {
            let ipv4_compatible = a.segments()[..6] == [0; 6]
                && a != Ipv6Addr::UNSPECIFIED
                && a != Ipv6Addr::LOCALHOST;
            a.to_ipv4_mapped().is_none() && !ipv4_compatible
        }
        _ => false,
    }
}

/// Whether `addr` is a unicast address (not multicast, not broadcast).
pub(crate) fn is_unicast(addr: IpAddr) -> bool {
    match addr.to_canonical() {
        IpAddr::V4(a) => !a.is_multicast() && !a.is_broadcast(),
        IpAddr::V6(a) => !a.is_multicast(),
    }
}

/// Whether a connection may go to `addr`: not the unspecified address, not
/// port 0.
pub(crate) fn is_remote(addr: SocketAddr) -> bool {
    !addr.ip().to_canonical().is_unspecified() && addr.port() != 0
}
