//! Every `Trap` variant, produced by the real lift and lower code through
//! the public API, and the same context still usable afterwards: a trap ends
//! the guest's call, never the host.

use witbind::resources::HandleTable;
use witbind::{
    Borrowed, FlatReader, FlatWriter, HostcallFuel, Lift, LiftContext, Lower, LowerContext,
    Resource, ResourceTables, StringEncoding, Trap, VecMemory,
};

struct File;
struct Socket;

const MAX_BYTES: u32 = (1 << 28) - 1;

fn trap_of<T: std::fmt::Debug>(result: witbind::Result<T>) -> Trap {
    let err = result.expect_err("expected a trap");
    err.downcast_ref::<Trap>()
        .unwrap_or_else(|| panic!("not a trap: {err:#}"))
        .clone()
}

/// A 64-byte memory whose `realloc` always answers `answer`.
fn memory_answering(answer: u32) -> VecMemory {
    VecMemory::new(vec![0; 64], move |_, _, _, _, _| Ok(answer))
}

fn lift_flat<'a, T: Lift<'a>>(cx: &mut LiftContext<'a>, flat: &[u64]) -> witbind::Result<T> {
    T::lift_flat(cx, &mut FlatReader::new(flat))
}

fn lower_flat<T: Lower + ?Sized>(
    cx: &mut LowerContext<'_, VecMemory>,
    value: &T,
) -> witbind::Result<Vec<u64>> {
    let mut slots = [0u64; 4];
    let mut writer = FlatWriter::new(&mut slots);
    value.lower_flat(cx, &mut writer)?;
    Ok(writer.written().to_vec())
}

/// Memory holding "ok" at 0, a lone UTF-16 surrogate at 8, invalid UTF-8 at
/// 16 and the list `[5u32, 6u32]` at 32.
fn guest_bytes() -> Vec<u8> {
    let mut bytes = vec![0u8; 64];
    bytes[0..2].copy_from_slice(b"ok");
    bytes[8..10].copy_from_slice(&0xD800u16.to_le_bytes());
    bytes[16] = 0xff;
    bytes[32..36].copy_from_slice(&5u32.to_le_bytes());
    bytes[36..40].copy_from_slice(&6u32.to_le_bytes());
    bytes
}

/// The context still lifts well-formed values after a trap.
fn assert_lift_usable(cx: &mut LiftContext<'_>) {
    assert_eq!(lift_flat::<String>(cx, &[0, 2]).unwrap(), "ok");
}

fn assert_utf16_lift_usable(cx: &mut LiftContext<'_>) {
    // "ok" is not UTF-16, but the two bytes make one valid code unit.
    assert_eq!(lift_flat::<String>(cx, &[0, 1]).unwrap().chars().count(), 1);
}

#[test]
fn unaligned_pointer() {
    let bytes = guest_bytes();
    let mut cx = LiftContext::new(&bytes, StringEncoding::Utf8);
    assert_eq!(
        trap_of(lift_flat::<Vec<u32>>(&mut cx, &[34, 1])),
        Trap::UnalignedPointer { ptr: 34, align: 4 }
    );
    assert_eq!(lift_flat::<Vec<u32>>(&mut cx, &[32, 2]).unwrap(), [5, 6]);

    let mut cx = LiftContext::new(&bytes, StringEncoding::Utf16);
    assert_eq!(
        trap_of(lift_flat::<String>(&mut cx, &[9, 1])),
        Trap::UnalignedPointer { ptr: 9, align: 2 }
    );
    assert_utf16_lift_usable(&mut cx);
}

#[test]
fn out_of_bounds() {
    let bytes = guest_bytes();
    let mut cx = LiftContext::new(&bytes, StringEncoding::Utf8);
    assert_eq!(
        trap_of(lift_flat::<String>(&mut cx, &[60, 10])),
        Trap::OutOfBounds {
            ptr: 60,
            len: 10,
            memory_len: 64
        }
    );
    assert_eq!(
        trap_of(lift_flat::<Vec<u64>>(
            &mut cx,
            &[u64::from(u32::MAX - 7), 1]
        )),
        Trap::OutOfBounds {
            ptr: u32::MAX - 7,
            len: 8,
            memory_len: 64
        }
    );
    assert_lift_usable(&mut cx);
}

#[test]
fn invalid_utf8() {
    let bytes = guest_bytes();
    let mut cx = LiftContext::new(&bytes, StringEncoding::Utf8);
    assert_eq!(
        trap_of(lift_flat::<String>(&mut cx, &[16, 1])),
        Trap::InvalidUtf8 { ptr: 16 }
    );
    assert_lift_usable(&mut cx);
}

#[test]
fn invalid_utf16_lone_surrogate() {
    let bytes = guest_bytes();
    let mut cx = LiftContext::new(&bytes, StringEncoding::Utf16);
    assert_eq!(
        trap_of(lift_flat::<String>(&mut cx, &[8, 1])),
        Trap::InvalidUtf16 { ptr: 8 }
    );
    assert_utf16_lift_usable(&mut cx);

    // latin1+utf16 with the UTF-16 tag set decodes the same way.
    let mut cx = LiftContext::new(&bytes, StringEncoding::CompactUtf16);
    assert_eq!(
        trap_of(lift_flat::<String>(&mut cx, &[8, 1 | 1 << 31])),
        Trap::InvalidUtf16 { ptr: 8 }
    );
    assert_eq!(lift_flat::<String>(&mut cx, &[0, 2]).unwrap(), "ok");
}

#[test]
fn invalid_char() {
    let mut bytes = guest_bytes();
    bytes[48..52].copy_from_slice(&0x11_0000u32.to_le_bytes());
    let mut cx = LiftContext::new(&bytes, StringEncoding::Utf8);
    assert_eq!(
        trap_of(lift_flat::<char>(&mut cx, &[0xD800])),
        Trap::InvalidChar(0xD800)
    );
    assert_eq!(
        trap_of(lift_flat::<char>(&mut cx, &[0xDFFF])),
        Trap::InvalidChar(0xDFFF)
    );
    assert_eq!(
        trap_of(lift_flat::<char>(&mut cx, &[0x11_0000])),
        Trap::InvalidChar(0x11_0000)
    );
    // From memory too: a list of one char.
    assert_eq!(
        trap_of(lift_flat::<Vec<char>>(&mut cx, &[48, 1])),
        Trap::InvalidChar(0x11_0000)
    );
    assert_eq!(
        lift_flat::<char>(&mut cx, &[0x10_FFFF]).unwrap(),
        '\u{10FFFF}'
    );
}

#[test]
fn invalid_discriminant() {
    let mut bytes = guest_bytes();
    bytes[48] = 2; // option<u32> at 48: discriminant 2
    bytes[56] = 7; // result<u32, u32> at 56: discriminant 7
    let mut cx = LiftContext::new(&bytes, StringEncoding::Utf8);
    assert_eq!(
        trap_of(lift_flat::<Option<u32>>(&mut cx, &[2, 0])),
        Trap::InvalidDiscriminant {
            discriminant: 2,
            cases: 2
        }
    );
    assert_eq!(
        trap_of(lift_flat::<Result<u32, u32>>(
            &mut cx,
            &[u64::from(u32::MAX), 0]
        )),
        Trap::InvalidDiscriminant {
            discriminant: u32::MAX,
            cases: 2
        }
    );
    assert_eq!(
        trap_of(lift_flat::<Vec<Option<u32>>>(&mut cx, &[48, 1])),
        Trap::InvalidDiscriminant {
            discriminant: 2,
            cases: 2
        }
    );
    assert_eq!(
        trap_of(lift_flat::<Vec<Result<u32, u32>>>(&mut cx, &[56, 1])),
        Trap::InvalidDiscriminant {
            discriminant: 7,
            cases: 2
        }
    );
    assert_eq!(lift_flat::<Option<u32>>(&mut cx, &[1, 9]).unwrap(), Some(9));
}

#[test]
fn list_too_long() {
    let bytes = guest_bytes();
    let mut cx = LiftContext::new(&bytes, StringEncoding::Utf8);
    // 2^25 elements of 8 bytes: one byte past MAX_LIST_BYTE_LENGTH. The
    // length check comes before the bounds check.
    assert_eq!(
        trap_of(lift_flat::<Vec<u64>>(&mut cx, &[0, 1 << 25])),
        Trap::ListTooLong {
            byte_length: 1 << 28,
            max: MAX_BYTES
        }
    );
    assert_eq!(
        trap_of(lift_flat::<Vec<u32>>(&mut cx, &[0, u64::from(u32::MAX)])),
        Trap::ListTooLong {
            byte_length: 4 * u64::from(u32::MAX),
            max: MAX_BYTES
        }
    );
    assert_eq!(lift_flat::<Vec<u32>>(&mut cx, &[32, 2]).unwrap(), [5, 6]);
}

#[test]
fn string_too_long() {
    let bytes = guest_bytes();
    let mut cx = LiftContext::new(&bytes, StringEncoding::Utf8);
    assert_eq!(
        trap_of(lift_flat::<String>(&mut cx, &[0, 1 << 28])),
        Trap::StringTooLong {
            byte_length: 1 << 28,
            max: MAX_BYTES
        }
    );
    assert_lift_usable(&mut cx);
    // UTF-16 lengths count code units: 2^27 units are 2^28 bytes.
    let mut cx = LiftContext::new(&bytes, StringEncoding::Utf16);
    assert_eq!(
        trap_of(lift_flat::<String>(&mut cx, &[0, 1 << 27])),
        Trap::StringTooLong {
            byte_length: 1 << 28,
            max: MAX_BYTES
        }
    );
    assert_utf16_lift_usable(&mut cx);
}

#[test]
fn string_too_long_when_lowered() {
    // A host string over MAX_STRING_BYTE_LENGTH traps before realloc is
    // called, so the memory is never touched. (Transcoding a valid string
    // may exceed the limit at the destination: the spec only requires the
    // worst case to fit realloc's i32, which 2 * (2^28 - 1) does.)
    let long = "a".repeat(1 << 28);
    for encoding in [
        StringEncoding::Utf8,
        StringEncoding::Utf16,
        StringEncoding::CompactUtf16,
    ] {
        let mut memory = memory_answering(0);
        let mut cx = LowerContext::new(&mut memory, encoding);
        assert_eq!(
            trap_of(lower_flat(&mut cx, long.as_str())),
            Trap::StringTooLong {
                byte_length: 1 << 28,
                max: MAX_BYTES
            }
        );
        assert_eq!(lower_flat(&mut cx, "ok").unwrap(), [0, 2]);
    }
}

#[test]
fn invalid_realloc_result_misaligned() {
    let mut memory = memory_answering(3);
    let mut cx = LowerContext::new(&mut memory, StringEncoding::Utf8);
    assert_eq!(
        trap_of(lower_flat(&mut cx, &vec![1u32, 2])),
        Trap::InvalidReallocResult {
            ptr: 3,
            size: 8,
            align: 4,
            memory_len: 64
        }
    );
    // Byte strings need no alignment, so the same realloc serves them.
    assert_eq!(lower_flat(&mut cx, "hi").unwrap(), [3, 2]);
    assert_eq!(&memory.bytes()[3..5], b"hi");
}

#[test]
fn invalid_realloc_result_out_of_bounds() {
    let mut memory = memory_answering(60);
    let mut cx = LowerContext::new(&mut memory, StringEncoding::Utf8);
    assert_eq!(
        trap_of(lower_flat(&mut cx, "hello")),
        Trap::InvalidReallocResult {
            ptr: 60,
            size: 5,
            align: 1,
            memory_len: 64
        }
    );
    assert_eq!(lower_flat(&mut cx, "abcd").unwrap(), [60, 4]);
}

#[test]
fn hostcall_fuel_exhausted() {
    let bytes = guest_bytes();
    let mut cx = LiftContext::new(&bytes, StringEncoding::Utf8).with_fuel(HostcallFuel::new(6));
    assert_eq!(lift_flat::<Vec<u32>>(&mut cx, &[32, 1]).unwrap(), [5]);
    assert_eq!(
        trap_of(lift_flat::<Vec<u32>>(&mut cx, &[32, 2])),
        Trap::HostcallFuelExhausted { limit: 6 }
    );
    assert_eq!(cx.fuel().remaining(), 2);
    assert_lift_usable(&mut cx);
    assert_eq!(cx.fuel().remaining(), 0);

    let mut memory = memory_answering(8);
    let mut cx =
        LowerContext::new(&mut memory, StringEncoding::Utf8).with_fuel(HostcallFuel::new(3));
    assert_eq!(
        trap_of(lower_flat(&mut cx, "four")),
        Trap::HostcallFuelExhausted { limit: 3 }
    );
    assert_eq!(lower_flat(&mut cx, "abc").unwrap(), [8, 3]);
}

#[test]
fn missing_flat_value() {
    let bytes = guest_bytes();
    let mut cx = LiftContext::new(&bytes, StringEncoding::Utf8);
    assert_eq!(
        trap_of(lift_flat::<u32>(&mut cx, &[])),
        Trap::MissingFlatValue {
            expected: 1,
            got: 0
        }
    );
    assert_eq!(
        trap_of(lift_flat::<String>(&mut cx, &[0])),
        Trap::MissingFlatValue {
            expected: 2,
            got: 1
        }
    );
    // `none` still has to skip its payload's slot.
    assert_eq!(
        trap_of(lift_flat::<Option<u64>>(&mut cx, &[0])),
        Trap::MissingFlatValue {
            expected: 2,
            got: 1
        }
    );
    assert_lift_usable(&mut cx);
}

#[test]
fn no_memory() {
    let mut cx = LiftContext::without_memory(StringEncoding::Utf8);
    assert_eq!(
        trap_of(lift_flat::<String>(&mut cx, &[0, 0])),
        Trap::NoMemory
    );
    assert_eq!(
        trap_of(lift_flat::<Vec<u8>>(&mut cx, &[0, 0])),
        Trap::NoMemory
    );
    assert_eq!(
        lift_flat::<(u8, bool)>(&mut cx, &[7, 1]).unwrap(),
        (7, true)
    );

    let mut cx = LowerContext::<VecMemory>::without_memory(StringEncoding::Utf8);
    assert_eq!(trap_of(lower_flat(&mut cx, "x")), Trap::NoMemory);
    assert_eq!(lower_flat(&mut cx, &Some(5u8)).unwrap(), [1, 5]);
}

#[test]
fn no_realloc() {
    let mut memory = VecMemory::without_realloc(vec![0; 16]);
    let mut cx = LowerContext::new(&mut memory, StringEncoding::Utf8);
    assert_eq!(trap_of(lower_flat(&mut cx, "x")), Trap::NoRealloc);
    assert_eq!(trap_of(lower_flat(&mut cx, &vec![1u8])), Trap::NoRealloc);
    // Values that allocate nothing still lower, into the same memory.
    assert_eq!(lower_flat(&mut cx, &(1u8, 'a')).unwrap(), [1, 97]);
    cx.write(0, [9]).unwrap();
    assert_eq!(memory.bytes()[0], 9);
}

/// Resources: lifts and lowers handles through contexts over `tables`.
fn lift_handle<T: for<'a> Lift<'a>>(tables: &mut ResourceTables, index: u32) -> witbind::Result<T> {
    let mut cx = LiftContext::without_memory(StringEncoding::Utf8).with_resources(tables);
    lift_flat(&mut cx, &[u64::from(index)])
}

fn lower_handle<T: Lower>(tables: &mut ResourceTables, value: &T) -> witbind::Result<u32> {
    let mut cx =
        LowerContext::<VecMemory>::without_memory(StringEncoding::Utf8).with_resources(tables);
    Ok(lower_flat(&mut cx, value)?[0] as u32)
}

#[test]
fn unknown_handle() {
    let mut tables = ResourceTables::new();
    assert_eq!(
        trap_of(lift_handle::<Resource<File>>(&mut tables, 0)),
        Trap::UnknownHandle(0)
    );
    assert_eq!(
        trap_of(lift_handle::<Resource<File>>(&mut tables, 3)),
        Trap::UnknownHandle(3)
    );
    let i = lower_handle(&mut tables, &Resource::<File>::new_own(1)).unwrap();
    assert_eq!(
        lift_handle::<Resource<File>>(&mut tables, i).unwrap().rep(),
        1
    );
}

#[test]
fn wrong_handle_type() {
    let mut tables = ResourceTables::new();
    let i = lower_handle(&mut tables, &Resource::<Socket>::new_own(1)).unwrap();
    let trap = trap_of(lift_handle::<Resource<File>>(&mut tables, i));
    assert_eq!(
        trap,
        Trap::WrongHandleType {
            index: i,
            expected: std::any::type_name::<File>().to_string(),
            found: std::any::type_name::<Socket>().to_string(),
        }
    );
    assert_eq!(
        lift_handle::<Resource<Socket>>(&mut tables, i)
            .unwrap()
            .rep(),
        1
    );
}

#[test]
fn wrong_handle_kind() {
    let mut tables = ResourceTables::new();
    tables.enter_call();
    let i = lower_handle(&mut tables, &Resource::<File>::new_own(1).as_borrow()).unwrap();
    assert_eq!(
        trap_of(lift_handle::<Resource<File>>(&mut tables, i)),
        Trap::WrongHandleKind {
            index: i,
            expected: "own"
        }
    );
    let borrowed: Borrowed<Resource<File>> = lift_handle(&mut tables, i).unwrap();
    assert_eq!(borrowed.get().rep(), 1);
    tables
        .resource_drop(i, &Resource::<File>::resource_type())
        .unwrap();
    tables.exit_call().unwrap();
}

#[test]
fn own_still_lent() {
    let mut tables = ResourceTables::new();
    let i = lower_handle(&mut tables, &Resource::<File>::new_own(1)).unwrap();
    tables.enter_call();
    lift_handle::<Borrowed<Resource<File>>>(&mut tables, i).unwrap();
    assert_eq!(
        trap_of(lift_handle::<Resource<File>>(&mut tables, i)),
        Trap::OwnStillLent { index: i, lends: 1 }
    );
    tables.exit_call().unwrap();
    assert_eq!(
        lift_handle::<Resource<File>>(&mut tables, i).unwrap().rep(),
        1
    );
}

#[test]
fn borrow_not_dropped() {
    let mut tables = ResourceTables::new();
    tables.enter_call();
    lower_handle(&mut tables, &Resource::<File>::new_own(1).as_borrow()).unwrap();
    assert_eq!(
        trap_of(tables.exit_call()),
        Trap::BorrowNotDropped { count: 1 }
    );
    // The tables serve the next call.
    tables.enter_call();
    let i = lower_handle(&mut tables, &Resource::<File>::new_own(2).as_borrow()).unwrap();
    tables
        .resource_drop(i, &Resource::<File>::resource_type())
        .unwrap();
    tables.exit_call().unwrap();
}

#[test]
fn handle_table_full() {
    let mut tables = ResourceTables::with_tables(HandleTable::with_limit(3), HandleTable::new());
    let a = lower_handle(&mut tables, &Resource::<File>::new_own(1)).unwrap();
    lower_handle(&mut tables, &Resource::<File>::new_own(2)).unwrap();
    assert_eq!(
        trap_of(lower_handle(&mut tables, &Resource::<File>::new_own(3))),
        Trap::HandleTableFull
    );
    lift_handle::<Resource<File>>(&mut tables, a).unwrap();
    assert_eq!(
        lower_handle(&mut tables, &Resource::<File>::new_own(3)).unwrap(),
        a
    );
}
