//! Target `component`: arbitrary and mutated component binaries into
//! `Component::new` and instantiation. Either may fail, with an error;
//! neither may panic, hang or exhaust memory.
//!
//! The engine is wasmi (compiling is cheap there, and loading a component is
//! engine-independent up to its core modules), with fuel and memory limits so
//! that a start function cannot loop or grow without bound. A component that
//! instantiates has each export without parameters called once.

use std::cell::RefCell;

use witbind::{BackendKind, Component, Config, Engine, Linker, Store, StoreLimits, Val};

/// Fuel for instantiating and for each call.
const FUEL: u64 = 100_000;

thread_local! {
    static ENGINE: RefCell<Option<Engine>> = const { RefCell::new(None) };
}

fn engine() -> Engine {
    ENGINE.with_borrow_mut(|engine| {
        engine
            .get_or_insert_with(|| {
                let mut config = Config::new();
                config.backend(BackendKind::Wasmi).consume_fuel(true);
                Engine::new(&config).expect("a wasmi engine with fuel")
            })
            .clone()
    })
}

/// Runs one input: any error is fine, a panic is a crash.
pub fn run(data: &[u8]) {
    let engine = engine();
    let Ok(component) = Component::new(&engine, data) else {
        return;
    };
    let mut store = Store::new(&engine, ());
    store.set_limits(StoreLimits {
        memory_size: Some(1 << 20),
        table_elements: Some(1 << 12),
        core_instances: Some(32),
        memories: Some(8),
        tables: Some(8),
        component_instances: Some(8),
    });
    store.set_hostcall_fuel(1 << 20);
    if store.set_fuel(FUEL).is_err() {
        return;
    }
    let Ok(instance) = Linker::new(&engine).instantiate(&mut store, &component) else {
        return;
    };
    for name in component.export_names() {
        let Ok(func) = instance.get_func(&mut store, name.as_str()) else {
            continue;
        };
        if !func.params().is_empty() || func.results().len() > 1 {
            continue;
        }
        let mut results = vec![Val::Bool(false); func.results().len()];
        if store.set_fuel(FUEL).is_err() {
            return;
        }
        let _ = func.call(&mut store, &[], &mut results);
    }
}
