//! `bindgen!` bindings of the `maps` guest: `map<K, V>` as `HashMap` (the
//! default), `BTreeMap` or `Vec<(K, V)>`, fixed-length lists as arrays, in
//! exports and in a host import, on both engines.

use std::collections::{BTreeMap, HashMap};

use witbind::{Component, Engine, Linker, Store};
use witbind_tests::fixtures;

mod hashed {
    ::witbind::bindgen!({ path: "guests/wit/maps.wit", world: "maps" });
}

mod ordered {
    ::witbind::bindgen!({ path: "guests/wit/maps.wit", world: "maps", map_type: BTreeMap });
}

mod raw {
    ::witbind::bindgen!({ path: "guests/wit/maps.wit", world: "maps", map_type: Vec });
}

mod borrowing {
    ::witbind::bindgen!({
        path: "guests/wit/maps.wit",
        world: "maps",
        ownership: Borrowing { duplicate_if_necessary: false },
    });
}

/// What the host's `total` import saw, in the order it was called.
#[derive(Default)]
struct Host {
    totals: Vec<u64>,
}

impl hashed::MapsImports for Host {
    fn total(&mut self, m: HashMap<String, u32>) -> u64 {
        let sum = m.values().map(|&v| u64::from(v)).sum();
        self.totals.push(sum);
        sum
    }
}

impl ordered::MapsImports for Host {
    fn total(&mut self, m: BTreeMap<String, u32>) -> u64 {
        m.values().map(|&v| u64::from(v)).sum()
    }
}

impl raw::MapsImports for Host {
    fn total(&mut self, m: Vec<(String, u32)>) -> u64 {
        m.iter().map(|&(_, v)| u64::from(v)).sum()
    }
}

impl borrowing::MapsImports for Host {
    fn total(&mut self, m: HashMap<String, u32>) -> u64 {
        m.values().map(|&v| u64::from(v)).sum()
    }
}

// The types-only interface `map-types` has an empty host trait.
impl hashed::witbind::guests::map_types::Host for Host {}
impl ordered::witbind::guests::map_types::Host for Host {}
impl raw::witbind::guests::map_types::Host for Host {}
impl borrowing::witbind::guests::map_types::Host for Host {}

fn component(engine: &Engine) -> Component {
    Component::from_file(engine, fixtures::path("maps")).unwrap()
}

fn counts(entries: &[(&str, u32)]) -> HashMap<String, u32> {
    entries.iter().map(|&(k, v)| (k.to_string(), v)).collect()
}

#[test]
fn hash_maps_and_arrays_cross_in_both_directions() {
    use hashed::{Inventory, Maps};
    for engine in witbind_tests::engines() {
        let kind = engine.backend_kind();
        let mut linker = Linker::new(&engine);
        Maps::add_to_linker(&mut linker, |h: &mut Host| h).unwrap();
        let mut store = Store::new(&engine, Host::default());
        let guest = Maps::instantiate(&mut store, &component(&engine), &linker).unwrap();

        let m = counts(&[("a", 1), ("b", 2), ("ü☃", u32::MAX)]);
        assert_eq!(guest.call_echo_counts(&mut store, &m).unwrap(), m, "{kind}");
        assert_eq!(
            guest.call_get(&mut store, &m, "b").unwrap(),
            Some(2),
            "{kind}"
        );
        assert_eq!(guest.call_get(&mut store, &m, "c").unwrap(), None, "{kind}");
        let nested: HashMap<i8, HashMap<String, f64>> = HashMap::from([
            (-3, HashMap::from([("pi".to_string(), 3.25)])),
            (0, HashMap::new()),
        ]);
        assert_eq!(
            guest.call_echo_nested(&mut store, &nested).unwrap(),
            nested,
            "{kind}"
        );
        // The guest's map is ordered by key and keeps one value per key.
        let by_id = HashMap::from([(9, "nine".to_string()), (-1, "minus".to_string())]);
        assert_eq!(
            guest.call_entries(&mut store, &by_id).unwrap(),
            [(-1, "minus".to_string()), (9, "nine".to_string())],
            "{kind}"
        );
        // A repeated key sent as pairs: the guest keeps the last value.
        let pairs = [("x".to_string(), 1), ("x".to_string(), 2)];
        assert_eq!(
            guest.call_from_pairs(&mut store, &pairs).unwrap(),
            counts(&[("x", 2)]),
            "{kind}"
        );

        let inventory = Inventory {
            counts: counts(&[("apples", 3)]),
            origin: [i32::MIN, 7],
            tags: [String::new(), "fresh".into()],
        };
        assert_eq!(
            guest.call_echo_inventory(&mut store, &inventory).unwrap(),
            inventory,
            "{kind}"
        );
        assert_eq!(
            guest
                .call_reverse_fixed(&mut store, [1, 2, 3, 4, 5])
                .unwrap(),
            [5, 4, 3, 2, 1],
            "{kind}"
        );
        let matrix = [[1.5, -0.0, f32::INFINITY], [0.0, 2.0, 1e-45]];
        let echoed = guest.call_echo_matrix(&mut store, matrix).unwrap();
        assert_eq!(
            echoed.map(|r| r.map(f32::to_bits)),
            matrix.map(|r| r.map(f32::to_bits))
        );

        // The host import receives the guest's map as a `HashMap`.
        let total = guest
            .call_total_via_host(&mut store, &counts(&[("a", 5), ("b", 7)]))
            .unwrap();
        assert_eq!(total, 12 + 2, "{kind}");
        assert_eq!(store.data().totals, [12], "{kind}");
    }
}

#[test]
fn ordered_maps_and_raw_entries_are_options() {
    for engine in witbind_tests::engines() {
        let kind = engine.backend_kind();

        let mut linker = Linker::new(&engine);
        ordered::Maps::add_to_linker(&mut linker, |h: &mut Host| h).unwrap();
        let mut store = Store::new(&engine, Host::default());
        let guest = ordered::Maps::instantiate(&mut store, &component(&engine), &linker).unwrap();
        let m = BTreeMap::from([("b".to_string(), 2), ("a".to_string(), 1)]);
        assert_eq!(guest.call_echo_counts(&mut store, &m).unwrap(), m, "{kind}");
        assert_eq!(
            guest.call_total_via_host(&mut store, &m).unwrap(),
            3 + 2,
            "{kind}"
        );

        // `Vec<(K, V)>` sends the entries as given, duplicates included,
        // and returns them as the guest wrote them.
        let mut linker = Linker::new(&engine);
        raw::Maps::add_to_linker(&mut linker, |h: &mut Host| h).unwrap();
        let mut store = Store::new(&engine, Host::default());
        let guest = raw::Maps::instantiate(&mut store, &component(&engine), &linker).unwrap();
        let entries = [
            ("b".to_string(), 1),
            ("a".to_string(), 2),
            ("b".to_string(), 3),
        ];
        assert_eq!(
            guest.call_echo_counts(&mut store, &entries).unwrap(),
            [("a".to_string(), 2), ("b".to_string(), 3)],
            "{kind}"
        );
        assert_eq!(
            guest.call_get(&mut store, &entries, "b").unwrap(),
            Some(3),
            "{kind}"
        );
    }
}

#[test]
fn borrowing_bindings_own_their_maps() {
    use borrowing::Maps;
    for engine in witbind_tests::engines() {
        let kind = engine.backend_kind();
        let mut linker = Linker::new(&engine);
        Maps::add_to_linker(&mut linker, |h: &mut Host| h).unwrap();
        let mut store = Store::new(&engine, Host::default());
        let guest = Maps::instantiate(&mut store, &component(&engine), &linker).unwrap();
        let m = counts(&[("k", 40)]);
        assert_eq!(
            guest.call_total_via_host(&mut store, &m).unwrap(),
            41,
            "{kind}"
        );
        assert_eq!(guest.call_echo_counts(&mut store, &m).unwrap(), m, "{kind}");
    }
}
