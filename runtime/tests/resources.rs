//! Resources through the public API: `canon resource.*`, host handles lifted
//! and lowered through contexts, and the host's `ResourceTable`.

use witbind::resources::{Destructor, HandleKind, HandleTable};
use witbind::types::ResourceType;
use witbind::{
    Borrowed, ComponentType, FlatReader, FlatWriter, Lift, LiftContext, Lower, LowerContext,
    Resource, ResourceAny, ResourceTable, ResourceTableError, ResourceTables, StringEncoding, Trap,
    Type, VecMemory,
};

struct File;
struct Socket;

fn trap_of<T: std::fmt::Debug>(result: witbind::Result<T>) -> Trap {
    let err = result.expect_err("expected a trap");
    err.downcast_ref::<Trap>()
        .unwrap_or_else(|| panic!("not a trap: {err:#}"))
        .clone()
}

/// A resource type the guest instance implements.
fn counter() -> ResourceType {
    ResourceType::defined("counter", 1)
}

/// A resource type another instance implements.
fn foreign() -> ResourceType {
    ResourceType::defined("foreign", 2)
}

fn tables() -> ResourceTables {
    let mut tables = ResourceTables::new();
    tables.implement(counter());
    tables
}

/// Lowers `value` to its one flat value through a context over `tables`.
fn lower<T: Lower>(tables: &mut ResourceTables, value: &T) -> witbind::Result<u32> {
    let mut cx =
        LowerContext::<VecMemory>::without_memory(StringEncoding::Utf8).with_resources(tables);
    let mut slots = [0u64; 1];
    value.lower_flat(&mut cx, &mut FlatWriter::new(&mut slots))?;
    Ok(slots[0] as u32)
}

/// Lifts a `T` from the flat value `index` through a context over `tables`.
fn lift<T: for<'a> Lift<'a>>(tables: &mut ResourceTables, index: u32) -> witbind::Result<T> {
    let mut cx = LiftContext::without_memory(StringEncoding::Utf8).with_resources(tables);
    T::lift_flat(&mut cx, &mut FlatReader::new(&[u64::from(index)]))
}

#[test]
fn resource_new_rep_and_drop_of_an_implemented_type() {
    let mut tables = tables();
    let i = tables.resource_new(&counter(), 42).unwrap();
    assert_eq!(tables.resource_rep(i, &counter()).unwrap(), 42);
    let dropped = tables.resource_drop(i, &counter()).unwrap();
    assert_eq!((dropped.rep, dropped.kind), (42, HandleKind::Own));
    assert_eq!(dropped.destructor, Destructor::Instance);
    assert_eq!(
        trap_of(tables.resource_rep(i, &counter())),
        Trap::UnknownHandle(i)
    );
}

#[test]
fn resource_new_of_a_type_the_instance_does_not_implement_is_refused() {
    let mut tables = tables();
    assert!(tables.resource_new(&foreign(), 1).is_err());
    assert_eq!(tables.guest().live(), 0);
}

#[test]
fn dropping_an_own_names_the_implementer_to_destroy_it() {
    let mut tables = tables();
    let host = tables
        .lower_own(&Resource::<File>::resource_type(), 1)
        .unwrap();
    let other = tables.lower_own(&foreign(), 2).unwrap();
    let dropped = tables
        .resource_drop(host, &Resource::<File>::resource_type())
        .unwrap();
    assert_eq!((dropped.rep, dropped.destructor), (1, Destructor::Host));
    let dropped = tables.resource_drop(other, &foreign()).unwrap();
    assert_eq!((dropped.rep, dropped.destructor), (2, Destructor::Foreign));
}

#[test]
fn dropping_a_borrow_runs_no_destructor_and_ends_its_count() {
    let mut tables = tables();
    tables.enter_call();
    let i = lower(&mut tables, &Resource::<File>::new_own(5).as_borrow()).unwrap();
    let dropped = tables
        .resource_drop(i, &Resource::<File>::resource_type())
        .unwrap();
    assert_eq!((dropped.rep, dropped.kind), (5, HandleKind::Borrow));
    assert_eq!(dropped.destructor, Destructor::None);
    tables.exit_call().unwrap();
}

#[test]
fn an_own_resource_moves_into_the_guest_and_back() {
    let mut tables = tables();
    let index = lower(&mut tables, &Resource::<File>::new_own(7)).unwrap();
    let entry = tables.guest().get(index).unwrap();
    assert_eq!((entry.rep(), entry.kind()), (7, HandleKind::Own));
    assert!(Resource::<File>::is_type(entry.ty()));

    let back: Resource<File> = lift(&mut tables, index).unwrap();
    assert_eq!(back.rep(), 7);
    assert!(back.owned());
    assert_eq!(tables.guest().live(), 0);
    // The handle moved out: lifting it again names nothing.
    assert_eq!(
        trap_of(lift::<Resource<File>>(&mut tables, index)),
        Trap::UnknownHandle(index)
    );
}

#[test]
fn lifting_a_handle_of_another_resource_type_traps() {
    let mut tables = tables();
    let index = lower(&mut tables, &Resource::<Socket>::new_own(7)).unwrap();
    let trap = trap_of(lift::<Resource<File>>(&mut tables, index));
    assert!(
        matches!(trap, Trap::WrongHandleType { index: i, .. } if i == index),
        "{trap:?}"
    );
    assert_eq!(
        tables.guest().live(),
        1,
        "a trapping lift leaves the handle in place"
    );
}

#[test]
fn a_borrowed_resource_cannot_be_lowered_as_own() {
    let mut tables = tables();
    let err = lower(&mut tables, &Resource::<File>::new_borrow(7)).unwrap_err();
    assert!(err.downcast_ref::<Trap>().is_none(), "{err:#}");
    assert_eq!(tables.guest().live(), 0);
}

#[test]
fn borrows_lowered_into_an_export_call_must_be_dropped_before_it_returns() {
    let mut tables = tables();
    tables.enter_call();
    let file = Resource::<File>::new_own(3);
    let index = lower(&mut tables, &file.as_borrow()).unwrap();
    assert_eq!(
        tables.guest().get(index).unwrap().kind(),
        HandleKind::Borrow
    );
    assert_eq!(
        trap_of(tables.exit_call()),
        Trap::BorrowNotDropped { count: 1 }
    );
}

#[test]
fn a_borrow_of_a_resource_the_guest_implements_passes_the_rep() {
    let mut tables = tables();
    let guest_index = tables.resource_new(&counter(), 99).unwrap();
    let held: ResourceAny = lift(&mut tables, guest_index).unwrap();
    tables.enter_call();
    let passed = lower(&mut tables, &held.as_borrow()).unwrap();
    assert_eq!(passed, 99, "the implementer receives its own rep");
    assert_eq!(tables.guest().live(), 0, "no borrow handle was created");
    // The host's own handle is lent while the call runs.
    let held_ty = held.ty().clone();
    assert_eq!(
        trap_of(tables.drop_host(held.clone())),
        Trap::OwnStillLent {
            index: held.index(),
            lends: 1
        }
    );
    tables.exit_call().unwrap();
    let dropped = tables.drop_host(held).unwrap();
    assert_eq!(
        (dropped.rep, dropped.destructor),
        (99, Destructor::Instance)
    );
    assert_eq!(dropped.ty, held_ty);
}

#[test]
fn a_guest_lending_its_own_handle_to_an_import_keeps_it() {
    let mut tables = tables();
    let index = lower(&mut tables, &Resource::<File>::new_own(8)).unwrap();
    tables.enter_call();
    let borrowed: Borrowed<Resource<File>> = lift(&mut tables, index).unwrap();
    assert_eq!(borrowed.get().rep(), 8);
    assert!(!borrowed.get().owned());
    let file = Resource::<File>::resource_type();
    assert_eq!(
        trap_of(tables.resource_drop(index, &file)),
        Trap::OwnStillLent { index, lends: 1 }
    );
    tables.exit_call().unwrap();
    let dropped = tables.resource_drop(index, &file).unwrap();
    assert_eq!((dropped.rep, dropped.destructor), (8, Destructor::Host));
}

#[test]
fn a_guest_resource_moves_to_the_host_and_back() {
    let mut tables = tables();
    let guest_index = tables.resource_new(&counter(), 5).unwrap();
    let held: ResourceAny = lift(&mut tables, guest_index).unwrap();
    assert!(held.owned());
    assert_eq!(held.ty(), &counter());
    assert_eq!(tables.guest().live(), 0);
    assert_eq!(tables.host().get(held.index()).unwrap().rep(), 5);

    let again = lower(&mut tables, &held).unwrap();
    assert_eq!(tables.resource_rep(again, &counter()).unwrap(), 5);
    assert_eq!(tables.host().live(), 0);
    // Ownership went back to the guest: the host's copy of the handle is stale.
    assert_eq!(
        trap_of(lower(&mut tables, &held)),
        Trap::UnknownHandle(held.index())
    );
}

#[test]
fn a_guest_lending_to_the_host_gets_its_handle_back_when_the_call_ends() {
    let mut tables = tables();
    let guest_index = tables.resource_new(&counter(), 5).unwrap();
    tables.enter_call();
    let borrowed: Borrowed<ResourceAny> = lift(&mut tables, guest_index).unwrap();
    assert_eq!(borrowed.get().kind(), HandleKind::Borrow);
    assert_eq!(tables.host().live(), 1);
    assert_eq!(tables.guest().get(guest_index).unwrap().lends(), 1);
    tables.exit_call().unwrap();
    assert_eq!(
        tables.host().live(),
        0,
        "the host's borrow ended with the call"
    );
    assert_eq!(tables.guest().get(guest_index).unwrap().lends(), 0);
    assert_eq!(
        trap_of(tables.drop_host(borrowed.into_inner())),
        Trap::UnknownHandle(1)
    );
}

#[test]
fn a_borrowed_guest_resource_cannot_be_given_back_as_own() {
    let mut tables = tables();
    let guest_index = tables.resource_new(&counter(), 5).unwrap();
    tables.enter_call();
    let borrowed: Borrowed<ResourceAny> = lift(&mut tables, guest_index).unwrap();
    let trap = trap_of(lower(&mut tables, borrowed.get()));
    assert!(
        matches!(
            trap,
            Trap::WrongHandleKind {
                expected: "own",
                ..
            }
        ),
        "{trap:?}"
    );
    tables.exit_call().unwrap();
}

#[test]
fn handles_without_resource_state_are_an_error_not_a_panic() {
    let mut slots = [0u64; 1];
    let mut cx = LowerContext::<VecMemory>::without_memory(StringEncoding::Utf8);
    let err = Resource::<File>::new_own(1)
        .lower_flat(&mut cx, &mut FlatWriter::new(&mut slots))
        .unwrap_err();
    assert!(err.to_string().contains("resource state"), "{err:#}");
    let mut cx = LiftContext::without_memory(StringEncoding::Utf8);
    let err = ResourceAny::lift_flat(&mut cx, &mut FlatReader::new(&[1])).unwrap_err();
    assert!(err.to_string().contains("resource state"), "{err:#}");
    // The context is still usable for values without handles.
    assert_eq!(
        u32::lift_flat(&mut cx, &mut FlatReader::new(&[9])).unwrap(),
        9
    );
}

#[test]
fn typechecks_match_kind_and_identity() {
    let file = Resource::<File>::resource_type();
    let socket = Resource::<Socket>::resource_type();
    assert!(Resource::<File>::typecheck(&Type::Own(file.clone())).is_ok());
    assert!(Resource::<File>::typecheck(&Type::Borrow(file.clone())).is_err());
    assert!(Resource::<File>::typecheck(&Type::Own(socket.clone())).is_err());
    assert!(Resource::<File>::typecheck(&Type::Own(counter())).is_err());
    assert!(Resource::<File>::typecheck(&Type::U32).is_err());
    assert!(Borrowed::<Resource<File>>::typecheck(&Type::Borrow(file.clone())).is_ok());
    assert!(Borrowed::<Resource<File>>::typecheck(&Type::Own(file.clone())).is_err());
    assert!(ResourceAny::typecheck(&Type::Own(counter())).is_ok());
    assert!(ResourceAny::typecheck(&Type::Borrow(counter())).is_err());
    assert!(Borrowed::<ResourceAny>::typecheck(&Type::Borrow(counter())).is_ok());
    assert!(Borrowed::<ResourceAny>::typecheck(&Type::Own(counter())).is_err());
    // Host types are told apart by Rust type, whatever name the WIT gives.
    assert!(
        Resource::<File>::typecheck(&Type::Own(ResourceType::host::<File>("wit-file"))).is_ok()
    );
}

#[test]
fn handles_in_memory_round_trip_through_a_list() {
    let mut tables = tables();
    let mut memory = VecMemory::new(vec![0; 64], |_, _, _, _, _| Ok(16));
    let files = vec![Resource::<File>::new_own(1), Resource::<File>::new_own(2)];
    let (ptr, len) = {
        let mut cx =
            LowerContext::new(&mut memory, StringEncoding::Utf8).with_resources(&mut tables);
        witbind::abi::lower_list(&mut cx, &files).unwrap()
    };
    assert_eq!((ptr, len), (16, 2));
    let bytes = memory.bytes();
    let first = u32::from_le_bytes(bytes[16..20].try_into().unwrap());
    let second = u32::from_le_bytes(bytes[20..24].try_into().unwrap());
    assert_eq!(tables.guest().get(first).unwrap().rep(), 1);
    assert_eq!(tables.guest().get(second).unwrap().rep(), 2);

    let mut cx = LiftContext::new(bytes, StringEncoding::Utf8).with_resources(&mut tables);
    let lifted: Vec<Resource<File>> = Vec::lift_flat(
        &mut cx,
        &mut FlatReader::new(&[u64::from(ptr), u64::from(len)]),
    )
    .unwrap();
    assert_eq!(lifted, files);
    assert_eq!(tables.guest().live(), 0);
}

#[test]
fn tables_can_be_given_a_smaller_limit() {
    let mut tables = ResourceTables::with_tables(HandleTable::with_limit(2), HandleTable::new());
    lower(&mut tables, &Resource::<File>::new_own(1)).unwrap();
    assert_eq!(
        trap_of(lower(&mut tables, &Resource::<File>::new_own(2))),
        Trap::HandleTableFull
    );
}

#[test]
fn resource_table_stores_and_finds_host_objects() {
    let mut table = ResourceTable::new();
    let a = table.push(String::from("a")).unwrap();
    let b = table.push(7u64).unwrap();
    assert!(a.owned());
    assert_eq!(table.len(), 2);
    assert_eq!(table.get(&a).unwrap(), "a");
    *table.get_mut(&b).unwrap() += 1;
    assert_eq!(
        *table.get(&Resource::<u64>::new_borrow(b.rep())).unwrap(),
        8
    );
    assert_eq!(table.delete(b).unwrap(), 8);
    assert!(!table.is_empty());
    assert_eq!(table.delete(a).unwrap(), "a");
    assert!(table.is_empty());
}

#[test]
fn resource_table_errors_are_typed() {
    let mut table = ResourceTable::new();
    let a = table.push(String::from("a")).unwrap();
    let rep = a.rep();
    assert_eq!(
        table.get(&Resource::<u64>::new_own(rep)).unwrap_err(),
        ResourceTableError::WrongType {
            rep,
            expected: "u64"
        }
    );
    assert_eq!(
        table
            .delete(Resource::<String>::new_borrow(rep))
            .unwrap_err(),
        ResourceTableError::NotOwned(rep)
    );
    assert!(matches!(
        table.delete(Resource::<u64>::new_own(rep)).unwrap_err(),
        ResourceTableError::WrongType { .. }
    ));
    assert_eq!(table.delete(a).unwrap(), "a");
    assert_eq!(
        table.get(&Resource::<String>::new_own(rep)).unwrap_err(),
        ResourceTableError::NotPresent(rep)
    );
    assert_eq!(
        table.get_mut(&Resource::<String>::new_own(99)).unwrap_err(),
        ResourceTableError::NotPresent(99)
    );
    // The freed rep is reused.
    assert_eq!(table.push(1u8).unwrap().rep(), rep);
}

#[test]
fn lifting_and_lowering_guest_resources_with_a_known_type_checks_it() {
    let mut tables = tables();
    let i = tables.resource_new(&counter(), 5).unwrap();
    let trap = trap_of(tables.lift_any(i, HandleKind::Own, Some(&foreign())));
    assert!(
        matches!(trap, Trap::WrongHandleType { index, .. } if index == i),
        "{trap:?}"
    );
    assert_eq!(
        tables.guest().live(),
        1,
        "the trap left the handle in place"
    );

    let held = tables
        .lift_any(i, HandleKind::Own, Some(&counter()))
        .unwrap();
    let trap = trap_of(tables.lower_any(&held, HandleKind::Own, Some(&foreign())));
    assert!(matches!(trap, Trap::WrongHandleType { .. }), "{trap:?}");
    assert_eq!(tables.host().live(), 1);
    let back = tables
        .lower_any(&held, HandleKind::Own, Some(&counter()))
        .unwrap();
    assert_eq!(tables.resource_rep(back, &counter()).unwrap(), 5);
}
