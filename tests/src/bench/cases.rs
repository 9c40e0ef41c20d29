//! The benchmark cases and the inputs every side uses.

use std::sync::OnceLock;

/// Bytes in the bulk cases (strings and `list<u8>`).
pub const MIB: usize = 1 << 20;
/// Elements of the `list<u32>` case.
pub const U32_COUNT: usize = 256 * 1024;
/// Elements of the `list<string>`, `list<record>` and `list<variant>` cases.
pub const LIST_COUNT: usize = 10_000;
/// Handles the resource cases keep alive at once: they create and drop in chunks of this
/// size (wasmtime's store refuses more than 100 K live handles).
pub const HANDLE_CHUNK: u64 = 10_000;
/// Import calls one run of the guest's nop-import loop makes.
pub const NOP_IMPORT_CALLS: u32 = 1_000_000;
/// Import calls one run of the string and list import loops makes.
pub const IMPORT_CALLS: u32 = 10_000;
/// Bytes of the string the string-import loop passes.
pub const IMPORT_STRING_BYTES: u32 = 64;
/// Elements of the list the list-import loop passes.
pub const IMPORT_LIST_LEN: u32 = 1024;

/// One benchmark case: a call (or a guest loop of calls) made the same way on both engines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// `nop: func()`.
    Nop,
    /// `scalars: func(u32, u64) -> f32`.
    Scalars,
    /// `sixteen`: 16 scalar parameters, an f64 result.
    Sixteen,
    /// `echo-string` with 16 bytes.
    EchoString16,
    /// `echo-string` with 4 KiB.
    EchoString4K,
    /// `echo-string` with 1 MiB.
    EchoString1M,
    /// `take-string` with 1 MiB: lowering only.
    TakeString1M,
    /// `take-bytes` with 1 MiB: a `list<u8>` lowered.
    BytesIn,
    /// `give-bytes(1 MiB)`: a `list<u8>` lifted.
    BytesOut,
    /// `sum-u32s` with 256 Ki elements.
    SumU32s,
    /// `echo-strings` with 10 K strings.
    EchoStrings,
    /// `echo-items` with 10 K records.
    EchoItems,
    /// `echo-shapes` with 10 K variants.
    EchoShapes,
    /// The `counter` constructor: a guest resource handle created.
    ResourceNew,
    /// `counter.get` on a borrowed handle.
    ResourceMethod,
    /// Dropping an owned `counter` handle (runs the guest's destructor).
    ResourceDrop,
    /// A resource's whole life: the constructor, one `counter.get` on a borrow, the drop.
    ResourceLifecycle,
    /// The guest calls the `nop` import in a loop.
    ImportNop,
    /// The guest calls `take-string` with 64 bytes in a loop.
    ImportString,
    /// The guest calls `take-list` with 1 Ki `u32`s in a loop.
    ImportList,
    /// Loading the component: validation, translation and compiling every core module.
    Compile,
    /// Instantiating the component from an `InstancePre` in a fresh store.
    Instantiate,
}

impl Case {
    /// Every case, in report order.
    pub const ALL: [Case; 22] = [
        Case::Nop,
        Case::Scalars,
        Case::Sixteen,
        Case::EchoString16,
        Case::EchoString4K,
        Case::EchoString1M,
        Case::TakeString1M,
        Case::BytesIn,
        Case::BytesOut,
        Case::SumU32s,
        Case::EchoStrings,
        Case::EchoItems,
        Case::EchoShapes,
        Case::ResourceNew,
        Case::ResourceMethod,
        Case::ResourceDrop,
        Case::ResourceLifecycle,
        Case::ImportNop,
        Case::ImportString,
        Case::ImportList,
        Case::Compile,
        Case::Instantiate,
    ];

    /// The name in reports.
    pub fn name(self) -> &'static str {
        match self {
            Case::Nop => "func()",
            Case::Scalars => "func(u32, u64) -> f32",
            Case::Sixteen => "16 scalar params",
            Case::EchoString16 => "string echo 16 B",
            Case::EchoString4K => "string echo 4 KiB",
            Case::EchoString1M => "string echo 1 MiB",
            Case::TakeString1M => "string in 1 MiB",
            Case::BytesIn => "list<u8> in 1 MiB",
            Case::BytesOut => "list<u8> out 1 MiB",
            Case::SumU32s => "list<u32> 256 Ki summed",
            Case::EchoStrings => "list<string> 10 K echo",
            Case::EchoItems => "list<record> 10 K echo",
            Case::EchoShapes => "list<variant> 10 K echo",
            Case::ResourceNew => "resource create",
            Case::ResourceMethod => "resource method call",
            Case::ResourceDrop => "resource drop",
            Case::ResourceLifecycle => "resource create + call + drop",
            Case::ImportNop => "guest->host nop import",
            Case::ImportString => "guest->host string import 64 B",
            Case::ImportList => "guest->host list<u32> import 1 Ki",
            Case::Compile => "compile component",
            Case::Instantiate => "instantiate (InstancePre, new store)",
        }
    }

    /// Operations one run performs: the import calls of a guest loop, otherwise one call.
    pub fn ops_per_run(self) -> u64 {
        match self {
            Case::ImportNop => u64::from(NOP_IMPORT_CALLS),
            Case::ImportString | Case::ImportList => u64::from(IMPORT_CALLS),
            _ => 1,
        }
    }

    /// Bytes one operation copies between host and guest in bulk blocks, for the cases
    /// compared with a `memcpy` of the same size (their guest work is negligible); `None`
    /// for the others.
    pub fn bulk_bytes(self) -> Option<usize> {
        match self {
            Case::EchoString1M => Some(2 * MIB),
            Case::TakeString1M | Case::BytesIn | Case::BytesOut => Some(MIB),
            _ => None,
        }
    }
}

/// The parameters of the cases, made once and shared by both engines.
pub struct Inputs {
    /// 16 bytes of text.
    pub string_16: String,
    /// 4 KiB of text.
    pub string_4k: String,
    /// 1 MiB of text.
    pub string_1m: String,
    /// 1 MiB of bytes.
    pub bytes_1m: Vec<u8>,
    /// 256 Ki `u32`s.
    pub u32s: Vec<u32>,
    /// 10 K short strings.
    pub strings: Vec<String>,
    /// 10 K records as `(id, weight)`.
    pub items: Vec<(u32, f64)>,
    /// 10 K variants as `(case, payload bits)`: 0 = dot, 1 = circle (f32 bits), 2 = square.
    pub shapes: Vec<(u8, u32)>,
}

impl Inputs {
    /// The inputs, made on first use and shared by every side (typed functions borrow them
    /// for `'static`).
    pub fn get() -> &'static Inputs {
        static INPUTS: OnceLock<Inputs> = OnceLock::new();
        INPUTS.get_or_init(Inputs::new)
    }

    /// The inputs: ASCII text, bytes counting up, and lists whose elements depend on their
    /// index.
    fn new() -> Self {
        let text = |len: usize| -> String {
            (0..len)
                .map(|i| char::from(b'a' + (i % 26) as u8))
                .collect()
        };
        Inputs {
            string_16: text(16),
            string_4k: text(4096),
            string_1m: text(MIB),
            bytes_1m: (0..MIB).map(|i| i as u8).collect(),
            u32s: (0..U32_COUNT as u32).collect(),
            strings: (0..LIST_COUNT).map(|i| format!("string {i:08}")).collect(),
            items: (0..LIST_COUNT as u32)
                .map(|i| (i, f64::from(i) * 0.5))
                .collect(),
            shapes: (0..LIST_COUNT as u32)
                .map(|i| match i % 3 {
                    0 => (0, 0),
                    1 => (1, (i as f32).to_bits()),
                    _ => (2, i),
                })
                .collect(),
        }
    }

    /// The expected result of `sum-u32s`.
    pub fn u32_sum(&self) -> u64 {
        self.u32s.iter().map(|&x| u64::from(x)).sum()
    }
}

/// How a binding makes the `shape` variant: the `dot` value and the `circle` and `square`
/// constructors.
pub type ShapeCases<S> = (S, fn(f32) -> S, fn(u32) -> S);

/// The records and variants of [`Inputs`] as one binding's Rust types `$item` (a struct with
/// `id` and `weight`) and `$shape` (an enum `Dot`, `Circle(f32)`, `Square(u32)`), converted
/// once, as `(&'static [$item], &'static [$shape])`: [`items_and_shapes`] with a static of
/// its own.
macro_rules! converted_items_and_shapes {
    ($item:ident, $shape:ident) => {{
        static CONVERTED: ::std::sync::OnceLock<(Vec<$item>, Vec<$shape>)> =
            ::std::sync::OnceLock::new();
        $crate::bench::cases::items_and_shapes(
            &CONVERTED,
            |id, weight| $item { id, weight },
            ($shape::Dot, $shape::Circle, $shape::Square),
        )
    }};
}
pub(crate) use converted_items_and_shapes;

/// The records and variants of [`Inputs`] as one binding's Rust types, converted on first
/// use and kept in `cell`: `item` makes a record from `(id, weight)`, and each shape is made
/// from `shape` as [`Inputs::shapes`] says.
pub fn items_and_shapes<I: Send + Sync, S: Clone + Send + Sync>(
    cell: &'static OnceLock<(Vec<I>, Vec<S>)>,
    item: fn(u32, f64) -> I,
    (dot, circle, square): ShapeCases<S>,
) -> (&'static [I], &'static [S]) {
    let (items, shapes) = cell.get_or_init(|| {
        let inputs = Inputs::get();
        let items = inputs
            .items
            .iter()
            .map(|&(id, weight)| item(id, weight))
            .collect();
        let shapes = inputs
            .shapes
            .iter()
            .map(|&(case, bits)| match case {
                0 => dot.clone(),
                1 => circle(f32::from_bits(bits)),
                _ => square(bits),
            })
            .collect();
        (items, shapes)
    });
    (items, shapes)
}

/// Fails with `what` when `ok` is false: the result checks of the sides.
///
/// # Errors
/// When `ok` is false.
pub fn ensure(ok: bool, what: &str) -> anyhow::Result<()> {
    if ok {
        Ok(())
    } else {
        anyhow::bail!("wrong result: {what}")
    }
}

/// `iters` split into chunks of at most [`HANDLE_CHUNK`].
pub fn handle_chunks(iters: u64) -> impl Iterator<Item = u64> {
    (0..iters)
        .step_by(HANDLE_CHUNK as usize)
        .map(move |start| HANDLE_CHUNK.min(iters - start))
}
