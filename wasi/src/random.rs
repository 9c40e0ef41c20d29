//! `wasi:random`: OS randomness (`getrandom`), a fast generator for the
//! insecure interface, and the host's overrides.

use crate::bindings::wasi::random::{insecure, insecure_seed, random};
use crate::ctx::WasiCtx;

/// Where a guest's random bytes come from.
pub(crate) trait RandomSource: Send {
    fn fill(&mut self, bytes: &mut [u8]) -> witbind::Result<()>;
    fn u64(&mut self) -> witbind::Result<u64>;
}

/// A host's generator is drawn from as wasmtime-wasi draws from it (a
/// `u32` per byte, keeping its low byte; a `u64` at once), so the same
/// seeded generator gives a guest the same values under both hosts.
impl<R: rand::Rng + Send> RandomSource for R {
    fn fill(&mut self, bytes: &mut [u8]) -> witbind::Result<()> {
        for byte in bytes {
            *byte = self.next_u32() as u8;
        }
        Ok(())
    }

    fn u64(&mut self) -> witbind::Result<u64> {
        Ok(self.next_u64())
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

    fn u64(&mut self) -> witbind::Result<u64> {
        getrandom::u64().map_err(|e| {
            anyhow::anyhow!("wasi:random: the operating system gave no random bytes: {e}")
        })
    }
}

/// The most random bytes one call gives (as wasmtime-wasi's default): a
/// guest asking for more traps instead of making the host allocate it.
pub const MAX_RANDOM_SIZE: u64 = 64 << 20;

/// `len` random bytes from `source`, at most [`MAX_RANDOM_SIZE`].
fn bytes(source: &mut dyn RandomSource, len: u64) -> witbind::Result<Vec<u8>> {
    if len > MAX_RANDOM_SIZE {
        anyhow::bail!(
            "wasi:random: {len} random bytes asked for in one call; at most {MAX_RANDOM_SIZE} \
             are given"
        );
    }
    let mut buf = vec![0; len as usize];
    source.fill(&mut buf)?;
    Ok(buf)
}

impl random::Host for WasiCtx {
    fn get_random_bytes(&mut self, len: u64) -> witbind::Result<Vec<u8>> {
        bytes(self.secure_random.as_mut(), len)
    }

    fn get_random_u64(&mut self) -> witbind::Result<u64> {
        self.secure_random.u64()
    }
}

impl insecure::Host for WasiCtx {
    fn get_insecure_random_bytes(&mut self, len: u64) -> witbind::Result<Vec<u8>> {
        bytes(self.insecure_random.as_mut(), len)
    }

    fn get_insecure_random_u64(&mut self) -> witbind::Result<u64> {
        self.insecure_random.u64()
    }
}

impl insecure_seed::Host for WasiCtx {
    fn insecure_seed(&mut self) -> witbind::Result<(u64, u64)> {
        Ok(self.insecure_seed)
    }
}
