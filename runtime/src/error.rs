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
    /// the spec's `2^28`, or below the lower limit the host set
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
    /// `resource.new` of a resource type the instance does not define: only
    /// the defining instance makes handles from reps.
    #[error("`resource.new` of `{resource}`, which the instance does not define")]
    ResourceNotDefined {
        /// The resource type's name.
        resource: String,
    },
    /// An owned handle of a resource another component instance defines
    /// was dropped: its destructor belongs to that instance, which witbind
    /// does not call across instances yet.
    #[error(
        "dropped a `{resource}` handle, whose destructor another component instance defines; \
         witbind does not run destructors across instances yet"
    )]
    ForeignResourceDrop {
        /// The resource type's name.
        resource: String,
    },
    /// An export was called while the same instance is still running an
    /// export call (the spec forbids re-entering an instance).
    #[error("cannot enter the component instance: it is already running a call")]
    Reentered,
    /// An earlier call into the instance trapped, so it refuses further calls.
    #[error("cannot enter the component instance: an earlier call trapped")]
    InstanceTrapped,
    /// The guest called an import or a built-in while it may not leave the
    /// instance: from its `realloc` or `post-return` (the spec's
    /// `may_leave`).
    #[error("cannot leave the component instance: it called out from its realloc or post-return")]
    CannotLeave,
    /// A call from one sub-component into another (a fused adapter) met
    /// a malformed value or entered an instance it may not: `cause` says
    /// which.
    #[error("trap in a call between sub-components: {cause}")]
    BetweenComponents {
        /// What the adapter found.
        cause: &'static str,
    },
    /// The guest called an import the host does not define, which the
    /// linker's `define_unknown_imports_as_traps` made a function that
    /// traps.
    #[error(
        "unknown import: the component called `{name}`, which the host does not define          (`Linker::define_unknown_imports_as_traps` made it trap)"
    )]
    UnknownImport {
        /// The import's full name: `name`, or `ns:pkg/iface#name` for a
        /// function of an imported interface.
        name: String,
    },
    /// The guest's core wasm code trapped (an `unreachable`, an out-of-bounds
    /// load, a stack overflow, ...), whichever engine ran it.
    #[error("core wasm trap: {0}")]
    Core(CoreTrap),
}

/// Why a guest's core wasm code trapped, the same on every engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CoreTrap {
    /// An `unreachable` instruction ran.
    #[error("wasm `unreachable` instruction executed")]
    Unreachable,
    /// A load or store reached outside linear memory.
    #[error("out of bounds memory access")]
    MemoryOutOfBounds,
    /// A table access reached outside the table.
    #[error("out of bounds table access")]
    TableOutOfBounds,
    /// `call_indirect` reached a null table element.
    #[error("indirect call to a null table element")]
    IndirectCallToNull,
    /// `call_indirect` reached a function of another type.
    #[error("indirect call type mismatch")]
    BadSignature,
    /// An integer division or remainder by zero.
    #[error("integer divide by zero")]
    IntegerDivisionByZero,
    /// An integer operation overflowed (`i32.div_s` of `MIN` by -1).
    #[error("integer overflow")]
    IntegerOverflow,
    /// A float was converted to an integer it does not fit.
    #[error("invalid conversion to integer")]
    BadConversionToInteger,
    /// The call stack was exhausted.
    #[error("call stack exhausted")]
    StackOverflow,
    /// The store's fuel ran out.
    #[error("all fuel consumed")]
    OutOfFuel,
    /// The engine interrupted the guest (an epoch deadline passed).
    #[error("interrupted: the deadline passed")]
    Interrupted,
    /// A memory or table grew past a limit the store set.
    #[error("a resource limit of the store was exceeded")]
    LimitExceeded,
    /// Any other engine trap, with the engine's own words.
    #[error("{0}")]
    Other(&'static str),
}

/// Returns `Err(trap)` as an [`Error`]: the shorthand lift and lower code uses.
#[inline]
pub(crate) fn trap<T>(trap: Trap) -> Result<T> {
    Err(Error::new(trap))
}
