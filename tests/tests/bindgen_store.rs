//! `bindgen!`'s `store` flag: host functions that get a `witbind::Access`
//! (the store's data and the store) in place of `&mut self`, on both
//! engines. They read and change the data, call exports of other
//! instances, and a call back into the instance whose import is running
//! traps with `Trap::Reentered` instead of panicking or re-entering.

use witbind::{Access, Component, Engine, Linker, Resource, Store, Trap};
use witbind_tests::fixtures;
use witbind_tests::oracle::host::{HostEvent, HostState};

mod host_calls {
    ::witbind::bindgen!({
        path: "guests/wit/host-calls.wit",
        world: "host-calls",
        imports: { "add": store | trappable, "log": store },
    });
}

mod host_calls_borrowing {
    ::witbind::bindgen!({
        path: "guests/wit/host-calls.wit",
        world: "host-calls",
        ownership: Borrowing { duplicate_if_necessary: false },
        imports: { "log": store },
    });
}

mod resources {
    ::witbind::bindgen!({
        path: "guests/wit/resources.wit",
        world: "resources",
        imports: {
            "witbind:guests/host-side/[method]counter.get": store | trappable,
            "witbind:guests/host-side/[drop]counter": store,
            default: trappable,
        },
    });
}

use host_calls::{HostCalls, HostCallsImports, HostCallsImportsWithStore};

fn component(engine: &Engine, name: &str) -> Component {
    Component::from_file(engine, fixtures::path(name)).unwrap()
}

/// What the store holds: the host's implementation and what a test wants
/// `add` to do besides adding.
#[derive(Default)]
struct State {
    host: Host,
    /// Added to every sum.
    offset: u32,
    /// How many times `add` ran.
    adds: u32,
    /// Another instance, whose `greet` `add` calls once.
    peer: Option<HostCalls>,
    /// What the peer's `greet` returned.
    peer_greetings: Vec<String>,
    /// The instance whose import is running, which `add` calls back into.
    caller: Option<HostCalls>,
    /// How the call back into the caller failed.
    reentry_error: Option<Trap>,
}

/// The plain part: methods with `&mut self` on the accessor's target.
#[derive(Default)]
struct Host {
    logged: Vec<String>,
}

impl HostCallsImports for Host {
    fn lookup(&mut self, key: String) -> Option<String> {
        (key == "alice").then(|| "admin".to_string())
    }
    fn numbers(&mut self, n: u32) -> Vec<u32> {
        (1..=n).collect()
    }
}

/// The `store` part, for a store holding `State` and `get` reaching
/// `State::host`.
impl HostCallsImportsWithStore<State> for Host {
    fn add(mut host: Access<'_, State, Self>, a: u32, b: u32) -> witbind::Result<u32> {
        host.data_mut().adds += 1;
        if let Some(peer) = host.data_mut().peer.take() {
            let greeting = peer.call_greet(&mut host, "peer")?;
            host.data_mut().peer_greetings.push(greeting);
        }
        if let Some(caller) = host.data_mut().caller.take() {
            let err = caller.call_greet(&mut host, "again").unwrap_err();
            host.data_mut().reentry_error = err.downcast_ref::<Trap>().cloned();
            return Err(err);
        }
        Ok(a.wrapping_add(b).wrapping_add(host.data().offset))
    }

    fn log(mut host: Access<'_, State, Self>, msg: String) {
        host.get().logged.push(msg);
    }
}

fn host(state: &mut State) -> &mut Host {
    &mut state.host
}

fn setup(engine: &Engine) -> (Store<State>, Linker<State>, Component) {
    let mut linker = Linker::new(engine);
    HostCalls::add_to_linker(&mut linker, host).unwrap();
    (
        Store::new(engine, State::default()),
        linker,
        component(engine, "host-calls"),
    )
}

#[test]
fn a_store_function_reads_and_changes_the_store_data() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let (mut store, linker, component) = setup(&engine);
        let guest = HostCalls::instantiate(&mut store, &component, &linker).unwrap();
        store.data_mut().offset = 100;
        // add(add(20, 1) + 100, 20) + 100
        assert_eq!(
            guest.call_double_plus_one(&mut store, 20).unwrap(),
            241,
            "{backend}"
        );
        assert_eq!(store.data().adds, 2, "{backend}");
        // `log` reaches its implementation through the accessor; the
        // plain `lookup` works as before.
        assert_eq!(
            guest.call_greet(&mut store, "alice").unwrap(),
            "hello alice (admin)",
            "{backend}"
        );
        assert_eq!(store.data().host.logged, ["greet:alice"], "{backend}");
    }
}

#[test]
fn a_store_function_calls_an_export_of_another_instance() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let (mut store, linker, component) = setup(&engine);
        let first = HostCalls::instantiate(&mut store, &component, &linker).unwrap();
        let second = HostCalls::instantiate(&mut store, &component, &linker).unwrap();
        store.data_mut().peer = Some(second.clone());
        assert_eq!(
            first.call_double_plus_one(&mut store, 1).unwrap(),
            3,
            "{backend}"
        );
        assert_eq!(store.data().peer_greetings, ["hello peer (?)"], "{backend}");
        // The peer's `greet` logged through the same host.
        assert_eq!(store.data().host.logged, ["greet:peer"], "{backend}");
        // Both instances stay usable.
        assert_eq!(second.call_sum_numbers(&mut store, 4).unwrap(), 10);
        assert_eq!(first.call_sum_numbers(&mut store, 3).unwrap(), 6);
    }
}

#[test]
fn calling_back_into_the_calling_instance_traps() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let (mut store, linker, component) = setup(&engine);
        let guest = HostCalls::instantiate(&mut store, &component, &linker).unwrap();
        store.data_mut().caller = Some(guest.clone());
        let err = guest.call_double_plus_one(&mut store, 1).unwrap_err();
        assert_eq!(
            store.data().reentry_error,
            Some(Trap::Reentered),
            "{backend}"
        );
        assert_eq!(
            err.downcast_ref::<Trap>(),
            Some(&Trap::Reentered),
            "{backend}: {err:#}"
        );
        // The failed call poisoned the instance, as any trap does.
        let err = guest.call_sum_numbers(&mut store, 1).unwrap_err();
        assert_eq!(
            err.downcast_ref::<Trap>(),
            Some(&Trap::InstanceTrapped),
            "{backend}: {err:#}"
        );
    }
}

/// In Borrowing mode a `store` function takes owned parameters (a view of
/// guest memory cannot outlive a call back into a guest); the others
/// still borrow.
#[test]
fn borrowing_store_functions_take_owned_parameters() {
    use host_calls_borrowing::{
        HostCalls as Borrowing, HostCallsImports as Plain, HostCallsImportsWithStore as WithStore,
    };

    #[derive(Default)]
    struct Views {
        logged: Vec<String>,
        lookups: Vec<String>,
    }
    impl Plain for Views {
        fn add(&mut self, a: u32, b: u32) -> u32 {
            a + b
        }
        fn lookup(&mut self, key: witbind::WasmStr<'_>) -> Option<String> {
            self.lookups.push(key.to_str().into_owned());
            None
        }
        fn numbers(&mut self, n: u32) -> Vec<u32> {
            (0..n).collect()
        }
    }
    impl<T: 'static> WithStore<T> for Views {
        fn log(mut host: Access<'_, T, Self>, msg: String) {
            host.get().logged.push(msg);
        }
    }

    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let mut linker = Linker::new(&engine);
        Borrowing::add_to_linker(&mut linker, |v: &mut Views| v).unwrap();
        let mut store = Store::new(&engine, Views::default());
        let guest =
            Borrowing::instantiate(&mut store, &component(&engine, "host-calls"), &linker).unwrap();
        assert_eq!(
            guest.call_greet(&mut store, "bob").unwrap(),
            "hello bob (?)",
            "{backend}"
        );
        assert_eq!(store.data().logged, ["greet:bob"], "{backend}");
        assert_eq!(store.data().lookups, ["bob"], "{backend}");
    }
}

/// A resource's method and destructor with the store: the destructor is
/// `drop` of `HostCounterWithStore`, the other methods stay in `HostCounter`.
mod counters {
    use super::resources::witbind::guests::host_side::{
        Counter, Host, HostCounter, HostCounterWithStore,
    };
    use super::*;

    #[derive(Default)]
    pub(super) struct Counters {
        pub(super) state: HostState,
        pub(super) gets: u32,
    }

    fn state(c: &mut Counters) -> &mut HostState {
        &mut c.state
    }

    impl HostCounter for HostState {
        fn new(&mut self, start: u32) -> witbind::Result<Resource<Counter>> {
            Ok(Resource::new_own(self.counter_new(start)))
        }
        fn increment(&mut self, self_: Resource<Counter>) -> witbind::Result<()> {
            self.counter_increment(self_.rep())
        }
    }

    impl HostCounterWithStore<Counters> for HostState {
        fn get(
            mut host: Access<'_, Counters, Self>,
            self_: Resource<Counter>,
        ) -> witbind::Result<u32> {
            host.data_mut().gets += 1;
            host.get().counter_get(self_.rep())
        }
        fn drop(
            mut host: Access<'_, Counters, Self>,
            rep: Resource<Counter>,
        ) -> witbind::Result<()> {
            host.get().counter_drop(rep.rep())
        }
    }

    impl Host for HostState {
        fn stack_dropped(&mut self, id: u32) -> witbind::Result<()> {
            HostState::stack_dropped(self, id);
            Ok(())
        }
    }

    #[test]
    fn resource_methods_and_destructors_get_the_store() {
        for engine in witbind_tests::engines() {
            let backend = engine.backend_kind();
            let mut linker = Linker::new(&engine);
            super::resources::Resources::add_to_linker(&mut linker, state).unwrap();
            let mut store = Store::new(&engine, Counters::default());
            let guest = super::resources::Resources::instantiate(
                &mut store,
                &component(&engine, "resources"),
                &linker,
            )
            .unwrap();
            let exports = guest.witbind_guests_guest_side();
            let made: Resource<Counter> = exports.call_make_counter(&mut store, 7).unwrap();
            exports.call_bump_counter(&mut store, &made, 2).unwrap();
            assert_eq!(
                exports.call_read_counter(&mut store, &made).unwrap(),
                9,
                "{backend}"
            );
            assert_eq!(store.data().gets, 1, "{backend}");
            assert_eq!(
                exports.call_consume_counter(&mut store, made).unwrap(),
                9,
                "{backend}"
            );
            assert_eq!(store.data().gets, 2, "{backend}");
            assert_eq!(
                store.data().state.events,
                [HostEvent::CounterDropped(0)],
                "{backend}"
            );
        }
    }
}
