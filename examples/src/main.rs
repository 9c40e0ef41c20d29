//! Runs a real guest component (written in Rust, committed as
//! `tests/fixtures/resources.wasm`) through bindings that `bindgen!`
//! generates from its WIT world:
//!
//! - the host implements the imported interface `witbind:guests/host-side`:
//!   a `counter` resource (constructor, `get`, `increment`, destructor) and
//!   the function `stack-dropped`;
//! - the guest exports `witbind:guests/guest-side`: a `stack` resource and
//!   functions taking stacks and host counters, owned and borrowed.

use std::path::PathBuf;

use witbind::{Component, Engine, Linker, Resource, Store};

mod bindings {
    // The WIT package is `witbind:guests`, whose module `witbind` would
    // shadow the crate inside this module: hence `::witbind`.
    ::witbind::bindgen!({
        path: "../tests/guests/wit/resources.wit",
        world: "resources",
        // Host functions return `witbind::Result`: an `Err` traps the guest.
        imports: { default: trappable },
    });
}

use bindings::Resources;
use bindings::witbind::guests::host_side::{Counter, Host, HostCounter};

/// The host's state: its counters (by rep) and what it saw happen.
#[derive(Default)]
struct HostState {
    counters: Vec<Option<u32>>,
    log: Vec<String>,
}

impl HostState {
    fn counter(&mut self, c: &Resource<Counter>) -> witbind::Result<&mut u32> {
        match self.counters.get_mut(c.rep() as usize) {
            Some(Some(value)) => Ok(value),
            _ => anyhow::bail!("no live counter #{}", c.rep()),
        }
    }
}

impl HostCounter for HostState {
    fn new(&mut self, start: u32) -> witbind::Result<Resource<Counter>> {
        let rep = u32::try_from(self.counters.len())?;
        self.counters.push(Some(start));
        self.log.push(format!("host: new counter #{rep} = {start}"));
        Ok(Resource::new_own(rep))
    }

    fn get(&mut self, self_: Resource<Counter>) -> witbind::Result<u32> {
        Ok(*self.counter(&self_)?)
    }

    fn increment(&mut self, self_: Resource<Counter>) -> witbind::Result<()> {
        let value = self.counter(&self_)?;
        *value = value.wrapping_add(1);
        Ok(())
    }

    fn drop(&mut self, rep: Resource<Counter>) -> witbind::Result<()> {
        let value = self
            .counters
            .get_mut(rep.rep() as usize)
            .and_then(Option::take);
        self.log
            .push(format!("host: counter #{} dropped at {value:?}", rep.rep()));
        Ok(())
    }
}

impl Host for HostState {
    fn stack_dropped(&mut self, id: u32) -> witbind::Result<()> {
        self.log
            .push(format!("host: the guest dropped stack #{id}"));
        Ok(())
    }
}

/// Runs the example on every engine compiled in, or on the one named by the
/// first argument (`wasmtime` or `wasmi`).
fn main() -> witbind::Result<()> {
    let only = std::env::args().nth(1);
    for kind in Engine::available_backends() {
        if only.as_deref().is_some_and(|name| name != kind.name()) {
            continue;
        }
        println!("== on {kind}");
        run(&Engine::with_backend(*kind)?)?;
    }
    Ok(())
}

fn run(engine: &Engine) -> witbind::Result<()> {
    let fixture =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/resources.wasm");
    let engine = engine.clone();
    let component = Component::from_file(&engine, &fixture)?;

    let mut linker = Linker::new(&engine);
    Resources::add_to_linker(&mut linker, |state: &mut HostState| state)?;
    let mut store = Store::new(&engine, HostState::default());
    let guest = Resources::instantiate(&mut store, &component, &linker)?;
    let exports = guest.witbind_guests_guest_side();

    // Guest resources: constructed, called, lent and dropped by the host.
    let stacks = exports.stack();
    let a = stacks.call_constructor(&mut store)?;
    let b = stacks.call_constructor(&mut store)?;
    for v in [1, 2, 3] {
        stacks.call_push(&mut store, &a, v)?;
    }
    stacks.call_push(&mut store, &b, 40)?;
    println!(
        "stack #{} holds {} values summing to {}",
        stacks.call_id(&mut store, &a)?,
        stacks.call_len(&mut store, &a)?,
        exports.call_sum(&mut store, &a)?
    );
    let merged = exports.call_merge(&mut store, &a, b)?;
    println!(
        "merged into stack #{}: sum {}",
        stacks.call_id(&mut store, &merged)?,
        exports.call_sum(&mut store, &merged)?
    );
    stacks.resource_drop(&mut store, a)?;
    stacks.resource_drop(&mut store, merged)?;

    // Host resources: made by the guest through the host's constructor,
    // lent to it, and finally given to it to drop.
    let counter = exports.call_make_counter(&mut store, 10)?;
    exports.call_bump_counter(&mut store, &counter, 5)?;
    println!(
        "the guest reads the counter it bumped: {}",
        exports.call_read_counter(&mut store, &counter)?
    );
    let last = exports.call_consume_counter(&mut store, counter)?;
    println!("the guest consumed the counter at {last}");

    println!("what the host saw:");
    for line in &store.data().log {
        println!("  {line}");
    }
    Ok(())
}
