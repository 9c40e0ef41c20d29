//! Errors and traps.
//!
//! Every fallible operation returns [`Result`], whose error is an
//! [`anyhow::Error`]. When the failure is a Canonical ABI rule broken by the
//! guest, the error carries a [`Trap`], reachable with
//! `err.downcast_ref::<witbind::Trap>()`.

/// The error type of every fallible witbind operation.
pub type Error = anyhow::Error;

/// `Result` with [`Error`] as its default error type.
pub type Result<T, E = Error> = core::result::Result<T, E>;

/// A Canonical ABI failure: the guest (or a value crossing into it) broke a
/// rule of the spec, so the call traps.
///
/// Each variant names one cause. Traps are values, never panics: the host
/// stays usable after a guest traps.
///
/// The enum is `#[non_exhaustive]`: new causes may be added, so a `match`
/// on it needs a wildcard arm.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Trap {
    /// A pointer is not a multiple of the alignment its type requires.
    #[error("unaligned pointer: {ptr:#x} is not aligned to {align} bytes")]
    UnalignedPointer {
        /// The pointer the guest gave.
        ptr: u32,
        /// The alignment the type requires.
        align: u32,
    },
    /// A range of guest memory reaches past the end of the memory.
    #[error("out of bounds: {len} bytes at {ptr:#x} exceed memory of {memory_len} bytes")]
    OutOfBounds {
        /// Start of the range.
        ptr: u32,
        /// Length of the range in bytes.
        len: u64,
        /// Size of the guest memory in bytes.
        memory_len: usize,
    },
    /// A `utf8` string is not valid UTF-8.
    #[error("invalid UTF-8 in a string at {ptr:#x}")]
    InvalidUtf8 {
        /// Start of the string.
        ptr: u32,
    },
    /// A `utf16` string holds an unpaired surrogate.
    #[error("invalid UTF-16 in a string at {ptr:#x}")]
    InvalidUtf16 {
        /// Start of the string.
        ptr: u32,
    },
    /// A `char` is a surrogate or above `0x10FFFF`.
    #[error("invalid char: {0:#x} is not a Unicode scalar value")]
    InvalidChar(u32),
    /// A variant, enum, option or result discriminant names no case.
    #[error("invalid discriminant {discriminant} for a type with {cases} cases")]
    InvalidDiscriminant {
        /// The discriminant read.
        discriminant: u32,
        /// How many cases the type has.
        cases: u32,
    },
    /// A list's byte length exceeds `MAX_LIST_BYTE_LENGTH`.
    #[error("list too long: {byte_length} bytes exceed the limit of {max} bytes")]
    ListTooLong {
        /// The byte length the list would need.
        byte_length: u64,
        /// The limit, `MAX_LIST_BYTE_LENGTH`.
        max: u32,
    },
    /// A string's byte length exceeds `MAX_STRING_BYTE_LENGTH`.
    #[error("string too long: {byte_length} bytes exceed the limit of {max} bytes")]
    StringTooLong {
        /// The byte length the string would need.
        byte_length: u64,
        /// The limit, `MAX_STRING_BYTE_LENGTH`.
        max: u32,
    },
    /// `realloc` returned a pointer that is misaligned or whose allocation
    /// does not fit in memory.
    #[error(
        "invalid realloc result: {ptr:#x} for {size} bytes aligned to {align} \
         (memory is {memory_len} bytes)"
    )]
    InvalidReallocResult {
        /// The pointer `realloc` returned.
        ptr: u32,
        /// The size that was asked for.
        size: u32,
        /// The alignment that was asked for.
        align: u32,
        /// Size of the guest memory in bytes.
        memory_len: usize,
    },
    /// A handle index names no live entry of the handle table.
    #[error("unknown handle {0}")]
    UnknownHandle(u32),
    /// A handle names a resource of another type than expected.
    #[error("handle {index} is a `{found}`, expected a `{expected}`")]
    WrongHandleType {
        /// The handle index.
        index: u32,
        /// The resource type the signature names.
        expected: String,
        /// The resource type of the handle.
        found: String,
    },
    /// An `own` was expected but the handle is a `borrow`, or the reverse.
    #[error("handle {index} is not an `{expected}` handle")]
    WrongHandleKind {
        /// The handle index.
        index: u32,
        /// `own` or `borrow`.
        expected: &'static str,
    },
    /// An owned handle was dropped or moved while borrows of it are live.
    #[error("handle {index} is still lent to {lends} borrow(s)")]
    OwnStillLent {
        /// The handle index.
        index: u32,
        /// How many borrows are live.
        lends: u32,
    },
    /// An export call returned while borrows it received were not dropped.
    #[error("{count} borrowed handle(s) not dropped before the call returned")]
    BorrowNotDropped {
        /// How many borrows are still live.
        count: u32,
    },
    /// A handle table has no room for another entry: indices stay below
    /// `2^30`, or below the lower limit the host set
    /// ([`HandleTable::with_limit`](crate::resources::HandleTable::with_limit)).
    #[error("handle table full")]
    HandleTableFull,
    /// A call lifted or lowered more data than its hostcall fuel allows.
    #[error("hostcall fuel exhausted: a call may move at most {limit} bytes")]
    HostcallFuelExhausted {
        /// The fuel limit in bytes.
        limit: usize,
    },
    /// A value needs more core values than the caller supplied.
    #[error("missing core value: expected at least {expected}, got {got}")]
    MissingFlatValue {
        /// How many values were needed.
        expected: usize,
        /// How many were supplied.
        got: usize,
    },
    /// Memory was needed but the canonical options give none.
    #[error("the canonical options name no memory, but this type needs one")]
    NoMemory,
    /// `realloc` was needed but the canonical options give none.
    #[error("the canonical options name no realloc function, but this type needs one")]
    NoRealloc,
    /// An export was called while the same instance is still running an
    /// export call (the spec forbids re-entering an instance).
    #[error("cannot enter the component instance: it is already running a call")]
    Reentered,
    /// An earlier call into the instance trapped, so it refuses further calls.
    #[error("cannot enter the component instance: an earlier call trapped")]
    InstanceTrapped,
}

/// Returns `Err(trap)` as an [`Error`]: the shorthand lift and lower code uses.
#[inline]
pub(crate) fn trap<T>(trap: Trap) -> Result<T> {
    Err(Error::new(trap))
}
