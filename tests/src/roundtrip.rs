//! Round trips of typed values through a `VecMemory`: lowered into memory
//! and into flat values, lifted back, compared.

use std::fmt::Debug;

use witbind::{
    BumpAllocator, ComponentType, FlatReader, FlatWriter, Lift, LiftContext, Lower, LowerContext,
    Result, StringEncoding, VecMemory,
};

/// A 64 KiB memory whose `realloc` is a fresh [`BumpAllocator`] starting at
/// 8: two such memories given the same allocation sequence end up with the
/// same bytes.
pub fn bump_memory() -> VecMemory {
    BumpAllocator::new(8).memory(vec![0; 1 << 16])
}

/// What lowering `value` produced: its bytes in memory and its flat values,
/// with the memory each was written to.
#[derive(Debug)]
pub struct Lowered {
    /// The memory after storing the value at `offset`.
    pub stored: VecMemory,
    /// Where the value was stored.
    pub offset: usize,
    /// The memory after lowering the value to flat values.
    pub flat_memory: VecMemory,
    /// The flat values.
    pub flat: Vec<u64>,
}

impl Lowered {
    /// The `SIZE32` bytes of the stored value.
    pub fn value_bytes<T: ComponentType>(&self) -> &[u8] {
        &self.stored.bytes()[self.offset..self.offset + T::SIZE32]
    }
}

/// Lowers `value` both ways: stored into memory, and flattened.
pub fn lower<T: Lower + ?Sized>(value: &T) -> Result<Lowered> {
    let mut stored = bump_memory();
    let offset = {
        let mut cx = LowerContext::new(&mut stored, StringEncoding::Utf8);
        let offset = cx.realloc(0, 0, T::ALIGN32, T::SIZE32 as u32)? as usize;
        value.store(&mut cx, offset)?;
        offset
    };
    let mut flat_memory = bump_memory();
    let mut slots = vec![0u64; T::FLAT_COUNT];
    {
        let mut cx = LowerContext::new(&mut flat_memory, StringEncoding::Utf8);
        let mut writer = FlatWriter::new(&mut slots);
        value.lower_flat(&mut cx, &mut writer)?;
        assert_eq!(
            writer.len(),
            T::FLAT_COUNT,
            "lower_flat wrote a wrong count"
        );
    }
    Ok(Lowered {
        stored,
        offset,
        flat_memory,
        flat: slots,
    })
}

/// Lowers `value` into memory and into flat values, lifts both back and
/// checks that each equals `value` and that every flat value was consumed.
pub fn assert_round_trip<T>(value: &T)
where
    T: Lower + for<'a> Lift<'a> + PartialEq + Debug,
{
    let lowered = lower(value).unwrap_or_else(|e| panic!("lowering {value:?}: {e:#}"));
    let mut cx = LiftContext::new(lowered.stored.bytes(), StringEncoding::Utf8);
    let loaded = T::load(&mut cx, lowered.value_bytes::<T>())
        .unwrap_or_else(|e| panic!("loading {value:?}: {e:#}"));
    assert_eq!(&loaded, value, "store/load round trip");

    let mut cx = LiftContext::new(lowered.flat_memory.bytes(), StringEncoding::Utf8);
    let mut reader = FlatReader::new(&lowered.flat);
    let lifted =
        T::lift_flat(&mut cx, &mut reader).unwrap_or_else(|e| panic!("lifting {value:?}: {e:#}"));
    assert_eq!(&lifted, value, "flat round trip");
    assert_eq!(
        reader.position(),
        T::FLAT_COUNT,
        "lift_flat read a wrong count"
    );
}

/// Checks that the typed path and the dynamic [`witbind::Val`] path agree on
/// `value` of WIT type `ty`: the `Val` lifted from the typed bytes, lowered
/// again into a fresh memory with the same allocator, gives the same memory
/// bytes and the same flat values.
pub fn assert_same_as_val<T: Lower + Debug>(value: &T, ty: &witbind::Type) {
    use witbind::Val;
    let typed = lower(value).unwrap_or_else(|e| panic!("lowering {value:?}: {e:#}"));

    let mut cx = LiftContext::new(typed.stored.bytes(), StringEncoding::Utf8);
    let val = Val::load(&mut cx, ty, typed.value_bytes::<T>())
        .unwrap_or_else(|e| panic!("Val::load of {value:?}: {e:#}"));
    let mut memory = bump_memory();
    {
        let mut cx = LowerContext::new(&mut memory, StringEncoding::Utf8);
        let offset = cx
            .realloc(0, 0, ty.align32(), ty.size32())
            .expect("realloc") as usize;
        assert_eq!(offset, typed.offset, "allocations diverged");
        val.store(&mut cx, ty, offset)
            .unwrap_or_else(|e| panic!("Val::store of {val:?}: {e:#}"));
    }
    assert_eq!(
        memory.bytes(),
        typed.stored.bytes(),
        "stored bytes of {value:?}"
    );

    let mut cx = LiftContext::new(typed.flat_memory.bytes(), StringEncoding::Utf8);
    let val = Val::lift_flat(&mut cx, ty, &mut FlatReader::new(&typed.flat))
        .unwrap_or_else(|e| panic!("Val::lift_flat of {value:?}: {e:#}"));
    let mut memory = bump_memory();
    let mut slots = vec![0u64; ty.flat_types().len()];
    {
        let mut cx = LowerContext::new(&mut memory, StringEncoding::Utf8);
        val.lower_flat(&mut cx, ty, &mut FlatWriter::new(&mut slots))
            .unwrap_or_else(|e| panic!("Val::lower_flat of {val:?}: {e:#}"));
    }
    assert_eq!(slots, typed.flat, "flat values of {value:?}");
    assert_eq!(
        memory.bytes(),
        typed.flat_memory.bytes(),
        "flat-path memory of {value:?}"
    );
}
