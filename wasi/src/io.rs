//! `wasi:io`: the `error` resource, `poll`, and the stream methods, on the
//! host objects of `streams.rs` and `poll.rs`.

use witbind::{Borrowed, Resource};

use crate::bindings::wasi::io::streams::StreamError as WitStreamError;
use crate::bindings::wasi::io::{error, poll as wit_poll, streams};
use crate::ctx::WasiCtx;
use crate::poll::{self, PollKind, Pollable};
use crate::streams::{InputStream, OutputStream, StreamError};

/// The host object of a WASI `error`: why a stream operation failed.
#[derive(Debug)]
pub struct IoError {
    pub(crate) error: anyhow::Error,
}

impl IoError {
    /// The error this resource stands for.
    pub fn error(&self) -> &anyhow::Error {
        &self.error
    }
}

/// The most bytes `blocking-write-and-flush` and
/// `blocking-write-zeroes-and-flush` take, as the WIT says.
const BLOCKING_WRITE_MAX: u64 = 4096;

impl WasiCtx {
    /// A stream operation's result for the guest: `closed`, a failure as a
    /// new `error` resource, or a trap.
    fn stream_result<T>(
        &mut self,
        result: Result<T, StreamError>,
    ) -> witbind::Result<Result<T, WitStreamError>> {
        match result {
            Ok(value) => Ok(Ok(value)),
            Err(StreamError::Closed) => Ok(Err(WitStreamError::Closed)),
            Err(StreamError::LastOperationFailed(error)) => {
                let error = self.table.push(IoError { error })?;
                Ok(Err(WitStreamError::LastOperationFailed(error)))
            }
            Err(StreamError::Trap(error)) => Err(error),
        }
    }

    fn input(&mut self, stream: &Resource<InputStream>) -> witbind::Result<&mut InputStream> {
        Ok(self.table.get_mut(stream)?)
    }

    fn output(&mut self, stream: &Resource<OutputStream>) -> witbind::Result<&mut OutputStream> {
        Ok(self.table.get_mut(stream)?)
    }

    /// `write` of `bytes` on `stream`.
    fn write_bytes(
        &mut self,
        stream: &Resource<OutputStream>,
        bytes: &[u8],
    ) -> witbind::Result<Result<(), StreamError>> {
        Ok(self.output(stream)?.write(bytes))
    }

    /// `blocking-write-and-flush`: waits for room, writes, flushes and
    /// waits for the flush.
    fn blocking_write_and_flush_bytes(
        &mut self,
        stream: &Resource<OutputStream>,
        bytes: &[u8],
    ) -> witbind::Result<Result<(), StreamError>> {
        if bytes.len() as u64 > BLOCKING_WRITE_MAX {
            anyhow::bail!(
                "wasi:io/streams: `blocking-write-and-flush` of {} bytes; it takes at most \
                 {BLOCKING_WRITE_MAX}",
                bytes.len()
            );
        }
        let rep = stream.rep();
        let mut rest = bytes;
        while !rest.is_empty() {
            poll::block(&mut self.table, PollKind::Output(rep))?;
            let stream = self.output(stream)?;
            let permit = match stream.check_write() {
                Ok(n) => n,
                Err(e) => return Ok(Err(e)),
            };
            let n = rest
                .len()
                .min(usize::try_from(permit).unwrap_or(usize::MAX));
            if let Err(e) = stream.write(&rest[..n]) {
                return Ok(Err(e));
            }
            rest = &rest[n..];
        }
        self.blocking_flush_stream(stream)
    }

    /// `blocking-flush`: flushes and waits until the stream is ready again.
    fn blocking_flush_stream(
        &mut self,
        stream: &Resource<OutputStream>,
    ) -> witbind::Result<Result<(), StreamError>> {
        if let Err(e) = self.output(stream)?.flush() {
            return Ok(Err(e));
        }
        poll::block(&mut self.table, PollKind::Output(stream.rep()))?;
        // The flush's own failure shows now; a stream that became closed
        // by the flush has still written everything.
        match self.output(stream)?.check_write() {
            Ok(_) | Err(StreamError::Closed) => Ok(Ok(())),
            Err(e) => Ok(Err(e)),
        }
    }

    fn splice_streams(
        &mut self,
        dst: &Resource<OutputStream>,
        src: &Resource<InputStream>,
        len: u64,
    ) -> witbind::Result<Result<u64, StreamError>> {
        let permit = match self.output(dst)?.check_write() {
            Ok(n) => n,
            Err(e) => return Ok(Err(e)),
        };
        let bytes = match self.input(src)?.read(permit.min(len)) {
            Ok(bytes) => bytes,
            Err(e) => return Ok(Err(e)),
        };
        Ok(self.output(dst)?.write(&bytes).map(|()| bytes.len() as u64))
    }

    /// A pollable for a stream, counted as its child.
    fn subscribe_to(&mut self, kind: PollKind) -> witbind::Result<Resource<Pollable>> {
        match kind {
            PollKind::Input(rep) => {
                self.input(&Resource::new_borrow(rep))?.pollables += 1;
            }
            PollKind::Output(rep) => {
                self.output(&Resource::new_borrow(rep))?.pollables += 1;
            }
            _ => {}
        }
        Ok(self.table.push(Pollable { kind })?)
    }
}

impl error::HostError for WasiCtx {
    fn to_debug_string(&mut self, self_: Resource<IoError>) -> witbind::Result<String> {
        Ok(format!("{:#}", self.table.get(&self_)?.error))
    }

    fn drop(&mut self, rep: Resource<IoError>) -> witbind::Result<()> {
        self.table.delete(rep)?;
        Ok(())
    }
}

impl error::Host for WasiCtx {}

impl wit_poll::HostPollable for WasiCtx {
    fn ready(&mut self, self_: Resource<Pollable>) -> witbind::Result<bool> {
        poll::ready(&mut self.table, &self_)
    }

    fn block(&mut self, self_: Resource<Pollable>) -> witbind::Result<()> {
        let kind = self.table.get(&self_)?.kind;
        poll::block(&mut self.table, kind)
    }

    fn drop(&mut self, rep: Resource<Pollable>) -> witbind::Result<()> {
        let pollable = self.table.delete(rep)?;
        // The parent stream outlives its pollables (its drop traps
        // otherwise), so it is still there.
        match pollable.kind {
            PollKind::Input(rep) => {
                let stream = self.input(&Resource::new_borrow(rep))?;
                stream.pollables = stream.pollables.saturating_sub(1);
            }
            PollKind::Output(rep) => {
                let stream = self.output(&Resource::new_borrow(rep))?;
                stream.pollables = stream.pollables.saturating_sub(1);
            }
            _ => {}
        }
        Ok(())
    }
}

impl wit_poll::Host for WasiCtx {
    fn poll(&mut self, r#in: Vec<Borrowed<Resource<Pollable>>>) -> witbind::Result<Vec<u32>> {
        let pollables: Vec<_> = r#in.into_iter().map(Borrowed::into_inner).collect();
        poll::poll(&mut self.table, &pollables)
    }
}

impl streams::HostInputStream for WasiCtx {
    fn read(
        &mut self,
        self_: Resource<InputStream>,
        len: u64,
    ) -> witbind::Result<Result<Vec<u8>, WitStreamError>> {
        let result = self.input(&self_)?.read(len);
        self.stream_result(result)
    }

    fn blocking_read(
        &mut self,
        self_: Resource<InputStream>,
        len: u64,
    ) -> witbind::Result<Result<Vec<u8>, WitStreamError>> {
        if len > 0 {
            poll::block(&mut self.table, PollKind::Input(self_.rep()))?;
        }
        let result = self.input(&self_)?.read(len);
        self.stream_result(result)
    }

    fn skip(
        &mut self,
        self_: Resource<InputStream>,
        len: u64,
    ) -> witbind::Result<Result<u64, WitStreamError>> {
        let result = self.input(&self_)?.skip(len);
        self.stream_result(result)
    }

    fn blocking_skip(
        &mut self,
        self_: Resource<InputStream>,
        len: u64,
    ) -> witbind::Result<Result<u64, WitStreamError>> {
        if len > 0 {
            poll::block(&mut self.table, PollKind::Input(self_.rep()))?;
        }
        let result = self.input(&self_)?.skip(len);
        self.stream_result(result)
    }

    fn subscribe(&mut self, self_: Resource<InputStream>) -> witbind::Result<Resource<Pollable>> {
        self.subscribe_to(PollKind::Input(self_.rep()))
    }

    fn drop(&mut self, rep: Resource<InputStream>) -> witbind::Result<()> {
        let pollables = self.input(&rep)?.pollables;
        if pollables > 0 {
            anyhow::bail!(
                "wasi:io/streams: an `input-stream` was dropped while {pollables} pollable(s) \
                 made by its `subscribe` are alive: drop them first"
            );
        }
        self.table.delete(rep)?;
        Ok(())
    }
}

impl streams::HostOutputStream for WasiCtx {
    fn check_write(
        &mut self,
        self_: Resource<OutputStream>,
    ) -> witbind::Result<Result<u64, WitStreamError>> {
        let result = self.output(&self_)?.check_write();
        self.stream_result(result)
    }

    fn write(
        &mut self,
        self_: Resource<OutputStream>,
        contents: Vec<u8>,
    ) -> witbind::Result<Result<(), WitStreamError>> {
        let result = self.write_bytes(&self_, &contents)?;
        self.stream_result(result)
    }

    fn blocking_write_and_flush(
        &mut self,
        self_: Resource<OutputStream>,
        contents: Vec<u8>,
    ) -> witbind::Result<Result<(), WitStreamError>> {
        let result = self.blocking_write_and_flush_bytes(&self_, &contents)?;
        self.stream_result(result)
    }

    fn flush(
        &mut self,
        self_: Resource<OutputStream>,
    ) -> witbind::Result<Result<(), WitStreamError>> {
        let result = self.output(&self_)?.flush();
        self.stream_result(result)
    }

    fn blocking_flush(
        &mut self,
        self_: Resource<OutputStream>,
    ) -> witbind::Result<Result<(), WitStreamError>> {
        let result = self.blocking_flush_stream(&self_)?;
        self.stream_result(result)
    }

    fn subscribe(&mut self, self_: Resource<OutputStream>) -> witbind::Result<Resource<Pollable>> {
        self.subscribe_to(PollKind::Output(self_.rep()))
    }

    fn write_zeroes(
        &mut self,
        self_: Resource<OutputStream>,
        len: u64,
    ) -> witbind::Result<Result<(), WitStreamError>> {
        // More than the largest permit traps in `write`; the zeroes are
        // only made for a length that can pass.
        let zeroes = vec![
            0;
            usize::try_from(len)
                .unwrap_or(usize::MAX)
                .min(crate::MAX_BUFFER + 1)
        ];
        let result = self.write_bytes(&self_, &zeroes)?;
        self.stream_result(result)
    }

    fn blocking_write_zeroes_and_flush(
        &mut self,
        self_: Resource<OutputStream>,
        len: u64,
    ) -> witbind::Result<Result<(), WitStreamError>> {
        let zeroes = vec![
            0;
            usize::try_from(len)
                .unwrap_or(usize::MAX)
                .min(BLOCKING_WRITE_MAX as usize + 1)
        ];
        let result = self.blocking_write_and_flush_bytes(&self_, &zeroes)?;
        self.stream_result(result)
    }

    fn splice(
        &mut self,
        self_: Resource<OutputStream>,
        src: Resource<InputStream>,
        len: u64,
    ) -> witbind::Result<Result<u64, WitStreamError>> {
        let result = self.splice_streams(&self_, &src, len)?;
        self.stream_result(result)
    }

    fn blocking_splice(
        &mut self,
        self_: Resource<OutputStream>,
        src: Resource<InputStream>,
        len: u64,
    ) -> witbind::Result<Result<u64, WitStreamError>> {
        poll::block(&mut self.table, PollKind::Output(self_.rep()))?;
        if len > 0 {
            poll::block(&mut self.table, PollKind::Input(src.rep()))?;
        }
        let result = self.splice_streams(&self_, &src, len)?;
        self.stream_result(result)
    }

    fn drop(&mut self, rep: Resource<OutputStream>) -> witbind::Result<()> {
        let pollables = self.output(&rep)?.pollables;
        if pollables > 0 {
            anyhow::bail!(
                "wasi:io/streams: an `output-stream` was dropped while {pollables} pollable(s) \
                 made by its `subscribe` are alive: drop them first"
            );
        }
        self.table.delete(rep)?;
        Ok(())
    }
}

impl streams::Host for WasiCtx {}
