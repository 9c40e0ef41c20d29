//! The handle table's rules: index 0, free-list reuse, the size limit, type
//! and kind checks, lends and borrow scopes.

use witbind::Trap;
use witbind::resources::{HandleKind, HandleTable, LeftoverBorrows, MAX_HANDLES};
use witbind::types::ResourceType;

fn trap_of<T: std::fmt::Debug>(result: witbind::Result<T>) -> Trap {
    let err = result.expect_err("expected a trap");
    err.downcast_ref::<Trap>()
        .unwrap_or_else(|| panic!("not a trap: {err:#}"))
        .clone()
}

fn file() -> ResourceType {
    ResourceType::defined("file", 1)
}

fn socket() -> ResourceType {
    ResourceType::defined("socket", 2)
}

#[test]
fn index_zero_is_never_valid() {
    let mut table = HandleTable::new();
    assert_eq!(trap_of(table.get(0)), Trap::UnknownHandle(0));
    let first = table.insert_own(file(), 7).unwrap();
    assert_eq!(first, 1);
    assert_eq!(trap_of(table.get(0)), Trap::UnknownHandle(0));
    assert_eq!(trap_of(table.rep(0, &file())), Trap::UnknownHandle(0));
}

#[test]
fn unknown_and_freed_indices_trap() {
    let mut table = HandleTable::new();
    assert_eq!(trap_of(table.get(5)), Trap::UnknownHandle(5));
    let i = table.insert_own(file(), 7).unwrap();
    table.remove(i, &file()).unwrap();
    assert_eq!(trap_of(table.get(i)), Trap::UnknownHandle(i));
    assert_eq!(trap_of(table.take_own(i, &file())), Trap::UnknownHandle(i));
    assert_eq!(trap_of(table.remove(i, &file())), Trap::UnknownHandle(i));
    assert_eq!(trap_of(table.get(u32::MAX)), Trap::UnknownHandle(u32::MAX));
}

#[test]
fn freed_indices_are_reused_last_freed_first() {
    let mut table = HandleTable::new();
    let a = table.insert_own(file(), 10).unwrap();
    let b = table.insert_own(file(), 11).unwrap();
    let c = table.insert_own(file(), 12).unwrap();
    assert_eq!((a, b, c), (1, 2, 3));
    table.remove(a, &file()).unwrap();
    table.remove(c, &file()).unwrap();
    assert_eq!(table.live(), 1);
    assert_eq!(table.insert_own(socket(), 20).unwrap(), c);
    assert_eq!(table.insert_own(socket(), 21).unwrap(), a);
    assert_eq!(table.insert_own(socket(), 22).unwrap(), 4);
    // A reused index holds the new entry, not the old one.
    assert_eq!(table.rep(c, &socket()).unwrap(), 20);
    assert_eq!(table.get(b).unwrap().rep(), 11);
}

#[test]
fn a_full_table_traps_and_recovers_after_a_drop() {
    let mut table = HandleTable::with_limit(3);
    let a = table.insert_own(file(), 1).unwrap();
    table.insert_own(file(), 2).unwrap();
    assert_eq!(trap_of(table.insert_own(file(), 3)), Trap::HandleTableFull);
    assert_eq!(table.live(), 2);
    table.remove(a, &file()).unwrap();
    assert_eq!(table.insert_own(file(), 3).unwrap(), a);
}

#[test]
fn the_limit_never_exceeds_the_spec() {
    // The spec's `Table.MAX_LENGTH` is 2^28 - 1: the largest index.
    assert_eq!(HandleTable::new().limit(), 1 << 28);
    assert_eq!(HandleTable::with_limit(u32::MAX).limit(), MAX_HANDLES);
    // Index 0 is reserved, so a limit of 1 leaves no room at all.
    let mut table = HandleTable::with_limit(1);
    assert_eq!(trap_of(table.insert_own(file(), 0)), Trap::HandleTableFull);
}

#[test]
fn a_handle_of_another_type_traps_without_changing_the_table() {
    let mut table = HandleTable::new();
    let i = table.insert_own(file(), 7).unwrap();
    let expected = Trap::WrongHandleType {
        index: i,
        expected: "socket".to_string(),
        found: "file".to_string(),
    };
    assert_eq!(trap_of(table.get_typed(i, &socket())), expected);
    assert_eq!(trap_of(table.take_own(i, &socket())), expected);
    assert_eq!(trap_of(table.remove(i, &socket())), expected);
    assert_eq!(trap_of(table.rep(i, &socket())), expected);
    table.enter_call();
    assert_eq!(trap_of(table.lend(i, &socket())), expected);
    table.exit_call(LeftoverBorrows::Trap).unwrap();
    assert_eq!(table.take_own(i, &file()).unwrap(), 7);
}

#[test]
fn types_are_told_apart_by_identity_not_name() {
    let mut table = HandleTable::new();
    let i = table.insert_own(ResourceType::defined("r", 1), 7).unwrap();
    let same_name = ResourceType::defined("r", 2);
    assert!(matches!(
        trap_of(table.rep(i, &same_name)),
        Trap::WrongHandleType { .. }
    ));
    let same_id = ResourceType::defined("another name", 1);
    assert_eq!(table.rep(i, &same_id).unwrap(), 7);
}

#[test]
fn moving_a_borrow_as_own_traps() {
    let mut table = HandleTable::new();
    table.enter_call();
    let i = table.insert_borrow(file(), 7).unwrap();
    assert_eq!(
        trap_of(table.take_own(i, &file())),
        Trap::WrongHandleKind {
            index: i,
            expected: "own"
        }
    );
    assert_eq!(table.get(i).unwrap().kind(), HandleKind::Borrow);
    table.remove(i, &file()).unwrap();
    table.exit_call(LeftoverBorrows::Trap).unwrap();
}

#[test]
fn a_lent_own_can_be_neither_moved_nor_dropped_until_the_call_ends() {
    let mut table = HandleTable::new();
    let i = table.insert_own(file(), 7).unwrap();
    table.enter_call();
    assert_eq!(table.lend(i, &file()).unwrap(), 7);
    assert_eq!(table.lend(i, &file()).unwrap(), 7);
    assert_eq!(table.get(i).unwrap().lends(), 2);
    let lent = Trap::OwnStillLent { index: i, lends: 2 };
    assert_eq!(trap_of(table.take_own(i, &file())), lent);
    assert_eq!(trap_of(table.remove(i, &file())), lent);
    // resource.rep still works on a lent handle.
    assert_eq!(table.rep(i, &file()).unwrap(), 7);
    table.exit_call(LeftoverBorrows::Trap).unwrap();
    assert_eq!(table.get(i).unwrap().lends(), 0);
    assert_eq!(table.take_own(i, &file()).unwrap(), 7);
}

#[test]
fn lends_are_returned_by_the_scope_that_made_them() {
    let mut table = HandleTable::new();
    let i = table.insert_own(file(), 7).unwrap();
    table.enter_call();
    table.lend(i, &file()).unwrap();
    table.enter_call();
    table.lend(i, &file()).unwrap();
    table.exit_call(LeftoverBorrows::Trap).unwrap();
    assert_eq!(table.get(i).unwrap().lends(), 1);
    table.exit_call(LeftoverBorrows::Trap).unwrap();
    assert_eq!(table.get(i).unwrap().lends(), 0);
}

#[test]
fn lending_a_borrow_passes_it_on_uncounted() {
    let mut table = HandleTable::new();
    table.enter_call();
    let i = table.insert_borrow(file(), 7).unwrap();
    table.enter_call();
    assert_eq!(table.lend(i, &file()).unwrap(), 7);
    assert_eq!(table.get(i).unwrap().lends(), 0);
    table.exit_call(LeftoverBorrows::Trap).unwrap();
    table.remove(i, &file()).unwrap();
    table.exit_call(LeftoverBorrows::Trap).unwrap();
}

#[test]
fn borrows_not_dropped_by_the_end_of_the_call_trap() {
    let mut table = HandleTable::new();
    table.enter_call();
    let a = table.insert_borrow(file(), 1).unwrap();
    table.insert_borrow(file(), 2).unwrap();
    table.insert_borrow(socket(), 3).unwrap();
    table.remove(a, &file()).unwrap();
    assert_eq!(
        trap_of(table.exit_call(LeftoverBorrows::Trap)),
        Trap::BorrowNotDropped { count: 2 }
    );
    assert_eq!(table.call_depth(), 0);
}

#[test]
fn dropped_borrows_let_the_call_end() {
    let mut table = HandleTable::new();
    table.enter_call();
    let a = table.insert_borrow(file(), 1).unwrap();
    let b = table.insert_borrow(file(), 2).unwrap();
    let dropped = table.remove(b, &file()).unwrap();
    assert_eq!((dropped.rep, dropped.kind), (2, HandleKind::Borrow));
    table.remove(a, &file()).unwrap();
    table.exit_call(LeftoverBorrows::Trap).unwrap();
}

#[test]
fn a_borrow_counts_against_the_scope_that_created_it() {
    let mut table = HandleTable::new();
    table.enter_call();
    let outer = table.insert_borrow(file(), 1).unwrap();
    table.enter_call();
    // Dropped inside a nested call: the outer call's count goes down.
    table.remove(outer, &file()).unwrap();
    table.exit_call(LeftoverBorrows::Trap).unwrap();
    table.exit_call(LeftoverBorrows::Trap).unwrap();
}

#[test]
fn released_borrows_leave_the_table() {
    let mut table = HandleTable::new();
    let own = table.insert_own(file(), 9).unwrap();
    table.enter_call();
    let a = table.insert_borrow(file(), 1).unwrap();
    let b = table.insert_borrow(file(), 2).unwrap();
    table.remove(a, &file()).unwrap();
    // `a`'s index is reused by an own handle, which the release must spare.
    let reused = table.insert_own(socket(), 3).unwrap();
    assert_eq!(reused, a);
    table.exit_call(LeftoverBorrows::Release).unwrap();
    assert_eq!(trap_of(table.get(b)), Trap::UnknownHandle(b));
    assert_eq!(table.rep(reused, &socket()).unwrap(), 3);
    assert_eq!(table.rep(own, &file()).unwrap(), 9);
    assert_eq!(table.live(), 2);
}

#[test]
fn borrowing_and_lending_need_a_call() {
    let mut table = HandleTable::new();
    let i = table.insert_own(file(), 7).unwrap();
    let err = table.insert_borrow(file(), 1).unwrap_err();
    assert!(err.downcast_ref::<Trap>().is_none(), "{err:#}");
    let err = table.lend(i, &file()).unwrap_err();
    assert!(err.downcast_ref::<Trap>().is_none(), "{err:#}");
    assert!(table.exit_call(LeftoverBorrows::Trap).is_err());
    assert_eq!(table.live(), 1);
}
