//! Resource handles in dynamic values: `Val::Resource` lifted and lowered as
//! `own<R>` and `borrow<R>` through a context's `ResourceTables`, against the
//! typed `ResourceAny` and `Resource<T>`, and every handle trap on the way.

use witbind::abi::options::{MAX_FLAT_PARAMS, MAX_FLAT_RESULTS};
use witbind::resources::{Destructor, HandleKind, HandleTable};
use witbind::types::{ListType, ResourceType};
use witbind::{
    Borrowed, FlatReader, FlatWriter, Lift, LiftContext, Lower, LowerContext, Resource,
    ResourceAny, ResourceTables, StringEncoding, Trap, Type, Val, VecMemory, lift_flat_values,
    lower_flat_values,
};

struct File;

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

fn file() -> ResourceType {
    Resource::<File>::resource_type()
}

fn tables() -> ResourceTables {
    let mut tables = ResourceTables::new();
    tables.implement(counter());
    tables
}

/// Lifts a `Val` of `ty` from the flat value `index` through `tables`.
fn lift_val(tables: &mut ResourceTables, ty: &Type, index: u32) -> witbind::Result<Val> {
    let mut cx = LiftContext::without_memory(StringEncoding::Utf8).with_resources(tables);
    Val::lift_flat(&mut cx, ty, &mut FlatReader::new(&[u64::from(index)]))
}

/// Lowers `val` as `ty` to its one flat value through `tables`.
fn lower_val(tables: &mut ResourceTables, val: &Val, ty: &Type) -> witbind::Result<u64> {
    let mut cx =
        LowerContext::<VecMemory>::without_memory(StringEncoding::Utf8).with_resources(tables);
    let mut slots = [0u64; 1];
    val.lower_flat(&mut cx, ty, &mut FlatWriter::new(&mut slots))?;
    Ok(slots[0])
}

fn lift_typed<T: for<'a> Lift<'a>>(tables: &mut ResourceTables, index: u32) -> witbind::Result<T> {
    let mut cx = LiftContext::without_memory(StringEncoding::Utf8).with_resources(tables);
    T::lift_flat(&mut cx, &mut FlatReader::new(&[u64::from(index)]))
}

fn lower_typed<T: Lower>(tables: &mut ResourceTables, value: &T) -> witbind::Result<u64> {
    let mut cx =
        LowerContext::<VecMemory>::without_memory(StringEncoding::Utf8).with_resources(tables);
    let mut slots = [0u64; 1];
    value.lower_flat(&mut cx, &mut FlatWriter::new(&mut slots))?;
    Ok(slots[0])
}

fn resource(val: &Val) -> &ResourceAny {
    match val {
        Val::Resource(resource) => resource,
        other => panic!("not a resource: {other:?}"),
    }
}

/// Every live entry of a handle table: index, rep, type, kind and lends.
type Entries = Vec<(u32, u32, ResourceType, HandleKind, u32)>;

fn entries(table: &HandleTable) -> Entries {
    (1..64)
        .filter_map(|i| {
            table
                .get(i)
                .ok()
                .map(|e| (i, e.rep(), e.ty().clone(), e.kind(), e.lends()))
        })
        .collect()
}

/// Both tables' entries, to compare the state two roads leave behind.
fn state(tables: &ResourceTables) -> (Entries, Entries) {
    (entries(tables.guest()), entries(tables.host()))
}

#[test]
fn a_guest_own_moves_to_the_host_and_back_through_val() {
    let mut tables = tables();
    let index = tables.resource_new(&counter(), 5).unwrap();
    let own = Type::Own(counter());
    let held = lift_val(&mut tables, &own, index).unwrap();
    let any = resource(&held).clone();
    assert_eq!((any.ty(), any.kind()), (&counter(), HandleKind::Own));
    assert_eq!(tables.guest().live(), 0, "lifting an own moved it out");
    assert_eq!(tables.host().get(any.index()).unwrap().rep(), 5);

    let again = lower_val(&mut tables, &held, &own).unwrap() as u32;
    assert_eq!(tables.resource_rep(again, &counter()).unwrap(), 5);
    assert_eq!(tables.host().live(), 0, "lowering an own moved it back");
    assert_eq!(
        trap_of(lower_val(&mut tables, &held, &own)),
        Trap::UnknownHandle(any.index()),
        "the host's copy of a handle it gave away is stale"
    );
}

#[test]
fn a_borrow_lifted_through_val_is_lent_for_the_call() {
    let mut tables = tables();
    let index = tables.resource_new(&counter(), 5).unwrap();
    tables.enter_call();
    let borrowed = lift_val(&mut tables, &Type::Borrow(counter()), index).unwrap();
    assert_eq!(resource(&borrowed).kind(), HandleKind::Borrow);
    assert_eq!(tables.guest().get(index).unwrap().lends(), 1);
    assert_eq!(tables.host().live(), 1);
    // A borrow cannot be given back as an own.
    let trap = trap_of(lower_val(&mut tables, &borrowed, &Type::Own(counter())));
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
    assert_eq!(tables.guest().get(index).unwrap().lends(), 0);
    assert_eq!(
        tables.host().live(),
        0,
        "the host's borrow ended with the call"
    );
}

#[test]
fn lowering_a_borrow_through_val_creates_a_scoped_handle_or_passes_the_rep() {
    let mut tables = tables();
    let index = tables.lower_own(&foreign(), 4).unwrap();
    let ours = lift_val(&mut tables, &Type::Own(foreign()), index).unwrap();
    let index = tables.resource_new(&counter(), 9).unwrap();
    let implemented = lift_val(&mut tables, &Type::Own(counter()), index).unwrap();

    tables.enter_call();
    let passed = lower_val(&mut tables, &implemented, &Type::Borrow(counter())).unwrap();
    assert_eq!(passed, 9, "the implementer receives its own rep");
    assert_eq!(tables.guest().live(), 0);
    let handle = lower_val(&mut tables, &ours, &Type::Borrow(foreign())).unwrap() as u32;
    let entry = tables.guest().get(handle).unwrap();
    assert_eq!((entry.rep(), entry.kind()), (4, HandleKind::Borrow));
    // Both of the host's owns are lent while the call runs.
    assert_eq!(
        tables.host().get(resource(&ours).index()).unwrap().lends(),
        1
    );
    assert_eq!(
        tables
            .host()
            .get(resource(&implemented).index())
            .unwrap()
            .lends(),
        1
    );
    tables.resource_drop(handle, &foreign()).unwrap();
    tables.exit_call().unwrap();
    assert_eq!(
        tables.host().get(resource(&ours).index()).unwrap().lends(),
        0
    );
}

/// Tables in which the host holds two owned handles inside a call: one of
/// `counter`, which the instance implements (rep 3), and one of `foreign`
/// (rep 6).
fn holding() -> (ResourceTables, [(ResourceAny, ResourceType); 2]) {
    let mut tables = tables();
    let index = tables.resource_new(&counter(), 3).unwrap();
    let implemented = tables.lift_any(index, HandleKind::Own, None).unwrap();
    let index = tables.lower_own(&foreign(), 6).unwrap();
    let other = tables.lift_any(index, HandleKind::Own, None).unwrap();
    tables.enter_call();
    (tables, [(implemented, counter()), (other, foreign())])
}

/// Asserts that two roads gave the same flat value and leave the same table
/// state, also once the call ends.
fn assert_same_outcome(
    (mut a, by_type): (ResourceTables, u64),
    (mut b, by_val): (ResourceTables, u64),
) {
    assert_eq!(by_type, by_val);
    assert_eq!(state(&a), state(&b));
    assert_eq!(trap_or_ok(a.exit_call()), trap_or_ok(b.exit_call()));
    assert_eq!(state(&a), state(&b));
}

/// Asserts that handles of two parallel tables are the same handle: type,
/// index and kind (their stamps name their own tables).
fn assert_same_handle(a: &ResourceAny, b: &ResourceAny) {
    assert_eq!((a.ty(), a.index(), a.kind()), (b.ty(), b.index(), b.kind()));
}

fn trap_or_ok(result: witbind::Result<()>) -> Option<Trap> {
    result.err().map(|err| trap_of::<()>(Err(err)))
}

#[test]
fn typed_guest_handles_and_val_resources_lower_alike() {
    for which in 0..2 {
        // Each road uses the handle its own tables hold: a handle of other
        // tables is refused (see `handles_of_other_tables_are_refused`).
        let (mut a, held) = holding();
        let (any, ty) = held[which].clone();
        let by_type = lower_typed(&mut a, &any).unwrap();
        let (mut b, held) = holding();
        let any = held[which].0.clone();
        let by_val =
            lower_val(&mut b, &Val::Resource(any.clone()), &Type::Own(ty.clone())).unwrap();
        assert_same_outcome((a, by_type), (b, by_val));

        let (mut a, held) = holding();
        let by_type = lower_typed(&mut a, &held[which].0.as_borrow()).unwrap();
        let (mut b, held) = holding();
        let any = held[which].0.clone();
        let by_val = lower_val(&mut b, &Val::Resource(any), &Type::Borrow(ty)).unwrap();
        assert_same_outcome((a, by_type), (b, by_val));
    }
}

#[test]
fn typed_guest_handles_and_val_resources_lift_alike() {
    let setup = || {
        let mut tables = tables();
        let index = tables.resource_new(&counter(), 3).unwrap();
        tables.enter_call();
        (tables, index)
    };
    let (mut a, index) = setup();
    let typed: ResourceAny = lift_typed(&mut a, index).unwrap();
    let (mut b, _) = setup();
    let val = lift_val(&mut b, &Type::Own(counter()), index).unwrap();
    assert_same_handle(resource(&val), &typed);
    assert_same_outcome((a, 0), (b, 0));

    let (mut a, index) = setup();
    let typed: Borrowed<ResourceAny> = lift_typed(&mut a, index).unwrap();
    let (mut b, _) = setup();
    let val = lift_val(&mut b, &Type::Borrow(counter()), index).unwrap();
    assert_same_handle(resource(&val), typed.get());
    assert_same_outcome((a, 0), (b, 0));
}

#[test]
fn host_resources_travel_in_val_as_their_typed_selves_do() {
    // Own: the guest receives the same handle, and the host keeps nothing.
    let mut a = tables();
    let by_type = lower_typed(&mut a, &Resource::<File>::new_own(7)).unwrap();
    let mut b = tables();
    let any = ResourceAny::try_from_resource(Resource::<File>::new_own(7), &mut b).unwrap();
    assert_eq!((any.ty(), any.kind()), (&file(), HandleKind::Own));
    let by_val = lower_val(&mut b, &Val::Resource(any), &Type::Own(file())).unwrap();
    assert_eq!(by_type, by_val);
    assert_eq!(state(&a), state(&b));
    assert_eq!(b.host().live(), 0);

    // And back: lifting the own as a `Val` then converting it gives the
    // typed lift's `Resource`, with the same tables left.
    let index = by_type as u32;
    let typed: Resource<File> = lift_typed(&mut a, index).unwrap();
    let val = lift_val(&mut b, &Type::Own(file()), index).unwrap();
    let converted =
        Resource::<File>::try_from_resource_any(resource(&val).clone(), &mut b).unwrap();
    assert_eq!(converted, typed);
    assert_eq!(state(&a), state(&b));

    // Borrow: the guest gets the same scoped handle; the host's own
    // temporary borrow entry ends with the call.
    let (mut a, mut b) = (tables(), tables());
    a.enter_call();
    b.enter_call();
    let by_type = lower_typed(&mut a, &Resource::<File>::new_own(7).as_borrow()).unwrap();
    let any = ResourceAny::try_from_resource(Resource::<File>::new_borrow(7), &mut b).unwrap();
    assert_eq!(any.kind(), HandleKind::Borrow);
    let by_val = lower_val(&mut b, &Val::Resource(any), &Type::Borrow(file())).unwrap();
    assert_eq!(by_type, by_val);
    assert_eq!(entries(a.guest()), entries(b.guest()));
    a.resource_drop(by_type as u32, &file()).unwrap();
    b.resource_drop(by_val as u32, &file()).unwrap();
    a.exit_call().unwrap();
    b.exit_call().unwrap();
    assert_eq!(state(&a), state(&b));
}

#[test]
fn a_host_resource_borrowed_from_the_guest_converts_to_a_borrowed_resource() {
    let mut a = tables();
    let index = a.lower_own(&file(), 7).unwrap();
    let mut b = tables();
    b.lower_own(&file(), 7).unwrap();
    a.enter_call();
    b.enter_call();
    let typed: Borrowed<Resource<File>> = lift_typed(&mut a, index).unwrap();
    let val = lift_val(&mut b, &Type::Borrow(file()), index).unwrap();
    let converted =
        Resource::<File>::try_from_resource_any(resource(&val).clone(), &mut b).unwrap();
    assert_eq!(&converted, typed.get());
    assert!(!converted.owned());
    assert_eq!(entries(a.guest()), entries(b.guest()));
    a.exit_call().unwrap();
    b.exit_call().unwrap();
    assert_eq!(state(&a), state(&b));
}

#[test]
fn converting_a_resource_any_checks_its_type_and_handle() {
    let mut tables = tables();
    let index = tables.resource_new(&counter(), 3).unwrap();
    let guest_made = lift_val(&mut tables, &Type::Own(counter()), index).unwrap();
    let err = Resource::<File>::try_from_resource_any(resource(&guest_made).clone(), &mut tables)
        .unwrap_err();
    assert!(err.downcast_ref::<Trap>().is_none(), "{err:#}");
    assert!(err.to_string().contains("counter"), "{err}");
    assert_eq!(
        tables.host().live(),
        1,
        "a refused conversion keeps the handle"
    );

    let any = ResourceAny::try_from_resource(Resource::<File>::new_own(2), &mut tables).unwrap();
    let stale = any.index();
    let dropped = tables.drop_host(any.clone()).unwrap();
    assert_eq!((dropped.rep, dropped.destructor), (2, Destructor::Host));
    assert_eq!(
        trap_of(Resource::<File>::try_from_resource_any(any, &mut tables)),
        Trap::UnknownHandle(stale)
    );

    // An owned handle the host lent for a call cannot leave the table
    // until the call ends.
    let any = ResourceAny::try_from_resource(Resource::<File>::new_own(2), &mut tables).unwrap();
    tables.enter_call();
    let lent = lower_val(
        &mut tables,
        &Val::Resource(any.clone()),
        &Type::Borrow(file()),
    )
    .unwrap();
    let trap = trap_of(Resource::<File>::try_from_resource_any(
        any.clone(),
        &mut tables,
    ));
    assert!(
        matches!(trap, Trap::OwnStillLent { lends: 1, .. }),
        "{trap:?}"
    );
    tables.resource_drop(lent as u32, &file()).unwrap();
    tables.exit_call().unwrap();
    let back = Resource::<File>::try_from_resource_any(any, &mut tables).unwrap();
    assert_eq!(back, Resource::new_own(2));
    assert_eq!(
        tables.host().live(),
        1,
        "only the guest's `counter` is left"
    );

    // A borrowed `Resource` is valid for one call: outside one it cannot
    // enter the host's table.
    assert!(ResourceAny::try_from_resource(Resource::<File>::new_borrow(2), &mut tables).is_err());
}

#[test]
fn unknown_handles_trap_through_val() {
    let mut tables = tables();
    for ty in [Type::Own(counter()), Type::Borrow(counter())] {
        tables.enter_call();
        assert_eq!(
            trap_of(lift_val(&mut tables, &ty, 0)),
            Trap::UnknownHandle(0)
        );
        assert_eq!(
            trap_of(lift_val(&mut tables, &ty, 7)),
            Trap::UnknownHandle(7)
        );
        tables.exit_call().unwrap();
    }
    // A handle the host already gave back is stale.
    let index = tables.resource_new(&counter(), 1).unwrap();
    let held = lift_val(&mut tables, &Type::Own(counter()), index).unwrap();
    lower_val(&mut tables, &held, &Type::Own(counter())).unwrap();
    tables.enter_call();
    for ty in [Type::Own(counter()), Type::Borrow(counter())] {
        assert_eq!(
            trap_of(lower_val(&mut tables, &held, &ty)),
            Trap::UnknownHandle(resource(&held).index())
        );
    }
    tables.exit_call().unwrap();
}

#[test]
fn handles_of_another_resource_type_trap_through_val_and_stay_put() {
    let mut tables = tables();
    let index = tables.resource_new(&counter(), 1).unwrap();
    tables.enter_call();
    for ty in [
        Type::Own(foreign()),
        Type::Borrow(foreign()),
        Type::Own(file()),
    ] {
        let trap = trap_of(lift_val(&mut tables, &ty, index));
        assert!(
            matches!(&trap, Trap::WrongHandleType { index: i, found, .. } if *i == index && found == "counter"),
            "{trap:?}"
        );
    }
    assert_eq!(
        entries(tables.guest()),
        vec![(index, 1, counter(), HandleKind::Own, 0)]
    );
    tables.exit_call().unwrap();

    let held = lift_val(&mut tables, &Type::Own(counter()), index).unwrap();
    let before = state(&tables);
    tables.enter_call();
    for ty in [Type::Own(foreign()), Type::Borrow(foreign())] {
        let trap = trap_of(lower_val(&mut tables, &held, &ty));
        assert!(
            matches!(&trap, Trap::WrongHandleType { expected, .. } if expected == "foreign"),
            "{trap:?}"
        );
    }
    tables.exit_call().unwrap();
    assert_eq!(state(&tables), before);
}

#[test]
fn a_borrow_handle_lifted_as_own_traps_through_val() {
    let mut tables = tables();
    let index = tables.lower_own(&foreign(), 4).unwrap();
    let held = lift_val(&mut tables, &Type::Own(foreign()), index).unwrap();
    tables.enter_call();
    let borrow = lower_val(&mut tables, &held, &Type::Borrow(foreign())).unwrap() as u32;
    let trap = trap_of(lift_val(&mut tables, &Type::Own(foreign()), borrow));
    assert_eq!(
        trap,
        Trap::WrongHandleKind {
            index: borrow,
            expected: "own"
        }
    );
    tables.resource_drop(borrow, &foreign()).unwrap();
    tables.exit_call().unwrap();
}

#[test]
fn an_own_still_lent_traps_when_the_guest_passes_it_in_the_same_call() {
    let mut tables = tables();
    let index = tables.lower_own(&foreign(), 4).unwrap();
    let types = [Type::Borrow(foreign()), Type::Own(foreign())];
    tables.enter_call();
    let mut cx = LiftContext::without_memory(StringEncoding::Utf8).with_resources(&mut tables);
    let flat = [u64::from(index), u64::from(index)];
    let result = lift_flat_values(
        &mut cx,
        MAX_FLAT_PARAMS,
        &types,
        &mut FlatReader::new(&flat),
    );
    assert_eq!(trap_of(result), Trap::OwnStillLent { index, lends: 1 });
    tables.exit_call().unwrap();
    // Passed alone, the own moves.
    let mut cx = LiftContext::without_memory(StringEncoding::Utf8).with_resources(&mut tables);
    let flat = [u64::from(index)];
    let values = lift_flat_values(
        &mut cx,
        MAX_FLAT_PARAMS,
        &types[1..],
        &mut FlatReader::new(&flat),
    );
    assert_eq!(resource(&values.unwrap()[0]).kind(), HandleKind::Own);
}

#[test]
fn an_own_still_lent_traps_when_the_host_passes_it_in_the_same_call() {
    let mut tables = tables();
    let index = tables.lower_own(&foreign(), 4).unwrap();
    let held = lift_val(&mut tables, &Type::Own(foreign()), index).unwrap();
    let types = [Type::Borrow(foreign()), Type::Own(foreign())];
    tables.enter_call();
    let mut cx =
        LowerContext::<VecMemory>::without_memory(StringEncoding::Utf8).with_resources(&mut tables);
    let values = [held.clone(), held.clone()];
    let result = lower_flat_values(&mut cx, MAX_FLAT_PARAMS, &types, &values, None);
    assert_eq!(
        trap_of(result),
        Trap::OwnStillLent {
            index: resource(&held).index(),
            lends: 1
        }
    );
}

#[test]
fn borrows_lowered_through_val_must_be_dropped_before_the_export_returns() {
    let mut tables = tables();
    let any = ResourceAny::try_from_resource(Resource::<File>::new_own(7), &mut tables).unwrap();
    let held = Val::Resource(any);
    let types = [Type::Borrow(file())];
    let lower = |tables: &mut ResourceTables| {
        let mut cx =
            LowerContext::<VecMemory>::without_memory(StringEncoding::Utf8).with_resources(tables);
        lower_flat_values(
            &mut cx,
            MAX_FLAT_PARAMS,
            &types,
            std::slice::from_ref(&held),
            None,
        )
        .unwrap()
    };
    tables.enter_call();
    lower(&mut tables);
    assert_eq!(
        trap_of(tables.exit_call()),
        Trap::BorrowNotDropped { count: 1 }
    );

    // Dropped in time, the call returns and the host's own is no longer lent.
    tables.enter_call();
    let flat = lower(&mut tables);
    tables.resource_drop(flat[0] as u32, &file()).unwrap();
    tables.exit_call().unwrap();
    let Val::Resource(any) = held else {
        unreachable!()
    };
    let back = Resource::<File>::try_from_resource_any(any, &mut tables).unwrap();
    assert_eq!(back, Resource::new_own(7));
}

#[test]
fn handles_without_resource_state_are_an_error_not_a_panic() {
    let own = Type::Own(counter());
    let mut cx = LiftContext::without_memory(StringEncoding::Utf8);
    let err = Val::lift_flat(&mut cx, &own, &mut FlatReader::new(&[1])).unwrap_err();
    assert!(err.to_string().contains("resource state"), "{err:#}");
    let err = Val::load(&mut cx, &Type::Borrow(counter()), &[1, 0, 0, 0]).unwrap_err();
    assert!(err.to_string().contains("resource state"), "{err:#}");

    let mut tables = tables();
    let index = tables.resource_new(&counter(), 1).unwrap();
    let held = lift_val(&mut tables, &own, index).unwrap();
    let mut memory = VecMemory::new(vec![0; 16], |_, _, _, _, _| Ok(0));
    let mut cx = LowerContext::new(&mut memory, StringEncoding::Utf8);
    let mut slots = [0u64; 1];
    let err = held
        .lower_flat(&mut cx, &own, &mut FlatWriter::new(&mut slots))
        .unwrap_err();
    assert!(err.to_string().contains("resource state"), "{err:#}");
    let err = held.store(&mut cx, &own, 0).unwrap_err();
    assert!(err.to_string().contains("resource state"), "{err:#}");
}

#[test]
fn resources_and_other_values_do_not_stand_in_for_each_other() {
    let mut tables = tables();
    let index = tables.resource_new(&counter(), 1).unwrap();
    let held = lift_val(&mut tables, &Type::Own(counter()), index).unwrap();
    let err = lower_val(&mut tables, &Val::U32(index), &Type::Own(counter())).unwrap_err();
    assert!(err.downcast_ref::<Trap>().is_none(), "{err:#}");
    assert!(err.to_string().contains("`u32` value"), "{err}");
    let err = lower_val(&mut tables, &held, &Type::U32).unwrap_err();
    assert!(err.to_string().contains("`resource` value"), "{err}");
    assert_eq!(tables.host().live(), 1, "the handle was not touched");
}

/// A memory whose `realloc` hands out addresses from 16 up.
fn bump_memory() -> VecMemory {
    witbind::BumpAllocator::new(16).memory(vec![0; 256])
}

#[test]
fn handles_in_lists_and_spilled_results_go_through_memory() {
    let mut tables = tables();
    let held: Vec<Val> = (10..13)
        .map(|rep| {
            let index = tables.resource_new(&counter(), rep).unwrap();
            lift_val(&mut tables, &Type::Own(counter()), index).unwrap()
        })
        .collect();
    let ty = Type::List(ListType::new(Type::Own(counter())));
    let mut memory = bump_memory();
    let mut flat = [0u64; 2];
    {
        let mut cx =
            LowerContext::new(&mut memory, StringEncoding::Utf8).with_resources(&mut tables);
        Val::List(held.clone())
            .lower_flat(&mut cx, &ty, &mut FlatWriter::new(&mut flat))
            .unwrap();
    }
    assert_eq!(flat[1], 3);
    let ptr = flat[0] as usize;
    for (i, rep) in (10..13).enumerate() {
        let at = ptr + 4 * i;
        let index = u32::from_le_bytes(memory.bytes()[at..at + 4].try_into().unwrap());
        assert_eq!(tables.resource_rep(index, &counter()).unwrap(), rep);
    }
    assert_eq!(tables.host().live(), 0);

    // A host import returning two own handles spills them to the guest's
    // out-pointer; the guest's export returning them spills them back.
    let types = [Type::Own(counter()), Type::Own(counter())];
    let lifted = {
        let mut cx =
            LiftContext::new(memory.bytes(), StringEncoding::Utf8).with_resources(&mut tables);
        Val::lift_flat(&mut cx, &ty, &mut FlatReader::new(&flat)).unwrap()
    };
    let Val::List(lifted) = lifted else {
        panic!("not a list: {lifted:?}")
    };
    let reps = |tables: &ResourceTables, vals: &[Val]| -> Vec<u32> {
        vals.iter()
            .map(|v| tables.host().get(resource(v).index()).unwrap().rep())
            .collect()
    };
    assert_eq!(reps(&tables, &lifted), [10, 11, 12]);
    {
        let mut cx =
            LowerContext::new(&mut memory, StringEncoding::Utf8).with_resources(&mut tables);
        let out = [200u64];
        let written = lower_flat_values(
            &mut cx,
            MAX_FLAT_RESULTS,
            &types,
            &lifted[..2],
            Some(&mut FlatReader::new(&out)),
        )
        .unwrap();
        assert!(written.is_empty());
    }
    let mut cx = LiftContext::new(memory.bytes(), StringEncoding::Utf8).with_resources(&mut tables);
    let back = lift_flat_values(
        &mut cx,
        MAX_FLAT_RESULTS,
        &types,
        &mut FlatReader::new(&[200]),
    )
    .unwrap();
    assert_eq!(reps(&tables, &back), [10, 11]);
}

#[test]
fn resource_vals_are_equal_when_they_are_the_same_handle() {
    let mut tables = tables();
    let first = tables.resource_new(&counter(), 1).unwrap();
    let second = tables.resource_new(&counter(), 1).unwrap();
    let a = lift_val(&mut tables, &Type::Own(counter()), first).unwrap();
    let b = lift_val(&mut tables, &Type::Own(counter()), second).unwrap();
    assert_eq!(a, a.clone());
    assert_ne!(a, b, "two handles to equal reps are different handles");
    tables.enter_call();
    let index = tables.resource_new(&counter(), 2).unwrap();
    let borrowed = lift_val(&mut tables, &Type::Borrow(counter()), index).unwrap();
    let any = resource(&borrowed);
    assert_ne!(borrowed, a);
    assert_ne!(borrowed, Val::U32(any.index()));

    let shown = format!("{a:?}");
    assert!(shown.starts_with("Resource("), "{shown}");
    assert!(
        shown.contains("counter") && shown.contains("Own"),
        "{shown}"
    );
    assert!(format!("{borrowed:?}").contains("Borrow"));
    tables.exit_call().unwrap();
}

#[test]
fn handles_of_other_tables_and_stale_handles_are_refused() {
    // A handle the host holds in one instance's tables means nothing in another's.
    let (mut a, held) = holding();
    let (mut b, _) = holding();
    let any = held[0].0.clone();
    let err = lower_typed(&mut b, &any).unwrap_err();
    assert!(
        format!("{err}").contains("another instance or store"),
        "{err}"
    );
    assert!(b.drop_host(any.clone()).is_err());

    // A copy kept after the handle moved back into the guest is stale, even once its slot
    // holds a newer handle.
    lower_typed(&mut a, &any).unwrap();
    let newer = ResourceAny::try_from_resource(Resource::<File>::new_own(9), &mut a).unwrap();
    assert_eq!(newer.index(), any.index(), "the slot is reused");
    assert_eq!(
        trap_of(lower_typed(&mut a, &any)),
        Trap::UnknownHandle(any.index())
    );
    assert!(a.drop_host(any).is_err());
    // The newer handle in that slot is untouched.
    a.drop_host(newer).unwrap();
}
