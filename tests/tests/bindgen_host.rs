//! The host side of `bindgen!` driving the real guest components in
//! `tests/fixtures/`: host traits implemented in Rust, linked with
//! `add_to_linker`, exports called through the generated `call_*` methods,
//! checked against the guests' documented behaviour
//! (`tests/guests/README.md`, host side in `witbind_tests::oracle::host`).

use witbind::{Component, Engine, Linker, Resource, ResourceAny, Store};
use witbind_tests::fixtures;
use witbind_tests::oracle::host::{HostEvent, HostState, MAX_NUMBERS};

mod host_calls {
    ::witbind::bindgen!({ path: "guests/wit/host-calls.wit", world: "host-calls" });
}

mod host_calls_trappable {
    ::witbind::bindgen!({
        path: "guests/wit/host-calls.wit",
        world: "host-calls",
        imports: { default: trappable },
    });
}

mod host_calls_borrowing {
    ::witbind::bindgen!({
        path: "guests/wit/host-calls.wit",
        world: "host-calls",
        ownership: Borrowing { duplicate_if_necessary: false },
    });
}

mod resources {
    ::witbind::bindgen!({
        path: "guests/wit/resources.wit",
        world: "resources",
        imports: { default: trappable },
    });
}

/// The same world with its imported interface taken from `resources`:
/// `add_to_linker` registers it through that module's.
mod resources_with {
    ::witbind::bindgen!({
        path: "guests/wit/resources.wit",
        world: "resources",
        with: { "witbind:guests/host-side": crate::resources::witbind::guests::host_side },
    });
}

mod variants {
    ::witbind::bindgen!({ path: "guests/wit/variants.wit", world: "variants" });
}

mod records {
    ::witbind::bindgen!({ path: "guests/wit/records.wit", world: "records" });
}

mod flag_sets {
    ::witbind::bindgen!({ path: "guests/wit/flag-sets.wit", world: "flag-sets" });
}

mod lists {
    ::witbind::bindgen!({ path: "guests/wit/lists.wit", world: "lists" });
}

mod many_args {
    ::witbind::bindgen!({ path: "guests/wit/many-args.wit", world: "many-args" });
}

fn component(engine: &Engine, name: &str) -> Component {
    Component::from_file(engine, fixtures::path(name)).unwrap()
}

impl host_calls::HostCallsImports for HostState {
    fn add(&mut self, a: u32, b: u32) -> u32 {
        HostState::add(a, b)
    }
    fn log(&mut self, msg: String) {
        HostState::log(self, msg);
    }
    fn lookup(&mut self, key: String) -> Option<String> {
        HostState::lookup(&key)
    }
    fn numbers(&mut self, n: u32) -> Vec<u32> {
        HostState::numbers(n).unwrap_or_default()
    }
}

fn logs(state: &HostState) -> Vec<&str> {
    state
        .events
        .iter()
        .filter_map(|e| match e {
            HostEvent::Log(m) => Some(m.as_str()),
            _ => None,
        })
        .collect()
}

#[test]
fn exports_call_back_into_host_imports() {
    use host_calls::HostCalls;
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let mut linker = Linker::new(&engine);
        HostCalls::add_to_linker(&mut linker, |s: &mut HostState| s).unwrap();
        let mut store = Store::new(&engine, HostState::default());
        let guest =
            HostCalls::instantiate(&mut store, &component(&engine, "host-calls"), &linker).unwrap();

        // add(add(x, 1), x)
        assert_eq!(
            guest.call_double_plus_one(&mut store, 20).unwrap(),
            41,
            "{backend}"
        );
        assert_eq!(
            guest.call_greet(&mut store, "alice").unwrap(),
            "hello alice (admin)",
            "{backend}"
        );
        assert_eq!(
            guest.call_greet(&mut store, "zed").unwrap(),
            "hello zed (?)",
            "{backend}"
        );
        assert_eq!(
            guest.call_sum_numbers(&mut store, 100).unwrap(),
            5050,
            "{backend}"
        );
        let msgs = ["one".to_string(), "two".to_string(), "three".to_string()];
        assert_eq!(
            guest.call_log_all(&mut store, &msgs).unwrap(),
            3,
            "{backend}"
        );
        assert_eq!(
            logs(store.data()),
            ["greet:alice", "greet:zed", "one", "two", "three"],
            "{backend}"
        );
    }
}

#[test]
fn a_pre_instantiated_world_makes_independent_instances() {
    use host_calls::{HostCalls, HostCallsPre};
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let mut linker = Linker::new(&engine);
        HostCalls::add_to_linker(&mut linker, |s: &mut HostState| s).unwrap();
        let pre = HostCallsPre::new(
            linker
                .instantiate_pre(&component(&engine, "host-calls"))
                .unwrap(),
        )
        .unwrap();
        for name in ["alice", "bob"] {
            let mut store = Store::new(&engine, HostState::default());
            let guest = pre.instantiate(&mut store).unwrap();
            guest.call_greet(&mut store, name).unwrap();
            assert_eq!(logs(store.data()), [format!("greet:{name}")], "{backend}");
        }
    }
}

struct Failing;

impl host_calls_trappable::HostCallsImports for Failing {
    fn add(&mut self, a: u32, b: u32) -> witbind::Result<u32> {
        a.checked_add(b)
            .ok_or_else(|| anyhow::anyhow!("add overflowed"))
    }
    fn log(&mut self, _: String) -> witbind::Result<()> {
        Ok(())
    }
    fn lookup(&mut self, _: String) -> witbind::Result<Option<String>> {
        Ok(None)
    }
    fn numbers(&mut self, n: u32) -> witbind::Result<Vec<u32>> {
        HostState::numbers(n)
    }
}

#[test]
fn a_trappable_import_returning_err_traps_the_export_call() {
    use host_calls_trappable::HostCalls;
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let mut linker = Linker::new(&engine);
        HostCalls::add_to_linker(&mut linker, |s: &mut Failing| s).unwrap();
        let component = component(&engine, "host-calls");

        let mut store = Store::new(&engine, Failing);
        let guest = HostCalls::instantiate(&mut store, &component, &linker).unwrap();
        assert_eq!(
            guest.call_double_plus_one(&mut store, 2).unwrap(),
            5,
            "{backend}"
        );
        let err = guest
            .call_double_plus_one(&mut store, u32::MAX)
            .unwrap_err();
        assert!(
            format!("{err:#}").contains("add overflowed"),
            "{backend}: {err:#}"
        );
        // The trap poisons the instance.
        assert!(
            guest.call_double_plus_one(&mut store, 2).is_err(),
            "{backend}"
        );

        let mut store = Store::new(&engine, Failing);
        let guest = HostCalls::instantiate(&mut store, &component, &linker).unwrap();
        let err = guest
            .call_sum_numbers(&mut store, MAX_NUMBERS + 1)
            .unwrap_err();
        assert!(format!("{err:#}").contains("exceeds"), "{backend}: {err:#}");
    }
}

/// Host state for borrowed imports: what the views held.
#[derive(Default)]
struct Views {
    logged: Vec<String>,
    utf8_borrowed: bool,
}

impl host_calls_borrowing::HostCallsImports for Views {
    fn add(&mut self, a: u32, b: u32) -> u32 {
        a.wrapping_add(b)
    }
    fn log<'a>(&mut self, msg: witbind::WasmStr<'a>) {
        self.utf8_borrowed |= msg.as_utf8().is_some();
        self.logged.push(msg.to_str().into_owned());
    }
    fn lookup<'a>(&mut self, key: witbind::WasmStr<'a>) -> Option<String> {
        HostState::lookup(&key.to_str())
    }
    fn numbers(&mut self, n: u32) -> Vec<u32> {
        (1..=n).collect()
    }
}

#[test]
fn borrowing_imports_receive_zero_copy_views_of_guest_memory() {
    use host_calls_borrowing::HostCalls;
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let mut linker = Linker::new(&engine);
        HostCalls::add_to_linker(&mut linker, |s: &mut Views| s).unwrap();
        let mut store = Store::new(&engine, Views::default());
        let guest =
            HostCalls::instantiate(&mut store, &component(&engine, "host-calls"), &linker).unwrap();
        assert_eq!(
            guest.call_greet(&mut store, "bob").unwrap(),
            "hello bob (user)",
            "{backend}"
        );
        assert_eq!(
            guest.call_log_all(&mut store, &["x".into()]).unwrap(),
            1,
            "{backend}"
        );
        assert_eq!(store.data().logged, ["greet:bob", "x"], "{backend}");
        assert!(store.data().utf8_borrowed, "{backend}");
    }
}

/// The `resources` world's host side: counters and dropped stacks.
impl resources::witbind::guests::host_side::HostCounter for HostState {
    fn new(
        &mut self,
        start: u32,
    ) -> witbind::Result<Resource<resources::witbind::guests::host_side::Counter>> {
        Ok(Resource::new_own(self.counter_new(start)))
    }
    fn get(
        &mut self,
        self_: Resource<resources::witbind::guests::host_side::Counter>,
    ) -> witbind::Result<u32> {
        self.counter_get(self_.rep())
    }
    fn increment(
        &mut self,
        self_: Resource<resources::witbind::guests::host_side::Counter>,
    ) -> witbind::Result<()> {
        self.counter_increment(self_.rep())
    }
    fn drop(
        &mut self,
        rep: Resource<resources::witbind::guests::host_side::Counter>,
    ) -> witbind::Result<()> {
        self.counter_drop(rep.rep())
    }
}

impl resources::witbind::guests::host_side::Host for HostState {
    fn stack_dropped(&mut self, id: u32) -> witbind::Result<()> {
        HostState::stack_dropped(self, id);
        Ok(())
    }
}

fn resources_instance(engine: &Engine) -> (Store<HostState>, resources::Resources) {
    let mut linker = Linker::new(engine);
    resources::Resources::add_to_linker(&mut linker, |s: &mut HostState| s).unwrap();
    let mut store = Store::new(engine, HostState::default());
    let guest =
        resources::Resources::instantiate(&mut store, &component(engine, "resources"), &linker)
            .unwrap();
    (store, guest)
}

#[test]
fn guest_resources_are_constructed_called_borrowed_and_dropped() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let (mut store, guest) = resources_instance(&engine);
        let exports = guest.witbind_guests_guest_side();
        let stacks = exports.stack();
        let a: ResourceAny = stacks.call_constructor(&mut store).unwrap();
        let b = stacks.call_constructor(&mut store).unwrap();
        assert_eq!(stacks.call_id(&mut store, &a).unwrap(), 1, "{backend}");
        assert_eq!(stacks.call_id(&mut store, &b).unwrap(), 2, "{backend}");
        for v in [1, 2, 3] {
            stacks.call_push(&mut store, &a, v).unwrap();
        }
        stacks.call_push(&mut store, &b, 10).unwrap();
        assert_eq!(exports.call_sum(&mut store, &a).unwrap(), 6, "{backend}");
        assert_eq!(
            stacks.call_pop(&mut store, &a).unwrap(),
            Some(3),
            "{backend}"
        );

        // merge borrows `a` and consumes `b`, whose destructor reports its id.
        let merged = exports.call_merge(&mut store, &a, b).unwrap();
        assert_eq!(
            stacks.call_len(&mut store, &merged).unwrap(),
            3,
            "{backend}"
        );
        assert_eq!(
            exports.call_sum(&mut store, &merged).unwrap(),
            13,
            "{backend}"
        );
        assert_eq!(
            store.data().events,
            [HostEvent::StackDropped(2)],
            "{backend}"
        );

        stacks.resource_drop(&mut store, a).unwrap();
        assert_eq!(
            store.data().events,
            [HostEvent::StackDropped(2), HostEvent::StackDropped(1)],
            "{backend}"
        );
        stacks.resource_drop(&mut store, merged).unwrap();
        assert_eq!(
            store.data().events.last(),
            Some(&HostEvent::StackDropped(3)),
            "{backend}"
        );
    }
}

#[test]
fn host_resources_cross_into_the_guest_owned_and_borrowed() {
    use resources::witbind::guests::host_side::{Counter, HostCounter};
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let (mut store, guest) = resources_instance(&engine);
        let exports = guest.witbind_guests_guest_side();

        // The guest constructs a host counter through the host's constructor.
        let made: Resource<Counter> = exports.call_make_counter(&mut store, 7).unwrap();
        assert_eq!(store.data().counter_value(made.rep()), Some(7), "{backend}");

        // Lent to the guest, read and bumped in place.
        exports.call_bump_counter(&mut store, &made, 3).unwrap();
        assert_eq!(
            exports.call_read_counter(&mut store, &made).unwrap(),
            10,
            "{backend}"
        );

        // Given to the guest, which drops it: the host's `drop` runs.
        assert_eq!(
            exports.call_consume_counter(&mut store, made).unwrap(),
            10,
            "{backend}"
        );
        assert_eq!(
            store.data().events,
            [HostEvent::CounterDropped(0)],
            "{backend}"
        );

        // A counter the host made itself goes the same way.
        let own = HostCounter::new(store.data_mut(), 5).unwrap();
        assert_eq!(
            exports.call_consume_counter(&mut store, own).unwrap(),
            5,
            "{backend}"
        );
        assert_eq!(
            store.data().events.last(),
            Some(&HostEvent::CounterDropped(1)),
            "{backend}"
        );
    }
}

#[test]
fn with_mapped_interfaces_are_registered_by_the_world() {
    use resources::witbind::guests::host_side::Counter;
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let mut linker = Linker::new(&engine);
        resources_with::Resources::add_to_linker(&mut linker, |s: &mut HostState| s).unwrap();
        let mut store = Store::new(&engine, HostState::default());
        let guest = resources_with::Resources::instantiate(
            &mut store,
            &component(&engine, "resources"),
            &linker,
        )
        .unwrap();
        let exports = guest.witbind_guests_guest_side();
        // The mapped module's types are the ones the world uses.
        let made: Resource<Counter> = exports.call_make_counter(&mut store, 4).unwrap();
        exports.call_bump_counter(&mut store, &made, 1).unwrap();
        assert_eq!(
            exports.call_consume_counter(&mut store, made).unwrap(),
            5,
            "{backend}"
        );
        assert_eq!(
            store.data().events,
            [HostEvent::CounterDropped(0)],
            "{backend}"
        );
    }
}

#[test]
fn a_host_resource_method_returning_err_traps() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let (mut store, guest) = resources_instance(&engine);
        let exports = guest.witbind_guests_guest_side();
        // Rep 42 was never made: the host's `get` fails, which traps the call.
        let bogus = Resource::new_own(42);
        let err = exports.call_read_counter(&mut store, &bogus).unwrap_err();
        assert!(
            format!("{err:#}").contains("no live counter"),
            "{backend}: {err:#}"
        );
    }
}

#[test]
fn variants_enums_options_and_results_cross_both_ways() {
    use variants::{Color, Shape, Variants, Wide};
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let linker = Linker::new(&engine);
        let mut store = Store::new(&engine, ());
        let guest =
            Variants::instantiate(&mut store, &component(&engine, "variants"), &linker).unwrap();
        assert_eq!(
            guest.call_next_color(&mut store, Color::Blue).unwrap(),
            Color::Red,
            "{backend}"
        );
        assert_eq!(
            guest
                .call_area(&mut store, &Shape::Rect((2.0, 3.5)))
                .unwrap(),
            7.0,
            "{backend}"
        );
        assert_eq!(
            guest.call_area(&mut store, &Shape::Circle(2.0)).unwrap(),
            12.0,
            "{backend}"
        );
        assert_eq!(
            guest
                .call_area(&mut store, &Shape::Label("héllo".into()))
                .unwrap(),
            6.0,
            "{backend}"
        );
        for w in [
            Wide::Small(7),
            Wide::Big(u64::MAX),
            Wide::Real(1.5),
            Wide::Double(-2.25),
            Wide::Text("wide".into()),
            Wide::Nothing,
        ] {
            assert_eq!(
                guest.call_echo_wide(&mut store, &w).unwrap(),
                w,
                "{backend}"
            );
        }
        assert_eq!(
            guest
                .call_echo_nested_option(&mut store, Some(Some("x")))
                .unwrap(),
            Some(Some("x".into())),
            "{backend}"
        );
        assert_eq!(
            guest.call_checked_div(&mut store, 7, 2).unwrap(),
            Ok(3),
            "{backend}"
        );
        assert_eq!(
            guest.call_checked_div(&mut store, 1, 0).unwrap(),
            Err("division by zero".to_string()),
            "{backend}"
        );
        assert_eq!(
            guest.call_echo_result_err_only(&mut store, Err(9)).unwrap(),
            Err(9),
            "{backend}"
        );
    }
}

#[test]
fn records_and_tuples_cross_both_ways() {
    use records::{Point, Records};
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let mut store = Store::new(&engine, ());
        let guest = Records::instantiate(
            &mut store,
            &component(&engine, "records"),
            &Linker::new(&engine),
        )
        .unwrap();
        let p = Point { x: 3, y: -4 };
        assert_eq!(
            guest.call_echo_point(&mut store, &p).unwrap(),
            p,
            "{backend}"
        );
        assert_eq!(
            guest.call_translate(&mut store, &p, 1, 1).unwrap(),
            Point { x: 4, y: -3 },
            "{backend}"
        );
        assert_eq!(
            guest.call_swap(&mut store, (7, "s")).unwrap(),
            ("s".to_string(), 7),
            "{backend}"
        );
    }
}

#[test]
fn flags_and_lists_cross_both_ways() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let mut store = Store::new(&engine, ());
        let linker = Linker::new(&engine);
        let flags =
            flag_sets::FlagSets::instantiate(&mut store, &component(&engine, "flag-sets"), &linker)
                .unwrap();
        let set = flag_sets::ThirtyTwo::B0 | flag_sets::ThirtyTwo::B31;
        assert_eq!(
            flags.call_count_thirty_two(&mut store, set).unwrap(),
            2,
            "{backend}"
        );
        assert_eq!(
            flags.call_invert_thirty_two(&mut store, set).unwrap(),
            !set,
            "{backend}"
        );

        let mut store = Store::new(&engine, ());
        let lists =
            lists::Lists::instantiate(&mut store, &component(&engine, "lists"), &linker).unwrap();
        assert_eq!(
            lists.call_count_up(&mut store, 4).unwrap(),
            [0, 1, 2, 3],
            "{backend}"
        );
        assert_eq!(
            lists.call_sum_u64s(&mut store, &[u64::MAX, 2]).unwrap(),
            1,
            "{backend}"
        );
        let strings = ["ab".to_string(), "ç".to_string()];
        assert_eq!(
            lists.call_total_len(&mut store, &strings).unwrap(),
            4,
            "{backend}"
        );
    }
}

#[test]
fn a_stale_handle_is_the_hosts_mistake_and_leaves_the_instance_usable() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let (mut store, guest) = resources_instance(&engine);
        let stacks = guest.witbind_guests_guest_side().stack();
        let a: ResourceAny = stacks.call_constructor(&mut store).unwrap();
        let kept = a.clone();
        stacks.resource_drop(&mut store, a).unwrap();
        // The handle the host kept names a freed slot: refused before any guest code runs.
        let err = stacks.call_id(&mut store, &kept).unwrap_err();
        assert_eq!(
            err.downcast_ref::<witbind::Trap>(),
            Some(&witbind::Trap::UnknownHandle(kept.index())),
            "{backend}: {err:?}"
        );
        // The instance was not poisoned by the host's mistake.
        let b = stacks.call_constructor(&mut store).unwrap();
        assert_eq!(stacks.call_id(&mut store, &b).unwrap(), 2, "{backend}");
    }
}

#[test]
fn generated_calls_and_drops_refuse_a_handle_of_another_resource_type() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let mut linker = Linker::new(&engine);
        resources::Resources::add_to_linker(&mut linker, |s: &mut HostState| s).unwrap();
        let mut store = Store::new(&engine, HostState::default());
        let component = component(&engine, "resources");
        // Two instances of one component: each defines its own `stack` type.
        let one = resources::Resources::instantiate(&mut store, &component, &linker).unwrap();
        let two = resources::Resources::instantiate(&mut store, &component, &linker).unwrap();
        let (stacks_one, stacks_two) = (
            one.witbind_guests_guest_side().stack(),
            two.witbind_guests_guest_side().stack(),
        );
        assert_ne!(stacks_one.ty(), stacks_two.ty(), "{backend}");
        let foreign: ResourceAny = stacks_one.call_constructor(&mut store).unwrap();
        assert_eq!(foreign.ty(), stacks_one.ty(), "{backend}");

        let wrong_type = |err: witbind::Error| {
            assert!(
                matches!(
                    err.downcast_ref::<witbind::Trap>(),
                    Some(witbind::Trap::WrongHandleType { .. })
                ),
                "{backend}: {err:?}"
            );
        };
        wrong_type(stacks_two.call_push(&mut store, &foreign, 1).unwrap_err());
        wrong_type(
            two.witbind_guests_guest_side()
                .call_sum(&mut store, &foreign)
                .unwrap_err(),
        );
        wrong_type(
            stacks_two
                .resource_drop(&mut store, foreign.clone())
                .unwrap_err(),
        );

        // Refused before any guest code ran: the second instance is usable,
        // its first stack is number 1, and the handle still works where it
        // belongs.
        let own = stacks_two.call_constructor(&mut store).unwrap();
        assert_eq!(
            stacks_two.call_id(&mut store, &own).unwrap(),
            1,
            "{backend}"
        );
        stacks_one.call_push(&mut store, &foreign, 5).unwrap();
        assert_eq!(
            stacks_one.call_len(&mut store, &foreign).unwrap(),
            1,
            "{backend}"
        );
        stacks_one.resource_drop(&mut store, foreign).unwrap();
    }
}

#[test]
fn generated_calls_pass_more_parameters_than_a_rust_tuple_holds() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let linker = Linker::new(&engine);
        let mut store = Store::new(&engine, ());
        let guest =
            many_args::ManyArgs::instantiate(&mut store, &component(&engine, "many-args"), &linker)
                .unwrap();
        let sum = guest
            .call_sum18(
                &mut store, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17,
            )
            .unwrap();
        assert_eq!(sum, 153, "{backend}");
        let joined = guest
            .call_join9(&mut store, "a", "b", "c", "d", "e", "f", "g", "h", "i")
            .unwrap();
        assert_eq!(joined, "a,b,c,d,e,f,g,h,i", "{backend}");
    }
}

/// The same call through a `TypedFunc` whose parameters are a
/// `#[component(tuple)]` struct: typed calls of any arity.
#[test]
fn typed_calls_take_a_tuple_struct_for_long_parameter_lists() {
    #[derive(witbind::ComponentType, witbind::Lower)]
    #[component(tuple)]
    struct Sum18(
        u32,
        u32,
        u32,
        u32,
        u32,
        u32,
        u32,
        u32,
        u32,
        u32,
        u32,
        u32,
        u32,
        u32,
        u32,
        u32,
        u32,
        u32,
    );
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let mut store = Store::new(&engine, ());
        let instance = Linker::new(&engine)
            .instantiate(&mut store, &component(&engine, "many-args"))
            .unwrap();
        let sum18 = instance
            .get_typed_func::<Sum18, (u32,)>(&mut store, "sum18")
            .unwrap();
        let args = Sum18(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 100);
        assert_eq!(sum18.call(&mut store, args).unwrap(), (117,), "{backend}");
        // A parameter list of another length is refused, naming both types.
        let err = instance
            .get_typed_func::<(u32, u32), (u32,)>(&mut store, "sum18")
            .unwrap_err();
        assert!(
            err.to_string().contains("does not match"),
            "{backend}: {err}"
        );
    }
}
