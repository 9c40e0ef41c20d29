//! `wasi:sockets/ip-name-lookup`: names resolved by the OS resolver in
//! the background, when the host allows lookups.

use std::future::Future;
use std::net::IpAddr;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use tokio::task::JoinHandle;
use witbind::{Resource, ResourceTable};

use super::addresses::ip_from_std;
use super::{Network, runtime};
use crate::bindings::wasi::sockets::ip_name_lookup;
use crate::bindings::wasi::sockets::network::{ErrorCode, IpAddress};
use crate::ctx::WasiCtx;
use crate::poll::{PollKind, Pollable};

/// The host object of a WASI `resolve-address-stream`: the addresses of one
/// name, as they become known.
pub struct ResolveAddressStream {
    state: Lookup,
}

impl std::fmt::Debug for ResolveAddressStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let done = matches!(self.state, Lookup::Done(_));
        f.debug_struct("ResolveAddressStream")
            .field("done", &done)
            .finish()
    }
}

enum Lookup {
    Pending(JoinHandle<Result<Vec<IpAddr>, ErrorCode>>),
    Done(Result<std::vec::IntoIter<IpAddr>, ErrorCode>),
}

impl ResolveAddressStream {
    /// Whether the lookup is over.
    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        if let Lookup::Pending(handle) = &mut self.state {
            let result = std::task::ready!(Pin::new(handle).poll(cx));
            let result = result.unwrap_or(Err(ErrorCode::Unknown));
            self.state = Lookup::Done(result.map(Vec::into_iter));
        }
        Poll::Ready(())
    }
}

/// Whether the pollable of the lookup with this rep is ready.
pub(crate) fn poll_lookup(
    table: &mut ResourceTable,
    rep: u32,
    cx: &mut Context<'_>,
) -> witbind::Result<Poll<()>> {
    let stream = table.get_mut(&Resource::<ResolveAddressStream>::new_borrow(rep))?;
    Ok(stream.poll_ready(cx))
}

/// What the guest asked to look up: an IP address in text (given back
/// as is), or a domain name in its ASCII form (IDNA), or
/// `invalid-argument`.
enum Name {
    Address(IpAddr),
    Domain(String),
}

fn parse_name(name: &str) -> Result<Name, ErrorCode> {
    // A bare IPv6 address has no brackets, which `url` requires.
    if let Ok(addr) = name.parse::<std::net::Ipv6Addr>() {
        return Ok(Name::Address(addr.into()));
    }
    match url::Host::parse(name) {
        Ok(url::Host::Domain(domain)) => Ok(Name::Domain(domain)),
        Ok(url::Host::Ipv4(addr)) => Ok(Name::Address(addr.into())),
        Ok(url::Host::Ipv6(addr)) => Ok(Name::Address(addr.into())),
        Err(_) => Err(ErrorCode::InvalidArgument),
    }
}

impl ip_name_lookup::Host for WasiCtx {
    fn resolve_addresses(
        &mut self,
        network: Resource<Network>,
        name: String,
    ) -> witbind::Result<Result<Resource<ResolveAddressStream>, ErrorCode>> {
        self.table.get(&network)?;
        // Refused lookups fail as the WIT's list of this function's errors
        // allows (it has no `access-denied`), as wasmtime-wasi does.
        if !self.network.ip_name_lookup {
            return Ok(Err(ErrorCode::PermanentResolverFailure));
        }
        let state = match parse_name(&name) {
            Err(e) => return Ok(Err(e)),
            Ok(Name::Address(addr)) => Lookup::Done(Ok(vec![addr].into_iter())),
            Ok(Name::Domain(domain)) => Lookup::Pending(runtime().spawn(async move {
                let addrs = tokio::net::lookup_host((domain.as_str(), 0))
                    .await
                    .map_err(|_| ErrorCode::NameUnresolvable)?;
                Ok(addrs.map(|a| a.ip().to_canonical()).collect())
            })),
        };
        Ok(Ok(self.table.push(ResolveAddressStream { state })?))
    }
}

impl ip_name_lookup::HostResolveAddressStream for WasiCtx {
    fn resolve_next_address(
        &mut self,
        self_: Resource<ResolveAddressStream>,
    ) -> witbind::Result<Result<Option<IpAddress>, ErrorCode>> {
        let stream = self.table.get_mut(&self_)?;
        if stream
            .poll_ready(&mut Context::from_waker(Waker::noop()))
            .is_pending()
        {
            return Ok(Err(ErrorCode::WouldBlock));
        }
        let Lookup::Done(result) = &mut stream.state else {
            unreachable!("a ready lookup is done")
        };
        Ok(match result {
            Ok(addrs) => Ok(addrs.next().map(ip_from_std)),
            Err(e) => Err(*e),
        })
    }

    fn subscribe(
        &mut self,
        self_: Resource<ResolveAddressStream>,
    ) -> witbind::Result<Resource<Pollable>> {
        self.table.get(&self_)?;
        Ok(self.table.push(Pollable {
            kind: PollKind::Lookup(self_.rep()),
        })?)
    }

    fn drop(&mut self, rep: Resource<ResolveAddressStream>) -> witbind::Result<()> {
        self.table.delete(rep)?;
        Ok(())
    }
}
