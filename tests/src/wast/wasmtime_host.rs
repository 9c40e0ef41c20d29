//! wasmtime's own component model as the runner's host: the oracle that
//! checks our `.wast` files' expectations (and the adapter files witbind
//! does not run yet) against the reference implementation.
//!
//! One difference shapes it: after a trap, wasmtime 48 refuses every later
//! call into any component instance of the store ("cannot enter component
//! instance"), where witbind refuses only the instance that trapped. So the
//! oracle starts a new store (and an empty linker) at the first
//! instantiation after a trap; instances of the old store trap when
//! called, and what was registered before is gone. Scripts meant for both
//! therefore use only instances made after their last trap.

use std::collections::HashMap;

use anyhow::{Context, Result, anyhow, bail};
use wasmtime::component::types::{ComponentFunc, ComponentItem};
use wasmtime::component::{Component, Instance, Linker, Type, Val as W};
use wasmtime::{Engine, Store};
use wast::WastArg;
use wast::core::WastArgCore;
use witbind::Val;

use super::host::Host;
use super::values::wast_val;
use crate::fuzz::wasmtime_val::to_wasmtime;

/// One wasmtime store (a new one after a trap) with a linker holding what
/// was registered.
pub struct WasmtimeHost {
    engine: Engine,
    store: Store<()>,
    linker: Linker<()>,
    /// How many stores came before this one.
    generation: u64,
    /// Whether the store saw a trap.
    trapped: bool,
    /// The signatures of every registered function, by registered name and
    /// export name, as [`signature`] writes them.
    registered: HashMap<String, HashMap<String, String>>,
}

impl Default for WasmtimeHost {
    fn default() -> Self {
        let engine = Engine::default();
        Self {
            store: Store::new(&engine, ()),
            linker: Linker::new(&engine),
            engine,
            generation: 0,
            trapped: false,
            registered: HashMap::new(),
        }
    }
}

impl Host for WasmtimeHost {
    type Component = Component;
    /// The instance and the generation of the store it lives in.
    type Instance = (u64, Instance);

    fn backend(&self) -> String {
        "wasmtime's component model (oracle)".to_string()
    }

    fn compile(&mut self, bytes: &[u8]) -> Result<Component> {
        Component::new(&self.engine, bytes).map_err(|e| anyhow!("{e:?}"))
    }

    fn instantiate(&mut self, component: &Component) -> Result<(u64, Instance)> {
        if self.trapped {
            self.store = Store::new(&self.engine, ());
            self.linker = Linker::new(&self.engine);
            self.registered.clear();
            self.generation += 1;
            self.trapped = false;
        }
        self.check_imports(component)
            .context("linking the component")?;
        let instance = self
            .linker
            .instantiate(&mut self.store, component)
            .map_err(|e| self.failed(e))
            .context("instantiating the component")?;
        Ok((self.generation, instance))
    }

    fn register(
        &mut self,
        name: &str,
        component: &Component,
        (generation, instance): &(u64, Instance),
    ) -> Result<()> {
        if *generation != self.generation {
            bail!("the instance was made before a trap, in a store wasmtime no longer runs");
        }
        let ty = component.component_type();
        let mut namespace = self.linker.instance(name).map_err(|e| anyhow!("{e:?}"))?;
        let mut types = HashMap::new();
        for (export, item) in ty.exports(&self.engine) {
            let ComponentItem::ComponentFunc(f) = item.ty else {
                continue;
            };
            let func = instance
                .get_func(&mut self.store, export)
                .ok_or_else(|| anyhow!("no export `{export}` to register"))?;
            types.insert(export.to_string(), signature(&f));
            namespace
                .func_new(export, move |mut store, _ty, params, results| {
                    func.call(&mut store, params, results)
                })
                .map_err(|e| anyhow!("{e:?}"))?;
        }
        self.registered.insert(name.to_string(), types);
        Ok(())
    }

    fn invoke(
        &mut self,
        (generation, instance): &(u64, Instance),
        name: &str,
        args: &[WastArg<'_>],
    ) -> Result<Vec<Val>> {
        if *generation != self.generation {
            return Err(anyhow::Error::new(Failed(
                "cannot enter component instance: it was made before a trap, in a store \
                 wasmtime no longer runs"
                    .to_string(),
            )));
        }
        let func = instance
            .get_func(&mut self.store, name)
            .ok_or_else(|| anyhow!("the component exports no function `{name}`"))?;
        let ty = func.ty(&self.store);
        if args.len() != ty.params().len() {
            bail!(
                "`{name}` takes {} parameter(s): {} given",
                ty.params().len(),
                args.len()
            );
        }
        let params = args
            .iter()
            .zip(ty.params())
            .map(|(arg, (_, ty))| wasmtime_arg(arg, &ty))
            .collect::<Result<Vec<_>>>()?;
        let mut results = vec![W::Bool(false); ty.results().len()];
        func.call(&mut self.store, &params, &mut results)
            .map_err(|e| self.failed(e))?;
        Ok(results.iter().map(from_wasmtime).collect())
    }

    fn is_trap(&self, e: &anyhow::Error) -> bool {
        e.downcast_ref::<Failed>().is_some()
    }

    fn is_unsupported(&self, _e: &anyhow::Error) -> bool {
        false
    }
}

impl WasmtimeHost {
    /// `e`, raised by guest code, as a [`Failed`]; the store is poisoned.
    fn failed(&mut self, e: wasmtime::Error) -> anyhow::Error {
        self.trapped = true;
        anyhow::Error::new(Failed(format!("{e:?}")))
    }

    /// Each function a component imports from a registered instance must
    /// have the registered export's signature (a `func_new` function takes
    /// any type, so wasmtime's linker does not check it).
    fn check_imports(&self, component: &Component) -> Result<()> {
        let ty = component.component_type();
        for (name, item) in ty.imports(&self.engine) {
            let Some(registered) = self.registered.get(name) else {
                continue;
            };
            let ComponentItem::ComponentInstance(imported) = item.ty else {
                bail!("the component imports `{name}` as a non-instance, but it is registered");
            };
            for (export, item) in imported.exports(&self.engine) {
                let ComponentItem::ComponentFunc(f) = item.ty else {
                    continue;
                };
                let wanted = signature(&f);
                match registered.get(export) {
                    None => bail!("`{name}#{export}` is not exported by the registered instance"),
                    Some(have) if *have != wanted => {
                        bail!("`{name}#{export}`: imported as {wanted}, registered as {have}")
                    }
                    Some(_) => {}
                }
            }
        }
        Ok(())
    }
}

/// An error wasmtime raised while running guest code (a call, an
/// instantiation). wasmtime reports many Canonical ABI violations as plain
/// errors rather than `wasmtime::Trap`s, so, as its own `.wast` runner
/// does, the oracle counts every such error as a trap.
#[derive(Debug)]
struct Failed(String);

impl std::fmt::Display for Failed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Failed {}

/// A function's parameter names and types and its result types, written
/// out structurally so that types of two components compare.
fn signature(f: &ComponentFunc) -> String {
    let params: Vec<String> = f
        .params()
        .map(|(name, ty)| format!("{name}: {}", describe(&ty)))
        .collect();
    let results: Vec<String> = f.results().map(|ty| describe(&ty)).collect();
    format!("func({}) -> ({})", params.join(", "), results.join(", "))
}

fn describe(ty: &Type) -> String {
    let opt = |t: Option<Type>| t.map_or("_".to_string(), |t| describe(&t));
    match ty {
        Type::List(l) => format!("list<{}>", describe(&l.ty())),
        Type::Record(r) => {
            let fields: Vec<String> = r
                .fields()
                .map(|f| format!("{}: {}", f.name, describe(&f.ty)))
                .collect();
            format!("record {{{}}}", fields.join(", "))
        }
        Type::Tuple(t) => {
            let types: Vec<String> = t.types().map(|t| describe(&t)).collect();
            format!("tuple<{}>", types.join(", "))
        }
        Type::Variant(v) => {
            let cases: Vec<String> = v
                .cases()
                .map(|c| format!("{}({})", c.name, opt(c.ty)))
                .collect();
            format!("variant {{{}}}", cases.join(", "))
        }
        Type::Enum(e) => format!("enum {{{}}}", e.names().collect::<Vec<_>>().join(", ")),
        Type::Flags(f) => format!("flags {{{}}}", f.names().collect::<Vec<_>>().join(", ")),
        Type::Option(o) => format!("option<{}>", describe(&o.ty())),
        Type::Result(r) => format!("result<{}, {}>", opt(r.ok()), opt(r.err())),
        Type::Own(_) => "own".to_string(),
        Type::Borrow(_) => "borrow".to_string(),
        other => format!("{other:?}"),
    }
}

/// A script argument as a wasmtime value of the parameter type `ty`.
fn wasmtime_arg(arg: &WastArg<'_>, ty: &Type) -> Result<W> {
    Ok(match (arg, ty) {
        (WastArg::Component(v), _) => to_wasmtime(&wast_val(v)?),
        (WastArg::Core(WastArgCore::I32(n)), Type::S32) => W::S32(*n),
        (WastArg::Core(WastArgCore::I32(n)), Type::U32) => W::U32(*n as u32),
        (WastArg::Core(WastArgCore::I64(n)), Type::S64) => W::S64(*n),
        (WastArg::Core(WastArgCore::I64(n)), Type::U64) => W::U64(*n as u64),
        (WastArg::Core(WastArgCore::F32(f)), Type::Float32) => W::Float32(f32::from_bits(f.bits)),
        (WastArg::Core(WastArgCore::F64(f)), Type::Float64) => W::Float64(f64::from_bits(f.bits)),
        _ => bail!("the argument {arg:?} cannot be passed as a {ty:?}"),
    })
}

/// A wasmtime value as witbind's, to compare with the script. A resource
/// (which no script value names) becomes the enum case `<resource>`.
fn from_wasmtime(value: &W) -> Val {
    let many = |items: &[W]| items.iter().map(from_wasmtime).collect();
    let boxed = |p: &Option<Box<W>>| p.as_deref().map(|v| Box::new(from_wasmtime(v)));
    match value {
        W::Bool(v) => Val::Bool(*v),
        W::S8(v) => Val::S8(*v),
        W::U8(v) => Val::U8(*v),
        W::S16(v) => Val::S16(*v),
        W::U16(v) => Val::U16(*v),
        W::S32(v) => Val::S32(*v),
        W::U32(v) => Val::U32(*v),
        W::S64(v) => Val::S64(*v),
        W::U64(v) => Val::U64(*v),
        W::Float32(v) => Val::Float32(*v),
        W::Float64(v) => Val::Float64(*v),
        W::Char(v) => Val::Char(*v),
        W::String(v) => Val::String(v.clone()),
        W::List(items) => Val::List(many(items)),
        W::Tuple(items) => Val::Tuple(many(items)),
        W::Record(fields) => Val::Record(
            fields
                .iter()
                .map(|(n, v)| (n.clone(), from_wasmtime(v)))
                .collect(),
        ),
        W::Variant(case, payload) => Val::Variant(case.clone(), boxed(payload)),
        W::Enum(case) => Val::Enum(case.clone()),
        W::Option(payload) => Val::Option(boxed(payload)),
        W::Result(Ok(payload)) => Val::Result(Ok(boxed(payload))),
        W::Result(Err(payload)) => Val::Result(Err(boxed(payload))),
        W::Flags(names) => Val::Flags(names.clone()),
        W::Map(entries) => Val::Map(
            entries
                .iter()
                .map(|(k, v)| (from_wasmtime(k), from_wasmtime(v)))
                .collect(),
        ),
        _ => Val::Enum("<resource>".to_string()),
    }
}
