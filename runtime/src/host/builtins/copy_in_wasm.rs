//! String copies between two memories done in core wasm, for engines that
//! compile wasm to machine code. A fused adapter between sub-components
//! whose strings share an encoding calls a `copy` transcoder for every
//! string; as a host function that call costs more than the copy. This
//! module's function checks the common case itself (both ranges in bounds,
//! ASCII UTF-8 or surrogate-free UTF-16, any Latin-1) and copies with
//! `memory.copy`; anything else goes to the host transcoder it imports,
//! unchanged, which checks everything and raises the spec's traps. Nothing
//! is written before the checks pass, so calling the host after a failed
//! check sees the memories as the adapter left them.

use wasm_encoder::{
    BlockType, CodeSection, EntityType, ExportKind, ExportSection, Function, FunctionSection,
    ImportSection, InstructionSink, MemArg, MemoryType, Module, TypeSection, ValType,
};
use wasmtime_environ::component::FixedEncoding;

/// The import names of the module: the source memory, the destination
/// memory and the host transcoder, in this order.
pub(crate) const IMPORTS: [(&str, &str); 3] = [("", "from"), ("", "to"), ("", "host")];

/// The export name of the copy function, `(src, len, dst) -> ()` like the
/// transcoder it stands for.
pub(crate) const EXPORT: &str = "copy";

// Parameter and local indices of the copy function.
const SRC: u32 = 0;
const LEN: u32 = 1;
const DST: u32 = 2;
/// The source's size in bytes, as i64.
const BYTES: u32 = 3;
/// The address the scan is at.
const AT: u32 = 4;
/// The code units left to scan.
const LEFT: u32 = 5;

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
    let mut f = Function::new([(1, ValType::I64), (2, ValType::I32)]);
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
    // `memory.copy` takes an i32 length: 4 GiB itself must go to the host.
    sink.local_get(BYTES)
        .i64_const(32)
        .i64_shr_u()
        .i32_wrap_i64()
        .br_if(0);
    sink.local_get(SRC)
        .local_set(AT)
        .local_get(LEN)
        .local_set(LEFT);
    match encoding {
        FixedEncoding::Utf8 => ascii_scan(&mut sink),
        FixedEncoding::Utf16 => surrogate_scan(&mut sink),
        FixedEncoding::Latin1 => {}
    }
    sink.local_get(DST)
        .local_get(SRC)
        .local_get(BYTES)
        .i32_wrap_i64()
        .memory_copy(TO, FROM)
        .return_();
    sink.end();

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

/// Leaves the enclosing block (two levels up from the loops' `if`) unless
/// the LEFT bytes at AT are all ASCII: eight at a time, then one by one.
fn ascii_scan(sink: &mut InstructionSink<'_>) {
    let high_bits = 0x8080_8080_8080_8080_u64 as i64;
    step_loop(sink, 8, 8, |sink| {
        sink.local_get(AT)
            .i64_load(byte_arg(FROM))
            .i64_const(high_bits)
            .i64_and()
            .i64_const(0)
            .i64_ne()
            .br_if(2);
    });
    step_loop(sink, 1, 1, |sink| {
        sink.local_get(AT)
            .i32_load8_u(byte_arg(FROM))
            .i32_const(0x80)
            .i32_and()
            .br_if(2);
    });
}

/// Leaves the enclosing block unless none of the LEFT code units at AT is
/// a surrogate (`0xD800..=0xDFFF`).
fn surrogate_scan(sink: &mut InstructionSink<'_>) {
    step_loop(sink, 1, 2, |sink| {
        sink.local_get(AT)
            .i32_load16_u(byte_arg(FROM))
            .i32_const(0xF800)
            .i32_and()
            .i32_const(0xD800)
            .i32_eq()
            .br_if(2);
    });
}

/// `while LEFT >= units { check; AT += bytes; LEFT -= units }`: a step
/// checks `units` code units, `bytes` bytes.
fn step_loop(
    sink: &mut InstructionSink<'_>,
    units: i32,
    bytes: i32,
    check: impl Fn(&mut InstructionSink<'_>),
) {
    sink.loop_(BlockType::Empty)
        .local_get(LEFT)
        .i32_const(units)
        .i32_ge_u()
        .if_(BlockType::Empty);
    check(sink);
    sink.local_get(AT)
        .i32_const(bytes)
        .i32_add()
        .local_set(AT)
        .local_get(LEFT)
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
        /// `dst`: whether wasm copied them (else the host was called and
        /// the destination left alone).
        fn copied(&mut self, bytes: &[u8], src: u32, units: u32, dst: u32) -> bool {
            self.from.data_mut(&mut self.store)[src as usize..][..bytes.len()]
                .copy_from_slice(bytes);
            self.to.data_mut(&mut self.store).fill(0);
            let before = *self.store.data();
            self.copy.call(&mut self.store, (src, units, dst)).unwrap();
            let to_host = *self.store.data() != before;
            let out = &self.to.data(&self.store)[dst as usize..][..bytes.len()];
            if to_host {
                assert!(
                    out.iter().all(|b| *b == 0),
                    "the wasm copy wrote before the host ran"
                );
            } else {
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
