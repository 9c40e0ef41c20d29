//! The `bench` fixture through `wasmtime::component`, with bindings from its `bindgen!`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use anyhow::{Result, anyhow};
use wasmtime::component::{Component, HasSelf, InstancePre, Linker, ResourceAny};
use wasmtime::{Engine, Store};

use super::Side;
use super::cases::{
    self, Case, IMPORT_CALLS, IMPORT_LIST_LEN, IMPORT_STRING_BYTES, Inputs, MIB, NOP_IMPORT_CALLS,
    ensure, handle_chunks,
};
use super::witbind_side::{SIXTEEN, SIXTEEN_SUM};
use crate::fixtures;

/// The bindings wasmtime generates for the `bench` world.
#[allow(clippy::too_many_arguments)]
mod generated {
    wasmtime::component::bindgen!({
        path: "guests/wit/bench.wit",
        world: "bench",
        additional_derives: [PartialEq],
    });
}

use generated::{Bench, BenchImports, Item, Shape};

/// The host's state: how many times the guest called `nop`.
struct Host(u64);

impl BenchImports for Host {
    fn nop(&mut self) {
        self.0 += 1;
    }

    fn take_string(&mut self, s: String) -> u32 {
        s.len() as u32
    }

    fn take_list(&mut self, l: Vec<u32>) -> u32 {
        l.len() as u32
    }
}

/// wasmtime with the `bench` fixture instantiated and its imports defined.
pub struct WasmtimeSide {
    engine: Engine,
    /// The fixture's bytes, for the compile case.
    bytes: Vec<u8>,
    /// The fixture with the host's imports resolved, for the instantiate case.
    pre: InstancePre<Host>,
    store: Store<Host>,
    bench: Bench,
    inputs: &'static Inputs,
    items: &'static [Item],
    shapes: &'static [Shape],
}

/// wasmtime's errors as `anyhow` errors.
fn wt<T>(result: wasmtime::Result<T>) -> Result<T> {
    result.map_err(|e| anyhow!("{e:?}"))
}

/// The records and variants of [`Inputs`] as the generated Rust types, made once.
fn items_and_shapes() -> (&'static [Item], &'static [Shape]) {
    cases::converted_items_and_shapes!(Item, Shape)
}

impl WasmtimeSide {
    /// Compiles and instantiates the fixture with wasmtime's default configuration.
    ///
    /// # Errors
    /// When the fixture is missing or does not match the generated bindings.
    pub fn new() -> Result<Self> {
        let engine = Engine::default();
        let bytes = fixtures::bytes("bench")?;
        let component = wt(Component::from_binary(&engine, &bytes))?;
        let mut linker = Linker::new(&engine);
        wt(Bench::add_to_linker::<Host, HasSelf<Host>>(
            &mut linker,
            |h| h,
        ))?;
        let pre = wt(linker.instantiate_pre(&component))?;
        let mut store = Store::new(&engine, Host(0));
        let bench = wt(Bench::instantiate(&mut store, &component, &linker))?;
        let (items, shapes) = items_and_shapes();
        Ok(WasmtimeSide {
            engine,
            bytes,
            pre,
            store,
            bench,
            inputs: Inputs::get(),
            items,
            shapes,
        })
    }

    /// Creates `n` counters, untimed setup of the resource cases.
    fn counters(&mut self, n: u64) -> Result<Vec<ResourceAny>> {
        let counter = self.bench.witbind_guests_counters().counter();
        (0..n)
            .map(|i| wt(counter.call_constructor(&mut self.store, i as u32)))
            .collect()
    }
}

impl Side for WasmtimeSide {
    fn name(&self) -> String {
        "wasmtime".to_string()
    }

    fn run(&mut self, case: Case, iters: u64) -> Result<Duration> {
        let b = &self.bench;
        let store = &mut self.store;
        let inputs = self.inputs;
        /// Times `iters` calls of `$call`, then checks the last result with `$check`.
        macro_rules! timed {
            ($call:expr, |$r:ident| $check:expr, $what:expr) => {{
                let start = Instant::now();
                let mut last = None;
                for _ in 0..iters {
                    last = Some(black_box(wt($call)?));
                }
                let took = start.elapsed();
                if let Some($r) = last {
                    ensure($check, $what)?;
                }
                Ok(took)
            }};
        }
        let counter = b.witbind_guests_counters().counter();
        let s = SIXTEEN;
        match case {
            Case::Nop => timed!(b.call_nop(&mut *store), |_unit| true, "nop"),
            Case::Scalars => timed!(b.call_scalars(&mut *store, 1, 2), |r| r == 3.0, "scalars"),
            Case::Sixteen => timed!(
                b.call_sixteen(
                    &mut *store,
                    s.0,
                    s.1,
                    s.2,
                    s.3,
                    s.4,
                    s.5,
                    s.6,
                    s.7,
                    s.8,
                    s.9,
                    s.10,
                    s.11,
                    s.12,
                    s.13,
                    s.14,
                    s.15
                ),
                |r| r == SIXTEEN_SUM,
                "sixteen"
            ),
            Case::EchoString16 | Case::EchoString4K | Case::EchoString1M => {
                let s = match case {
                    Case::EchoString16 => inputs.string_16.as_str(),
                    Case::EchoString4K => inputs.string_4k.as_str(),
                    _ => inputs.string_1m.as_str(),
                };
                timed!(
                    b.call_echo_string(&mut *store, s),
                    |r| r == s,
                    "echo-string"
                )
            }
            Case::TakeString1M => timed!(
                b.call_take_string(&mut *store, &inputs.string_1m),
                |r| r as usize == MIB,
                "take-string"
            ),
            Case::BytesIn => timed!(
                b.call_take_bytes(&mut *store, &inputs.bytes_1m),
                |r| r as usize == MIB,
                "take-bytes"
            ),
            Case::BytesOut => timed!(
                b.call_give_bytes(&mut *store, MIB as u32),
                |r| r.len() == MIB && r.iter().all(|&b| b == 0xa5),
                "give-bytes"
            ),
            Case::SumU32s => timed!(
                b.call_sum_u32s(&mut *store, &inputs.u32s),
                |r| r == inputs.u32_sum(),
                "sum-u32s"
            ),
            Case::EchoStrings => timed!(
                b.call_echo_strings(&mut *store, &inputs.strings),
                |r| r == inputs.strings,
                "echo-strings"
            ),
            Case::EchoItems => timed!(
                b.call_echo_items(&mut *store, self.items),
                |r| r == self.items,
                "echo-items"
            ),
            Case::EchoShapes => timed!(
                b.call_echo_shapes(&mut *store, self.shapes),
                |r| r == self.shapes,
                "echo-shapes"
            ),
            Case::ResourceNew => {
                let mut took = Duration::ZERO;
                for chunk in handle_chunks(iters) {
                    let start = Instant::now();
                    let made = (0..chunk)
                        .map(|i| wt(counter.call_constructor(&mut *store, i as u32)))
                        .collect::<Result<Vec<_>>>()?;
                    took += start.elapsed();
                    for handle in made {
                        wt(handle.resource_drop(&mut *store))?;
                    }
                }
                Ok(took)
            }
            Case::ResourceMethod => {
                let handle = wt(counter.call_constructor(&mut *store, 7))?;
                let took = timed!(
                    counter.call_get(&mut *store, handle),
                    |r| r == 7,
                    "counter.get"
                );
                wt(handle.resource_drop(&mut *store))?;
                took
            }
            Case::ResourceDrop => {
                let mut took = Duration::ZERO;
                for chunk in handle_chunks(iters) {
                    let made = self.counters(chunk)?;
                    let store = &mut self.store;
                    let start = Instant::now();
                    for handle in made {
                        wt(handle.resource_drop(&mut *store))?;
                    }
                    took += start.elapsed();
                }
                Ok(took)
            }
            Case::ResourceLifecycle => timed!(
                counter.call_constructor(&mut *store, 7).and_then(|handle| {
                    let got = counter.call_get(&mut *store, handle)?;
                    handle.resource_drop(&mut *store)?;
                    Ok(got)
                }),
                |r| r == 7,
                "counter lifecycle"
            ),
            Case::ImportNop => {
                let before = store.data().0;
                let took: Result<Duration> = timed!(
                    b.call_call_nop_import(&mut *store, NOP_IMPORT_CALLS),
                    |_unit| true,
                    "call-nop-import"
                );
                let calls = store.data().0 - before;
                ensure(
                    calls == iters * u64::from(NOP_IMPORT_CALLS),
                    "the guest's loop called `nop` n times",
                )?;
                took
            }
            Case::ImportString => timed!(
                b.call_call_string_import(&mut *store, IMPORT_CALLS, IMPORT_STRING_BYTES),
                |r| r == IMPORT_CALLS * IMPORT_STRING_BYTES,
                "call-string-import"
            ),
            Case::ImportList => timed!(
                b.call_call_list_import(&mut *store, IMPORT_CALLS, IMPORT_LIST_LEN),
                |r| r == IMPORT_CALLS * IMPORT_LIST_LEN,
                "call-list-import"
            ),
            Case::Compile => timed!(
                Component::from_binary(&self.engine, &self.bytes),
                |c| c
                    .component_type()
                    .exports(&self.engine)
                    .any(|(n, _)| n == "nop"),
                "compile"
            ),
            Case::Instantiate => timed!(
                self.pre.instantiate(Store::new(&self.engine, Host(0))),
                |_instance| true,
                "instantiate"
            ),
        }
    }
}
