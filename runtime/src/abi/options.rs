//! Canonical options that lift and lower code reads.

/// The string encoding a guest's canonical options choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum StringEncoding {
    /// `string-encoding=utf8`: UTF-8, length in bytes.
    #[default]
    Utf8,
    /// `string-encoding=utf16`: UTF-16LE, length in 16-bit code units.
    Utf16,
    /// `string-encoding=latin1+utf16`: Latin-1, or UTF-16LE when the length's
    /// top bit (`UTF16_TAG`) is set.
    CompactUtf16,
}

impl StringEncoding {
    /// The spec's name of the encoding: `utf8`, `utf16` or `latin1+utf16`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Utf8 => "utf8",
            Self::Utf16 => "utf16",
            Self::CompactUtf16 => "latin1+utf16",
        }
    }

    /// Parses the spec's name of an encoding.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "utf8" => Some(Self::Utf8),
            "utf16" => Some(Self::Utf16),
            "latin1+utf16" => Some(Self::CompactUtf16),
            _ => None,
        }
    }
}

/// Default hostcall fuel: how many bytes one call may lift or lower (128 MiB).
pub const DEFAULT_HOSTCALL_FUEL: usize = 128 << 20;

/// Largest byte length of a string (`MAX_STRING_BYTE_LENGTH`, `2^28 - 1`).
pub const MAX_STRING_BYTE_LENGTH: u32 = (1 << 28) - 1;

/// Largest byte length of a list (`MAX_LIST_BYTE_LENGTH`, `2^28 - 1`).
pub const MAX_LIST_BYTE_LENGTH: u32 = (1 << 28) - 1;

/// The tag bit of a `latin1+utf16` string length that marks UTF-16.
pub const UTF16_TAG: u32 = 1 << 31;

/// Most flat core values a function's parameters may take before they spill
/// to memory.
pub const MAX_FLAT_PARAMS: usize = 16;

/// Most flat core values a function's results may take before they spill to
/// memory.
pub const MAX_FLAT_RESULTS: usize = 1;
