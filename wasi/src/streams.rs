//! `wasi:io/streams`: the host objects behind `input-stream` and
//! `output-stream`, and the traits a host implements to give a guest its own
//! sources and sinks of bytes.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll};

use crate::MAX_BUFFER;

/// Why a stream operation did not move bytes.
#[derive(Debug)]
pub enum StreamError {
    /// The stream is closed: the input ended, or the output accepts no more.
    Closed,
    /// The operation failed; the stream is closed from now on. The error
    /// reaches the guest as a `wasi:io/error` resource.
    LastOperationFailed(anyhow::Error),
    /// The guest broke the stream's contract: the call traps with this
    /// error.
    Trap(anyhow::Error),
}

/// Where an `input-stream` reads from: stdin, an in-memory pipe, a file, or
/// a source of the host's own.
///
/// Every method returns promptly: `read` gives the bytes available now
/// (possibly none), and [`poll_ready`](Self::poll_ready) says when more are.
pub trait InputSource: Send + 'static {
    /// Up to `max` bytes available now, fewer or none when fewer are ready;
    /// [`StreamError::Closed`] once the input has ended.
    fn read(&mut self, max: usize) -> Result<Vec<u8>, StreamError>;

    /// Drops up to `max` bytes available now and says how many.
    fn skip(&mut self, max: usize) -> Result<usize, StreamError> {
        self.read(max).map(|bytes| bytes.len())
    }

    /// `Ready` when `read` would give bytes or an error; otherwise
    /// `Pending`, with `cx`'s waker woken once that changes (as a
    /// [`Future`](std::future::Future) does).
    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<()>;
}

/// Where an `output-stream` writes to: stdout, stderr, an in-memory pipe, a
/// file, or a sink of the host's own.
pub trait OutputSink: Send + 'static {
    /// How many bytes the next [`write`](Self::write) may take now (0 when
    /// none).
    fn check_write(&mut self) -> Result<usize, StreamError>;

    /// Takes `bytes`, at most what `check_write` last allowed.
    fn write(&mut self, bytes: &[u8]) -> Result<(), StreamError>;

    /// Starts flushing what was written.
    fn flush(&mut self) -> Result<(), StreamError>;

    /// `Ready` when `check_write` would allow a byte or fail; otherwise
    /// `Pending`, with `cx`'s waker woken once that changes.
    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<()>;
}

/// A shared source: each `get-stdin` call gives the guest a new stream of
/// the same stdin.
pub(crate) type SharedSource = Arc<Mutex<dyn InputSource>>;
/// A shared sink.
pub(crate) type SharedSink = Arc<Mutex<dyn OutputSink>>;

/// Locks a mutex whether or not a thread panicked while holding it: the
/// sources and sinks keep no invariant a panic could break halfway.
pub(crate) fn lock<T: ?Sized>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The host object of a WASI `input-stream`.
pub struct InputStream {
    pub(crate) source: SharedSource,
    /// Set once the stream reported `closed` or a failure: every later
    /// operation reports `closed`.
    pub(crate) closed: bool,
    /// Live pollables made by `subscribe`: the stream may not be dropped
    /// before them.
    pub(crate) pollables: u32,
}

impl InputStream {
    /// A stream reading from `source`.
    pub(crate) fn new(source: SharedSource) -> Self {
        Self {
            source,
            closed: false,
            pollables: 0,
        }
    }

    /// Reads up to `len` bytes (at most [`MAX_BUFFER`]) available now.
    pub(crate) fn read(&mut self, len: u64) -> Result<Vec<u8>, StreamError> {
        if self.closed {
            return Err(StreamError::Closed);
        }
        let max = bounded(len);
        let result = lock(&self.source).read(max);
        self.after(result)
    }

    /// Skips up to `len` bytes available now.
    pub(crate) fn skip(&mut self, len: u64) -> Result<u64, StreamError> {
        if self.closed {
            return Err(StreamError::Closed);
        }
        let max = bounded(len);
        let result = lock(&self.source).skip(max).map(|n| n as u64);
        self.after(result)
    }

    /// Whether a read would give bytes or an error now.
    pub(crate) fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        if self.closed {
            return Poll::Ready(());
        }
        lock(&self.source).poll_ready(cx)
    }

    /// Records that `result` closed the stream.
    fn after<T>(&mut self, result: Result<T, StreamError>) -> Result<T, StreamError> {
        if matches!(
            result,
            Err(StreamError::Closed | StreamError::LastOperationFailed(_))
        ) {
            self.closed = true;
        }
        result
    }
}

/// The host object of a WASI `output-stream`.
pub struct OutputStream {
    pub(crate) sink: SharedSink,
    /// What the last `check-write` permitted and no `write` used yet.
    permit: u64,
    /// Set once the stream reported `closed` or a failure.
    closed: bool,
    /// Live pollables made by `subscribe`.
    pub(crate) pollables: u32,
}

impl OutputStream {
    /// A stream writing to `sink`.
    pub(crate) fn new(sink: SharedSink) -> Self {
        Self {
            sink,
            permit: 0,
            closed: false,
            pollables: 0,
        }
    }

    /// `check-write`: how many bytes the next `write` may take.
    pub(crate) fn check_write(&mut self) -> Result<u64, StreamError> {
        if self.closed {
            return Err(StreamError::Closed);
        }
        let result = lock(&self.sink)
            .check_write()
            .map(|n| n.min(MAX_BUFFER) as u64);
        let n = self.after(result)?;
        self.permit = n;
        Ok(n)
    }

    /// `write`: traps when `bytes` is longer than `check-write` permitted.
    pub(crate) fn write(&mut self, bytes: &[u8]) -> Result<(), StreamError> {
        if self.closed {
            return Err(StreamError::Closed);
        }
        let len = bytes.len() as u64;
        if len > self.permit {
            return Err(StreamError::Trap(anyhow::anyhow!(
                "wasi:io/streams: `output-stream.write` of {len} bytes, but `check-write` \
                 permitted {}: call `check-write` first and write at most what it allows",
                self.permit
            )));
        }
        self.permit -= len;
        if bytes.is_empty() {
            return Ok(());
        }
        let result = lock(&self.sink).write(bytes);
        self.after(result)
    }

    /// `flush`: starts flushing.
    pub(crate) fn flush(&mut self) -> Result<(), StreamError> {
        if self.closed {
            return Err(StreamError::Closed);
        }
        self.permit = 0;
        let result = lock(&self.sink).flush();
        self.after(result)
    }

    /// Whether `check-write` would allow a byte or fail now.
    pub(crate) fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        if self.closed {
            return Poll::Ready(());
        }
        lock(&self.sink).poll_ready(cx)
    }

    fn after<T>(&mut self, result: Result<T, StreamError>) -> Result<T, StreamError> {
        if matches!(
            result,
            Err(StreamError::Closed | StreamError::LastOperationFailed(_))
        ) {
            self.closed = true;
            self.permit = 0;
        }
        result
    }
}

/// A guest's `u64` length as a host buffer size, at most [`MAX_BUFFER`].
pub(crate) fn bounded(len: u64) -> usize {
    usize::try_from(len).unwrap_or(usize::MAX).min(MAX_BUFFER)
}
