//! Lower-then-lift throughput of the Canonical ABI, each case beside a plain
//! `memcpy` of the same number of bytes (the speed limit for moving them).
//!
//! Run with `cargo bench -p witbind-tests --bench abi`; figures and how to
//! read them are in `docs/performance.md`.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use witbind::{
    BumpAllocator, ComponentType, FlatReader, FlatWriter, GuestMemory, Lift, LiftContext, Lower,
    LowerContext, StringEncoding, VecMemory,
};

/// Guest memory size: room for the largest case (a 1 MiB string lowered to
/// UTF-16 needs 2 MiB plus the list cases).
const MEMORY_BYTES: usize = 64 << 20;

/// A memory whose `realloc` bumps a pointer that each iteration resets, so
/// every iteration lowers into the same addresses.
struct BumpMemory {
    memory: VecMemory,
    bump: BumpAllocator,
}

impl BumpMemory {
    fn new() -> Self {
        let bump = BumpAllocator::new(8);
        Self {
            memory: bump.memory(vec![0; MEMORY_BYTES]),
            bump,
        }
    }

    fn reset(&mut self) {
        self.bump.reset();
    }
}

/// Lowers `value` into fresh memory and lifts it back, returning the lifted
/// copy so the work cannot be optimized away.
fn round_trip<T>(mem: &mut BumpMemory, encoding: StringEncoding, value: &T) -> T
where
    T: Lower + for<'a> Lift<'a>,
{
    mem.reset();
    let mut flat = [0u64; 2];
    let mut writer = FlatWriter::new(&mut flat);
    value
        .lower_flat(
            &mut LowerContext::new(&mut mem.memory, encoding),
            &mut writer,
        )
        .expect("lowering a benchmark value succeeds");
    let mut cx = LiftContext::new(mem.memory.bytes(), encoding);
    T::lift_flat(&mut cx, &mut FlatReader::new(&flat)).expect("lifting it back succeeds")
}

/// Copies `bytes` into memory and back out: the baseline for a case that moves
/// that many bytes each way.
fn memcpy_round_trip(mem: &mut BumpMemory, bytes: &[u8]) -> Vec<u8> {
    let dst = &mut mem.memory.data_mut()[8..8 + bytes.len()];
    dst.copy_from_slice(bytes);
    dst.to_vec()
}

fn bench_case<T>(
    c: &mut Criterion,
    name: &str,
    encoding: StringEncoding,
    value: T,
    payload_bytes: usize,
) where
    T: Lower + for<'a> Lift<'a>,
{
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(payload_bytes as u64));
    let mut mem = BumpMemory::new();
    group.bench_function(BenchmarkId::new("witbind", encoding.name()), |b| {
        b.iter(|| black_box(round_trip(&mut mem, encoding, black_box(&value))))
    });
    let bytes = vec![0x5au8; payload_bytes];
    group.bench_function("memcpy", |b| {
        b.iter(|| black_box(memcpy_round_trip(&mut mem, black_box(&bytes))))
    });
    group.finish();
}

fn lists_of_scalars(c: &mut Criterion) {
    let bytes: Vec<u8> = (0..1 << 20).map(|i| i as u8).collect();
    bench_case(c, "list<u8> 1 MiB", StringEncoding::Utf8, bytes, 1 << 20);
    let words: Vec<u32> = (0..256 << 10).collect();
    bench_case(c, "list<u32> 256 Ki", StringEncoding::Utf8, words, 1 << 20);
}

fn strings(c: &mut Criterion) {
    let ascii = "witbind ".repeat((1 << 20) / 8);
    for encoding in [
        StringEncoding::Utf8,
        StringEncoding::Utf16,
        StringEncoding::CompactUtf16,
    ] {
        bench_case(
            c,
            "string 1 MiB ascii",
            encoding,
            ascii.clone(),
            ascii.len(),
        );
    }
    let mixed = "wït—bïnd ".repeat((1 << 20) / "wït—bïnd ".len());
    for encoding in [
        StringEncoding::Utf8,
        StringEncoding::Utf16,
        StringEncoding::CompactUtf16,
    ] {
        bench_case(
            c,
            "string 1 MiB non-ascii",
            encoding,
            mixed.clone(),
            mixed.len(),
        );
    }
}

fn lists_of_compounds(c: &mut Criterion) {
    let strings: Vec<String> = (0..10_000).map(|i| format!("item-{i}")).collect();
    let string_bytes = strings.iter().map(|s| s.len() + 8).sum();
    bench_case(
        c,
        "list<string> 10 K",
        StringEncoding::Utf8,
        strings,
        string_bytes,
    );
    let records: Vec<Row> = (0..10_000)
        .map(|i| Row {
            a: i,
            b: f64::from(i) * 0.5,
            c: format!("r{i}"),
        })
        .collect();
    let record_bytes = records.iter().map(|r| 24 + r.c.len()).sum();
    bench_case(
        c,
        "list<record{u32,f64,string}> 10 K",
        StringEncoding::Utf8,
        records,
        record_bytes,
    );
}

/// `record { a: u32, b: f64, c: string }`.
#[derive(ComponentType, Lift, Lower)]
#[component(record)]
struct Row {
    a: u32,
    b: f64,
    c: String,
}

criterion_group!(benches, lists_of_scalars, strings, lists_of_compounds);
criterion_main!(benches);
