//! The witbind side of the differential tests: the same fixtures, host imports
//! ([`HostState`]) and calls as [`super::wasmtime_side`], through witbind's host.

use anyhow::{Context, Result};
use witbind::{
    Borrowed, Component, Engine, Func, Instance, Linker, Resource, ResourceAny, Store,
    StoreContextMut, Val,
};

use super::handles::HandleTable;
use super::host::HostState;
use super::neutral::{Neutral, Outcome};
use super::runtime::Runtime;
use super::witbind_val::{from_witbind, to_witbind};
use crate::fixtures;

/// The marker type of the host's `counter` resource on the witbind side.
pub struct WitbindCounter;

/// A fixture compiled by witbind with every host import defined, ready to instantiate.
pub struct WitbindFixture {
    engine: Engine,
    component: Component,
    linker: Linker<HostState>,
}

impl WitbindFixture {
    /// Loads the fixture `name` (see [`fixtures::ALL`]) on the default engine and defines
    /// every host import.
    ///
    /// # Errors
    /// When the fixture is missing or witbind rejects it.
    pub fn load(name: &str) -> Result<Self> {
        Self::load_on(name, &Engine::default())
    }

    /// Loads the fixture `name` on `engine` and defines every host import.
    ///
    /// # Errors
    /// When the fixture is missing or witbind rejects it.
    pub fn load_on(name: &str, engine: &Engine) -> Result<Self> {
        let engine = engine.clone();
        let bytes = fixtures::bytes(name)?;
        let component = Component::new(&engine, &bytes).with_context(|| {
            format!(
                "loading fixture {name} in witbind on {}",
                engine.backend_kind()
            )
        })?;
        let mut linker = Linker::new(&engine);
        define_host_calls(&mut linker)?;
        define_host_side(&mut linker)?;
        define_named_imports(&mut linker)?;
        Ok(WitbindFixture {
            engine,
            component,
            linker,
        })
    }

    /// A new instance with a fresh [`HostState`].
    ///
    /// # Errors
    /// When instantiation fails.
    pub fn instantiate(&self) -> Result<WitbindInstance> {
        let mut store = Store::new(&self.engine, HostState::default());
        let instance = self.linker.instantiate(&mut store, &self.component)?;
        Ok(WitbindInstance {
            store,
            instance,
            handles: HandleTable::default(),
        })
    }
}

/// One instance of a fixture running in witbind.
pub struct WitbindInstance {
    store: Store<HostState>,
    instance: Instance,
    handles: HandleTable<ResourceAny>,
}

impl WitbindInstance {
    /// Loads and instantiates the fixture `name` (see [`WitbindFixture`]) on the default
    /// engine.
    ///
    /// # Errors
    /// When the fixture is missing, rejected or cannot be instantiated.
    pub fn new(name: &str) -> Result<Self> {
        Self::on(name, &Engine::default())
    }

    /// Loads and instantiates the fixture `name` on `engine`.
    ///
    /// # Errors
    /// When the fixture is missing, rejected or cannot be instantiated.
    pub fn on(name: &str, engine: &Engine) -> Result<Self> {
        WitbindFixture::load_on(name, engine)?
            .instantiate()
            .with_context(|| format!("instantiating fixture {name} in witbind"))
    }

    /// Calls the export `name` with typed parameters and results, for the calls whose
    /// values the dynamic API cannot carry (host resources the host itself owns).
    ///
    /// # Errors
    /// When the export is missing, its type does not match, or the call fails.
    pub fn call_typed<P, R>(&mut self, name: &str, params: P) -> Result<R>
    where
        P: witbind::Lower,
        R: for<'a> witbind::Lift<'a>,
    {
        let func = match name.split_once('#') {
            Some((interface, func)) => self
                .instance
                .get_typed_func::<P, R>(&mut self.store, (interface, func))?,
            None => self
                .instance
                .get_typed_func::<P, R>(&mut self.store, name)?,
        };
        func.call(&mut self.store, params)
    }

    /// A new host counter, as the [`Resource`] the typed calls pass.
    pub fn new_host_counter(&mut self, start: u32) -> Resource<WitbindCounter> {
        Resource::new_own(self.store.data_mut().counter_new(start))
    }

    fn func(&mut self, name: &str) -> Result<Func> {
        match name.split_once('#') {
            Some((interface, func)) => self.instance.get_func(&mut self.store, (interface, func)),
            None => self.instance.get_func(&mut self.store, name),
        }
        .with_context(|| format!("no export {name} in witbind"))
    }
}

impl Runtime for WitbindInstance {
    fn call(&mut self, name: &str, args: &[Neutral]) -> Result<Outcome> {
        let func = self.func(name)?;
        let params = args
            .iter()
            .map(|arg| to_witbind(arg, &self.handles))
            .collect::<Result<Vec<_>>>()?;
        let mut results = vec![Val::Bool(false); func.results().len()];
        match func.call(&mut self.store, &params, &mut results) {
            Ok(()) => Ok(Outcome::Returned(
                results
                    .into_iter()
                    .map(|val| from_witbind(val, &mut self.handles))
                    .collect(),
            )),
            Err(error) => Ok(Outcome::Trapped(format!("{error:#}"))),
        }
    }

    fn drop_handle(&mut self, handle: &Neutral) -> Result<()> {
        let any = self.handles.take(handle)?;
        self.instance.resource_drop(&mut self.store, any)
    }

    fn host(&self) -> &HostState {
        self.store.data()
    }
}

/// The root imports of the `host-calls` world.
fn define_host_calls(linker: &mut Linker<HostState>) -> Result<()> {
    let mut root = linker.root();
    root.func_wrap("add", |_, (a, b): (u32, u32)| Ok((HostState::add(a, b),)))?;
    root.func_wrap(
        "log",
        |mut cx: StoreContextMut<'_, HostState>, (msg,): (String,)| {
            cx.data_mut().log(msg);
            Ok(())
        },
    )?;
    root.func_wrap("lookup", |_, (key,): (String,)| {
        Ok((HostState::lookup(&key),))
    })?;
    root.func_wrap("numbers", |_, (n,): (u32,)| {
        HostState::numbers(n).map(|list| (list,))
    })?;
    root.func_wrap(
        "total",
        |_, (m,): (std::collections::HashMap<String, u32>,)| Ok((HostState::total(&m),)),
    )?;
    Ok(())
}

/// The imports `primary` and `fallback` of the `named-imports` world.
fn define_named_imports(linker: &mut Linker<HostState>) -> Result<()> {
    for label in ["primary", "fallback"] {
        linker
            .instance(label)?
            .func_wrap("get", move |_, (key,): (String,)| {
                Ok((HostState::named_get(label, &key),))
            })?;
    }
    Ok(())
}

/// The `witbind:guests/host-side` interface of the `resources` world.
fn define_host_side(linker: &mut Linker<HostState>) -> Result<()> {
    let mut host_side = linker.instance("witbind:guests/host-side")?;
    host_side
        .resource::<WitbindCounter>("counter", |mut cx, rep| cx.data_mut().counter_drop(rep))?;
    host_side.func_wrap(
        "[constructor]counter",
        |mut cx: StoreContextMut<'_, HostState>, (start,): (u32,)| {
            Ok((Resource::<WitbindCounter>::new_own(
                cx.data_mut().counter_new(start),
            ),))
        },
    )?;
    host_side.func_wrap(
        "[method]counter.get",
        |cx: StoreContextMut<'_, HostState>, (this,): (Borrowed<Resource<WitbindCounter>>,)| {
            cx.data()
                .counter_get(this.get().rep())
                .map(|value| (value,))
        },
    )?;
    host_side.func_wrap(
        "[method]counter.increment",
        |mut cx: StoreContextMut<'_, HostState>, (this,): (Borrowed<Resource<WitbindCounter>>,)| {
            cx.data_mut().counter_increment(this.get().rep())
        },
    )?;
    host_side.func_wrap(
        "stack-dropped",
        |mut cx: StoreContextMut<'_, HostState>, (id,): (u32,)| {
            cx.data_mut().stack_dropped(id);
            Ok(())
        },
    )?;
    Ok(())
}
