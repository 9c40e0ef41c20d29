//! The string transcoders a fused adapter calls when the caller and the
//! callee of a call between sub-components use different string encodings
//! (or different memories): one host function per operation
//! wasmtime-environ's adapter compiler asks for, with the contract its
//! adapters rely on. The adapter has already checked alignment and bounds
//! and allocated the destination; these functions check bounds again (the
//! host never trusts a pointer), validate the source as the spec requires
//! and report what they read and wrote.

use wasmtime_environ::component::{FixedEncoding, Transcode};

use crate::abi::flat::FlatType;
use crate::abi::memory::check_range;
use crate::error::{Result, Trap, trap};
use crate::val::CoreFuncType;

/// The bit a `utf16-to-compact-probably-utf16` result carries when the
/// string stayed UTF-16 (the Canonical ABI's `UTF16_TAG`).
const UTF16_TAG: u64 = 1 << 31;

/// A transcoder's core signature (32-bit memories).
pub(crate) fn signature(op: Transcode) -> CoreFuncType {
    let i32 = FlatType::I32;
    let (params, results) = match op {
        Transcode::Copy(_) | Transcode::Latin1ToUtf16 => (3, 0),
        Transcode::Utf8ToUtf16 | Transcode::Utf16ToCompactProbablyUtf16 => (3, 1),
        Transcode::Utf16ToUtf8 | Transcode::Latin1ToUtf8 => (5, 2),
        Transcode::Utf8ToLatin1 | Transcode::Utf16ToLatin1 => (3, 2),
        Transcode::Utf8ToCompactUtf16 | Transcode::Utf16ToCompactUtf16 => (5, 1),
    };
    CoreFuncType {
        params: vec![i32; params],
        results: vec![i32; results],
    }
}

/// Whether `op` reads UTF-16 (two bytes per code unit).
fn reads_utf16(op: Transcode) -> bool {
    matches!(
        op,
        Transcode::Copy(FixedEncoding::Utf16)
            | Transcode::Utf16ToUtf8
            | Transcode::Utf16ToCompactProbablyUtf16
            | Transcode::Utf16ToLatin1
            | Transcode::Utf16ToCompactUtf16
    )
}

/// The source range `op` reads, in bytes: `(ptr, len)` from its arguments.
pub(crate) fn source_range(op: Transcode, args: &[u64]) -> (u32, u64) {
    let units = u64::from(arg(args, 1));
    let bytes = if reads_utf16(op) { units * 2 } else { units };
    (arg(args, 0), bytes)
}

/// The destination range `op` may write, in bytes.
fn destination_range(op: Transcode, args: &[u64]) -> (u32, u64) {
    let len = u64::from(arg(args, 1));
    let dst_len = u64::from(arg(args, 3));
    let bytes = match op {
        Transcode::Copy(FixedEncoding::Utf8 | FixedEncoding::Latin1)
        | Transcode::Utf8ToLatin1
        | Transcode::Utf16ToLatin1 => len,
        Transcode::Copy(FixedEncoding::Utf16)
        | Transcode::Latin1ToUtf16
        | Transcode::Utf8ToUtf16
        | Transcode::Utf16ToCompactProbablyUtf16 => len * 2,
        Transcode::Utf16ToUtf8 | Transcode::Latin1ToUtf8 => dst_len,
        Transcode::Utf8ToCompactUtf16 | Transcode::Utf16ToCompactUtf16 => dst_len * 2,
    };
    (arg(args, 2), bytes)
}

#[inline]
fn arg(args: &[u64], i: usize) -> u32 {
    args.get(i).copied().unwrap_or(0) as u32
}

/// Runs `op` on `src` (the bytes the source range held, at guest address
/// `src_ptr`) into the memory `dst_memory`, with the adapter's arguments
/// `args`; the results are left at the start of `args`.
pub(crate) fn run(
    op: Transcode,
    src: &[u8],
    dst_memory: &mut [u8],
    args: &mut [u64],
) -> Result<()> {
    let src_ptr = arg(args, 0);
    let (dst_ptr, dst_bytes) = destination_range(op, args);
    let range = check_range(dst_ptr, dst_bytes, dst_memory.len())?;
    let dst = &mut dst_memory[range];
    let (count, results): (usize, [u64; 2]) = match op {
        Transcode::Copy(FixedEncoding::Utf8) => {
            let text = utf8(src, src_ptr)?;
            dst.copy_from_slice(text.as_bytes());
            (0, [0, 0])
        }
        Transcode::Copy(FixedEncoding::Latin1) => {
            dst.copy_from_slice(src);
            (0, [0, 0])
        }
        Transcode::Copy(FixedEncoding::Utf16) => {
            let (written, _) = utf16_to_utf16(src, src_ptr, dst)?;
            debug_assert_eq!(written * 2, dst.len());
            (0, [0, 0])
        }
        Transcode::Latin1ToUtf16 => {
            for (byte, out) in src.iter().zip(dst.chunks_exact_mut(2)) {
                out.copy_from_slice(&u16::from(*byte).to_le_bytes());
            }
            (0, [0, 0])
        }
        Transcode::Utf8ToUtf16 => (1, [utf8_to_utf16(src, src_ptr, dst)? as u64, 0]),
        Transcode::Utf16ToUtf8 => {
            let (read, written) = utf16_to_utf8(src, src_ptr, dst, arg(args, 4) != 0)?;
            (2, [read as u64, written as u64])
        }
        Transcode::Latin1ToUtf8 => {
            let first_pass = arg(args, 4) != 0;
            let stop = match first_pass {
                true => src.iter().position(|b| *b >= 0x80).unwrap_or(src.len()),
                false => src.len(),
            };
            let (read, written) =
                encoding_rs::mem::convert_latin1_to_utf8_partial(&src[..stop], dst);
            (2, [read as u64, written as u64])
        }
        Transcode::Utf16ToCompactProbablyUtf16 => {
            let len = src.len() / 2;
            let (_, all_latin1) = utf16_to_utf16(src, src_ptr, dst)?;
            if all_latin1 {
                // Deflate in place: each code unit's low byte, in order.
                for i in 0..len {
                    dst[i] = dst[2 * i];
                }
                (1, [len as u64, 0])
            } else {
                (1, [len as u64 | UTF16_TAG, 0])
            }
        }
        Transcode::Utf8ToLatin1 => {
            let read = encoding_rs::mem::utf8_latin1_up_to(src);
            let written = encoding_rs::mem::convert_utf8_to_latin1_lossy(&src[..read], dst);
            (2, [read as u64, written as u64])
        }
        Transcode::Utf16ToLatin1 => {
            let mut count = 0;
            for (unit, out) in src.chunks_exact(2).zip(dst.iter_mut()) {
                match u8::try_from(u16::from_le_bytes([unit[0], unit[1]])) {
                    Ok(byte) => *out = byte,
                    Err(_) => break,
                }
                count += 1;
            }
            (2, [count, count])
        }
        Transcode::Utf8ToCompactUtf16 | Transcode::Utf16ToCompactUtf16 => {
            let so_far = arg(args, 4) as usize;
            let rest = inflate_latin1(dst, so_far)?;
            let written = match op {
                Transcode::Utf8ToCompactUtf16 => utf8_to_utf16(src, src_ptr, rest)?,
                _ => utf16_to_utf16(src, src_ptr, rest)?.0,
            };
            (1, [(written + so_far) as u64, 0])
        }
    };
    for (slot, value) in args.iter_mut().zip(&results[..count]) {
        *slot = *value;
    }
    Ok(())
}

fn utf8(src: &[u8], ptr: u32) -> Result<&str> {
    match simdutf8::basic::from_utf8(src) {
        Ok(text) => Ok(text),
        Err(_) => trap(Trap::InvalidUtf8 { ptr }),
    }
}

/// UTF-8 to UTF-16 code units in `dst` (room for as many units as `src`
/// has bytes); returns the units written.
fn utf8_to_utf16(src: &[u8], ptr: u32, dst: &mut [u8]) -> Result<usize> {
    let text = utf8(src, ptr)?;
    let mut written = 0;
    for (unit, out) in text.encode_utf16().zip(dst.chunks_exact_mut(2)) {
        out.copy_from_slice(&unit.to_le_bytes());
        written += 1;
    }
    Ok(written)
}

/// Validates and copies UTF-16 code units; returns the units written and
/// whether every character fits in latin1.
fn utf16_to_utf16(src: &[u8], ptr: u32, dst: &mut [u8]) -> Result<(usize, bool)> {
    let units = src
        .chunks_exact(2)
        .map(|u| u16::from_le_bytes([u[0], u[1]]));
    let mut all_latin1 = true;
    let mut at = 0;
    for ch in char::decode_utf16(units) {
        let Ok(ch) = ch else {
            return trap(Trap::InvalidUtf16 { ptr });
        };
        all_latin1 &= u32::from(ch) <= 0xff;
        let mut buf = [0u16; 2];
        for unit in ch.encode_utf16(&mut buf) {
            let Some(out) = dst.get_mut(at..at + 2) else {
                return trap(Trap::OutOfBounds {
                    ptr,
                    len: src.len() as u64,
                    memory_len: dst.len(),
                });
            };
            out.copy_from_slice(&unit.to_le_bytes());
            at += 2;
        }
    }
    Ok((at / 2, all_latin1))
}

/// UTF-16 to UTF-8, stopping where `dst` has no room for the next
/// character (or, in the first pass, at the first character past ASCII);
/// returns the code units read and the bytes written.
fn utf16_to_utf8(src: &[u8], ptr: u32, dst: &mut [u8], first_pass: bool) -> Result<(usize, usize)> {
    let units = src
        .chunks_exact(2)
        .map(|u| u16::from_le_bytes([u[0], u[1]]));
    let (mut read, mut written) = (0, 0);
    for ch in char::decode_utf16(units) {
        let Ok(ch) = ch else {
            return trap(Trap::InvalidUtf16 { ptr });
        };
        if first_pass && u32::from(ch) >= 0x80 {
            break;
        }
        let room = dst.len() - written;
        if room < ch.len_utf8() {
            break;
        }
        read += ch.len_utf16();
        written += ch.encode_utf8(&mut dst[written..]).len();
    }
    Ok((read, written))
}

/// Widens the `so_far` latin1 bytes at the start of `dst` to UTF-16 code
/// units in place, and returns the rest of `dst`.
fn inflate_latin1(dst: &mut [u8], so_far: usize) -> Result<&mut [u8]> {
    if so_far * 2 > dst.len() {
        return trap(Trap::OutOfBounds {
            ptr: 0,
            len: so_far as u64 * 2,
            memory_len: dst.len(),
        });
    }
    for i in (0..so_far).rev() {
        dst[2 * i] = dst[i];
        dst[2 * i + 1] = 0;
    }
    Ok(&mut dst[so_far * 2..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str) -> Vec<u8> {
        text.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    /// Runs `op` with the source at address 0 of its own memory and the
    /// destination at address 0 of a memory of `dst_len` bytes.
    fn transcode(
        op: Transcode,
        src: &[u8],
        units: u32,
        extra: &[u64],
        dst_len: usize,
    ) -> (Vec<u64>, Vec<u8>) {
        let mut args = vec![0, u64::from(units), 0];
        args.extend_from_slice(extra);
        let mut dst = vec![0xaa; dst_len];
        run(op, src, &mut dst, &mut args).unwrap();
        (args, dst)
    }

    #[test]
    fn utf8_becomes_utf16_and_back() {
        let text = "héllo wörld ☃ 𝄞";
        let (args, dst) = transcode(
            Transcode::Utf8ToUtf16,
            text.as_bytes(),
            text.len() as u32,
            &[],
            text.len() * 2,
        );
        let written = args[0] as usize;
        assert_eq!(&dst[..written * 2], utf16(text));
        let src = utf16(text);
        let units = src.len() as u32 / 2;
        // Second pass, with room for everything.
        let (args, dst) = transcode(Transcode::Utf16ToUtf8, &src, units, &[64, 0], 64);
        assert_eq!((args[0], args[1]), (u64::from(units), text.len() as u64));
        assert_eq!(&dst[..text.len()], text.as_bytes());
    }

    #[test]
    fn the_first_pass_stops_at_the_first_character_past_ascii() {
        let src = utf16("abcé");
        let (args, dst) = transcode(Transcode::Utf16ToUtf8, &src, 4, &[4, 1], 4);
        assert_eq!((args[0], args[1]), (3, 3));
        assert_eq!(&dst[..3], b"abc");
        let (args, _) = transcode(Transcode::Latin1ToUtf8, b"ab\xe9c", 4, &[4, 1], 4);
        assert_eq!((args[0], args[1]), (2, 2));
    }

    #[test]
    fn utf16_to_utf8_stops_where_the_destination_is_full() {
        let src = utf16("a☃");
        let (args, _) = transcode(Transcode::Utf16ToUtf8, &src, 2, &[3, 0], 3);
        assert_eq!((args[0], args[1]), (1, 1));
    }

    #[test]
    fn compact_utf16_deflates_latin1_and_tags_the_rest() {
        let src = utf16("café");
        let (args, dst) = transcode(Transcode::Utf16ToCompactProbablyUtf16, &src, 4, &[], 8);
        assert_eq!(args[0], 4);
        assert_eq!(&dst[..4], b"caf\xe9");
        let src = utf16("ca☃");
        let (args, dst) = transcode(Transcode::Utf16ToCompactProbablyUtf16, &src, 3, &[], 6);
        assert_eq!(args[0], 3 | UTF16_TAG);
        assert_eq!(dst, src);
    }

    #[test]
    fn utf8_to_latin1_stops_at_the_first_non_latin1_character() {
        let text = "café☃x";
        let (args, dst) = transcode(
            Transcode::Utf8ToLatin1,
            text.as_bytes(),
            text.len() as u32,
            &[],
            text.len(),
        );
        assert_eq!((args[0], args[1]), (5, 4));
        assert_eq!(&dst[..4], b"caf\xe9");
        // The rest goes on as UTF-16 after the latin1 prefix is inflated.
        let mut dst = vec![0; 16];
        dst[..4].copy_from_slice(b"caf\xe9");
        let rest = &text.as_bytes()[5..];
        let mut args = vec![0, rest.len() as u64, 0, 8, 4];
        run(Transcode::Utf8ToCompactUtf16, rest, &mut dst, &mut args).unwrap();
        assert_eq!(args[0], 6);
        assert_eq!(&dst[..12], utf16("café☃x"));
    }

    #[test]
    fn utf16_to_latin1_reports_the_latin1_prefix() {
        let src = utf16("ab☃");
        let (args, dst) = transcode(Transcode::Utf16ToLatin1, &src, 3, &[], 3);
        assert_eq!((args[0], args[1]), (2, 2));
        assert_eq!(&dst[..2], b"ab");
    }

    #[test]
    fn invalid_sources_trap_with_their_encoding() {
        let mut dst = vec![0; 8];
        let mut args = vec![0x40, 2, 0];
        let err = run(
            Transcode::Copy(FixedEncoding::Utf8),
            b"\xff\xfe",
            &mut dst,
            &mut args,
        )
        .unwrap_err();
        assert_eq!(
            err.downcast_ref::<Trap>(),
            Some(&Trap::InvalidUtf8 { ptr: 0x40 })
        );
        let mut args = vec![0x40, 1, 0];
        let err = run(
            Transcode::Copy(FixedEncoding::Utf16),
            &0xd800u16.to_le_bytes(),
            &mut dst,
            &mut args,
        )
        .unwrap_err();
        assert_eq!(
            err.downcast_ref::<Trap>(),
            Some(&Trap::InvalidUtf16 { ptr: 0x40 })
        );
    }

    #[test]
    fn a_destination_past_the_memory_traps() {
        let mut dst = vec![0; 4];
        let mut args = vec![0, 4, 2];
        let err = run(
            Transcode::Copy(FixedEncoding::Latin1),
            b"abcd",
            &mut dst,
            &mut args,
        )
        .unwrap_err();
        assert!(matches!(
            err.downcast_ref::<Trap>(),
            Some(Trap::OutOfBounds { .. })
        ));
    }
}
