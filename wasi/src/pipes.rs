//! The standard streams: in-memory pipes the host reads and writes, the
//! process's own stdin / stdout / stderr, and the defaults (no input, output
//! discarded).

use std::collections::VecDeque;
use std::io::{Read, Write};
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::task::{Context, Poll, Waker};

use crate::MAX_BUFFER;
use crate::streams::{InputSource, OutputSink, StreamError, lock};

/// The bytes of a pipe not read yet, and who waits for more.
#[derive(Default)]
struct PipeState {
    buffer: VecDeque<u8>,
    closed: bool,
    wakers: Vec<Waker>,
}

impl PipeState {
    fn wake_all(&mut self) {
        for waker in self.wakers.drain(..) {
            waker.wake();
        }
    }

    fn take(&mut self, max: usize) -> Result<Vec<u8>, StreamError> {
        if self.buffer.is_empty() && self.closed {
            return Err(StreamError::Closed);
        }
        let n = max.min(self.buffer.len());
        Ok(self.buffer.drain(..n).collect())
    }

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        if !self.buffer.is_empty() || self.closed {
            return Poll::Ready(());
        }
        if !self.wakers.iter().any(|w| w.will_wake(cx.waker())) {
            self.wakers.push(cx.waker().clone());
        }
        Poll::Pending
    }
}

/// An input stream the host fills in memory: give it as a guest's stdin
/// ([`WasiCtxBuilder::stdin`](crate::WasiCtxBuilder::stdin)).
///
/// Clones share the pipe, so the host can keep one and
/// [`write`](Self::write) more bytes from another thread while the guest
/// runs; a guest waiting for input blocks until bytes arrive or the pipe is
/// [`close`](Self::close)d.
#[derive(Clone, Default)]
pub struct MemoryInputPipe {
    state: Arc<Mutex<PipeState>>,
}

impl MemoryInputPipe {
    /// A pipe holding `bytes`, then ending.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        let pipe = Self::open();
        pipe.write(&bytes.into());
        pipe.close();
        pipe
    }

    /// An empty pipe that stays open until [`close`](Self::close)d.
    pub fn open() -> Self {
        Self::default()
    }

    /// Appends `bytes` for the guest to read, and wakes a guest waiting for
    /// them. Bytes written after [`close`](Self::close) are ignored.
    pub fn write(&self, bytes: &[u8]) {
        let mut state = lock(&self.state);
        if !state.closed {
            state.buffer.extend(bytes);
            state.wake_all();
        }
    }

    /// Ends the input: once the guest has read what is left, its reads
    /// report `closed`.
    pub fn close(&self) {
        let mut state = lock(&self.state);
        state.closed = true;
        state.wake_all();
    }
}

impl InputSource for MemoryInputPipe {
    fn read(&mut self, max: usize) -> Result<Vec<u8>, StreamError> {
        lock(&self.state).take(max)
    }

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        lock(&self.state).poll_ready(cx)
    }
}

/// An output stream collected in memory, up to a capacity: give it as a
/// guest's stdout or stderr and read [`contents`](Self::contents) after the
/// run. Clones share the buffer.
///
/// Once it holds `capacity` bytes, the guest's stream reports `closed`.
#[derive(Clone)]
pub struct MemoryOutputPipe {
    buffer: Arc<Mutex<Vec<u8>>>,
    capacity: usize,
}

impl MemoryOutputPipe {
    /// An empty pipe that accepts up to `capacity` bytes.
    pub fn new(capacity: usize) -> Self {
        Self {
            buffer: Arc::default(),
            capacity,
        }
    }

    /// The bytes written so far.
    pub fn contents(&self) -> Vec<u8> {
        lock(&self.buffer).clone()
    }
}

impl OutputSink for MemoryOutputPipe {
    fn check_write(&mut self) -> Result<usize, StreamError> {
        match self.capacity.saturating_sub(lock(&self.buffer).len()) {
            0 => Err(StreamError::Closed),
            room => Ok(room.min(MAX_BUFFER)),
        }
    }

    fn write(&mut self, bytes: &[u8]) -> Result<(), StreamError> {
        let mut buffer = lock(&self.buffer);
        // Two streams of one pipe (stdout asked for twice) may each have
        // been permitted the same room: the second write fails, it does not
        // trap, as its own stream's permit was kept.
        if buffer.len() + bytes.len() > self.capacity {
            return Err(StreamError::LastOperationFailed(anyhow::anyhow!(
                "a write of {} bytes overflows the in-memory pipe of {} bytes",
                bytes.len(),
                self.capacity
            )));
        }
        buffer.extend_from_slice(bytes);
        Ok(())
    }

    fn flush(&mut self) -> Result<(), StreamError> {
        Ok(())
    }

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<()> {
        Poll::Ready(())
    }
}

/// No input: reads report `closed` at once. The default stdin.
pub(crate) struct ClosedInput;

impl InputSource for ClosedInput {
    fn read(&mut self, _: usize) -> Result<Vec<u8>, StreamError> {
        Err(StreamError::Closed)
    }

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<()> {
        Poll::Ready(())
    }
}

/// Output thrown away. The default stdout and stderr.
pub(crate) struct DiscardOutput;

impl OutputSink for DiscardOutput {
    fn check_write(&mut self) -> Result<usize, StreamError> {
        Ok(MAX_BUFFER)
    }

    fn write(&mut self, _: &[u8]) -> Result<(), StreamError> {
        Ok(())
    }

    fn flush(&mut self) -> Result<(), StreamError> {
        Ok(())
    }

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<()> {
        Poll::Ready(())
    }
}

/// The process's stdout or stderr, written through at once.
pub(crate) enum HostOutput {
    Stdout,
    Stderr,
}

impl OutputSink for HostOutput {
    fn check_write(&mut self) -> Result<usize, StreamError> {
        Ok(MAX_BUFFER)
    }

    fn write(&mut self, bytes: &[u8]) -> Result<(), StreamError> {
        let result = match self {
            HostOutput::Stdout => std::io::stdout().lock().write_all(bytes),
            HostOutput::Stderr => std::io::stderr().lock().write_all(bytes),
        };
        result.map_err(|e| StreamError::LastOperationFailed(e.into()))
    }

    fn flush(&mut self) -> Result<(), StreamError> {
        let result = match self {
            HostOutput::Stdout => std::io::stdout().flush(),
            HostOutput::Stderr => std::io::stderr().flush(),
        };
        result.map_err(|e| StreamError::LastOperationFailed(e.into()))
    }

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<()> {
        Poll::Ready(())
    }
}

/// The process's stdin, read by one worker thread (blocking reads cannot
/// be interrupted, so every guest of the process shares it): the worker
/// reads a chunk only when a guest wants input and the last chunk is used
/// up, so a guest that never reads stdin takes nothing from it.
struct StdinWorker {
    state: Mutex<StdinState>,
    wanted: Condvar,
}

#[derive(Default)]
struct StdinState {
    pipe: PipeState,
    error: Option<String>,
    /// A guest asked for input that is not there yet.
    wanted: bool,
    started: bool,
}

fn stdin_worker() -> &'static StdinWorker {
    static WORKER: OnceLock<StdinWorker> = OnceLock::new();
    WORKER.get_or_init(|| StdinWorker {
        state: Mutex::default(),
        wanted: Condvar::new(),
    })
}

impl StdinWorker {
    /// Asks the worker for more input, starting it the first time.
    fn want(&'static self, state: &mut StdinState) {
        state.wanted = true;
        if !state.started {
            state.started = true;
            let spawned = std::thread::Builder::new()
                .name("witbind-wasi stdin".into())
                .spawn(move || self.run());
            if let Err(e) = spawned {
                state.error = Some(format!("cannot start the thread reading stdin: {e}"));
                state.pipe.wake_all();
            }
        }
        self.wanted.notify_one();
    }

    fn run(&self) {
        let mut chunk = vec![0; 64 * 1024];
        loop {
            {
                let mut state = lock(&self.state);
                while !(state.wanted && state.pipe.buffer.is_empty()) {
                    state = self
                        .wanted
                        .wait(state)
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                }
                state.wanted = false;
            }
            let read = std::io::stdin().lock().read(&mut chunk);
            let mut state = lock(&self.state);
            let done = match read {
                Ok(0) => {
                    state.pipe.closed = true;
                    true
                }
                Ok(n) => {
                    state.pipe.buffer.extend(&chunk[..n]);
                    false
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => false,
                Err(e) => {
                    state.error = Some(e.to_string());
                    true
                }
            };
            state.pipe.wake_all();
            if done {
                return;
            }
        }
    }
}

/// A guest's view of the process's stdin.
pub(crate) struct HostStdin;

impl InputSource for HostStdin {
    fn read(&mut self, max: usize) -> Result<Vec<u8>, StreamError> {
        let worker = stdin_worker();
        let mut state = lock(&worker.state);
        if state.pipe.buffer.is_empty()
            && let Some(e) = &state.error
        {
            return Err(StreamError::LastOperationFailed(anyhow::anyhow!(
                "reading stdin: {e}"
            )));
        }
        let bytes = state.pipe.take(max)?;
        if bytes.is_empty() && max > 0 {
            worker.want(&mut state);
        }
        Ok(bytes)
    }

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        let worker = stdin_worker();
        let mut state = lock(&worker.state);
        if state.error.is_some() {
            return Poll::Ready(());
        }
        let ready = state.pipe.poll_ready(cx);
        if ready.is_pending() {
            worker.want(&mut state);
        }
        ready
    }
}
