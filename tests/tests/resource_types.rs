//! A handle must be of the resource type the signature names, as the
//! spec's `lift_own`/`lift_borrow` require (`h.rt is not t.rt` traps): for
//! `ResourceAny`, whose Rust type does not fix its resource type, witbind
//! checks the values themselves, in both directions and inside containers.

use witbind::{Borrowed, Component, Engine, Instance, Linker, Resource, ResourceAny, Store, Trap};

/// A guest defining `file` and `socket` and importing the host's
/// `host-file` and `host-socket`.
const TWO_RESOURCES: &str = include_str!("../wat/two_resources.wat");

struct HostFile;
struct HostSocket;

fn instantiate(engine: &Engine) -> (Store<()>, Instance) {
    let component = Component::new(engine, wat::parse_str(TWO_RESOURCES).unwrap()).unwrap();
    let mut linker = Linker::new(engine);
    let mut net = linker.instance("test:host/net").unwrap();
    net.resource::<HostFile>("host-file", |_, _| Ok(()))
        .unwrap();
    net.resource::<HostSocket>("host-socket", |_, _| Ok(()))
        .unwrap();
    net.func_wrap("read-file", |_, (f,): (Borrowed<ResourceAny>,)| {
        Ok((f.get().index(),))
    })
    .unwrap();
    let mut store = Store::new(engine, ());
    let instance = linker.instantiate(&mut store, &component).unwrap();
    (store, instance)
}

fn trap(err: &witbind::Error) -> Option<&Trap> {
    err.downcast_ref::<Trap>()
}

fn calls(store: &mut Store<()>, instance: &Instance) -> u32 {
    let calls = instance
        .get_typed_func::<(), (u32,)>(&mut *store, "calls")
        .unwrap();
    calls.call(store, ()).unwrap().0
}

#[test]
fn a_guest_returning_a_handle_of_another_resource_traps() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let (mut store, instance) = instantiate(&engine);
        let forge = instance
            .get_typed_func::<(u32,), (ResourceAny,)>(&mut store, "forge-file")
            .unwrap();
        let err = forge.call(&mut store, (3,)).unwrap_err();
        match trap(&err) {
            Some(Trap::WrongHandleType {
                expected, found, ..
            }) => {
                assert_eq!((expected.as_str(), found.as_str()), ("file", "socket"));
            }
            other => panic!("{backend}: expected a wrong-handle-type trap, got {other:?}: {err:?}"),
        }
        // The spec's trap poisons the instance, as every guest fault does.
        let again = forge.call(&mut store, (3,)).unwrap_err();
        assert_eq!(trap(&again), Some(&Trap::InstanceTrapped), "{backend}");
    }
}

#[test]
fn the_host_passing_a_handle_of_another_resource_is_refused_before_the_guest_runs() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let (mut store, instance) = instantiate(&engine);
        let make_file = instance
            .get_typed_func::<(u32,), (ResourceAny,)>(&mut store, "make-file")
            .unwrap();
        let make_socket = instance
            .get_typed_func::<(u32,), (ResourceAny,)>(&mut store, "make-socket")
            .unwrap();
        let peek = instance
            .get_typed_func::<(Borrowed<ResourceAny>,), (u32,)>(&mut store, "peek-file")
            .unwrap();
        let peek_maybe = instance
            .get_typed_func::<(Option<Borrowed<ResourceAny>>,), (u32,)>(
                &mut store,
                "peek-maybe-file",
            )
            .unwrap();
        let (file,) = make_file.call(&mut store, (7,)).unwrap();
        let (socket,) = make_socket.call(&mut store, (9,)).unwrap();

        let err = peek.call(&mut store, (socket.as_borrow(),)).unwrap_err();
        assert!(
            matches!(trap(&err), Some(Trap::WrongHandleType { .. })),
            "{backend}: {err:?}"
        );
        // Nested in an option too: the guest would have received the
        // socket's rep as a file's.
        let err = peek_maybe
            .call(&mut store, (Some(socket.as_borrow()),))
            .unwrap_err();
        assert!(
            matches!(trap(&err), Some(Trap::WrongHandleType { .. })),
            "{backend}: {err:?}"
        );
        // No guest code ran, and the instance is not poisoned: the right
        // handle still works.
        assert_eq!(calls(&mut store, &instance), 0, "{backend}");
        assert_eq!(peek.call(&mut store, (file.as_borrow(),)).unwrap(), (7,));
        assert_eq!(
            peek_maybe
                .call(&mut store, (Some(file.as_borrow()),))
                .unwrap(),
            (7,)
        );
        assert_eq!(calls(&mut store, &instance), 2, "{backend}");
    }
}

#[test]
fn a_guest_passing_a_host_handle_of_another_resource_to_an_import_traps() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let (mut store, instance) = instantiate(&engine);
        let read_file = instance
            .get_typed_func::<(Borrowed<Resource<HostFile>>,), (u32,)>(&mut store, "read-host-file")
            .unwrap();
        let read_socket = instance
            .get_typed_func::<(Borrowed<Resource<HostSocket>>,), (u32,)>(
                &mut store,
                "read-host-socket",
            )
            .unwrap();
        let file = Resource::<HostFile>::new_own(1);
        read_file.call(&mut store, (file.as_borrow(),)).unwrap();
        // The guest lends the socket to `read-file`, whose host function
        // takes a `ResourceAny`: the lift must refuse it.
        let socket = Resource::<HostSocket>::new_own(2);
        let err = read_socket
            .call(&mut store, (socket.as_borrow(),))
            .unwrap_err();
        match trap(&err) {
            Some(Trap::WrongHandleType { found, .. }) => {
                assert!(found.contains("HostSocket"), "{backend}: {found}");
            }
            other => panic!("{backend}: expected a wrong-handle-type trap, got {other:?}: {err:?}"),
        }
    }
}
