//! Every host benchmark case (`witbind_tests::bench::Case`) on every side
//! (`witbind_tests::bench::all_sides`: witbind's typed functions and generated bindings on
//! wasmtime and on wasmi, and wasmtime's component model), as criterion benchmarks
//! `<case>/<side>`.
//!
//! Run with `cargo bench -p witbind-tests --bench host`; the side-by-side table comes from
//! `cargo run --release -p witbind-tests --bin bench-report` (see `docs/performance.md`).

use criterion::{Criterion, criterion_group, criterion_main};
use witbind_tests::bench::{Case, all_sides};

fn host(c: &mut Criterion) {
    let mut sides = all_sides().expect("every bench side");
    for case in Case::ALL {
        let mut group = c.benchmark_group(case.name());
        if case.ops_per_run() > 1 {
            group.sample_size(10);
        }
        for side in &mut sides {
            let name = side.name();
            group.bench_function(&name, |b| {
                b.iter_custom(|iters| side.run(case, iters).expect("case runs"))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, host);
criterion_main!(benches);
