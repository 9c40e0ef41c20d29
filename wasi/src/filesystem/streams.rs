//! The streams of a file (`read-via-stream`, `write-via-stream`,
//! `append-via-stream`): positioned reads and writes, ready at once.

use std::sync::Arc;
use std::task::{Context, Poll};

use super::{read_at, write_at};
use crate::MAX_BUFFER;
use crate::streams::{InputSource, OutputSink, StreamError};

/// Reads a file from an offset on.
pub(crate) struct FileInput {
    pub(crate) file: Arc<std::fs::File>,
    pub(crate) offset: u64,
}

impl InputSource for FileInput {
    fn read(&mut self, max: usize) -> Result<Vec<u8>, StreamError> {
        if max == 0 {
            return Ok(Vec::new());
        }
        let mut buf = vec![0; max];
        match read_at(&self.file, &mut buf, self.offset) {
            Ok(0) => Err(StreamError::Closed),
            Ok(n) => {
                buf.truncate(n);
                self.offset += n as u64;
                Ok(buf)
            }
            Err(e) => Err(StreamError::LastOperationFailed(e.into())),
        }
    }

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<()> {
        Poll::Ready(())
    }
}

/// Where a file's output stream writes.
pub(crate) enum FileOutputMode {
    /// At this offset, moving on.
    At(u64),
    /// At the end, wherever it is by then.
    Append,
}

/// Writes to a file.
pub(crate) struct FileOutput {
    pub(crate) file: Arc<std::fs::File>,
    pub(crate) mode: FileOutputMode,
}

impl OutputSink for FileOutput {
    fn check_write(&mut self) -> Result<usize, StreamError> {
        Ok(MAX_BUFFER)
    }

    fn write(&mut self, mut bytes: &[u8]) -> Result<(), StreamError> {
        let failed = |e: std::io::Error| StreamError::LastOperationFailed(e.into());
        let mut offset = match self.mode {
            FileOutputMode::At(offset) => offset,
            FileOutputMode::Append => self.file.metadata().map_err(failed)?.len(),
        };
        while !bytes.is_empty() {
            let n = write_at(&self.file, bytes, offset).map_err(failed)?;
            if n == 0 {
                return Err(failed(std::io::ErrorKind::WriteZero.into()));
            }
            bytes = &bytes[n..];
            offset += n as u64;
        }
        if let FileOutputMode::At(at) = &mut self.mode {
            *at = offset;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), StreamError> {
        // Writes went to the OS at once; `sync` is the guest's to ask for.
        Ok(())
    }

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<()> {
        Poll::Ready(())
    }
}
