//! Filesystem errors: the WIT `error-code` a guest gets, from the OS error
//! or the sandbox's refusal, or a trap.

use std::io;

use witbind::ResourceTableError;

use crate::bindings::wasi::filesystem::types::ErrorCode;

/// What a filesystem operation fails with: an error code for the guest, or
/// a trap (a handle that names nothing, a full table).
#[derive(Debug)]
pub(crate) enum FsError {
    Code(ErrorCode),
    Trap(anyhow::Error),
}

impl From<ErrorCode> for FsError {
    fn from(code: ErrorCode) -> Self {
        FsError::Code(code)
    }
}

impl From<io::Error> for FsError {
    fn from(error: io::Error) -> Self {
        FsError::Code(error_code(&error))
    }
}

impl From<ResourceTableError> for FsError {
    fn from(error: ResourceTableError) -> Self {
        FsError::Trap(error.into())
    }
}

impl From<anyhow::Error> for FsError {
    fn from(error: anyhow::Error) -> Self {
        FsError::Trap(error)
    }
}

/// A filesystem result as the generated traits return it: the error code
/// inside, a trap outside.
pub(crate) fn wit<T>(result: Result<T, FsError>) -> witbind::Result<Result<T, ErrorCode>> {
    match result {
        Ok(value) => Ok(Ok(value)),
        Err(FsError::Code(code)) => Ok(Err(code)),
        Err(FsError::Trap(error)) => Err(error),
    }
}

/// The error code of an I/O error: by its OS error number, else by its
/// kind (`cap-std` refuses a path leading outside the sandbox with
/// `PermissionDenied` and no OS number: `not-permitted`).
pub(crate) fn error_code(error: &io::Error) -> ErrorCode {
    if let Some(code) = error.raw_os_error().and_then(os_error_code) {
        return code;
    }
    match error.kind() {
        io::ErrorKind::NotFound => ErrorCode::NoEntry,
        io::ErrorKind::PermissionDenied => ErrorCode::NotPermitted,
        io::ErrorKind::AlreadyExists => ErrorCode::Exist,
        io::ErrorKind::InvalidInput => ErrorCode::Invalid,
        io::ErrorKind::NotADirectory => ErrorCode::NotDirectory,
        io::ErrorKind::IsADirectory => ErrorCode::IsDirectory,
        io::ErrorKind::DirectoryNotEmpty => ErrorCode::NotEmpty,
        io::ErrorKind::ReadOnlyFilesystem => ErrorCode::ReadOnly,
        io::ErrorKind::StorageFull => ErrorCode::InsufficientSpace,
        io::ErrorKind::FileTooLarge => ErrorCode::FileTooLarge,
        io::ErrorKind::InvalidFilename => ErrorCode::NameTooLong,
        io::ErrorKind::CrossesDevices => ErrorCode::CrossDevice,
        io::ErrorKind::Interrupted => ErrorCode::Interrupted,
        io::ErrorKind::OutOfMemory => ErrorCode::InsufficientMemory,
        io::ErrorKind::Unsupported => ErrorCode::Unsupported,
        io::ErrorKind::BrokenPipe => ErrorCode::Pipe,
        io::ErrorKind::WouldBlock => ErrorCode::WouldBlock,
        _ => ErrorCode::Io,
    }
}

/// The error code of a POSIX error number.
#[cfg(unix)]
fn os_error_code(raw: i32) -> Option<ErrorCode> {
    use rustix::io::Errno;
    let errno = Errno::from_raw_os_error(raw);
    Some(match errno {
        Errno::ACCESS => ErrorCode::Access,
        Errno::AGAIN => ErrorCode::WouldBlock,
        Errno::ALREADY => ErrorCode::Already,
        Errno::BADF => ErrorCode::BadDescriptor,
        Errno::BUSY => ErrorCode::Busy,
        Errno::DEADLK => ErrorCode::Deadlock,
        Errno::DQUOT => ErrorCode::Quota,
        Errno::EXIST => ErrorCode::Exist,
        Errno::FBIG => ErrorCode::FileTooLarge,
        Errno::ILSEQ => ErrorCode::IllegalByteSequence,
        Errno::INPROGRESS => ErrorCode::InProgress,
        Errno::INTR => ErrorCode::Interrupted,
        Errno::INVAL => ErrorCode::Invalid,
        Errno::IO => ErrorCode::Io,
        Errno::ISDIR => ErrorCode::IsDirectory,
        Errno::LOOP => ErrorCode::Loop,
        Errno::MLINK => ErrorCode::TooManyLinks,
        Errno::MSGSIZE => ErrorCode::MessageSize,
        Errno::NAMETOOLONG => ErrorCode::NameTooLong,
        Errno::NODEV => ErrorCode::NoDevice,
        Errno::NOENT => ErrorCode::NoEntry,
        Errno::NOLCK => ErrorCode::NoLock,
        Errno::NOMEM => ErrorCode::InsufficientMemory,
        Errno::NOSPC => ErrorCode::InsufficientSpace,
        Errno::NOTDIR => ErrorCode::NotDirectory,
        Errno::NOTEMPTY => ErrorCode::NotEmpty,
        Errno::NOTRECOVERABLE => ErrorCode::NotRecoverable,
        Errno::NOTSUP => ErrorCode::Unsupported,
        Errno::NOTTY => ErrorCode::NoTty,
        Errno::NXIO => ErrorCode::NoSuchDevice,
        Errno::OVERFLOW => ErrorCode::Overflow,
        Errno::PERM => ErrorCode::NotPermitted,
        Errno::PIPE => ErrorCode::Pipe,
        Errno::ROFS => ErrorCode::ReadOnly,
        Errno::SPIPE => ErrorCode::InvalidSeek,
        Errno::TXTBSY => ErrorCode::TextFileBusy,
        Errno::XDEV => ErrorCode::CrossDevice,
        _ => return None,
    })
}

/// Elsewhere the error kind decides.
#[cfg(not(unix))]
fn os_error_code(_: i32) -> Option<ErrorCode> {
    None
}
