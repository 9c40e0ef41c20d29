//! The bytes [`Component::serialize`](crate::Component::serialize) writes:
//! a header naming witbind's version and the backend, the component binary
//! (its plan is translated again, which is quick), and each core module's
//! precompiled form when the backend has one (compiling is what is slow).
//!
//! ```text
//! magic | u32 len, version | u8 backend | u64 len, component | u32 count, { u64 len, module }*
//! ```

use crate::error::Result;
use crate::host::backend::any::BackendKind;

/// What every serialized component starts with.
const MAGIC: &[u8] = b"\0witbind-component\0";

/// The version a serialized component must come from.
const VERSION: &str = concat!("witbind ", env!("CARGO_PKG_VERSION"));

/// A serialized component, taken apart.
pub(crate) struct Serialized<'a> {
    /// The component binary.
    pub(crate) component: &'a [u8],
    /// The precompiled core modules, when the backend has them.
    pub(crate) modules: Vec<&'a [u8]>,
}

/// Writes a serialized component.
pub(crate) fn write(backend: BackendKind, component: &[u8], modules: &[Vec<u8>]) -> Vec<u8> {
    let size = modules.iter().map(|m| m.len() + 8).sum::<usize>() + component.len() + 64;
    let mut out = Vec::with_capacity(size);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(VERSION.len() as u32).to_le_bytes());
    out.extend_from_slice(VERSION.as_bytes());
    out.push(backend_byte(backend));
    out.extend_from_slice(&(component.len() as u64).to_le_bytes());
    out.extend_from_slice(component);
    out.extend_from_slice(&(modules.len() as u32).to_le_bytes());
    for module in modules {
        out.extend_from_slice(&(module.len() as u64).to_le_bytes());
        out.extend_from_slice(module);
    }
    out
}

fn backend_byte(backend: BackendKind) -> u8 {
    match backend {
        BackendKind::Wasmtime => 0,
        BackendKind::Wasmi => 1,
    }
}

/// Reads a serialized component for `backend`: an error names what does
/// not match (not a serialized component, another witbind version, another
/// backend, truncated bytes).
pub(crate) fn read(bytes: &[u8], backend: BackendKind) -> Result<Serialized<'_>> {
    let Some(rest) = bytes.strip_prefix(MAGIC) else {
        anyhow::bail!("not a serialized witbind component (see `Component::serialize`)");
    };
    let mut r = Reader(rest);
    let len = r.u32()? as usize;
    let version = r.take(len)?;
    if version != VERSION.as_bytes() {
        anyhow::bail!(
            "the component was serialized by `{}`, this is `{VERSION}`: serialize it again \
             with this version",
            String::from_utf8_lossy(version)
        );
    }
    let [kind] = r.take(1)? else {
        unreachable!("take(1) gives one byte")
    };
    if *kind != backend_byte(backend) {
        anyhow::bail!(
            "the component was serialized for another backend than this engine's ({backend})"
        );
    }
    let len = usize::try_from(r.u64()?)?;
    let component = r.take(len)?;
    let count = r.u32()?;
    let modules = (0..count)
        .map(|_| {
            let len = usize::try_from(r.u64()?)?;
            r.take(len)
        })
        .collect::<Result<_>>()?;
    if !r.0.is_empty() {
        anyhow::bail!("a serialized witbind component has trailing bytes");
    }
    Ok(Serialized { component, modules })
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, len: usize) -> Result<&'a [u8]> {
        if len > self.0.len() {
            anyhow::bail!("a serialized witbind component is truncated");
        }
        let (head, rest) = self.0.split_at(len);
        self.0 = rest;
        Ok(head)
    }

    fn u32(&mut self) -> Result<u32> {
        let bytes = self.take(4)?;
        Ok(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
    }

    fn u64(&mut self) -> Result<u64> {
        let mut word = [0u8; 8];
        word.copy_from_slice(self.take(8)?);
        Ok(u64::from_le_bytes(word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialized_components_read_back() {
        let bytes = write(BackendKind::Wasmtime, b"comp", &[b"m1".to_vec(), vec![]]);
        let read = read(&bytes, BackendKind::Wasmtime).unwrap();
        assert_eq!(read.component, b"comp");
        assert_eq!(read.modules, [&b"m1"[..], &b""[..]]);
    }

    #[test]
    fn mismatches_are_named() {
        let bytes = write(BackendKind::Wasmtime, b"comp", &[]);
        let err = |bytes: &[u8], kind| format!("{:#}", read(bytes, kind).err().unwrap());
        assert!(err(&bytes, BackendKind::Wasmi).contains("another backend"));
        assert!(err(&bytes[..bytes.len() - 2], BackendKind::Wasmtime).contains("truncated"));
        assert!(err(b"\0asm\x01\0\0\0", BackendKind::Wasmtime).contains("not a serialized"));
        let mut other = bytes.clone();
        let at = MAGIC.len() + 4 + VERSION.len() - 1;
        other[at] ^= 1;
        assert!(err(&other, BackendKind::Wasmtime).contains("serialize it again"));
    }
}
