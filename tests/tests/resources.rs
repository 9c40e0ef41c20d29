//! Resources through the host: a resource the guest defines (handles it
//! creates with `resource.new`, held by the host as `ResourceAny`) and a
//! resource the host defines (`Resource<T>` handed to the guest).

use std::sync::{Arc, Mutex};

use witbind::{Borrowed, Component, Engine, Linker, Resource, ResourceAny, Store};

/// A guest defining resource `counter` (rep = its start value) with a
/// destructor that adds the rep to a global.
const GUEST_RESOURCE: &str = include_str!("../wat/guest_resource.wat");

#[test]
fn guest_resources_are_held_lent_and_dropped_by_the_host() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let component = Component::new(&engine, wat::parse_str(GUEST_RESOURCE).unwrap()).unwrap();
        let mut store = Store::new(&engine, ());
        let instance = Linker::new(&engine)
            .instantiate(&mut store, &component)
            .unwrap();
        let make = instance
            .get_typed_func::<(u32,), (ResourceAny,)>(&mut store, "make")
            .unwrap();
        let peek = instance
            .get_typed_func::<(Borrowed<ResourceAny>,), (u32,)>(&mut store, "peek")
            .unwrap();
        let dropped = instance
            .get_typed_func::<(), (u32,)>(&mut store, "dropped")
            .unwrap();

        let (seven,) = make.call(&mut store, (7,)).unwrap();
        let (five,) = make.call(&mut store, (5,)).unwrap();
        assert!(seven.owned(), "{backend}");
        assert_eq!(
            peek.call(&mut store, (seven.as_borrow(),)).unwrap(),
            (7,),
            "{backend}"
        );
        assert_eq!(
            peek.call(&mut store, (five.as_borrow(),)).unwrap(),
            (5,),
            "{backend}"
        );
        assert_eq!(dropped.call(&mut store, ()).unwrap(), (0,), "{backend}");
        instance.resource_drop(&mut store, seven).unwrap();
        assert_eq!(dropped.call(&mut store, ()).unwrap(), (7,), "{backend}");
        instance.resource_drop(&mut store, five).unwrap();
        assert_eq!(dropped.call(&mut store, ()).unwrap(), (12,), "{backend}");
    }
}

#[test]
fn a_guest_dropping_its_own_handle_runs_its_destructor() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let component = Component::new(&engine, wat::parse_str(GUEST_RESOURCE).unwrap()).unwrap();
        let mut store = Store::new(&engine, ());
        let instance = Linker::new(&engine)
            .instantiate(&mut store, &component)
            .unwrap();
        let make_and_drop = instance
            .get_typed_func::<(u32,), (u32,)>(&mut store, "make-and-drop")
            .unwrap();
        let dropped = instance
            .get_typed_func::<(), (u32,)>(&mut store, "dropped")
            .unwrap();
        make_and_drop.call(&mut store, (9,)).unwrap();
        assert_eq!(dropped.call(&mut store, ()).unwrap(), (9,), "{backend}");
    }
}

/// The host's resource type.
struct Thing;

const HOST_RESOURCE: &str = include_str!("../wat/host_resource.wat");

/// Host state: the things alive and the reps whose destructor ran.
#[derive(Default)]
struct Things {
    values: Vec<u32>,
    destroyed: Vec<u32>,
}

fn things_linker(engine: &Engine) -> Linker<Things> {
    let mut linker: Linker<Things> = Linker::new(engine);
    let mut things = linker.instance("test:host/things").unwrap();
    things
        .resource::<Thing>("thing", |mut store, rep| {
            store.data_mut().destroyed.push(rep);
            Ok(())
        })
        .unwrap();
    things
        .func_wrap("new-thing", |mut store, (v,): (u32,)| {
            let values = &mut store.data_mut().values;
            values.push(v);
            Ok((Resource::<Thing>::new_own(values.len() as u32 - 1),))
        })
        .unwrap();
    things
        .func_wrap(
            "thing-value",
            |store, (t,): (Borrowed<Resource<Thing>>,)| {
                let rep = t.get().rep() as usize;
                Ok((store.data().values.get(rep).copied().unwrap_or(u32::MAX),))
            },
        )
        .unwrap();
    linker
}

#[test]
fn host_resources_cross_into_the_guest_and_their_destructor_runs() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let component = Component::new(&engine, wat::parse_str(HOST_RESOURCE).unwrap()).unwrap();
        let mut store = Store::new(&engine, Things::default());
        let instance = things_linker(&engine)
            .instantiate(&mut store, &component)
            .unwrap();
        let run = instance
            .get_typed_func::<(u32,), (u32,)>(&mut store, "run")
            .unwrap();
        assert_eq!(run.call(&mut store, (41,)).unwrap(), (41,), "{backend}");
        assert_eq!(run.call(&mut store, (5,)).unwrap(), (5,), "{backend}");
        assert_eq!(store.data().destroyed, vec![0, 1], "{backend}");
    }
}

#[test]
fn a_resource_import_must_be_a_host_resource_type() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let component = Component::new(&engine, wat::parse_str(HOST_RESOURCE).unwrap()).unwrap();
        let mut store = Store::new(&engine, Things::default());
        let mut linker: Linker<Things> = Linker::new(&engine);
        let log = Arc::new(Mutex::new(0));
        let log2 = log.clone();
        let mut things = linker.instance("test:host/things").unwrap();
        things
            .func_wrap("thing", move |_, (): ()| {
                *log2.lock().unwrap() += 1;
                Ok(())
            })
            .unwrap();
        things
            .func_wrap("new-thing", |_, (v,): (u32,)| {
                Ok((Resource::<Thing>::new_own(v),))
            })
            .unwrap();
        things
            .func_wrap("thing-value", |_, (_,): (Borrowed<Resource<Thing>>,)| {
                Ok((0u32,))
            })
            .unwrap();
        let err = linker.instantiate(&mut store, &component).unwrap_err();
        let text = format!("{err:#}");
        assert!(text.contains("test:host/things#thing"), "{backend}: {text}");
        assert_eq!(*log.lock().unwrap(), 0, "{backend}");
    }
}

#[test]
fn dynamic_calls_carry_guest_resources_as_vals() {
    use witbind::Val;
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let component = Component::new(&engine, wat::parse_str(GUEST_RESOURCE).unwrap()).unwrap();
        let mut store = Store::new(&engine, ());
        let instance = Linker::new(&engine)
            .instantiate(&mut store, &component)
            .unwrap();
        let make = instance.get_func(&mut store, "make").unwrap();
        let peek = instance.get_func(&mut store, "peek").unwrap();
        let mut results = [Val::Bool(false)];
        make.call(&mut store, &[Val::U32(31)], &mut results)
            .unwrap();
        let Val::Resource(counter) = results[0].clone() else {
            panic!("`make` returned {results:?}");
        };
        peek.call(&mut store, &[Val::Resource(counter.clone())], &mut results)
            .unwrap();
        assert!(matches!(results[0], Val::U32(31)), "{backend}: {results:?}");
        instance.resource_drop(&mut store, counter).unwrap();
        let dropped = instance
            .get_typed_func::<(), (u32,)>(&mut store, "dropped")
            .unwrap();
        assert_eq!(dropped.call(&mut store, ()).unwrap(), (31,), "{backend}");
    }
}
