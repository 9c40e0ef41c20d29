//! The `bench` fixture through witbind's `bindgen!` bindings: the generated `Bench` world
//! struct, its `call_*` methods, the `GuestCounter` resource wrapper and the generated
//! imports trait, run by the same [`Witbind`] code as the [`TypedFunc`](witbind::TypedFunc)
//! side.

use anyhow::Result;
use witbind::{Component, Engine, Linker, ResourceAny, Store};

use super::cases;
use super::witbind_side::{Binding, Sixteen, Witbind};

/// The bindings witbind generates for the `bench` world.
mod generated {
    witbind::bindgen!({ path: "guests/wit/bench.wit", world: "bench" });
}

use generated::{Bench, BenchImports, Item, Shape};

/// witbind calling the fixture through its generated bindings.
pub type GeneratedSide = Witbind<Bench>;

/// The host's imports: `nop` counts its calls in the store's `u64`.
impl BenchImports for u64 {
    fn nop(&mut self) {
        *self += 1;
    }

    fn take_string(&mut self, s: String) -> u32 {
        s.len() as u32
    }

    fn take_list(&mut self, l: Vec<u32>) -> u32 {
        l.len() as u32
    }
}

impl Binding for Bench {
    const NAME: &'static str = "witbind-gen";
    type Item = Item;
    type Shape = Shape;

    fn items_and_shapes() -> (&'static [Item], &'static [Shape]) {
        cases::converted_items_and_shapes!(Item, Shape)
    }

    fn instantiate(engine: &Engine, store: &mut Store<u64>, component: &Component) -> Result<Self> {
        let mut linker = Linker::new(engine);
        Bench::add_to_linker(&mut linker, |n| n)?;
        Bench::instantiate(store, component, &linker)
    }

    #[inline]
    fn nop(&self, store: &mut Store<u64>) -> Result<()> {
        self.call_nop(store)
    }

    #[inline]
    fn scalars(&self, store: &mut Store<u64>, a: u32, b: u64) -> Result<f32> {
        self.call_scalars(store, a, b)
    }

    #[inline]
    fn sixteen(&self, store: &mut Store<u64>, a: Sixteen) -> Result<f64> {
        self.call_sixteen(
            store, a.0, a.1, a.2, a.3, a.4, a.5, a.6, a.7, a.8, a.9, a.10, a.11, a.12, a.13, a.14,
            a.15,
        )
    }

    #[inline]
    fn echo_string(&self, store: &mut Store<u64>, s: &'static str) -> Result<String> {
        self.call_echo_string(store, s)
    }

    #[inline]
    fn take_string(&self, store: &mut Store<u64>, s: &'static str) -> Result<u32> {
        self.call_take_string(store, s)
    }

    #[inline]
    fn take_bytes(&self, store: &mut Store<u64>, b: &'static [u8]) -> Result<u32> {
        self.call_take_bytes(store, b)
    }

    #[inline]
    fn give_bytes(&self, store: &mut Store<u64>, len: u32) -> Result<Vec<u8>> {
        self.call_give_bytes(store, len)
    }

    #[inline]
    fn sum_u32s(&self, store: &mut Store<u64>, l: &'static [u32]) -> Result<u64> {
        self.call_sum_u32s(store, l)
    }

    #[inline]
    fn echo_strings(&self, store: &mut Store<u64>, l: &'static [String]) -> Result<Vec<String>> {
        self.call_echo_strings(store, l)
    }

    #[inline]
    fn echo_items(&self, store: &mut Store<u64>, l: &'static [Item]) -> Result<Vec<Item>> {
        self.call_echo_items(store, l)
    }

    #[inline]
    fn echo_shapes(&self, store: &mut Store<u64>, l: &'static [Shape]) -> Result<Vec<Shape>> {
        self.call_echo_shapes(store, l)
    }

    #[inline]
    fn new_counter(&self, store: &mut Store<u64>, start: u32) -> Result<ResourceAny> {
        self.witbind_guests_counters()
            .counter()
            .call_constructor(store, start)
    }

    #[inline]
    fn counter_get(&self, store: &mut Store<u64>, counter: &ResourceAny) -> Result<u32> {
        self.witbind_guests_counters()
            .counter()
            .call_get(store, counter)
    }

    #[inline]
    fn drop_counter(&self, store: &mut Store<u64>, counter: ResourceAny) -> Result<()> {
        self.witbind_guests_counters()
            .counter()
            .resource_drop(store, counter)
    }

    #[inline]
    fn call_nop_import(&self, store: &mut Store<u64>, n: u32) -> Result<()> {
        self.call_call_nop_import(store, n)
    }

    #[inline]
    fn call_string_import(&self, store: &mut Store<u64>, n: u32, len: u32) -> Result<u32> {
        self.call_call_string_import(store, n, len)
    }

    #[inline]
    fn call_list_import(&self, store: &mut Store<u64>, n: u32, len: u32) -> Result<u32> {
        self.call_call_list_import(store, n, len)
    }
}
