//! The `bench` fixture through witbind, on either engine: [`Witbind`] runs the cases over
//! any [`Binding`] of the fixture's exports, and [`TypedExports`] is the one with
//! `TypedFunc`s ([`WitbindSide`]); `generated_side` has the `bindgen!` one.

use std::hint::black_box;
use std::time::{Duration, Instant};

use anyhow::Result;
use witbind::{
    BackendKind, Borrowed, Component, Engine, Instance, InstancePre, Linker, ResourceAny, Store,
    StoreContextMut, TypedFunc,
};

use super::Side;
use super::cases::{
    self, Case, IMPORT_CALLS, IMPORT_LIST_LEN, IMPORT_STRING_BYTES, Inputs, MIB, NOP_IMPORT_CALLS,
    ensure, handle_chunks,
};
use super::shapes::{Item, Shape};
use crate::fixtures;

/// The fixture's exports as one kind of witbind binding calls them. Each call method makes
/// one call and gives back its result; the store's data counts the guest's `nop` imports.
///
/// The implementations mark the call methods `#[inline]` so the generic [`Witbind::run`],
/// instantiated in the benchmark binaries, calls the binding directly.
pub trait Binding: Sized {
    /// The side's name in reports.
    const NAME: &'static str;
    /// The `item` record.
    type Item: PartialEq + Sync + 'static;
    /// The `shape` variant.
    type Shape: PartialEq + Sync + 'static;

    /// The records and variants of [`Inputs`] as this binding's types, made once.
    fn items_and_shapes() -> (&'static [Self::Item], &'static [Self::Shape]);
    /// Defines the fixture's imports, instantiates `component` in `store` and resolves
    /// every export.
    ///
    /// # Errors
    /// When instantiation fails or an export does not have the expected type.
    fn instantiate(engine: &Engine, store: &mut Store<u64>, component: &Component) -> Result<Self>;

    /// `nop`.
    fn nop(&self, store: &mut Store<u64>) -> Result<()>;
    /// `scalars`.
    fn scalars(&self, store: &mut Store<u64>, a: u32, b: u64) -> Result<f32>;
    /// `sixteen`.
    fn sixteen(&self, store: &mut Store<u64>, args: Sixteen) -> Result<f64>;
    /// `echo-string`.
    fn echo_string(&self, store: &mut Store<u64>, s: &'static str) -> Result<String>;
    /// `take-string`.
    fn take_string(&self, store: &mut Store<u64>, s: &'static str) -> Result<u32>;
    /// `take-bytes`.
    fn take_bytes(&self, store: &mut Store<u64>, b: &'static [u8]) -> Result<u32>;
    /// `give-bytes`.
    fn give_bytes(&self, store: &mut Store<u64>, len: u32) -> Result<Vec<u8>>;
    /// `sum-u32s`.
    fn sum_u32s(&self, store: &mut Store<u64>, l: &'static [u32]) -> Result<u64>;
    /// `echo-strings`.
    fn echo_strings(&self, store: &mut Store<u64>, l: &'static [String]) -> Result<Vec<String>>;
    /// `echo-items`.
    fn echo_items(
        &self,
        store: &mut Store<u64>,
        l: &'static [Self::Item],
    ) -> Result<Vec<Self::Item>>;
    /// `echo-shapes`.
    fn echo_shapes(
        &self,
        store: &mut Store<u64>,
        l: &'static [Self::Shape],
    ) -> Result<Vec<Self::Shape>>;
    /// The `counter` constructor.
    fn new_counter(&self, store: &mut Store<u64>, start: u32) -> Result<ResourceAny>;
    /// `counter.get`, on a borrow of `counter`.
    fn counter_get(&self, store: &mut Store<u64>, counter: &ResourceAny) -> Result<u32>;
    /// Drops the owned `counter`, running the guest's destructor.
    fn drop_counter(&self, store: &mut Store<u64>, counter: ResourceAny) -> Result<()>;
    /// `call-nop-import`.
    fn call_nop_import(&self, store: &mut Store<u64>, n: u32) -> Result<()>;
    /// `call-string-import`.
    fn call_string_import(&self, store: &mut Store<u64>, n: u32, len: u32) -> Result<u32>;
    /// `call-list-import`.
    fn call_list_import(&self, store: &mut Store<u64>, n: u32, len: u32) -> Result<u32>;
}

/// The interface exporting the `counter` resource.
const COUNTERS: &str = "witbind:guests/counters";

/// Every export of the fixture as a [`TypedFunc`], looked up once.
pub struct TypedExports {
    instance: Instance,
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
pub type Sixteen = (
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

/// The arguments every side passes to `sixteen`.
pub const SIXTEEN: Sixteen = (
    1, 2, 3.0, 4.0, 5, 6, 7.0, 8.0, 9, 10, 11.0, 12.0, 13, 14, 15.0, 16.0,
);
/// The sum of [`SIXTEEN`].
pub const SIXTEEN_SUM: f64 = 136.0;

/// witbind with the `bench` fixture instantiated and its exports bound by `B`.
pub struct Witbind<B: Binding> {
    engine: Engine,
    /// The fixture's bytes, for the compile case.
    bytes: Vec<u8>,
    /// The fixture with the host's imports resolved, for the instantiate case.
    pre: InstancePre<u64>,
    store: Store<u64>,
    exports: B,
    inputs: &'static Inputs,
    items: &'static [B::Item],
    shapes: &'static [B::Shape],
}

/// witbind calling the fixture through [`TypedFunc`]s.
pub type WitbindSide = Witbind<TypedExports>;

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

impl Binding for TypedExports {
    const NAME: &'static str = "witbind";
    type Item = Item;
    type Shape = Shape;

    fn items_and_shapes() -> (&'static [Item], &'static [Shape]) {
        cases::converted_items_and_shapes!(Item, Shape)
    }

    fn instantiate(engine: &Engine, store: &mut Store<u64>, component: &Component) -> Result<Self> {
        let instance = linker(engine)?.instantiate(&mut *store, component)?;
        let s = store;
        Ok(TypedExports {
            instance,
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
        })
    }

    #[inline]
    fn nop(&self, store: &mut Store<u64>) -> Result<()> {
        self.nop.call(store, ())
    }

    #[inline]
    fn scalars(&self, store: &mut Store<u64>, a: u32, b: u64) -> Result<f32> {
        Ok(self.scalars.call(store, (a, b))?.0)
    }

    #[inline]
    fn sixteen(&self, store: &mut Store<u64>, args: Sixteen) -> Result<f64> {
        Ok(self.sixteen.call(store, args)?.0)
    }

    #[inline]
    fn echo_string(&self, store: &mut Store<u64>, s: &'static str) -> Result<String> {
        Ok(self.echo_string.call(store, (s,))?.0)
    }

    #[inline]
    fn take_string(&self, store: &mut Store<u64>, s: &'static str) -> Result<u32> {
        Ok(self.take_string.call(store, (s,))?.0)
    }

    #[inline]
    fn take_bytes(&self, store: &mut Store<u64>, b: &'static [u8]) -> Result<u32> {
        Ok(self.take_bytes.call(store, (b,))?.0)
    }

    #[inline]
    fn give_bytes(&self, store: &mut Store<u64>, len: u32) -> Result<Vec<u8>> {
        Ok(self.give_bytes.call(store, (len,))?.0)
    }

    #[inline]
    fn sum_u32s(&self, store: &mut Store<u64>, l: &'static [u32]) -> Result<u64> {
        Ok(self.sum_u32s.call(store, (l,))?.0)
    }

    #[inline]
    fn echo_strings(&self, store: &mut Store<u64>, l: &'static [String]) -> Result<Vec<String>> {
        Ok(self.echo_strings.call(store, (l,))?.0)
    }

    #[inline]
    fn echo_items(&self, store: &mut Store<u64>, l: &'static [Item]) -> Result<Vec<Item>> {
        Ok(self.echo_items.call(store, (l,))?.0)
    }

    #[inline]
    fn echo_shapes(&self, store: &mut Store<u64>, l: &'static [Shape]) -> Result<Vec<Shape>> {
        Ok(self.echo_shapes.call(store, (l,))?.0)
    }

    #[inline]
    fn new_counter(&self, store: &mut Store<u64>, start: u32) -> Result<ResourceAny> {
        Ok(self.new_counter.call(store, (start,))?.0)
    }

    #[inline]
    fn counter_get(&self, store: &mut Store<u64>, counter: &ResourceAny) -> Result<u32> {
        Ok(self.counter_get.call(store, (counter.as_borrow(),))?.0)
    }

    #[inline]
    fn drop_counter(&self, store: &mut Store<u64>, counter: ResourceAny) -> Result<()> {
        self.instance.resource_drop(store, counter)
    }

    #[inline]
    fn call_nop_import(&self, store: &mut Store<u64>, n: u32) -> Result<()> {
        self.call_nop_import.call(store, (n,))
    }

    #[inline]
    fn call_string_import(&self, store: &mut Store<u64>, n: u32, len: u32) -> Result<u32> {
        Ok(self.call_string_import.call(store, (n, len))?.0)
    }

    #[inline]
    fn call_list_import(&self, store: &mut Store<u64>, n: u32, len: u32) -> Result<u32> {
        Ok(self.call_list_import.call(store, (n, len))?.0)
    }
}

impl<B: Binding> Witbind<B> {
    /// Compiles and instantiates the fixture on the default engine and resolves every
    /// export.
    ///
    /// # Errors
    /// When the fixture is missing or an export does not have the expected type.
    pub fn new() -> Result<Self> {
        Self::on(&Engine::default())
    }

    /// The same on `engine`.
    ///
    /// # Errors
    /// As [`Witbind::new`].
    pub fn on(engine: &Engine) -> Result<Self> {
        let (items, shapes) = B::items_and_shapes();
        let engine = engine.clone();
        let bytes = fixtures::bytes("bench")?;
        let component = Component::new(&engine, &bytes)?;
        let pre = linker(&engine)?.instantiate_pre(&component)?;
        let mut store = Store::new(&engine, 0);
        let exports = B::instantiate(&engine, &mut store, &component)?;
        Ok(Witbind {
            engine,
            bytes,
            pre,
            store,
            exports,
            inputs: Inputs::get(),
            items,
            shapes,
        })
    }

    /// Creates `n` counters, untimed setup of the resource cases.
    fn counters(&mut self, n: u64) -> Result<Vec<ResourceAny>> {
        (0..n)
            .map(|i| self.exports.new_counter(&mut self.store, i as u32))
            .collect()
    }
}

impl<B: Binding> Side for Witbind<B> {
    fn name(&self) -> String {
        match self.engine.backend_kind() {
            BackendKind::Wasmtime => B::NAME.to_string(),
            other => format!("{}/{other}", B::NAME),
        }
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
            Case::Nop => timed!(e.nop(store), |_unit| true, "nop"),
            Case::Scalars => timed!(e.scalars(store, 1, 2), |r| r == 3.0, "scalars"),
            Case::Sixteen => timed!(e.sixteen(store, SIXTEEN), |r| r == SIXTEEN_SUM, "sixteen"),
            Case::EchoString16 | Case::EchoString4K | Case::EchoString1M => {
                let s = match case {
                    Case::EchoString16 => inputs.string_16.as_str(),
                    Case::EchoString4K => inputs.string_4k.as_str(),
                    _ => inputs.string_1m.as_str(),
                };
                timed!(e.echo_string(store, s), |r| r == s, "echo-string")
            }
            Case::TakeString1M => timed!(
                e.take_string(store, inputs.string_1m.as_str()),
                |r| r as usize == MIB,
                "take-string"
            ),
            Case::BytesIn => timed!(
                e.take_bytes(store, inputs.bytes_1m.as_slice()),
                |r| r as usize == MIB,
                "take-bytes"
            ),
            Case::BytesOut => timed!(
                e.give_bytes(store, MIB as u32),
                |r| r.len() == MIB && r.iter().all(|&b| b == 0xa5),
                "give-bytes"
            ),
            Case::SumU32s => timed!(
                e.sum_u32s(store, inputs.u32s.as_slice()),
                |r| r == inputs.u32_sum(),
                "sum-u32s"
            ),
            Case::EchoStrings => timed!(
                e.echo_strings(store, inputs.strings.as_slice()),
                |r| r == inputs.strings,
                "echo-strings"
            ),
            Case::EchoItems => timed!(
                e.echo_items(store, self.items),
                |r| r == self.items,
                "echo-items"
            ),
            Case::EchoShapes => timed!(
                e.echo_shapes(store, self.shapes),
                |r| r == self.shapes,
                "echo-shapes"
            ),
            Case::ResourceNew => {
                let mut took = Duration::ZERO;
                for chunk in handle_chunks(iters) {
                    let start = Instant::now();
                    let made = (0..chunk)
                        .map(|i| e.new_counter(store, i as u32))
                        .collect::<Result<Vec<_>>>()?;
                    took += start.elapsed();
                    for counter in made {
                        e.drop_counter(store, counter)?;
                    }
                }
                Ok(took)
            }
            Case::ResourceMethod => {
                let counter = e.new_counter(store, 7)?;
                let took = timed!(e.counter_get(store, &counter), |r| r == 7, "counter.get");
                e.drop_counter(store, counter)?;
                took
            }
            Case::ResourceDrop => {
                let mut took = Duration::ZERO;
                for chunk in handle_chunks(iters) {
                    let made = self.counters(chunk)?;
                    let (e, store) = (&self.exports, &mut self.store);
                    let start = Instant::now();
                    for counter in made {
                        e.drop_counter(store, counter)?;
                    }
                    took += start.elapsed();
                }
                Ok(took)
            }
            Case::ResourceLifecycle => timed!(
                e.new_counter(store, 7).and_then(|counter| {
                    let got = e.counter_get(store, &counter)?;
                    e.drop_counter(store, counter)?;
                    Ok(got)
                }),
                |r| r == 7,
                "counter lifecycle"
            ),
            Case::ImportNop => {
                let before = *store.data();
                let took: Result<Duration> = timed!(
                    e.call_nop_import(store, NOP_IMPORT_CALLS),
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
                e.call_string_import(store, IMPORT_CALLS, IMPORT_STRING_BYTES),
                |r| r == IMPORT_CALLS * IMPORT_STRING_BYTES,
                "call-string-import"
            ),
            Case::ImportList => timed!(
                e.call_list_import(store, IMPORT_CALLS, IMPORT_LIST_LEN),
                |r| r == IMPORT_CALLS * IMPORT_LIST_LEN,
                "call-list-import"
            ),
            Case::Compile => timed!(
                Component::new(&self.engine, &self.bytes),
                |c| c.export_names().iter().any(|n| n == "nop"),
                "compile"
            ),
            Case::Instantiate => timed!(
                self.pre.instantiate(Store::new(&self.engine, 0)),
                |_instance| true,
                "instantiate"
            ),
        }
    }
}
