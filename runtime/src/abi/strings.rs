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
    check_string_length(s.len() as u64)?;
    let len = s.len() as u32;
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

/// [`Trap::StringTooLong`] when `byte_length` exceeds `MAX_STRING_BYTE_LENGTH`.
fn check_string_length(byte_length: u64) -> Result<()> {
    if byte_length > u64::from(MAX_STRING_BYTE_LENGTH) {
        return trap(Trap::StringTooLong {
            byte_length,
            max: MAX_STRING_BYTE_LENGTH,
        });
    }
    Ok(())
}

/// Encodes `s` as UTF-16LE into `dst` (at least `2 * s.len()` bytes) and
/// returns how many code units it wrote. Vectorized through `encoding_rs`
/// when `dst` can be viewed as `u16`s.
fn encode_utf16(s: &str, dst: &mut [u8]) -> usize {
    if cfg!(target_endian = "little")
        && let Ok(units) = bytemuck::try_cast_slice_mut::<u8, u16>(dst)
    {
        return encoding_rs::mem::convert_str_to_utf16(s, units);
    }
    let mut written = 0;
    for (pair, unit) in dst.chunks_exact_mut(2).zip(s.encode_utf16()) {
        pair.copy_from_slice(&unit.to_le_bytes());
        written += 1;
    }
    written
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
    let units = encode_utf16(s, cx.slice_mut(ptr as usize, worst as usize)?) as u32;
    if 2 * units < worst {
        ptr = cx.realloc(ptr, worst, 2, 2 * units)?;
    }
    Ok((ptr, units))
}

/// `store_string_to_latin1_or_utf16`: write Latin-1 in place; at the first
/// character above U+00FF grow to the UTF-16 worst case, inflate what was
/// written, and finish in UTF-16. Every byte lands where the spec puts it,
/// including the Latin-1 prefix left behind at the first allocation.
fn lower_latin1_or_utf16<M: GuestMemory + ?Sized>(
    cx: &mut LowerContext<'_, M>,
    s: &str,
    len: u32,
) -> Result<(u32, u32)> {
    cx.consume_fuel(u64::from(len))?;
    let mut ptr = cx.realloc(0, 0, 2, len)?;
    let prefix = encoding_rs::mem::str_latin1_up_to(s);
    let dst = cx.slice_mut(ptr as usize, len as usize)?;
    let latin1_len = encoding_rs::mem::convert_utf8_to_latin1_lossy(&s.as_bytes()[..prefix], dst);
    if prefix == s.len() {
        let latin1_len = latin1_len as u32;
        if latin1_len < len {
            ptr = cx.realloc(ptr, len, 2, latin1_len)?;
        }
        return Ok((ptr, latin1_len));
    }
    let worst = 2 * len;
    cx.consume_fuel(u64::from(worst))?;
    ptr = cx.realloc(ptr, len, 2, worst)?;
    let dst = cx.slice_mut(ptr as usize, worst as usize)?;
    for j in (0..latin1_len).rev() {
        dst[2 * j] = dst[j];
        dst[2 * j + 1] = 0;
    }
    let units = (latin1_len + encode_utf16(&s[prefix..], &mut dst[2 * latin1_len..])) as u32;
    if worst > 2 * units {
        ptr = cx.realloc(ptr, worst, 2, 2 * units)?;
    }
    Ok((ptr, units | UTF16_TAG))
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
            GuestStr::Utf16(bytes) => Cow::Owned(decode_utf16(&utf16_units(bytes))),
            GuestStr::Latin1(bytes) => encoding_rs::mem::decode_latin1(bytes),
        }
    }
}

/// The code units of UTF-16LE `bytes`: borrowed when the host is
/// little-endian and the bytes are 2-aligned in host memory, copied otherwise.
fn utf16_units(bytes: &[u8]) -> Cow<'_, [u16]> {
    if cfg!(target_endian = "little")
        && let Ok(units) = bytemuck::try_cast_slice::<u8, u16>(bytes)
    {
        return Cow::Borrowed(units);
    }
    Cow::Owned(
        bytes
            .chunks_exact(2)
            .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
            .collect(),
    )
}

/// Decodes valid UTF-16 into a `String` (vectorized through `encoding_rs`).
fn decode_utf16(units: &[u16]) -> String {
    // Each code unit becomes at most 3 UTF-8 bytes; NULs keep the buffer a
    // valid `str` until it is written over and truncated.
    let mut out = "\0".repeat(units.len() * 3);
    let written = encoding_rs::mem::convert_utf16_to_str(units, out.as_mut_str());
    out.truncate(written);
    out
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
    check_string_length(byte_length)?;
    let bytes = cx.guest_range(ptr, byte_length, align)?;
    cx.consume_fuel(byte_length)?;
    Ok(match kind {
        Kind::Utf8 => match simdutf8::basic::from_utf8(bytes) {
            Ok(s) => GuestStr::Utf8(s),
            Err(_) => return trap(Trap::InvalidUtf8 { ptr }),
        },
        Kind::Utf16 => {
            let units = utf16_units(bytes);
            if encoding_rs::mem::utf16_valid_up_to(&units) != units.len() {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::VecMemory;

    fn bump_memory() -> VecMemory {
        crate::BumpAllocator::new(8).memory(vec![0; 1 << 16])
    }

    #[test]
    fn strings_round_trip_in_every_encoding() {
        let samples = [
            "",
            "plain ascii",
            "café au lait",
            "ÿ then Ā",
            "日本語",
            "emoji 🦀 and é",
            "Ā",
        ];
        for encoding in [
            StringEncoding::Utf8,
            StringEncoding::Utf16,
            StringEncoding::CompactUtf16,
        ] {
            for sample in samples {
                let mut memory = bump_memory();
                let (ptr, len) =
                    lower_string(&mut LowerContext::new(&mut memory, encoding), sample).unwrap();
                let mut cx = LiftContext::new(memory.bytes(), encoding);
                let lifted = lift_string(&mut cx, ptr, len).unwrap();
                assert_eq!(lifted, sample, "{encoding:?}");
            }
        }
    }

    #[test]
    fn compact_utf16_tags_only_strings_beyond_latin1() {
        let mut memory = bump_memory();
        let mut cx = LowerContext::new(&mut memory, StringEncoding::CompactUtf16);
        let (_, len) = lower_string(&mut cx, "café").unwrap();
        assert_eq!(len, 4);
        let (_, len) = lower_string(&mut cx, "caĀ").unwrap();
        assert_eq!(len, 3 | UTF16_TAG);
    }
}
