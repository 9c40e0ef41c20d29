//! String copies between two memories done in core wasm, for engines that
//! compile wasm to machine code. A fused adapter between sub-components
//! whose strings share an encoding calls a `copy` transcoder for every
//! string; as a host function that call costs more than the copy. This
//! module's function handles the common case itself (both ranges in bounds,
//! ASCII UTF-8 or surrogate-free UTF-16, any Latin-1), checking and
//! copying in one pass, eight bytes at a time where it can. Anything else
//! goes to the host transcoder it imports, unchanged, which checks
//! everything and raises the spec's traps. A check failing halfway leaves
//! part of the string copied into the destination the adapter allocated:
//! the host then writes all of it, or traps, after which the instances are
//! not run again. The two memories must be different ones (the source is
//! then never written); a copy within one memory stays with the host.

use wasm_encoder::{
    BlockType, CodeSection, EntityType, ExportKind, ExportSection, Function, FunctionSection,
    ImportSection, InstructionSink, MemArg, MemoryType, Module, TypeSection, ValType,
};
use wasmtime_environ::component::FixedEncoding;

/// The import names of the module: the source memory, the destination
/// memory and the host transcoder, in this order (the order
/// `adapter::copy_in_wasm` passes them in).
const IMPORTS: [(&str, &str); 3] = [("", "from"), ("", "to"), ("", "host")];

/// The export name of the copy function, `(src, len, dst) -> ()` like the
/// transcoder it stands for.
pub(crate) const EXPORT: &str = "copy";

// Parameter and local indices of the copy function.
const SRC: u32 = 0;
const LEN: u32 = 1;
const DST: u32 = 2;
/// The source's size in bytes, as i64.
const BYTES: u32 = 3;
/// The source address the copy is at.
const AT: u32 = 4;
/// The destination address the copy is at.
const OUT: u32 = 5;
/// The code units left to copy.
const LEFT: u32 = 6;
/// The word a turn of the copy moves, kept for its check.
const VALUE64: u32 = 7;
/// The code unit a turn of the copy moves, kept for its check.
const VALUE32: u32 = 8;

// Memory and function indices.
const FROM: u32 = 0;
const TO: u32 = 1;
const HOST: u32 = 0;

/// The module copying strings of `encoding`.
pub(crate) fn module(encoding: FixedEncoding) -> Vec<u8> {
    let mut types = TypeSection::new();
    types
        .ty()
        .function([ValType::I32, ValType::I32, ValType::I32], []);
    let memory = MemoryType {
        minimum: 0,
        maximum: None,
        memory64: false,
        shared: false,
        page_size_log2: None,
    };
    let mut imports = ImportSection::new();
    imports.import(IMPORTS[0].0, IMPORTS[0].1, EntityType::Memory(memory));
    imports.import(IMPORTS[1].0, IMPORTS[1].1, EntityType::Memory(memory));
    imports.import(IMPORTS[2].0, IMPORTS[2].1, EntityType::Function(0));
    let mut functions = FunctionSection::new();
    functions.function(0);
    let mut exports = ExportSection::new();
    exports.export(EXPORT, ExportKind::Func, 1);
    let mut code = CodeSection::new();
    code.function(&copy_function(encoding));

    let mut module = Module::new();
    module
        .section(&types)
        .section(&imports)
        .section(&functions)
        .section(&exports)
        .section(&code);
    module.finish()
}

fn copy_function(encoding: FixedEncoding) -> Function {
    let locals = [
        (1, ValType::I64),
        (3, ValType::I32),
        (1, ValType::I64),
        (1, ValType::I32),
    ];
    let mut f = Function::new(locals);
    let mut sink = f.instructions();
    // BYTES = LEN code units in bytes.
    sink.local_get(LEN).i64_extend_i32_u();
    if encoding == FixedEncoding::Utf16 {
        sink.i64_const(1).i64_shl();
    }
    sink.local_set(BYTES);

    // Every failed check leaves this block for the host.
    sink.block(BlockType::Empty);
    in_bounds(&mut sink, SRC, FROM);
    in_bounds(&mut sink, DST, TO);
    sink.local_get(SRC)
        .local_set(AT)
        .local_get(DST)
        .local_set(OUT)
        .local_get(LEN)
        .local_set(LEFT);
    match encoding {
        FixedEncoding::Utf8 => {
            let high_bits = 0x8080_8080_8080_8080_u64 as i64;
            copy_loop(&mut sink, Step::Word, Some((high_bits, 0)));
            copy_loop(&mut sink, Step::Byte, Some((0x80, 0)));
        }
        FixedEncoding::Latin1 => {
            copy_loop(&mut sink, Step::Word, None);
            copy_loop(&mut sink, Step::Byte, None);
        }
        // A surrogate is `0xD800..=0xDFFF`: its top five bits are 11011.
        FixedEncoding::Utf16 => copy_loop(&mut sink, Step::Unit16, Some((0xF800, 0xD800))),
    }
    sink.return_().end();

    sink.local_get(SRC)
        .local_get(LEN)
        .local_get(DST)
        .call(HOST)
        .end();
    f
}

/// Leaves the enclosing block unless `ptr + BYTES` lies within `memory`.
fn in_bounds(sink: &mut InstructionSink<'_>, ptr: u32, memory: u32) {
    sink.local_get(ptr)
        .i64_extend_i32_u()
        .local_get(BYTES)
        .i64_add()
        .memory_size(memory)
        .i64_extend_i32_u()
        .i64_const(16)
        .i64_shl()
        .i64_gt_u()
        .br_if(0);
}

/// How much one turn of a copy loop moves.
#[derive(Clone, Copy)]
enum Step {
    /// Eight one-byte code units, as an i64.
    Word,
    /// One one-byte code unit.
    Byte,
    /// One two-byte code unit.
    Unit16,
}

impl Step {
    /// Code units per turn.
    fn units(self) -> i32 {
        match self {
            Step::Word => 8,
            Step::Byte | Step::Unit16 => 1,
        }
    }

    /// Bytes per turn.
    fn bytes(self) -> i32 {
        match self {
            Step::Word => 8,
            Step::Byte => 1,
            Step::Unit16 => 2,
        }
    }
}

/// `while LEFT >= units { v = load(AT); check; store(OUT, v); advance }`,
/// where the check `Some((mask, bad))` leaves the enclosing block when
/// `v & mask == bad` (a non-zero `bad`) or `v & mask != 0` (a zero one).
fn copy_loop(sink: &mut InstructionSink<'_>, step: Step, check: Option<(i64, i64)>) {
    let (units, bytes) = (step.units(), step.bytes());
    sink.loop_(BlockType::Empty)
        .local_get(LEFT)
        .i32_const(units)
        .i32_ge_u()
        .if_(BlockType::Empty);
    sink.local_get(OUT).local_get(AT);
    match step {
        Step::Word => sink.i64_load(byte_arg(FROM)),
        Step::Byte => sink.i32_load8_u(byte_arg(FROM)),
        Step::Unit16 => sink.i32_load16_u(byte_arg(FROM)),
    };
    if let Some((mask, bad)) = check {
        // The check consumes the value: it is kept to be stored.
        let value = match step {
            Step::Word => VALUE64,
            Step::Byte | Step::Unit16 => VALUE32,
        };
        sink.local_tee(value);
        match step {
            Step::Word => {
                sink.i64_const(mask).i64_and();
                match bad {
                    0 => sink.i64_const(0).i64_ne(),
                    bad => sink.i64_const(bad).i64_eq(),
                };
            }
            Step::Byte | Step::Unit16 => {
                sink.i32_const(mask as i32).i32_and();
                match bad {
                    0 => sink.i32_const(0).i32_ne(),
                    bad => sink.i32_const(bad as i32).i32_eq(),
                };
            }
        }
        // Out of the `if`, the loop and into the host's block.
        sink.br_if(2).local_get(value);
    }
    match step {
        Step::Word => sink.i64_store(byte_arg(TO)),
        Step::Byte => sink.i32_store8(byte_arg(TO)),
        Step::Unit16 => sink.i32_store16(byte_arg(TO)),
    };
    for (local, by) in [(AT, bytes), (OUT, bytes)] {
        sink.local_get(local)
            .i32_const(by)
            .i32_add()
            .local_set(local);
    }
    sink.local_get(LEFT)
        .i32_const(units)
        .i32_sub()
        .local_set(LEFT)
        .br(1)
        .end()
        .end();
}

/// An unaligned access to `memory`.
fn byte_arg(memory: u32) -> MemArg {
    MemArg {
        offset: 0,
        align: 0,
        memory_index: memory,
    }
}

#[cfg(all(test, feature = "wasmtime"))]
mod tests {
    use super::*;
    use wasmtime::{Engine, Func, Instance, Memory, MemoryType, Store};

    /// Two one-page memories, the copy for `encoding` between them, and a
    /// count of the calls that reached the host.
    struct Copier {
        store: Store<u32>,
        from: Memory,
        to: Memory,
        copy: wasmtime::TypedFunc<(u32, u32, u32), ()>,
    }

    impl Copier {
        fn new(encoding: FixedEncoding) -> Self {
            let engine = Engine::default();
            let module = wasmtime::Module::new(&engine, module(encoding)).unwrap();
            let mut store = Store::new(&engine, 0);
            let from = Memory::new(&mut store, MemoryType::new(1, None)).unwrap();
            let to = Memory::new(&mut store, MemoryType::new(1, None)).unwrap();
            let host = Func::wrap(
                &mut store,
                |mut caller: wasmtime::Caller<'_, u32>, _: u32, _: u32, _: u32| {
                    *caller.data_mut() += 1;
                },
            );
            let imports = [from.into(), to.into(), host.into()];
            let instance = Instance::new(&mut store, &module, &imports).unwrap();
            let copy = instance.get_typed_func(&mut store, EXPORT).unwrap();
            Self {
                store,
                from,
                to,
                copy,
            }
        }

        /// Copies `bytes` placed at `src` (as `units` code units) to
        /// `dst`: whether wasm copied them all (else the host was called).
        /// Either way nothing outside the destination range changed.
        fn copied(&mut self, bytes: &[u8], src: u32, units: u32, dst: u32) -> bool {
            let source = src as usize..src as usize + bytes.len();
            self.from.data_mut(&mut self.store)[source.clone()].copy_from_slice(bytes);
            self.to.data_mut(&mut self.store).fill(0);
            let before = *self.store.data();
            self.copy.call(&mut self.store, (src, units, dst)).unwrap();
            let to_host = *self.store.data() != before;
            assert_eq!(
                &self.from.data(&self.store)[source],
                bytes,
                "the source changed"
            );
            let to = self.to.data(&self.store);
            let (head, rest) = to.split_at(dst as usize);
            let (out, tail) = rest.split_at(bytes.len());
            assert!(
                head.iter().chain(tail).all(|b| *b == 0),
                "a write outside the range"
            );
            if !to_host {
                assert_eq!(out, bytes);
            }
            !to_host
        }
    }

    #[test]
    fn utf8_copies_ascii_in_wasm_and_sends_the_rest_to_the_host() {
        let mut copier = Copier::new(FixedEncoding::Utf8);
        for len in 0..40 {
            let ascii: Vec<u8> = (0..len).map(|i| b'a' + (i % 26) as u8).collect();
            assert!(copier.copied(&ascii, 3, len as u32, 101), "{len}");
            for at in 0..len {
                let mut odd = ascii.clone();
                odd[at] = 0x80;
                assert!(!copier.copied(&odd, 5, len as u32, 7), "{len} {at}");
            }
        }
    }

    #[test]
    fn utf16_copies_surrogate_free_text_in_wasm() {
        let mut copier = Copier::new(FixedEncoding::Utf16);
        let units = [0x61_u16, 0xE9, 0xD7FF, 0xE000, 0xFFFF, 0x2603];
        let bytes: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
        assert!(copier.copied(&bytes, 2, 6, 10));
        for surrogate in [0xD800_u16, 0xDBFF, 0xDC00, 0xDFFF] {
            for at in 0..units.len() {
                let mut odd = units;
                odd[at] = surrogate;
                let bytes: Vec<u8> = odd.iter().flat_map(|u| u.to_le_bytes()).collect();
                assert!(!copier.copied(&bytes, 2, 6, 10), "{surrogate:x} at {at}");
            }
        }
    }

    #[test]
    fn latin1_copies_every_byte_in_wasm() {
        let mut copier = Copier::new(FixedEncoding::Latin1);
        let bytes: Vec<u8> = (0..=255).collect();
        assert!(copier.copied(&bytes, 0, 256, 300));
    }

    #[test]
    fn ranges_past_a_memory_go_to_the_host() {
        let end = 65536_u32;
        let mut copier = Copier::new(FixedEncoding::Latin1);
        assert!(
            copier.copied(b"abcd", end - 4, 4, end - 4),
            "ends exactly at the end"
        );
        for (src, dst) in [
            (end - 3, 0),
            (0, end - 3),
            (end, 0),
            (u32::MAX, 0),
            (0, u32::MAX),
        ] {
            let before = *copier.store.data();
            copier.copy.call(&mut copier.store, (src, 4, dst)).unwrap();
            assert_eq!(*copier.store.data(), before + 1, "{src} {dst}");
        }
        // UTF-16 lengths count code units: twice the bytes.
        let mut copier = Copier::new(FixedEncoding::Utf16);
        assert!(!copier.copied(b"abcd", end - 4, 4, 0));
        assert!(copier.copied(b"abcd", end - 4, 2, 0));
    }
}
