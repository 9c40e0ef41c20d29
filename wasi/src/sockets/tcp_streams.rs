//! The input and output streams of a connected TCP socket: an
//! [`InputSource`] reading what has arrived, and an [`OutputSink`] whose
//! writes go out at once or, when the OS buffer is full, in the background,
//! so a guest that writes and then waits for an answer never stalls its
//! own data.

use std::future::Future;
use std::io::ErrorKind;
use std::net::Shutdown;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

use tokio::net::TcpStream;
use tokio::task::JoinHandle;

use super::runtime;
use crate::streams::{InputSource, OutputSink, StreamError};

/// The most bytes one `read` takes from the socket, and one `check-write`
/// permits.
const CHUNK: usize = 64 * 1024;

/// Shuts one direction of `stream` down, ignoring a socket that is already
/// gone (the guest's view is the same: that direction is over).
fn shutdown(stream: &TcpStream, how: Shutdown) {
    let _ = socket2::SockRef::from(stream).shutdown(how);
}

/// What arrives on a TCP connection.
pub(crate) struct TcpReader {
    /// `None` once the input ended, failed, or the guest shut it down.
    stream: Option<Arc<TcpStream>>,
}

impl TcpReader {
    pub(crate) fn new(stream: Arc<TcpStream>) -> Self {
        Self {
            stream: Some(stream),
        }
    }

    /// `shutdown(receive)`: nothing more is read.
    pub(crate) fn shutdown(&mut self) {
        if let Some(stream) = self.stream.take() {
            shutdown(&stream, Shutdown::Read);
        }
    }
}

impl InputSource for TcpReader {
    fn read(&mut self, max: usize) -> Result<Vec<u8>, StreamError> {
        let Some(stream) = &self.stream else {
            return Err(StreamError::Closed);
        };
        if max == 0 {
            return Ok(Vec::new());
        }
        let mut buf = vec![0; max.min(CHUNK)];
        match stream.try_read(&mut buf) {
            Ok(0) => {
                self.stream = None;
                Err(StreamError::Closed)
            }
            Ok(n) => {
                buf.truncate(n);
                Ok(buf)
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => Ok(Vec::new()),
            Err(e) => {
                self.stream = None;
                Err(StreamError::LastOperationFailed(e.into()))
            }
        }
    }

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        match &self.stream {
            Some(stream) => stream.poll_read_ready(cx).map(drop),
            None => Poll::Ready(()),
        }
    }
}

impl Drop for TcpReader {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// Where the bytes a guest writes to a TCP connection go.
pub(crate) struct TcpWriter {
    state: WriteState,
}

enum WriteState {
    /// Nothing pending: a write goes to the socket now.
    Ready(Arc<TcpStream>),
    /// The rest of the last write goes out in the background.
    Writing(JoinHandle<std::io::Result<Arc<TcpStream>>>),
    /// A write failed; reported once, then the stream is closed.
    Failed(std::io::Error),
    /// The output is over: shut down, or the peer is gone.
    Closed,
}

impl TcpWriter {
    pub(crate) fn new(stream: Arc<TcpStream>) -> Self {
        Self {
            state: WriteState::Ready(stream),
        }
    }

    /// `shutdown(send)`: what was written still goes out, then the
    /// connection's sending side closes.
    pub(crate) fn shutdown(&mut self) {
        match std::mem::replace(&mut self.state, WriteState::Closed) {
            WriteState::Ready(stream) => shutdown(&stream, Shutdown::Write),
            WriteState::Writing(pending) => {
                runtime().spawn(async move {
                    if let Ok(Ok(stream)) = pending.await {
                        shutdown(&stream, Shutdown::Write);
                    }
                });
            }
            WriteState::Failed(_) | WriteState::Closed => {}
        }
    }

    /// Moves a finished background write on; `Pending` while it runs.
    fn poll_pending(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        let WriteState::Writing(pending) = &mut self.state else {
            return Poll::Ready(());
        };
        let result = match Pin::new(pending).poll(cx) {
            Poll::Pending => return Poll::Pending,
            Poll::Ready(result) => result,
        };
        self.state = match result {
            Ok(Ok(stream)) => WriteState::Ready(stream),
            Ok(Err(e)) if e.kind() == ErrorKind::BrokenPipe => WriteState::Closed,
            Ok(Err(e)) => WriteState::Failed(e),
            Err(join) => WriteState::Failed(std::io::Error::other(join)),
        };
        Poll::Ready(())
    }

    /// The stream's error state, reported once.
    fn error(&mut self) -> Option<StreamError> {
        match std::mem::replace(&mut self.state, WriteState::Closed) {
            WriteState::Failed(e) => Some(StreamError::LastOperationFailed(e.into())),
            WriteState::Closed => Some(StreamError::Closed),
            state => {
                self.state = state;
                None
            }
        }
    }
}

impl OutputSink for TcpWriter {
    fn check_write(&mut self) -> Result<usize, StreamError> {
        if self
            .poll_pending(&mut Context::from_waker(Waker::noop()))
            .is_pending()
        {
            return Ok(0);
        }
        match self.error() {
            Some(e) => Err(e),
            None => Ok(CHUNK),
        }
    }

    fn write(&mut self, bytes: &[u8]) -> Result<(), StreamError> {
        if let Some(e) = self.error() {
            return Err(e);
        }
        let WriteState::Ready(stream) = &self.state else {
            // `OutputStream` lets no byte through without a permit, and a
            // background write leaves none.
            return Err(StreamError::Trap(anyhow::anyhow!(
                "wasi:io/streams: `write` on a TCP stream while its last write is still \
                 going out: wait for `check-write` to permit bytes"
            )));
        };
        let mut written = 0;
        while written < bytes.len() {
            match stream.try_write(&bytes[written..]) {
                Ok(n) => written += n,
                Err(e) if e.kind() == ErrorKind::WouldBlock => break,
                Err(e) if e.kind() == ErrorKind::BrokenPipe => {
                    self.state = WriteState::Closed;
                    return Err(StreamError::Closed);
                }
                Err(e) => {
                    self.state = WriteState::Closed;
                    return Err(StreamError::LastOperationFailed(e.into()));
                }
            }
        }
        if written < bytes.len() {
            let stream = stream.clone();
            let rest = bytes[written..].to_vec();
            self.state = WriteState::Writing(runtime().spawn(async move {
                let mut sent = 0;
                while sent < rest.len() {
                    stream.writable().await?;
                    match stream.try_write(&rest[sent..]) {
                        Ok(n) => sent += n,
                        Err(e) if e.kind() == ErrorKind::WouldBlock => {}
                        Err(e) => return Err(e),
                    }
                }
                Ok(stream)
            }));
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), StreamError> {
        // Bytes are handed to the OS as they are written; a background
        // write finishes on its own, and `poll_ready` says when.
        match &self.state {
            WriteState::Failed(_) | WriteState::Closed => {
                Err(self.error().expect("an error state"))
            }
            WriteState::Ready(_) | WriteState::Writing(_) => Ok(()),
        }
    }

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        self.poll_pending(cx)
    }
}

impl Drop for TcpWriter {
    fn drop(&mut self) {
        self.shutdown();
    }
}
