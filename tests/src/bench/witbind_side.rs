//! The `bench` fixture through witbind (wasmtime backend) with typed functions.

use std::hint::black_box;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use anyhow::Result;
use witbind::{
    Borrowed, Component, Engine, Instance, Linker, ResourceAny, Store, StoreContextMut, TypedFunc,
};

use super::Side;
use super::cases::{
    Case, IMPORT_CALLS, IMPORT_LIST_LEN, IMPORT_STRING_BYTES, Inputs, MIB, NOP_IMPORT_CALLS,
    ensure, handle_chunks,
};
use super::shapes::{Item, Shape};
use crate::fixtures;

/// The interface exporting the `counter` resource.
const COUNTERS: &str = "witbind:guests/counters";

/// Every export of the fixture, typed.
struct Exports {
    nop: TypedFunc<(), ()>,
    scalars: TypedFunc<(u32, u64), (f32,)>,
    sixteen: TypedFunc<Sixteen, (f64,)>,
    echo_string: TypedFunc<(&'static str,), (String,)>,
    take_string: TypedFunc<(&'static str,), (u32,)>,
    take_bytes: TypedFunc<(&'static [u8],), (u32,)>,
    give_bytes: TypedFunc<(u32,), (Vec<u8>,)>,
    sum_u32s: TypedFunc<(&'static [u32],), (u64,)>,
    echo_strings: TypedFunc<(&'static [String],), (Vec<String>,)>,
    echo_items: TypedFunc<(&'static [Item],), (Vec<Item>,)>,
    echo_shapes: TypedFunc<(&'static [Shape],), (Vec<Shape>,)>,
    new_counter: TypedFunc<(u32,), (ResourceAny,)>,
    counter_get: TypedFunc<(Borrowed<ResourceAny>,), (u32,)>,
    call_nop_import: TypedFunc<(u32,), ()>,
    call_string_import: TypedFunc<(u32, u32), (u32,)>,
    call_list_import: TypedFunc<(u32, u32), (u32,)>,
}

/// The parameters of `sixteen`.
type Sixteen = (
    u32,
    u64,
    f32,
    f64,
    u32,
    u64,
    f32,
    f64,
    u32,
    u64,
    f32,
    f64,
    u32,
    u64,
    f32,
    f64,
);

/// The arguments both sides pass to `sixteen`, and their sum.
pub(super) const SIXTEEN: Sixteen = (
    1, 2, 3.0, 4.0, 5, 6, 7.0, 8.0, 9, 10, 11.0, 12.0, 13, 14, 15.0, 16.0,
);
/// The sum of [`SIXTEEN`].
pub(super) const SIXTEEN_SUM: f64 = 136.0;

/// witbind with the `bench` fixture instantiated and its imports defined.
pub struct WitbindSide {
    store: Store<u64>,
    instance: Instance,
    exports: Exports,
    inputs: &'static Inputs,
    items: &'static [Item],
    shapes: &'static [Shape],
}

/// The records and variants of [`Inputs`] as witbind's Rust types, made once.
fn items_and_shapes() -> (&'static [Item], &'static [Shape]) {
    static CONVERTED: OnceLock<(Vec<Item>, Vec<Shape>)> = OnceLock::new();
    let (items, shapes) = CONVERTED.get_or_init(|| {
        let inputs = Inputs::get();
        (
            inputs
                .items
                .iter()
                .map(|&(id, weight)| Item { id, weight })
                .collect(),
            inputs
                .shapes
                .iter()
                .map(|&s| Shape::from_parts(s))
                .collect(),
        )
    });
    (items, shapes)
}

/// The host's imports: `nop` (counted in the store's `u64`), `take-string` (its length)
/// and `take-list` (its length).
fn linker(engine: &Engine) -> Result<Linker<u64>> {
    let mut linker = Linker::new(engine);
    let mut root = linker.root();
    root.func_wrap("nop", |mut store: StoreContextMut<'_, u64>, (): ()| {
        *store.data_mut() += 1;
        Ok(())
    })?;
    root.func_wrap("take-string", |_, (s,): (String,)| Ok((s.len() as u32,)))?;
    root.func_wrap("take-list", |_, (l,): (Vec<u32>,)| Ok((l.len() as u32,)))?;
    Ok(linker)
}

impl WitbindSide {
    /// Compiles and instantiates the fixture and resolves every export.
    ///
    /// # Errors
    /// When the fixture is missing or an export does not have the expected type.
    pub fn new() -> Result<Self> {
        let (items, shapes) = items_and_shapes();
        let engine = Engine::default();
        let component = Component::new(&engine, fixtures::bytes("bench")?)?;
        let mut store = Store::new(&engine, 0);
        let instance = linker(&engine)?.instantiate(&mut store, &component)?;
        let s = &mut store;
        let exports = Exports {
            nop: instance.get_typed_func(&mut *s, "nop")?,
            scalars: instance.get_typed_func(&mut *s, "scalars")?,
            sixteen: instance.get_typed_func(&mut *s, "sixteen")?,
            echo_string: instance.get_typed_func(&mut *s, "echo-string")?,
            take_string: instance.get_typed_func(&mut *s, "take-string")?,
            take_bytes: instance.get_typed_func(&mut *s, "take-bytes")?,
            give_bytes: instance.get_typed_func(&mut *s, "give-bytes")?,
            sum_u32s: instance.get_typed_func(&mut *s, "sum-u32s")?,
            echo_strings: instance.get_typed_func(&mut *s, "echo-strings")?,
            echo_items: instance.get_typed_func(&mut *s, "echo-items")?,
            echo_shapes: instance.get_typed_func(&mut *s, "echo-shapes")?,
            new_counter: instance.get_typed_func(&mut *s, (COUNTERS, "[constructor]counter"))?,
            counter_get: instance.get_typed_func(&mut *s, (COUNTERS, "[method]counter.get"))?,
            call_nop_import: instance.get_typed_func(&mut *s, "call-nop-import")?,
            call_string_import: instance.get_typed_func(&mut *s, "call-string-import")?,
            call_list_import: instance.get_typed_func(&mut *s, "call-list-import")?,
        };
        Ok(WitbindSide {
            store,
            instance,
            exports,
            inputs: Inputs::get(),
            items,
            shapes,
        })
    }

    /// Creates `n` counters, untimed setup of the resource cases.
    fn counters(&mut self, n: u64) -> Result<Vec<ResourceAny>> {
        (0..n)
            .map(|i| {
                Ok(self
                    .exports
                    .new_counter
                    .call(&mut self.store, (i as u32,))?
                    .0)
            })
            .collect()
    }
}

impl Side for WitbindSide {
    fn name(&self) -> &'static str {
        "witbind"
    }

    fn run(&mut self, case: Case, iters: u64) -> Result<Duration> {
        let e = &self.exports;
        let store = &mut self.store;
        let inputs = self.inputs;
        /// Times `iters` calls of `$call`, then checks the last result with `$check`.
        macro_rules! timed {
            ($call:expr, |$r:ident| $check:expr, $what:expr) => {{
                let start = Instant::now();
                let mut last = None;
                for _ in 0..iters {
                    last = Some(black_box($call?));
                }
                let took = start.elapsed();
                if let Some($r) = last {
                    ensure($check, $what)?;
                }
                Ok(took)
            }};
        }
        match case {
            Case::Nop => timed!(e.nop.call(&mut *store, ()), |_unit| true, "nop"),
            Case::Scalars => timed!(
                e.scalars.call(&mut *store, (1, 2)),
                |r| r.0 == 3.0,
                "scalars"
            ),
            Case::Sixteen => timed!(
                e.sixteen.call(&mut *store, SIXTEEN),
                |r| r.0 == SIXTEEN_SUM,
                "sixteen"
            ),
            Case::EchoString16 | Case::EchoString4K | Case::EchoString1M => {
                let s = match case {
                    Case::EchoString16 => inputs.string_16.as_str(),
                    Case::EchoString4K => inputs.string_4k.as_str(),
                    _ => inputs.string_1m.as_str(),
                };
                timed!(
                    e.echo_string.call(&mut *store, (s,)),
                    |r| r.0 == s,
                    "echo-string"
                )
            }
            Case::TakeString1M => timed!(
                e.take_string
                    .call(&mut *store, (inputs.string_1m.as_str(),)),
                |r| r.0 as usize == MIB,
                "take-string"
            ),
            Case::BytesIn => timed!(
                e.take_bytes
                    .call(&mut *store, (inputs.bytes_1m.as_slice(),)),
                |r| r.0 as usize == MIB,
                "take-bytes"
            ),
            Case::BytesOut => timed!(
                e.give_bytes.call(&mut *store, (MIB as u32,)),
                |r| r.0.len() == MIB && r.0.iter().all(|&b| b == 0xa5),
                "give-bytes"
            ),
            Case::SumU32s => timed!(
                e.sum_u32s.call(&mut *store, (inputs.u32s.as_slice(),)),
                |r| r.0 == inputs.u32_sum(),
                "sum-u32s"
            ),
            Case::EchoStrings => timed!(
                e.echo_strings
                    .call(&mut *store, (inputs.strings.as_slice(),)),
                |r| r.0 == inputs.strings,
                "echo-strings"
            ),
            Case::EchoItems => timed!(
                e.echo_items.call(&mut *store, (self.items,)),
                |r| r.0 == self.items,
                "echo-items"
            ),
            Case::EchoShapes => timed!(
                e.echo_shapes.call(&mut *store, (self.shapes,)),
                |r| r.0 == self.shapes,
                "echo-shapes"
            ),
            Case::ResourceNew => {
                let mut took = Duration::ZERO;
                for chunk in handle_chunks(iters) {
                    let start = Instant::now();
                    let made = (0..chunk)
                        .map(|i| Ok(e.new_counter.call(&mut *store, (i as u32,))?.0))
                        .collect::<Result<Vec<_>>>()?;
                    took += start.elapsed();
                    for counter in made {
                        self.instance.resource_drop(&mut *store, counter)?;
                    }
                }
                Ok(took)
            }
            Case::ResourceMethod => {
                let (counter,) = e.new_counter.call(&mut *store, (7,))?;
                let took = timed!(
                    e.counter_get.call(&mut *store, (counter.as_borrow(),)),
                    |r| r.0 == 7,
                    "counter.get"
                );
                self.instance.resource_drop(&mut *store, counter)?;
                took
            }
            Case::ResourceDrop => {
                let mut took = Duration::ZERO;
                for chunk in handle_chunks(iters) {
                    let made = self.counters(chunk)?;
                    let store = &mut self.store;
                    let start = Instant::now();
                    for counter in made {
                        self.instance.resource_drop(&mut *store, counter)?;
                    }
                    took += start.elapsed();
                }
                Ok(took)
            }
            Case::ImportNop => {
                let before = *store.data();
                let took: Result<Duration> = timed!(
                    e.call_nop_import.call(&mut *store, (NOP_IMPORT_CALLS,)),
                    |_unit| true,
                    "call-nop-import"
                );
                let calls = *store.data() - before;
                ensure(
                    calls == iters * u64::from(NOP_IMPORT_CALLS),
                    "the guest's loop called `nop` n times",
                )?;
                took
            }
            Case::ImportString => timed!(
                e.call_string_import
                    .call(&mut *store, (IMPORT_CALLS, IMPORT_STRING_BYTES)),
                |r| r.0 == IMPORT_CALLS * IMPORT_STRING_BYTES,
                "call-string-import"
            ),
            Case::ImportList => timed!(
                e.call_list_import
                    .call(&mut *store, (IMPORT_CALLS, IMPORT_LIST_LEN)),
                |r| r.0 == IMPORT_CALLS * IMPORT_LIST_LEN,
                "call-list-import"
            ),
        }
    }
}
