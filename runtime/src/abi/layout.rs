//! `const` layout arithmetic of the Canonical ABI, shared by the typed impls,
//! the derives and the dynamic type model.

/// Rounds `offset` up to a multiple of `align` (a power of two).
#[inline]
pub const fn align_to(offset: usize, align: usize) -> usize {
    (offset + align - 1) & !(align - 1)
}

/// The larger of two sizes, usable in `const` contexts.
#[inline]
pub const fn max(a: usize, b: usize) -> usize {
    if a > b { a } else { b }
}

/// Size in bytes of the discriminant of a variant with `cases` cases: 1, 2 or 4.
#[inline]
pub const fn discriminant_size(cases: usize) -> usize {
    if cases <= 1 << 8 {
        1
    } else if cases <= 1 << 16 {
        2
    } else {
        4
    }
}

/// Size in bytes of a `flags` type with `count` flags (at most 32).
#[inline]
pub const fn flags_size(count: usize) -> usize {
    if count <= 8 {
        1
    } else if count <= 16 {
        2
    } else {
        4
    }
}

/// Offset of a variant's payload: the discriminant rounded up to the largest
/// payload alignment.
#[inline]
pub const fn payload_offset(cases: usize, max_case_align: usize) -> usize {
    align_to(discriminant_size(cases), max_case_align)
}

/// Size of a variant in memory given its case count and the largest payload
/// size and alignment.
#[inline]
pub const fn variant_size(cases: usize, max_case_size: usize, max_case_align: usize) -> usize {
    let align = max(discriminant_size(cases), max_case_align);
    align_to(payload_offset(cases, max_case_align) + max_case_size, align)
}

/// Alignment of a variant given its case count and the largest payload
/// alignment.
#[inline]
pub const fn variant_align(cases: usize, max_case_align: usize) -> usize {
    max(discriminant_size(cases), max_case_align)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discriminant_widths_follow_case_counts() {
        assert_eq!(discriminant_size(1), 1);
        assert_eq!(discriminant_size(256), 1);
        assert_eq!(discriminant_size(257), 2);
        assert_eq!(discriminant_size(65536), 2);
        assert_eq!(discriminant_size(65537), 4);
    }

    #[test]
    fn variant_layout_pads_payload() {
        // option<u64>: 1-byte discriminant, payload at 8, size 16.
        assert_eq!(payload_offset(2, 8), 8);
        assert_eq!(variant_size(2, 8, 8), 16);
        // enum of 300 cases: 2-byte discriminant, no payload.
        assert_eq!(variant_size(300, 0, 1), 2);
        assert_eq!(variant_align(300, 1), 2);
    }
}
