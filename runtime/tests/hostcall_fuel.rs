//! Hostcall fuel counts what the host allocates, not only the guest's bytes: lists lifted
//! into `Val`s, typed lists whose host elements are larger than the guest's, and resource
//! handles (each may fill a table slot).

use witbind::types::ListType;
use witbind::{
    FlatReader, FlatWriter, HostcallFuel, Lift, LiftContext, Lower, LowerContext, Resource,
    ResourceTables, StringEncoding, Trap, Type, Val, VecMemory, lift_flat_values,
};

fn fuel_trap<T: std::fmt::Debug>(result: witbind::Result<T>) -> bool {
    matches!(
        result.expect_err("expected a trap").downcast_ref::<Trap>(),
        Some(Trap::HostcallFuelExhausted { .. })
    )
}

/// 64 bytes of guest memory, a `list<u8>` body of 16 bytes at 0.
fn memory() -> Vec<u8> {
    (0..64).collect()
}

#[test]
fn a_list_lifted_into_vals_is_charged_for_the_vals() {
    let bytes = memory();
    let list = [Type::List(ListType::new(Type::U8))];
    let lift = |fuel: usize| {
        let mut cx =
            LiftContext::new(&bytes, StringEncoding::Utf8).with_fuel(HostcallFuel::new(fuel));
        lift_flat_values(&mut cx, 16, &list, &mut FlatReader::new(&[0, 16]))
    };
    // The 16 guest bytes alone would fit in 100 bytes of fuel; 16 `Val`s do not.
    assert!(fuel_trap(lift(100)));
    let per_val = std::mem::size_of::<Val>();
    let values = lift(16 + 16 * per_val).unwrap();
    assert_eq!(values, [Val::List((0..16).map(Val::U8).collect())]);
}

#[test]
fn typed_lists_are_charged_for_larger_host_elements() {
    // Four strings of 4 bytes each: their descriptors (32 guest bytes, at 0) and bodies (16
    // bytes, at 32) fit in 64 bytes of fuel, but four `String`s take 4 * (24 - 8) more.
    let mut bytes = memory();
    for (i, at) in [32u32, 36, 40, 44].into_iter().enumerate() {
        bytes[i * 8..i * 8 + 4].copy_from_slice(&at.to_le_bytes());
        bytes[i * 8 + 4..i * 8 + 8].copy_from_slice(&4u32.to_le_bytes());
    }
    bytes[32..48].copy_from_slice(b"abcdefghijklmnop");
    let lift = |fuel: usize| {
        let mut cx =
            LiftContext::new(&bytes, StringEncoding::Utf8).with_fuel(HostcallFuel::new(fuel));
        Vec::<String>::lift_flat(&mut cx, &mut FlatReader::new(&[0, 4]))
    };
    assert!(fuel_trap(lift(64)));
    let host = std::mem::size_of::<String>() - 8;
    assert_eq!(
        lift(32 + 16 + 4 * host).unwrap(),
        ["abcd", "efgh", "ijkl", "mnop"]
    );
    // Lists whose elements are no larger on the host pay their bytes only.
    let mut cx = LiftContext::new(&bytes, StringEncoding::Utf8).with_fuel(HostcallFuel::new(16));
    assert_eq!(
        Vec::<u8>::lift_flat(&mut cx, &mut FlatReader::new(&[0, 16]))
            .unwrap()
            .len(),
        16
    );
}

struct File;

#[test]
fn every_handle_is_charged_for_its_table_slot() {
    let lower = |fuel: usize| {
        let mut memory = VecMemory::new(vec![0; 64], |_, _, _, _, _| Ok(0));
        let mut tables = ResourceTables::new();
        let mut cx = LowerContext::new(&mut memory, StringEncoding::Utf8)
            .with_fuel(HostcallFuel::new(fuel))
            .with_resources(&mut tables);
        let mut slots = [0u64; 1];
        let handle = Resource::<File>::new_own(7);
        handle
            .lower_flat(&mut cx, &mut FlatWriter::new(&mut slots))
            .map(|()| slots[0])
    };
    // A handle moves no bytes of strings or lists, yet costs its slot.
    assert!(fuel_trap(lower(8)));
    assert_eq!(lower(1024).unwrap(), 1);
}
