//! Calling a typed export with a scalar signature allocates nothing on the
//! heap: the host's fast path keeps flat values on the stack.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use witbind::{Component, Linker, Store};

/// Counts the allocations of the current thread while counting is on.
struct CountingAlloc;

thread_local! {
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    static COUNT: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded to the system allocator unchanged; the
// thread-local counters are `const`-initialized and never allocate.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if COUNTING.with(Cell::get) {
            COUNT.with(|c| c.set(c.get() + 1));
        }
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded with the caller's pointer and layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if COUNTING.with(Cell::get) {
            COUNT.with(|c| c.set(c.get() + 1));
        }
        // SAFETY: forwarded with the caller's pointer, layout and size.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

#[test]
fn scalar_calls_do_not_allocate() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let text = r#"(component
      (core module $m
        (func (export "mix") (param i32 i64 f32 f64) (result f64)
          (f64.add
            (f64.add (f64.convert_i32_u (local.get 0)) (f64.convert_i64_s (local.get 1)))
            (f64.add (f64.promote_f32 (local.get 2)) (local.get 3)))))
      (core instance $i (instantiate $m))
      (func (export "mix") (param "a" u32) (param "b" s64) (param "c" f32) (param "d" f64)
        (result f64) (canon lift (core func $i "mix"))))"#;
        let component = Component::new(&engine, wat::parse_str(text).unwrap()).unwrap();
        let mut store = Store::new(&engine, ());
        let instance = Linker::new(&engine)
            .instantiate(&mut store, &component)
            .unwrap();
        let mix = instance
            .get_typed_func::<(u32, i64, f32, f64), (f64,)>(&mut store, "mix")
            .unwrap();
        // Warm up: the first call may set up engine state.
        assert_eq!(
            mix.call(&mut store, (1, -2, 0.5, 0.25)).unwrap(),
            (-0.25,),
            "{backend}"
        );

        COUNTING.with(|c| c.set(true));
        let mut sum = 0.0;
        for i in 0..100u32 {
            sum += mix.call(&mut store, (i, 1, 0.0, 0.0)).unwrap().0;
        }
        COUNTING.with(|c| c.set(false));
        assert_eq!(
            sum,
            (0..100).map(|i| f64::from(i) + 1.0).sum::<f64>(),
            "{backend}"
        );
        assert_eq!(
            COUNT.with(Cell::get),
            0,
            "{backend}: typed scalar calls allocated"
        );
    }
}
