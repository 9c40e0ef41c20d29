//! Strings across the boundary in the three encodings, with the spec's exact
//! sequence of `realloc` calls and its traps.
//!
//! Host strings are UTF-8. Lowering follows `store_string_into_range` for a
//! UTF-8 source; lifting follows `load_string_from_range`.

use std::borrow::Cow;

use crate::abi::context::{LiftContext, LowerContext};
use crate::abi::memory::GuestMemory;
use crate::abi::options::{MAX_STRING_BYTE_LENGTH, StringEncoding, UTF16_TAG};
use crate::error::{Result, Trap, trap};

/// Copies `s` into guest memory in the guest's encoding and returns the
/// pointer and the (tagged) code-unit length.
pub fn lower_string<M: GuestMemory + ?Sized>(
    cx: &mut LowerContext<'_, M>,
    s: &str,
) -> Result<(u32, u32)> {
    let len = s.len();
    if len > MAX_STRING_BYTE_LENGTH as usize {
        return trap(Trap::StringTooLong {
            byte_length: len as u64,
            max: MAX_STRING_BYTE_LENGTH,
        });
    }
    let len = len as u32;
    match cx.string_encoding() {
        StringEncoding::Utf8 => {
            cx.consume_fuel(u64::from(len))?;
            let ptr = cx.realloc(0, 0, 1, len)?;
            cx.write_slice(ptr as usize, s.as_bytes())?;
            Ok((ptr, len))
        }
        StringEncoding::Utf16 => lower_utf16(cx, s, len),
        StringEncoding::CompactUtf16 => lower_latin1_or_utf16(cx, s, len),
    }
}

/// Writes the UTF-16LE code units of `units` at `offset`.
fn write_utf16<M: GuestMemory + ?Sized>(
    cx: &mut LowerContext<'_, M>,
    offset: usize,
    units: impl Iterator<Item = u16>,
    count: usize,
) -> Result<()> {
    let dst = cx.slice_mut(offset, 2 * count)?;
    for (pair, unit) in dst.chunks_exact_mut(2).zip(units) {
        pair.copy_from_slice(&unit.to_le_bytes());
    }
    Ok(())
}

/// `store_utf8_to_utf16`: allocate the worst case (two bytes per UTF-8 byte),
/// encode, then shrink to what was used.
fn lower_utf16<M: GuestMemory + ?Sized>(
    cx: &mut LowerContext<'_, M>,
    s: &str,
    len: u32,
) -> Result<(u32, u32)> {
    let worst = 2 * len;
    cx.consume_fuel(u64::from(worst))?;
    let mut ptr = cx.realloc(0, 0, 2, worst)?;
    let units = s.encode_utf16().count();
    write_utf16(cx, ptr as usize, s.encode_utf16(), units)?;
    let used = 2 * units as u32;
    if used < worst {
        ptr = cx.realloc(ptr, worst, 2, used)?;
    }
    Ok((ptr, units as u32))
}

/// `store_string_to_latin1_or_utf16`: try Latin-1 in place; at the first
/// character above U+00FF grow to the UTF-16 worst case, inflate what was
/// written, and finish in UTF-16.
fn lower_latin1_or_utf16<M: GuestMemory + ?Sized>(
    cx: &mut LowerContext<'_, M>,
    s: &str,
    len: u32,
) -> Result<(u32, u32)> {
    cx.consume_fuel(u64::from(len))?;
    let mut ptr = cx.realloc(0, 0, 2, len)?;
    if s.is_ascii() {
        cx.write_slice(ptr as usize, s.as_bytes())?;
        return Ok((ptr, len));
    }
    let mut latin1_len = 0usize;
    for c in s.chars() {
        let code = u32::from(c);
        if code < 0x100 {
            cx.write(ptr as usize + latin1_len, [code as u8])?;
            latin1_len += 1;
            continue;
        }
        let worst = 2 * len;
        cx.consume_fuel(u64::from(worst))?;
        ptr = cx.realloc(ptr, len, 2, worst)?;
        let dst = cx.slice_mut(ptr as usize, 2 * latin1_len)?;
        for j in (0..latin1_len).rev() {
            dst[2 * j] = dst[j];
            dst[2 * j + 1] = 0;
        }
        let units = s.encode_utf16().count();
        write_utf16(
            cx,
            ptr as usize + 2 * latin1_len,
            s.encode_utf16().skip(latin1_len),
            units - latin1_len,
        )?;
        let used = 2 * units as u32;
        if worst > used {
            ptr = cx.realloc(ptr, worst, 2, used)?;
        }
        return Ok((ptr, units as u32 | UTF16_TAG));
    }
    let latin1_len = latin1_len as u32;
    if latin1_len < len {
        ptr = cx.realloc(ptr, len, 2, latin1_len)?;
    }
    Ok((ptr, latin1_len))
}

/// A string in guest memory whose bounds, alignment and encoding were checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GuestStr<'a> {
    /// Valid UTF-8, borrowed as is.
    Utf8(&'a str),
    /// Valid UTF-16LE code units.
    Utf16(&'a [u8]),
    /// Latin-1 bytes (always valid).
    Latin1(&'a [u8]),
}

impl<'a> GuestStr<'a> {
    /// The string, borrowed when it is UTF-8 in memory, decoded otherwise.
    pub(crate) fn to_cow(self) -> Cow<'a, str> {
        match self {
            GuestStr::Utf8(s) => Cow::Borrowed(s),
            GuestStr::Utf16(bytes) => Cow::Owned(
                char::decode_utf16(utf16_units(bytes))
                    .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                    .collect(),
            ),
            GuestStr::Latin1(bytes) => Cow::Owned(bytes.iter().map(|&b| char::from(b)).collect()),
        }
    }
}

fn utf16_units(bytes: &[u8]) -> impl Iterator<Item = u16> + '_ {
    bytes
        .chunks_exact(2)
        .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
}

/// `load_string_from_range`: checks the length limit, alignment, bounds and
/// encoding of the string at `ptr` with (tagged) length `tagged_len`.
pub(crate) fn lift_guest_str<'a>(
    cx: &mut LiftContext<'a>,
    ptr: u32,
    tagged_len: u32,
) -> Result<GuestStr<'a>> {
    enum Kind {
        Utf8,
        Utf16,
        Latin1,
    }
    let (kind, align, byte_length) = match cx.string_encoding() {
        StringEncoding::Utf8 => (Kind::Utf8, 1, u64::from(tagged_len)),
        StringEncoding::Utf16 => (Kind::Utf16, 2, 2 * u64::from(tagged_len)),
        StringEncoding::CompactUtf16 if tagged_len & UTF16_TAG != 0 => {
            (Kind::Utf16, 2, 2 * u64::from(tagged_len ^ UTF16_TAG))
        }
        StringEncoding::CompactUtf16 => (Kind::Latin1, 2, u64::from(tagged_len)),
    };
    if byte_length > u64::from(MAX_STRING_BYTE_LENGTH) {
        return trap(Trap::StringTooLong {
            byte_length,
            max: MAX_STRING_BYTE_LENGTH,
        });
    }
    let bytes = cx.guest_range(ptr, byte_length, align)?;
    cx.consume_fuel(byte_length)?;
    Ok(match kind {
        Kind::Utf8 => match simdutf8::basic::from_utf8(bytes) {
            Ok(s) => GuestStr::Utf8(s),
            Err(_) => return trap(Trap::InvalidUtf8 { ptr }),
        },
        Kind::Utf16 => {
            if char::decode_utf16(utf16_units(bytes)).any(|c| c.is_err()) {
                return trap(Trap::InvalidUtf16 { ptr });
            }
            GuestStr::Utf16(bytes)
        }
        Kind::Latin1 => GuestStr::Latin1(bytes),
    })
}

/// Lifts the string at `ptr` into host form: borrowed when UTF-8 in memory.
pub fn lift_string<'a>(
    cx: &mut LiftContext<'a>,
    ptr: u32,
    tagged_len: u32,
) -> Result<Cow<'a, str>> {
    Ok(lift_guest_str(cx, ptr, tagged_len)?.to_cow())
}
