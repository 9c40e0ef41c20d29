//! Zero-copy, lift-only views of guest strings and lists.
//!
//! A view borrows the guest memory for `'a`, so the memory cannot change
//! while it lives: what was validated when the view was created stays valid.

use std::borrow::Cow;
use std::marker::PhantomData;

use crate::abi::context::LiftContext;
use crate::abi::flat::FlatReader;
use crate::abi::impls::lists::lift_list_bytes;
use crate::abi::impls::{load_pointer_pair, type_mismatch};
use crate::abi::options::StringEncoding;
use crate::abi::strings::{GuestStr, lift_guest_str};
use crate::abi::traits::{ComponentType, Lift};
use crate::error::Result;
use crate::types::Type;

/// A guest `string`, validated when lifted and read in place.
///
/// UTF-8 strings are borrowed as `&str` without a copy; UTF-16 and Latin-1
/// strings are decoded when asked for. Comparisons and hashes are those of
/// the text, whatever the encoding.
#[derive(Debug, Clone, Copy)]
pub struct WasmStr<'a> {
    inner: GuestStr<'a>,
}

impl<'a> WasmStr<'a> {
    /// The string: borrowed when the guest encodes UTF-8, decoded otherwise.
    pub fn to_str(&self) -> Cow<'a, str> {
        self.inner.to_cow()
    }

    /// The string as `&str` when the guest stores UTF-8, `None` otherwise.
    pub fn as_utf8(&self) -> Option<&'a str> {
        match self.inner {
            GuestStr::Utf8(s) => Some(s),
            _ => None,
        }
    }

    /// The encoding the string is stored in.
    pub fn encoding(&self) -> StringEncoding {
        match self.inner {
            GuestStr::Utf8(_) => StringEncoding::Utf8,
            GuestStr::Utf16(_) => StringEncoding::Utf16,
            GuestStr::Latin1(_) => StringEncoding::CompactUtf16,
        }
    }

    /// The string's raw bytes in guest memory.
    pub fn as_bytes(&self) -> &'a [u8] {
        match self.inner {
            GuestStr::Utf8(s) => s.as_bytes(),
            GuestStr::Utf16(b) | GuestStr::Latin1(b) => b,
        }
    }
}

impl PartialEq for WasmStr<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self.as_utf8(), other.as_utf8()) {
            (Some(a), Some(b)) => a == b,
            _ => self.to_str() == other.to_str(),
        }
    }
}

impl Eq for WasmStr<'_> {}

impl PartialOrd for WasmStr<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for WasmStr<'_> {
    fn cmp(&self, other: &Self) -> core::cmp::Ordering {
        self.to_str().cmp(&other.to_str())
    }
}

impl core::hash::Hash for WasmStr<'_> {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.to_str().hash(state);
    }
}

impl ComponentType for WasmStr<'_> {
    const SIZE32: usize = 8;
    const ALIGN32: u32 = 4;
    const FLAT_COUNT: usize = 2;

    fn typecheck(ty: &Type) -> Result<()> {
        match ty {
            Type::String => Ok(()),
            other => Err(type_mismatch("string", other)),
        }
    }
}

impl<'a> Lift<'a> for WasmStr<'a> {
    fn lift_flat(cx: &mut LiftContext<'a>, src: &mut FlatReader<'_>) -> Result<Self> {
        let ptr = src.next_i32()?;
        let len = src.next_i32()?;
        Ok(Self {
            inner: lift_guest_str(cx, ptr, len)?,
        })
    }

    fn load(cx: &mut LiftContext<'a>, bytes: &'a [u8]) -> Result<Self> {
        let (ptr, len) = load_pointer_pair(bytes)?;
        Ok(Self {
            inner: lift_guest_str(cx, ptr, len)?,
        })
    }
}

/// A guest `list<T>`, validated when lifted and read in place.
///
/// Lists of integers can be borrowed as a byte slice ([`WasmList::as_le_bytes`]);
/// every element can be lifted on demand with [`WasmList::get`] or
/// [`WasmList::iter`]. Elements that hold resource handles are refused at
/// compile time: lifting a handle moves it out of the guest's table, once.
///
/// ```compile_fail,E0080
/// use witbind::{FlatReader, Lift, LiftContext, ResourceAny, StringEncoding, WasmList};
///
/// let memory = [0u8; 8];
/// let mut cx = LiftContext::new(&memory, StringEncoding::Utf8);
/// let flat = [0u64, 0];
/// let _ = WasmList::<ResourceAny>::lift_flat(&mut cx, &mut FlatReader::new(&flat));
/// ```
///
/// The same with `u32` elements builds:
///
/// ```
/// use witbind::{FlatReader, Lift, LiftContext, StringEncoding, WasmList};
///
/// let memory = [0u8; 8];
/// let mut cx = LiftContext::new(&memory, StringEncoding::Utf8);
/// let flat = [0u64, 0];
/// let list = WasmList::<u32>::lift_flat(&mut cx, &mut FlatReader::new(&flat))?;
/// assert!(list.is_empty());
/// # Ok::<(), witbind::Error>(())
/// ```
pub struct WasmList<'a, T> {
    memory: &'a [u8],
    bytes: &'a [u8],
    len: usize,
    encoding: StringEncoding,
    element: PhantomData<fn() -> T>,
}

impl<T> Clone for WasmList<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for WasmList<'_, T> {}

impl<T> core::fmt::Debug for WasmList<'_, T> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("WasmList")
            .field("len", &self.len)
            .field("byte_len", &self.bytes.len())
            .finish()
    }
}

impl<'a, T: Lift<'a>> WasmList<'a, T> {
    fn lift(cx: &mut LiftContext<'a>, ptr: u32, len: u32) -> Result<Self> {
        // Lifting a handle moves it out of the guest's table, which a view
        // read lazily, and maybe twice, cannot do once and in order.
        const {
            assert!(
                !T::MAY_HOLD_HANDLES,
                "a `WasmList` cannot hold resource handles: lift the list as a `Vec` instead"
            )
        };
        let bytes = lift_list_bytes(cx, ptr, len, T::SIZE32, T::ALIGN32)?;
        T::validate_list(cx, bytes, len as usize)?;
        Ok(Self {
            memory: cx.memory()?,
            bytes,
            len: len as usize,
            encoding: cx.string_encoding(),
            element: PhantomData,
        })
    }

    /// How many elements the list has.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The list body's bytes, little-endian as the guest stored them.
    pub fn as_le_bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// Lifts element `index`, or `None` past the end.
    pub fn get(&self, index: usize) -> Option<Result<T>> {
        if index >= self.len {
            return None;
        }
        let start = index * T::SIZE32;
        let bytes = self.bytes.get(start..start + T::SIZE32)?;
        let mut cx = LiftContext::new(self.memory, self.encoding);
        Some(T::load(&mut cx, bytes))
    }

    /// Lifts the elements one by one.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = Result<T>> + '_ {
        (0..self.len).map(|i| match self.get(i) {
            Some(item) => item,
            None => Err(anyhow::anyhow!("list element {i} out of range")),
        })
    }
}

/// Lists are equal when they have the same length and equal elements, each
/// lifted for the comparison (an element that fails to lift, which a list
/// validated when lifted does not have, equals nothing).
impl<'a, T: Lift<'a> + PartialEq> PartialEq for WasmList<'a, T> {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len
            && self
                .iter()
                .zip(other.iter())
                .all(|pair| matches!(pair, (Ok(a), Ok(b)) if a == b))
    }
}

impl<'a, T: Lift<'a> + Eq> Eq for WasmList<'a, T> {}

/// Hashes the length and every element, lifted, as a slice of them would.
impl<'a, T: Lift<'a> + core::hash::Hash> core::hash::Hash for WasmList<'a, T> {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        state.write_usize(self.len);
        for element in self.iter().flatten() {
            element.hash(state);
        }
    }
}

impl<'a> WasmList<'a, u8> {
    /// The bytes of a `list<u8>`, borrowed.
    pub fn as_slice(&self) -> &'a [u8] {
        self.bytes
    }
}

impl<T: ComponentType> ComponentType for WasmList<'_, T> {
    const SIZE32: usize = 8;
    const ALIGN32: u32 = 4;
    const FLAT_COUNT: usize = 2;

    fn typecheck(ty: &Type) -> Result<()> {
        <[T]>::typecheck(ty)
    }
}

impl<'a, T: Lift<'a>> Lift<'a> for WasmList<'a, T> {
    fn lift_flat(cx: &mut LiftContext<'a>, src: &mut FlatReader<'_>) -> Result<Self> {
        let ptr = src.next_i32()?;
        let len = src.next_i32()?;
        Self::lift(cx, ptr, len)
    }

    fn load(cx: &mut LiftContext<'a>, bytes: &'a [u8]) -> Result<Self> {
        let (ptr, len) = load_pointer_pair(bytes)?;
        Self::lift(cx, ptr, len)
    }
}

#[cfg(test)]
mod tests {
    use std::hash::{BuildHasher, RandomState};

    use super::*;
    use crate::abi::flat::FlatReader;

    fn lift<'a, T: Lift<'a>>(memory: &'a [u8], encoding: StringEncoding, ptr: u32, len: u32) -> T {
        let mut cx = LiftContext::new(memory, encoding);
        let flat = [u64::from(ptr), u64::from(len)];
        T::lift_flat(&mut cx, &mut FlatReader::new(&flat)).unwrap()
    }

    #[test]
    fn strings_compare_and_hash_by_their_text_in_any_encoding() {
        let mut memory = b"hi\0\0h\0i\0hj".to_vec();
        memory.resize(16, 0);
        let utf8: WasmStr<'_> = lift(&memory, StringEncoding::Utf8, 0, 2);
        let utf16: WasmStr<'_> = lift(&memory, StringEncoding::Utf16, 4, 2);
        let other: WasmStr<'_> = lift(&memory, StringEncoding::Utf8, 8, 2);
        assert_eq!(utf8, utf16);
        assert_ne!(utf8, other);
        assert!(utf8 < other);
        let hasher = RandomState::new();
        assert_eq!(hasher.hash_one(utf8), hasher.hash_one(utf16));
    }

    #[test]
    fn lists_compare_and_hash_by_their_elements() {
        let memory: Vec<u8> = [1u32, 2, 1, 2, 1, 3]
            .iter()
            .flat_map(|n| n.to_le_bytes())
            .collect();
        let a: WasmList<'_, u32> = lift(&memory, StringEncoding::Utf8, 0, 2);
        let b: WasmList<'_, u32> = lift(&memory, StringEncoding::Utf8, 8, 2);
        let c: WasmList<'_, u32> = lift(&memory, StringEncoding::Utf8, 16, 2);
        let shorter: WasmList<'_, u32> = lift(&memory, StringEncoding::Utf8, 0, 1);
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_ne!(a, shorter);
        let hasher = RandomState::new();
        assert_eq!(hasher.hash_one(a), hasher.hash_one(b));
    }
}
