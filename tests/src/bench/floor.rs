//! Each engine's floor: a call of a core wasm `nop` through the engine's own typed API
//! (`wasmtime::TypedFunc`, `wasmi::TypedFunc`), the least any component call on that engine
//! can cost. `bench-report` sets witbind's component `func()` on each engine beside it.

use std::hint::black_box;
use std::time::Instant;

use anyhow::{Result, anyhow};

use super::report::{ROUNDS, median};

/// The core module: one exported function that does nothing.
const NOP: &str = r#"(module (func (export "nop")))"#;

/// Calls per timed batch.
const CALLS: u32 = 200_000;

/// The median time of one core `nop` call on each engine, in nanoseconds.
#[derive(Debug, Clone, Copy)]
pub struct Floors {
    /// wasmtime's core `TypedFunc::call`.
    pub wasmtime_ns: f64,
    /// wasmi's core `TypedFunc::call`.
    pub wasmi_ns: f64,
}

/// Times both engines' core `nop` in [`ROUNDS`] alternating rounds.
///
/// # Errors
/// When an engine rejects the module.
pub fn measure() -> Result<Floors> {
    let wasm = wat::parse_str(NOP)?;

    let engine = wasmtime::Engine::default();
    let module = wasmtime::Module::new(&engine, &wasm).map_err(|e| anyhow!("{e:?}"))?;
    let mut wt_store = wasmtime::Store::new(&engine, ());
    let instance =
        wasmtime::Instance::new(&mut wt_store, &module, &[]).map_err(|e| anyhow!("{e:?}"))?;
    let wt_nop = instance
        .get_typed_func::<(), ()>(&mut wt_store, "nop")
        .map_err(|e| anyhow!("{e:?}"))?;

    let engine = wasmi::Engine::default();
    let module = wasmi::Module::new(&engine, &wasm)?;
    let mut wi_store = wasmi::Store::new(&engine, ());
    let instance = wasmi::Instance::new(&mut wi_store, &module, &[])?;
    let wi_nop = instance.get_typed_func::<(), ()>(&wi_store, "nop")?;

    let mut wasmtime_times = Vec::with_capacity(ROUNDS);
    let mut wasmi_times = Vec::with_capacity(ROUNDS);
    for _ in 0..ROUNDS {
        let start = Instant::now();
        for _ in 0..CALLS {
            black_box(&wt_nop)
                .call(&mut wt_store, ())
                .map_err(|e| anyhow!("{e:?}"))?;
        }
        wasmtime_times.push(start.elapsed().as_secs_f64() * 1e9 / f64::from(CALLS));
        let start = Instant::now();
        for _ in 0..CALLS {
            black_box(&wi_nop).call(&mut wi_store, ())?;
        }
        wasmi_times.push(start.elapsed().as_secs_f64() * 1e9 / f64::from(CALLS));
    }
    Ok(Floors {
        wasmtime_ns: median(&mut wasmtime_times),
        wasmi_ns: median(&mut wasmi_times),
    })
}
