//! `wasi:io/poll`: pollables, and waiting for real on several at once.
//!
//! A poll checks each pollable; when none is ready it parks the thread
//! until the earliest clock deadline or until a stream's source wakes it
//! (sources keep the waker of a pending poll, as futures do). No busy loop.

use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::thread::Thread;
use std::time::Instant;

use witbind::{Resource, ResourceTable};

use crate::streams::{InputStream, OutputStream};

/// The host object of a WASI `pollable`.
pub struct Pollable {
    pub(crate) kind: PollKind,
}

/// What a pollable waits for.
#[derive(Clone, Copy)]
pub(crate) enum PollKind {
    /// Never ready (a deadline beyond what the host's clock can reach).
    Never,
    /// Ready from this moment on.
    Deadline(Instant),
    /// Ready when the input stream with this rep can be read.
    Input(u32),
    /// Ready when the output stream with this rep accepts a byte.
    Output(u32),
    /// Ready when the TCP socket with this rep finished connecting or has
    /// a connection to accept (at once in its other states).
    Socket(u32),
    /// Ready when the name lookup with this rep is over.
    Lookup(u32),
}

/// One pollable's state now.
enum Readiness {
    Ready,
    /// Ready at the instant.
    At(Instant),
    /// Ready once a waker is woken (or never).
    Pending,
}

/// Wakes a parked thread.
struct ThreadWaker(Thread);

impl Wake for ThreadWaker {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.0.unpark();
    }
}

thread_local! {
    /// This thread's waker: one per thread, so that sources that keep the
    /// wakers of pending polls recognise it (`Waker::will_wake`) instead of
    /// keeping one per poll.
    static THREAD_WAKER: Waker = Waker::from(Arc::new(ThreadWaker(std::thread::current())));
}

/// Whether the pollable `kind` is ready; a pending stream keeps `cx`'s
/// waker.
fn readiness(
    table: &mut ResourceTable,
    kind: &PollKind,
    cx: &mut Context<'_>,
) -> witbind::Result<Readiness> {
    Ok(match kind {
        PollKind::Never => Readiness::Pending,
        PollKind::Deadline(at) if *at <= Instant::now() => Readiness::Ready,
        PollKind::Deadline(at) => Readiness::At(*at),
        PollKind::Input(rep) => {
            let stream = table.get_mut(&Resource::<InputStream>::new_borrow(*rep))?;
            match stream.poll_ready(cx) {
                Poll::Ready(()) => Readiness::Ready,
                Poll::Pending => Readiness::Pending,
            }
        }
        PollKind::Output(rep) => {
            let stream = table.get_mut(&Resource::<OutputStream>::new_borrow(*rep))?;
            match stream.poll_ready(cx) {
                Poll::Ready(()) => Readiness::Ready,
                Poll::Pending => Readiness::Pending,
            }
        }
        PollKind::Socket(rep) => match crate::sockets::poll_socket(table, *rep, cx)? {
            Poll::Ready(()) => Readiness::Ready,
            Poll::Pending => Readiness::Pending,
        },
        PollKind::Lookup(rep) => match crate::sockets::poll_lookup(table, *rep, cx)? {
            Poll::Ready(()) => Readiness::Ready,
            Poll::Pending => Readiness::Pending,
        },
    })
}

/// Blocks until at least one of `pollables` is ready and returns the
/// indices of the ready ones. Traps on an empty list, as the WIT says.
pub(crate) fn poll(
    table: &mut ResourceTable,
    pollables: &[Resource<Pollable>],
) -> witbind::Result<Vec<u32>> {
    if pollables.is_empty() {
        anyhow::bail!("wasi:io/poll: `poll` was given an empty list of pollables");
    }
    if u32::try_from(pollables.len()).is_err() {
        anyhow::bail!("wasi:io/poll: `poll` was given more pollables than a u32 can index");
    }
    let kinds = pollables
        .iter()
        .map(|p| Ok(table.get(p)?.kind))
        .collect::<witbind::Result<Vec<_>>>()?;
    poll_kinds(table, &kinds)
}

/// Blocks until `kind` is ready.
pub(crate) fn block(table: &mut ResourceTable, kind: PollKind) -> witbind::Result<()> {
    poll_kinds(table, &[kind]).map(drop)
}

/// [`poll`] on what the pollables wait for.
fn poll_kinds(table: &mut ResourceTable, kinds: &[PollKind]) -> witbind::Result<Vec<u32>> {
    let waker = THREAD_WAKER.with(Waker::clone);
    let mut cx = Context::from_waker(&waker);
    loop {
        let mut ready = Vec::new();
        let mut earliest: Option<Instant> = None;
        for (i, kind) in kinds.iter().enumerate() {
            match readiness(table, kind, &mut cx)? {
                Readiness::Ready => ready.push(i as u32),
                Readiness::At(at) => earliest = Some(earliest.map_or(at, |e| e.min(at))),
                Readiness::Pending => {}
            }
        }
        if !ready.is_empty() {
            return Ok(ready);
        }
        match earliest {
            Some(at) => std::thread::park_timeout(at.saturating_duration_since(Instant::now())),
            None => std::thread::park(),
        }
    }
}

/// Whether one pollable is ready now, without blocking.
pub(crate) fn ready(
    table: &mut ResourceTable,
    pollable: &Resource<Pollable>,
) -> witbind::Result<bool> {
    let waker = Waker::noop();
    let mut cx = Context::from_waker(waker);
    let kind = table.get(pollable)?.kind;
    Ok(matches!(
        readiness(table, &kind, &mut cx)?,
        Readiness::Ready
    ))
}
