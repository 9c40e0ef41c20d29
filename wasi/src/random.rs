//! `wasi:random`: OS randomness (`getrandom`), a fast generator for the
//! insecure interface, and the host's overrides.

use crate::bindings::wasi::random::{insecure, insecure_seed, random};
use crate::ctx::WasiCtx;
use crate::streams::bounded;

/// Where a guest's random bytes come from.
pub(crate) trait RandomSource: Send {
    fn fill(&mut self, bytes: &mut [u8]) -> witbind::Result<()>;
}

impl<R: rand::Rng + Send> RandomSource for R {
    fn fill(&mut self, bytes: &mut [u8]) -> witbind::Result<()> {
        self.fill_bytes(bytes);
        Ok(())
    }
}

/// The operating system's randomness.
pub(crate) struct OsRandom;

impl OsRandom {
    /// A random seed. An OS without randomness gets a seed from the clock:
    /// only the insecure generator and seed use it.
    pub(crate) fn seed() -> u64 {
        getrandom::u64().unwrap_or_else(|_| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos() as u64)
        })
    }
}

impl RandomSource for OsRandom {
    fn fill(&mut self, bytes: &mut [u8]) -> witbind::Result<()> {
        getrandom::fill(bytes).map_err(|e| {
            anyhow::anyhow!("wasi:random: the operating system gave no random bytes: {e}")
        })
    }
}

/// `len` random bytes from `source`, at most [`MAX_BUFFER`](crate::MAX_BUFFER)
/// at a time: a guest asking for more gets an error, not a huge host
/// allocation.
fn bytes(source: &mut dyn RandomSource, len: u64) -> witbind::Result<Vec<u8>> {
    let n = bounded(len);
    if n as u64 != len {
        anyhow::bail!(
            "wasi:random: {len} random bytes asked for in one call; at most {} are given",
            crate::MAX_BUFFER
        );
    }
    let mut buf = vec![0; n];
    source.fill(&mut buf)?;
    Ok(buf)
}

fn u64_from(source: &mut dyn RandomSource) -> witbind::Result<u64> {
    let mut buf = [0; 8];
    source.fill(&mut buf)?;
    Ok(u64::from_le_bytes(buf))
}

impl random::Host for WasiCtx {
    fn get_random_bytes(&mut self, len: u64) -> witbind::Result<Vec<u8>> {
        bytes(self.secure_random.as_mut(), len)
    }

    fn get_random_u64(&mut self) -> witbind::Result<u64> {
        u64_from(self.secure_random.as_mut())
    }
}

impl insecure::Host for WasiCtx {
    fn get_insecure_random_bytes(&mut self, len: u64) -> witbind::Result<Vec<u8>> {
        bytes(self.insecure_random.as_mut(), len)
    }

    fn get_insecure_random_u64(&mut self) -> witbind::Result<u64> {
        u64_from(self.insecure_random.as_mut())
    }
}

impl insecure_seed::Host for WasiCtx {
    fn insecure_seed(&mut self) -> witbind::Result<(u64, u64)> {
        Ok(self.insecure_seed)
    }
}
