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

/// How far an input got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reached {
    /// `Component::new` refused it.
    Rejected,
    /// It loaded but did not instantiate.
    Loaded,
    /// It instantiated; this many exports without parameters were called.
    Instantiated(usize),
}

/// Runs one input: any error is fine, a panic is a crash.
pub fn run(data: &[u8]) {
    let _ = reach(data);
}

/// Loads, instantiates and calls `data` as far as it goes.
pub fn reach(data: &[u8]) -> Reached {
    let engine = engine();
    let Ok(component) = Component::new(&engine, data) else {
        return Reached::Rejected;
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
    store.set_fuel(FUEL).expect("the engine consumes fuel");
    let Ok(instance) = Linker::new(&engine).instantiate(&mut store, &component) else {
        return Reached::Loaded;
    };
    let mut calls = 0;
    for name in component.export_names() {
        let Ok(func) = instance.get_func(&mut store, name.as_str()) else {
            continue;
        };
        if !func.params().is_empty() || func.results().len() > 1 {
            continue;
        }
        let mut results = vec![Val::Bool(false); func.results().len()];
        store.set_fuel(FUEL).expect("the engine consumes fuel");
        let _ = func.call(&mut store, &[], &mut results);
        calls += 1;
    }
    Reached::Instantiated(calls)
}

#[cfg(test)]
mod tests {
    use super::{Reached, reach};

    #[test]
    fn a_component_without_imports_is_instantiated_and_called() {
        let guest = include_str!("../../wat/guest_resource.wat");
        let wasm = wat::parse_str(guest).expect("the WAT parses");
        // `dropped` is its only export without parameters.
        assert_eq!(reach(&wasm), Reached::Instantiated(1));
        assert_eq!(reach(&wasm[..wasm.len() - 1]), Reached::Rejected);
        let imports = wat::parse_str(crate::fuzz::resources::GUEST).expect("the WAT parses");
        assert_eq!(reach(&imports), Reached::Loaded);
    }
}
