//! The wasmtime side of the differential tests: instantiation with the host imports of
//! [`HostState`] and calls through the dynamic `Func`/`Val` API.

use anyhow::{Context, Result, anyhow};
use wasmtime::component::{
    Component, Func, Instance, Linker, Resource, ResourceAny, ResourceType, Val,
};
use wasmtime::{Engine, Store, StoreContextMut};

use super::handles::HandleTable;
use super::host::HostState;
use super::neutral::{Neutral, Outcome};
use super::runtime::Runtime;
use crate::fixtures;

/// The marker type of the host's `counter` resource.
struct Counter;

/// A fixture compiled by wasmtime with every host import defined, ready to instantiate.
pub struct OracleFixture {
    engine: Engine,
    component: Component,
    linker: Linker<HostState>,
}

impl OracleFixture {
    /// Compiles the fixture `name` (see [`fixtures::ALL`]) and defines every host import.
    ///
    /// # Errors
    /// When the fixture is missing or invalid.
    pub fn load(name: &str) -> Result<Self> {
        // Maps and fixed-length lists are behind flags in wasmtime.
        let mut config = wasmtime::Config::new();
        config
            .wasm_component_model_map(true)
            .wasm_component_model_fixed_length_lists(true)
            .wasm_component_model_implements(true);
        let engine = wt(Engine::new(&config))?;
        let bytes = fixtures::bytes(name)?;
        let component = wt(Component::from_binary(&engine, &bytes))
            .with_context(|| format!("compiling fixture {name}"))?;
        let mut linker = Linker::new(&engine);
        wt(define_host_calls(&mut linker))?;
        wt(define_host_side(&mut linker))?;
        wt(define_named_imports(&mut linker))?;
        Ok(OracleFixture {
            engine,
            component,
            linker,
        })
    }

    /// A new instance with a fresh [`HostState`].
    ///
    /// # Errors
    /// When instantiation fails (e.g. an import the oracle does not define).
    pub fn instantiate(&self) -> Result<WasmtimeOracle> {
        let mut store = Store::new(&self.engine, HostState::default());
        let instance = wt(self.linker.instantiate(&mut store, &self.component))?;
        Ok(WasmtimeOracle {
            store,
            instance,
            handles: HandleTable::default(),
        })
    }
}

/// One instance of a fixture running in wasmtime.
pub struct WasmtimeOracle {
    store: Store<HostState>,
    instance: Instance,
    /// Resource handles the caller holds; [`Neutral::Handle`] indexes this. `None` once dropped.
    handles: HandleTable<ResourceAny>,
}

impl WasmtimeOracle {
    /// Compiles and instantiates the fixture `name` (see [`OracleFixture`]).
    ///
    /// # Errors
    /// When the fixture is missing, invalid or cannot be instantiated.
    pub fn new(name: &str) -> Result<Self> {
        OracleFixture::load(name)?
            .instantiate()
            .with_context(|| format!("instantiating fixture {name}"))
    }

    /// A new host `counter` owned by the caller, as a handle to pass to the guest.
    ///
    /// # Errors
    /// When wasmtime refuses the handle.
    pub fn new_host_counter(&mut self, start: u32) -> Result<Neutral> {
        let rep = self.store.data_mut().counter_new(start);
        let any = wt(ResourceAny::try_from_resource(
            Resource::<Counter>::new_own(rep),
            &mut self.store,
        ))?;
        Ok(self.handles.hold(any))
    }

    /// The rep of the host counter behind `handle` (see [`HostState::counter_value`]).
    ///
    /// # Errors
    /// When `handle` is not a live host counter handle.
    pub fn counter_rep(&mut self, handle: &Neutral) -> Result<u32> {
        let any = self.handles.take(handle)?;
        let resource = wt(Resource::<Counter>::try_from_resource_any(
            any,
            &mut self.store,
        ))?;
        let rep = resource.rep();
        let back = wt(resource.try_into_resource_any(&mut self.store))?;
        self.handles.put_back(handle, back)?;
        Ok(rep)
    }

    fn func(&mut self, name: &str) -> Result<Func> {
        let index = match name.split_once('#') {
            Some((interface, func)) => {
                let interface = self
                    .instance
                    .get_export_index(&mut self.store, None, interface)
                    .with_context(|| format!("no exported interface {interface}"))?;
                self.instance
                    .get_export_index(&mut self.store, Some(&interface), func)
            }
            None => self.instance.get_export_index(&mut self.store, None, name),
        }
        .with_context(|| format!("no export {name}"))?;
        self.instance
            .get_func(&mut self.store, index)
            .with_context(|| format!("export {name} is not a function"))
    }

    fn val_of(&self, value: &Neutral) -> Result<Val> {
        use Neutral as N;
        let boxed = |payload: &Option<Box<Neutral>>| -> Result<Option<Box<Val>>> {
            payload
                .as_deref()
                .map(|inner| self.val_of(inner).map(Box::new))
                .transpose()
        };
        let many = |items: &[Neutral]| -> Result<Vec<Val>> {
            items.iter().map(|item| self.val_of(item)).collect()
        };
        Ok(match value {
            N::Bool(v) => Val::Bool(*v),
            N::S8(v) => Val::S8(*v),
            N::U8(v) => Val::U8(*v),
            N::S16(v) => Val::S16(*v),
            N::U16(v) => Val::U16(*v),
            N::S32(v) => Val::S32(*v),
            N::U32(v) => Val::U32(*v),
            N::S64(v) => Val::S64(*v),
            N::U64(v) => Val::U64(*v),
            N::F32(v) => Val::Float32(*v),
            N::F64(v) => Val::Float64(*v),
            N::Char(v) => Val::Char(*v),
            N::String(v) => Val::String(v.clone()),
            N::List(items) => Val::List(many(items)?),
            N::Map(entries) => Val::Map(
                entries
                    .iter()
                    .map(|(k, v)| Ok((self.val_of(k)?, self.val_of(v)?)))
                    .collect::<Result<_>>()?,
            ),
            N::Tuple(items) => Val::Tuple(many(items)?),
            N::Record(fields) => Val::Record(
                fields
                    .iter()
                    .map(|(name, v)| Ok((name.clone(), self.val_of(v)?)))
                    .collect::<Result<_>>()?,
            ),
            N::Variant(case, payload) => Val::Variant(case.clone(), boxed(payload)?),
            N::Enum(case) => Val::Enum(case.clone()),
            N::Option(payload) => Val::Option(boxed(payload)?),
            N::Result(Ok(payload)) => Val::Result(Ok(boxed(payload)?)),
            N::Result(Err(payload)) => Val::Result(Err(boxed(payload)?)),
            N::Flags(names) => Val::Flags(names.clone()),
            N::Handle(index) => Val::Resource(self.handles.get(*index)?),
        })
    }

    fn neutral_of(&mut self, value: Val) -> Result<Neutral> {
        Ok(match value {
            Val::Bool(v) => Neutral::Bool(v),
            Val::S8(v) => Neutral::S8(v),
            Val::U8(v) => Neutral::U8(v),
            Val::S16(v) => Neutral::S16(v),
            Val::U16(v) => Neutral::U16(v),
            Val::S32(v) => Neutral::S32(v),
            Val::U32(v) => Neutral::U32(v),
            Val::S64(v) => Neutral::S64(v),
            Val::U64(v) => Neutral::U64(v),
            Val::Float32(v) => Neutral::F32(v),
            Val::Float64(v) => Neutral::F64(v),
            Val::Char(v) => Neutral::Char(v),
            Val::String(v) => Neutral::String(v),
            Val::List(items) | Val::FixedLengthList(items) => {
                Neutral::List(self.neutral_list(items)?)
            }
            Val::Map(entries) => Neutral::Map(
                entries
                    .into_iter()
                    .map(|(k, v)| Ok((self.neutral_of(k)?, self.neutral_of(v)?)))
                    .collect::<Result<_>>()?,
            ),
            Val::Tuple(items) => Neutral::Tuple(self.neutral_list(items)?),
            Val::Record(fields) => Neutral::Record(
                fields
                    .into_iter()
                    .map(|(name, v)| Ok((name, self.neutral_of(v)?)))
                    .collect::<Result<_>>()?,
            ),
            Val::Variant(case, payload) => Neutral::Variant(case, self.neutral_payload(payload)?),
            Val::Enum(case) => Neutral::Enum(case),
            Val::Option(payload) => Neutral::Option(self.neutral_payload(payload)?),
            Val::Result(Ok(payload)) => Neutral::Result(Ok(self.neutral_payload(payload)?)),
            Val::Result(Err(payload)) => Neutral::Result(Err(self.neutral_payload(payload)?)),
            Val::Flags(names) => Neutral::Flags(names),
            Val::Resource(any) => self.handles.hold(any),
            other => return Err(anyhow!("no neutral form for {other:?}")),
        })
    }

    fn neutral_list(&mut self, items: Vec<Val>) -> Result<Vec<Neutral>> {
        items
            .into_iter()
            .map(|item| self.neutral_of(item))
            .collect()
    }

    fn neutral_payload(&mut self, payload: Option<Box<Val>>) -> Result<Option<Box<Neutral>>> {
        payload
            .map(|inner| self.neutral_of(*inner).map(Box::new))
            .transpose()
    }
}

impl Runtime for WasmtimeOracle {
    fn call(&mut self, name: &str, args: &[Neutral]) -> Result<Outcome> {
        let func = self.func(name)?;
        let ty = func.ty(&self.store);
        let params = args
            .iter()
            .zip(ty.params())
            .map(|(arg, (_, ty))| Ok(fit_to_type(self.val_of(arg)?, &ty)))
            .collect::<Result<Vec<_>>>()?;
        let mut results = vec![Val::Bool(false); func.ty(&self.store).results().len()];
        match func.call(&mut self.store, &params, &mut results) {
            Ok(()) => Ok(Outcome::Returned(
                results
                    .into_iter()
                    .map(|val| self.neutral_of(val))
                    .collect::<Result<_>>()?,
            )),
            Err(error) => Ok(Outcome::Trapped(format!("{error:?}"))),
        }
    }

    fn drop_handle(&mut self, handle: &Neutral) -> Result<()> {
        let any = self.handles.take(handle)?;
        wt(any.resource_drop(&mut self.store))
    }

    fn host(&self) -> &HostState {
        self.store.data()
    }
}

/// The root imports of the `host-calls` world.
fn define_host_calls(linker: &mut Linker<HostState>) -> wasmtime::Result<()> {
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
        HostState::numbers(n)
            .map(|list| (list,))
            .map_err(|e| wasmtime::format_err!("{e}"))
    })?;
    root.func_wrap(
        "total",
        |_, (m,): (std::collections::HashMap<String, u32>,)| Ok((HostState::total(&m),)),
    )?;
    Ok(())
}

/// The imports `primary` and `fallback` of the `named-imports` world.
fn define_named_imports(linker: &mut Linker<HostState>) -> wasmtime::Result<()> {
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
fn define_host_side(linker: &mut Linker<HostState>) -> wasmtime::Result<()> {
    let mut host_side = linker.instance("witbind:guests/host-side")?;
    host_side.resource("counter", ResourceType::host::<Counter>(), |mut cx, rep| {
        cx.data_mut()
            .counter_drop(rep)
            .map_err(|e| wasmtime::format_err!("{e}"))
    })?;
    host_side.func_wrap(
        "[constructor]counter",
        |mut cx: StoreContextMut<'_, HostState>, (start,): (u32,)| {
            Ok((Resource::<Counter>::new_own(
                cx.data_mut().counter_new(start),
            ),))
        },
    )?;
    host_side.func_wrap(
        "[method]counter.get",
        |cx: StoreContextMut<'_, HostState>, (this,): (Resource<Counter>,)| {
            cx.data()
                .counter_get(this.rep())
                .map(|value| (value,))
                .map_err(|e| wasmtime::format_err!("{e}"))
        },
    )?;
    host_side.func_wrap(
        "[method]counter.increment",
        |mut cx: StoreContextMut<'_, HostState>, (this,): (Resource<Counter>,)| {
            cx.data_mut()
                .counter_increment(this.rep())
                .map_err(|e| wasmtime::format_err!("{e}"))
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

/// wasmtime's error type into anyhow's, keeping the whole chain in the message.
fn wt<T>(result: wasmtime::Result<T>) -> Result<T> {
    result.map_err(|e| anyhow!("{e:?}"))
}

/// `value` with every list that `ty` says has a fixed length as wasmtime's
/// `Val::FixedLengthList` ([`Neutral`] has one kind of list).
fn fit_to_type(value: Val, ty: &wasmtime::component::Type) -> Val {
    use wasmtime::component::Type as T;
    let boxed = |payload: Option<Box<Val>>, ty: Option<T>| match (payload, ty) {
        (Some(v), Some(ty)) => Some(Box::new(fit_to_type(*v, &ty))),
        (payload, _) => payload,
    };
    match (value, ty) {
        (Val::List(items), T::FixedLengthList(list)) => Val::FixedLengthList(
            items
                .into_iter()
                .map(|v| fit_to_type(v, &list.ty()))
                .collect(),
        ),
        (Val::List(items), T::List(list)) => Val::List(
            items
                .into_iter()
                .map(|v| fit_to_type(v, &list.ty()))
                .collect(),
        ),
        (Val::Map(entries), T::Map(map)) => Val::Map(
            entries
                .into_iter()
                .map(|(k, v)| (fit_to_type(k, &map.key()), fit_to_type(v, &map.value())))
                .collect(),
        ),
        (Val::Record(fields), T::Record(record)) => Val::Record(
            fields
                .into_iter()
                .zip(record.fields())
                .map(|((name, v), field)| (name, fit_to_type(v, &field.ty)))
                .collect(),
        ),
        (Val::Tuple(items), T::Tuple(tuple)) => Val::Tuple(
            items
                .into_iter()
                .zip(tuple.types())
                .map(|(v, ty)| fit_to_type(v, &ty))
                .collect(),
        ),
        (Val::Variant(name, payload), T::Variant(variant)) => {
            let ty = variant.cases().find(|c| c.name == name).and_then(|c| c.ty);
            Val::Variant(name, boxed(payload, ty))
        }
        (Val::Option(payload), T::Option(option)) => Val::Option(boxed(payload, Some(option.ty()))),
        (Val::Result(Ok(payload)), T::Result(result)) => {
            Val::Result(Ok(boxed(payload, result.ok())))
        }
        (Val::Result(Err(payload)), T::Result(result)) => {
            Val::Result(Err(boxed(payload, result.err())))
        }
        (value, _) => value,
    }
}

/// A wasmtime linker whose root defines `log: func(x: u32)`, appending each
/// `x` to the store's data: the log differential tests compare with
/// witbind's.
///
/// # Panics
/// Never for a fresh linker (the one definition cannot clash).
pub fn logging_linker(engine: &Engine) -> Linker<Vec<u32>> {
    let mut linker = Linker::<Vec<u32>>::new(engine);
    linker
        .root()
        .func_wrap("log", |mut cx, (x,): (u32,)| {
            cx.data_mut().push(x);
            Ok(())
        })
        .expect("a fresh linker has no `log` yet");
    linker
}
