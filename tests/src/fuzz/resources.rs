//! Target `resources`: random sequences of resource operations against a
//! model of the handle tables.
//!
//! The guest (`resources.wat`) defines `counter` and keeps handles of it and
//! of the host's `thing` in slots. Operations create, lend, move and drop
//! handles across host and guest, and use stale host handles and empty guest
//! slots; the model says what each must return, which must fail (then with
//! a [`Trap`], and the sequence ends, as the instance may be poisoned), and
//! which destructors must have run with which reps. Each input gets a fresh
//! store and instance, on the engine its first byte picks.

use std::cell::RefCell;

use arbitrary::{Arbitrary, Unstructured};
use witbind::{
    BackendKind, Borrowed, Component, Engine, Instance, InstancePre, Linker, Resource, ResourceAny,
    Store, Trap,
};

/// Most operations of one input.
const MAX_OPS: usize = 64;

/// The guest's text.
pub const GUEST: &str = include_str!("resources.wat");

/// The host's resource type.
pub struct Thing;

/// Host state: each thing's value (its rep indexes this) and the reps whose
/// destructor ran, in order.
#[derive(Default)]
pub struct Things {
    values: Vec<u32>,
    destroyed: Vec<u32>,
}

/// One operation; handles and slots are taken modulo what exists.
#[derive(Arbitrary, Debug)]
enum Op {
    Make(u32),
    Peek(u8),
    HostDrop(u8),
    Consume(u8),
    Keep(u8, u8),
    Give(u8),
    DropKept(u8),
    RepKept(u8),
    NewThing(u32),
    KeepThing(u8, u8),
    PeekThing(u8),
    LendThing(u8),
    DropThing(u8),
    GiveThing(u8),
    Check,
}

/// A host handle and what the model knows of it.
struct Held<H> {
    handle: H,
    rep: u32,
    live: bool,
}

/// The model: host handles (stale ones kept), guest slots, destructors.
#[derive(Default)]
struct Model {
    counters: Vec<Held<ResourceAny>>,
    things: Vec<Held<()>>,
    counter_slots: [Option<u32>; 4],
    thing_slots: [Option<u32>; 4],
    dropped_sum: u32,
    dropped_count: u32,
    things_destroyed: Vec<u32>,
}

/// Runs one input; panics when witbind and the model disagree.
pub fn run(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let Ok(wasmi) = u.arbitrary::<bool>() else {
        return;
    };
    let backend = if wasmi {
        BackendKind::Wasmi
    } else {
        BackendKind::Wasmtime
    };
    let ops = std::iter::from_fn(|| u.arbitrary::<Op>().ok()).take(MAX_OPS);
    run_ops(backend, ops);
}

/// Runs `ops` on a fresh instance on `backend`, then drops the host's live
/// handles and checks the destructors; `false` when an operation failed as
/// the model expected, which ends the sequence there.
fn run_ops(backend: BackendKind, ops: impl IntoIterator<Item = Op>) -> bool {
    let (engine, pre) = prepared(backend);
    let mut store = Store::new(&engine, Things::default());
    let instance = pre.instantiate(&mut store).expect("instantiates");
    let mut run = Run {
        store,
        instance,
        model: Model::default(),
    };
    for op in ops {
        if !run.step(&op) {
            return false;
        }
    }
    run.finish();
    true
}

thread_local! {
    static PREPARED: RefCell<Vec<(Engine, InstancePre<Things>)>> =
        const { RefCell::new(Vec::new()) };
}

/// The guest compiled and linked on `backend`, once per thread.
fn prepared(backend: BackendKind) -> (Engine, InstancePre<Things>) {
    PREPARED.with_borrow_mut(|all| {
        if let Some(found) = all.iter().find(|(e, _)| e.backend_kind() == backend) {
            return found.clone();
        }
        let engine = Engine::with_backend(backend).expect("default engine");
        let wasm = wat::parse_str(GUEST).expect("the guest parses");
        let component = Component::new(&engine, wasm).expect("the guest loads");
        let pre = linker(&engine)
            .instantiate_pre(&component)
            .expect("the guest links");
        all.push((engine.clone(), pre.clone()));
        (engine, pre)
    })
}

fn linker(engine: &Engine) -> Linker<Things> {
    let mut linker: Linker<Things> = Linker::new(engine);
    let mut things = linker.instance("fuzz:host/things").expect("new instance");
    things
        .resource::<Thing>("thing", |mut store, rep| {
            store.data_mut().destroyed.push(rep);
            Ok(())
        })
        .expect("define thing");
    things
        .func_wrap(
            "thing-value",
            |store, (t,): (Borrowed<Resource<Thing>>,)| {
                let rep = t.get().rep() as usize;
                Ok((store.data().values[rep],))
            },
        )
        .expect("define thing-value");
    linker
}

/// One input's store, instance and model.
struct Run {
    store: Store<Things>,
    instance: Instance,
    model: Model,
}

impl Run {
    /// Runs `op`; `false` when it failed as the model expected (the
    /// sequence ends there).
    fn step(&mut self, op: &Op) -> bool {
        match *op {
            Op::Make(rep) => {
                let (any,) = self.call::<(u32,), (ResourceAny,)>("make", (rep,));
                self.model.counters.push(Held {
                    handle: any,
                    rep,
                    live: true,
                });
            }
            Op::Peek(h) => {
                let Some(i) = pick(self.model.counters.len(), h) else {
                    return true;
                };
                let held = &self.model.counters[i];
                let (live, rep, borrow) = (held.live, held.rep, held.handle.as_borrow());
                let result = self.try_call::<(Borrowed<ResourceAny>,), (u32,)>("peek", (borrow,));
                if !live {
                    return expect_trap(result, "peek of a stale handle");
                }
                assert_eq!(result.expect("peek").0, rep, "peek");
            }
            Op::HostDrop(h) => {
                let Some(i) = pick(self.model.counters.len(), h) else {
                    return true;
                };
                let held = &mut self.model.counters[i];
                let result = self
                    .instance
                    .resource_drop(&mut self.store, held.handle.clone());
                if !held.live {
                    return expect_trap(result, "resource_drop of a stale handle");
                }
                result.expect("resource_drop");
                held.live = false;
                let rep = held.rep;
                self.model.destroyed_counter(rep);
            }
            Op::Consume(h) => {
                let Some(i) = pick(self.model.counters.len(), h) else {
                    return true;
                };
                let held = &mut self.model.counters[i];
                let (live, rep, any) = (held.live, held.rep, held.handle.clone());
                held.live = false;
                let result = self.try_call::<(ResourceAny,), (u32,)>("consume", (any,));
                if !live {
                    return expect_trap(result, "consume of a stale handle");
                }
                assert_eq!(result.expect("consume").0, rep, "consume");
                self.model.destroyed_counter(rep);
            }
            Op::Keep(slot, h) => {
                let Some(i) = pick(self.model.counters.len(), h) else {
                    return true;
                };
                let held = &mut self.model.counters[i];
                let (live, rep, any) = (held.live, held.rep, held.handle.clone());
                held.live = false;
                let slot = usize::from(slot % 4);
                let result = self.try_call::<(u32, ResourceAny), ()>("keep", (slot as u32, any));
                if !live {
                    return expect_trap(result, "keep of a stale handle");
                }
                result.expect("keep");
                // A handle already in the slot stays in the guest's table,
                // out of reach: its destructor never runs.
                self.model.counter_slots[slot] = Some(rep);
            }
            Op::Give(slot) => {
                let slot = usize::from(slot % 4);
                let result = self.try_call::<(u32,), (ResourceAny,)>("give", (slot as u32,));
                let Some(rep) = self.model.counter_slots[slot].take() else {
                    return expect_trap(result, "give of an empty slot");
                };
                let (any,) = result.expect("give");
                self.model.counters.push(Held {
                    handle: any,
                    rep,
                    live: true,
                });
            }
            Op::DropKept(slot) => {
                let slot = usize::from(slot % 4);
                let result = self.try_call::<(u32,), ()>("drop-kept", (slot as u32,));
                let Some(rep) = self.model.counter_slots[slot].take() else {
                    return expect_trap(result, "drop of an empty slot");
                };
                result.expect("drop-kept");
                self.model.destroyed_counter(rep);
            }
            Op::RepKept(slot) => {
                let slot = usize::from(slot % 4);
                let result = self.try_call::<(u32,), (u32,)>("rep-kept", (slot as u32,));
                let Some(rep) = self.model.counter_slots[slot] else {
                    return expect_trap(result, "rep of an empty slot");
                };
                assert_eq!(result.expect("rep-kept").0, rep, "rep-kept");
            }
            Op::NewThing(value) => {
                let values = &mut self.store.data_mut().values;
                values.push(value);
                let rep = values.len() as u32 - 1;
                self.model.things.push(Held {
                    handle: (),
                    rep,
                    live: true,
                });
            }
            Op::KeepThing(slot, h) => {
                // The host is trusted with its own reps: only live things.
                let Some(i) = pick_live(&self.model.things, h) else {
                    return true;
                };
                let rep = self.model.things[i].rep;
                self.model.things[i].live = false;
                let slot = usize::from(slot % 4);
                let thing = Resource::<Thing>::new_own(rep);
                self.call::<(u32, Resource<Thing>), ()>("keep-thing", (slot as u32, thing));
                self.model.thing_slots[slot] = Some(rep);
            }
            Op::PeekThing(h) => {
                let Some(i) = pick_live(&self.model.things, h) else {
                    return true;
                };
                let rep = self.model.things[i].rep;
                let borrow = Resource::<Thing>::new_own(rep).as_borrow();
                let (value,) =
                    self.call::<(Borrowed<Resource<Thing>>,), (u32,)>("peek-thing", (borrow,));
                assert_eq!(value, self.store.data().values[rep as usize], "peek-thing");
            }
            Op::LendThing(slot) => {
                let slot = usize::from(slot % 4);
                let result = self.try_call::<(u32,), (u32,)>("lend-thing", (slot as u32,));
                let Some(rep) = self.model.thing_slots[slot] else {
                    return expect_trap(result, "lending an empty slot");
                };
                let value = self.store.data().values[rep as usize];
                assert_eq!(result.expect("lend-thing").0, value, "lend-thing");
            }
            Op::DropThing(slot) => {
                let slot = usize::from(slot % 4);
                let result = self.try_call::<(u32,), ()>("drop-thing", (slot as u32,));
                let Some(rep) = self.model.thing_slots[slot].take() else {
                    return expect_trap(result, "dropping an empty slot");
                };
                result.expect("drop-thing");
                self.model.things_destroyed.push(rep);
            }
            Op::GiveThing(slot) => {
                let slot = usize::from(slot % 4);
                let result =
                    self.try_call::<(u32,), (Resource<Thing>,)>("give-thing", (slot as u32,));
                let Some(rep) = self.model.thing_slots[slot].take() else {
                    return expect_trap(result, "giving an empty slot");
                };
                let (thing,) = result.expect("give-thing");
                assert!(thing.owned(), "give-thing returns an own");
                assert_eq!(thing.rep(), rep, "give-thing");
                self.model.things.push(Held {
                    handle: (),
                    rep,
                    live: true,
                });
            }
            Op::Check => self.check(),
        }
        true
    }

    /// The destructors the model expects have run, and no others.
    fn check(&mut self) {
        let (sum,) = self.call::<(), (u32,)>("dropped", ());
        let (count,) = self.call::<(), (u32,)>("count", ());
        assert_eq!(
            (sum, count),
            (self.model.dropped_sum, self.model.dropped_count),
            "counter destructors (rep sum, count)"
        );
        assert_eq!(
            self.store.data().destroyed,
            self.model.things_destroyed,
            "thing destructors"
        );
    }

    /// Drops every live host handle, then checks the destructors.
    fn finish(mut self) {
        for held in std::mem::take(&mut self.model.counters) {
            if held.live {
                self.instance
                    .resource_drop(&mut self.store, held.handle)
                    .expect("dropping a live handle");
                self.model.destroyed_counter(held.rep);
            }
        }
        self.check();
    }

    fn try_call<P, R>(&mut self, name: &str, params: P) -> witbind::Result<R>
    where
        P: witbind::Lower + witbind::ComponentType,
        R: for<'a> witbind::Lift<'a> + witbind::ComponentType,
    {
        let func = self
            .instance
            .get_typed_func::<P, R>(&mut self.store, name)
            .unwrap_or_else(|e| panic!("export {name}: {e:#}"));
        func.call(&mut self.store, params)
    }

    fn call<P, R>(&mut self, name: &str, params: P) -> R
    where
        P: witbind::Lower + witbind::ComponentType,
        R: for<'a> witbind::Lift<'a> + witbind::ComponentType,
    {
        self.try_call(name, params)
            .unwrap_or_else(|e| panic!("{name}: {e:#}"))
    }
}

impl Model {
    fn destroyed_counter(&mut self, rep: u32) {
        self.dropped_sum = self.dropped_sum.wrapping_add(rep);
        self.dropped_count += 1;
    }
}

/// Index `h` modulo `len`, `None` when there is nothing to pick.
fn pick(len: usize, h: u8) -> Option<usize> {
    (len > 0).then(|| usize::from(h) % len)
}

/// A live entry, counted from `h` modulo how many are live.
fn pick_live<H>(held: &[Held<H>], h: u8) -> Option<usize> {
    let live: Vec<usize> = held
        .iter()
        .enumerate()
        .filter(|(_, h)| h.live)
        .map(|(i, _)| i)
        .collect();
    pick(live.len(), h).map(|i| live[i])
}

/// Checks that `result` failed with a [`Trap`]; always `false` (the
/// sequence ends).
fn expect_trap<T: std::fmt::Debug>(result: witbind::Result<T>, what: &str) -> bool {
    match result {
        Ok(value) => panic!("{what} succeeded: {value:?}"),
        Err(e) => assert!(
            e.downcast_ref::<Trap>().is_some(),
            "{what} failed without a trap: {e:#}"
        ),
    }
    false
}

#[cfg(test)]
mod tests {
    use super::{Op, run_ops};

    /// A sequence touching every operation runs to its end on every engine,
    /// and a stale handle then fails as the model says.
    #[test]
    fn a_sequence_through_every_operation_agrees_with_the_model() {
        use Op::*;
        let ops = || {
            vec![
                Make(5),
                Make(7),
                Peek(1),
                Keep(2, 0),
                RepKept(2),
                Give(2),
                Peek(2),
                Consume(1),
                Make(11),
                HostDrop(3),
                Keep(0, 2),
                DropKept(0),
                Check,
                NewThing(40),
                NewThing(41),
                KeepThing(1, 0),
                PeekThing(0),
                LendThing(1),
                GiveThing(1),
                KeepThing(3, 1),
                DropThing(3),
                Check,
            ]
        };
        for engine in crate::engines() {
            assert!(run_ops(engine.backend_kind(), ops()), "{engine:?}");
            let mut stale = ops();
            stale.push(Peek(0));
            assert!(!run_ops(engine.backend_kind(), stale), "{engine:?}");
        }
    }
}
