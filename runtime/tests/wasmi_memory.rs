//! The Canonical ABI over a wasmi memory: lowering and lifting through
//! [`WasmiMemory`] with a real guest `realloc` gives the same flat values and
//! the same memory bytes as the same code over `VecMemory` with a
//! [`BumpAllocator`] starting at the same heap address.

#![cfg(feature = "wasmi")]

use witbind::types::{Field, ListType, OptionType, RecordType, TupleType, Type};
use witbind::{
    BumpAllocator, FlatReader, FlatWriter, GuestMemory, Lift, LiftContext, Lower, LowerContext,
    StringEncoding, Trap, Val, WasmiMemory, WasmiRealloc,
};

/// Where both allocators hand out their first allocation.
const HEAP_START: u32 = 1000;
/// Wasm page size: the guest's memory starts at one page.
const PAGE: usize = 65536;

/// A guest with one page of memory and three `realloc`s: `realloc`, a bump
/// allocator behaving exactly like [`BumpAllocator`] except that it grows
/// memory instead of failing; `realloc_out_of_bounds`, which answers a
/// pointer past the memory; `realloc_trap`, which traps.
const GUEST: &str = r#"
(module
  (memory (export "memory") 1)
  (global $next (export "next") (mut i32) (i32.const 1000))
  (func (export "realloc") (param $old_ptr i32) (param $old_size i32)
        (param $align i32) (param $new_size i32) (result i32)
    (local $ptr i32) (local $end i32)
    (if (i32.and (i32.ne (local.get $old_ptr) (i32.const 0))
                 (i32.le_u (local.get $new_size) (local.get $old_size)))
      (then (return (local.get $old_ptr))))
    ;; ptr = next rounded up to align; end = ptr + new_size
    (local.set $ptr
      (i32.and (i32.add (global.get $next) (i32.sub (local.get $align) (i32.const 1)))
               (i32.sub (i32.const 0) (local.get $align))))
    (local.set $end (i32.add (local.get $ptr) (local.get $new_size)))
    ;; grow memory by the missing pages, trapping when it cannot grow
    (if (i32.gt_u (local.get $end) (i32.mul (memory.size) (i32.const 65536)))
      (then
        (if (i32.eq
              (memory.grow
                (i32.sub
                  (i32.div_u (i32.add (local.get $end) (i32.const 65535)) (i32.const 65536))
                  (memory.size)))
              (i32.const -1))
          (then unreachable))))
    (memory.copy (local.get $ptr) (local.get $old_ptr)
      (select (local.get $old_size) (local.get $new_size)
              (i32.lt_u (local.get $old_size) (local.get $new_size))))
    (global.set $next (local.get $end))
    (local.get $ptr))
  (func (export "realloc_out_of_bounds") (param i32 i32 i32 i32) (result i32)
    (i32.const 0x20000))
  (func (export "realloc_trap") (param i32 i32 i32 i32) (result i32)
    unreachable))
"#;

/// A fresh instance of [`GUEST`].
struct Guest {
    store: wasmi::Store<()>,
    instance: wasmi::Instance,
    memory: wasmi::Memory,
}

impl Guest {
    fn new() -> Self {
        let engine = wasmi::Engine::default();
        let wasm = wat::parse_str(GUEST).expect("the guest is valid WAT");
        let module = wasmi::Module::new(&engine, &wasm).expect("the guest is a valid module");
        let mut store = wasmi::Store::new(&engine, ());
        let instance = wasmi::Linker::<()>::new(&engine)
            .instantiate_and_start(&mut store, &module)
            .expect("the guest instantiates");
        let memory = instance
            .get_memory(&store, "memory")
            .expect("the guest exports its memory");
        Self {
            store,
            instance,
            memory,
        }
    }

    fn realloc(&self, name: &str) -> WasmiRealloc {
        self.instance
            .get_typed_func(&self.store, name)
            .expect("the guest exports this realloc")
    }

    /// A view of the memory whose allocations call the export `realloc`.
    fn view(&mut self, realloc: &str) -> WasmiMemory<'_, ()> {
        let realloc = self.realloc(realloc);
        WasmiMemory::new(&mut self.store, self.memory, Some(realloc))
    }

    fn bytes(&self) -> &[u8] {
        self.memory.data(&self.store)
    }

    /// The guest allocator's `next`.
    fn next(&self) -> u32 {
        let next = self
            .instance
            .get_global(&self.store, "next")
            .expect("the guest exports next")
            .get(&self.store);
        next.i32().expect("next is an i32") as u32
    }
}

/// What one lowering produced, checked to be the same over both memories.
struct Lowered {
    flat: Vec<u64>,
    bytes: Vec<u8>,
}

/// Runs `lower` over a fresh guest through [`WasmiMemory`] and over a
/// one-page `VecMemory` with a [`BumpAllocator`] at the same heap start,
/// and asserts both gave the same flat values, the same bytes and the same
/// next free address, past the heap start (something was allocated).
fn lower_both<L>(encoding: StringEncoding, lower: L) -> Lowered
where
    L: for<'m> Fn(&mut LowerContext<'m, dyn GuestMemory + 'm>) -> witbind::Result<Vec<u64>>,
{
    let mut guest = Guest::new();
    let mut view = guest.view("realloc");
    let flat = lower(&mut LowerContext::new(
        &mut view as &mut dyn GuestMemory,
        encoding,
    ))
    .expect("lowering through wasmi");

    let bump = BumpAllocator::new(HEAP_START);
    let mut memory = bump.memory(vec![0; PAGE]);
    let vec_flat = lower(&mut LowerContext::new(
        &mut memory as &mut dyn GuestMemory,
        encoding,
    ))
    .expect("lowering through VecMemory");

    assert_eq!(flat, vec_flat, "flat values differ");
    assert!(guest.bytes() == memory.bytes(), "memory bytes differ");
    assert_eq!(guest.next(), bump.next(), "the allocators disagree");
    assert!(bump.next() > HEAP_START, "nothing was allocated");
    Lowered {
        flat,
        bytes: guest.bytes().to_vec(),
    }
}

fn lower_flat<T: Lower + ?Sized>(
    cx: &mut LowerContext<'_, dyn GuestMemory + '_>,
    value: &T,
) -> witbind::Result<Vec<u64>> {
    let mut slots = [0u64; 16];
    let mut writer = FlatWriter::new(&mut slots);
    value.lower_flat(cx, &mut writer)?;
    Ok(writer.written().to_vec())
}

fn lift_flat<'a, T: Lift<'a>>(
    bytes: &'a [u8],
    encoding: StringEncoding,
    flat: &[u64],
) -> witbind::Result<T> {
    T::lift_flat(
        &mut LiftContext::new(bytes, encoding),
        &mut FlatReader::new(flat),
    )
}

fn trap_of<T: std::fmt::Debug>(result: witbind::Result<T>) -> Trap {
    let err = result.expect_err("expected a trap");
    err.downcast_ref::<Trap>()
        .unwrap_or_else(|| panic!("not a trap: {err:#}"))
        .clone()
}

const ENCODINGS: [StringEncoding; 3] = [
    StringEncoding::Utf8,
    StringEncoding::Utf16,
    StringEncoding::CompactUtf16,
];

#[test]
fn strings_lower_and_lift_as_over_a_vec_memory_in_every_encoding() {
    // ASCII, Latin-1 only (latin1+utf16 stays Latin-1) and beyond Latin-1
    // with a surrogate pair (latin1+utf16 switches to UTF-16).
    for text in ["hello", "café crème", "snow ☃ and 𝄞 clef"] {
        for encoding in ENCODINGS {
            let lowered = lower_both(encoding, |cx| lower_flat(cx, text));
            let lifted: String = lift_flat(&lowered.bytes, encoding, &lowered.flat)
                .unwrap_or_else(|e| panic!("lifting {text:?} as {encoding:?}: {e:#}"));
            assert_eq!(lifted, text, "{encoding:?}");
        }
    }
}

#[test]
fn a_list_of_u32_lowers_and_lifts_as_over_a_vec_memory() {
    let list = vec![7u32, 0, u32::MAX, 0xdead_beef];
    let lowered = lower_both(StringEncoding::Utf8, |cx| lower_flat(cx, &list));
    let lifted: Vec<u32> = lift_flat(&lowered.bytes, StringEncoding::Utf8, &lowered.flat).unwrap();
    assert_eq!(lifted, list);
}

#[test]
fn a_val_lowers_and_lifts_as_over_a_vec_memory() {
    // tuple<string, list<record { name: string, score: option<u32> }>>:
    // strings and a list of records, stored in memory, with variant padding.
    let entry = Type::Record(RecordType::new(vec![
        Field {
            name: "name".into(),
            ty: Type::String,
        },
        Field {
            name: "score".into(),
            ty: Type::Option(OptionType::new(Type::U32)),
        },
    ]));
    let ty = Type::Tuple(TupleType::new(vec![
        Type::String,
        Type::List(ListType::new(entry)),
    ]));
    let record = |name: &str, score: Option<u32>| {
        Val::Record(vec![
            ("name".into(), Val::String(name.into())),
            (
                "score".into(),
                Val::Option(score.map(|s| Box::new(Val::U32(s)))),
            ),
        ])
    };
    let value = Val::Tuple(vec![
        Val::String("board ☃".into()),
        Val::List(vec![record("ada", Some(3)), record("grace", None)]),
    ]);
    for encoding in ENCODINGS {
        let lowered = lower_both(encoding, |cx| {
            let mut slots = [0u64; 16];
            let mut writer = FlatWriter::new(&mut slots);
            value.lower_flat(cx, &ty, &mut writer)?;
            Ok(writer.written().to_vec())
        });
        let lifted = Val::lift_flat(
            &mut LiftContext::new(&lowered.bytes, encoding),
            &ty,
            &mut FlatReader::new(&lowered.flat),
        )
        .unwrap();
        assert_eq!(lifted, value, "{encoding:?}");
    }
}

#[test]
fn data_is_fetched_again_after_realloc_grows_the_memory() {
    let mut guest = Guest::new();
    let text = "growing ☃ ".repeat(20_000);
    for encoding in ENCODINGS {
        let mut view = guest.view("realloc");
        let flat = lower_flat(
            &mut LowerContext::new(&mut view as &mut dyn GuestMemory, encoding),
            text.as_str(),
        )
        .unwrap();
        let lifted: String = lift_flat(guest.bytes(), encoding, &flat).unwrap();
        assert_eq!(lifted, text, "{encoding:?}");
    }
    assert!(
        guest.bytes().len() > 4 * PAGE,
        "the guest grew its memory to {} bytes",
        guest.bytes().len()
    );
}

#[test]
fn a_realloc_answering_out_of_bounds_is_an_invalid_realloc_result() {
    let mut guest = Guest::new();
    let mut view = guest.view("realloc_out_of_bounds");
    let mut cx = LowerContext::new(&mut view, StringEncoding::Utf8);
    assert_eq!(
        trap_of(cx.realloc(0, 0, 4, 8)),
        Trap::InvalidReallocResult {
            ptr: 0x20000,
            size: 8,
            align: 4,
            memory_len: PAGE,
        }
    );
    let mut cx = LowerContext::new(&mut view, StringEncoding::Utf8);
    let mut slots = [0u64; 2];
    let result = "hello".lower_flat(&mut cx, &mut FlatWriter::new(&mut slots));
    assert!(matches!(
        trap_of(result),
        Trap::InvalidReallocResult { ptr: 0x20000, .. }
    ));
}

#[test]
fn a_realloc_that_traps_is_an_error_holding_wasmi_s_trap() {
    let mut guest = Guest::new();
    let mut view = guest.view("realloc_trap");
    let err = view.realloc(0, 0, 1, 5).expect_err("realloc traps");
    let wasmi_error = err
        .chain()
        .find_map(|e| e.downcast_ref::<wasmi::Error>())
        .unwrap_or_else(|| panic!("no wasmi error in {err:#}"));
    assert_eq!(
        wasmi_error.as_trap_code(),
        Some(wasmi::TrapCode::UnreachableCodeReached)
    );

    // Lowering through it fails the same way, and the store stays usable.
    let mut cx = LowerContext::new(&mut view, StringEncoding::Utf16);
    let mut slots = [0u64; 2];
    let err = "hello"
        .lower_flat(&mut cx, &mut FlatWriter::new(&mut slots))
        .expect_err("realloc traps");
    assert!(err.downcast_ref::<wasmi::Error>().is_some(), "{err:#}");
    let mut view = guest.view("realloc");
    assert_eq!(
        view.realloc(0, 0, 8, 4).unwrap(),
        HEAP_START.next_multiple_of(8)
    );
}

#[test]
fn without_a_realloc_allocating_is_no_realloc() {
    let mut guest = Guest::new();
    let mut view = WasmiMemory::new(&mut guest.store, guest.memory, None);
    assert_eq!(view.data().len(), PAGE);
    assert_eq!(trap_of(view.realloc(0, 0, 1, 1)), Trap::NoRealloc);
    let mut cx = LowerContext::new(&mut view as &mut dyn GuestMemory, StringEncoding::Utf8);
    assert_eq!(
        trap_of(lower_flat(&mut cx, &vec![1u32, 2])),
        Trap::NoRealloc
    );
    // A value needing no allocation still lowers.
    assert_eq!(lower_flat(&mut cx, &7u32).unwrap(), [7]);
}
