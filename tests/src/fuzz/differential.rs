//! Target `differential`: witbind against `wasmtime::component` on the echo
//! component of a fixed family of types (see `family` and
//! `echo_component`).
//!
//! An input picks a type, a string encoding and a witbind engine, then makes
//! up to four calls: echo a list of values, inspect the bytes lowering a
//! value wrote, lift forged bytes, lift a forged flat value. Each call runs
//! on wasmtime and on witbind; both must return the same values, or both
//! trap (witbind with a [`Trap`](witbind::Trap)). Components are compiled
//! once per process and instances are kept until a call traps.

use std::cell::RefCell;
use std::collections::HashMap;

use arbitrary::{Result as AResult, Unstructured};
use witbind::{BackendKind, Type, Val};

use super::echo_component::{ENCODINGS, encodings_of, export_name, flat_carrier};
use super::family::family;
use super::generate::arbitrary_val;
use super::wasmtime_val::{neutral_of_wasmtime, to_wasmtime};
use crate::oracle::witbind_val::from_witbind;
use crate::oracle::{HandleTable, Neutral};

/// Most bytes a forged list body has.
const MAX_FORGED: usize = 1024;

/// What one call gave on one runtime.
enum Outcome {
    Returned(Neutral),
    /// The runtime's error message.
    Trapped(String),
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Outcome::Returned(value) => write!(f, "returned {value:?}"),
            Outcome::Trapped(message) => write!(f, "trapped: {message}"),
        }
    }
}

/// Runs one input; panics when the runtimes disagree.
pub fn run(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let _ = run_calls(&mut u);
}

fn run_calls(u: &mut Unstructured<'_>) -> AResult<()> {
    let family = family();
    let index = u.choose_index(family.types.len())?;
    let ty = &family.types[index];
    let encoding = u.choose_index(encodings_of(ty))?;
    let backend = if u.arbitrary()? {
        BackendKind::Wasmi
    } else {
        BackendKind::Wasmtime
    };
    for _ in 0..4 {
        if u.is_empty() {
            break;
        }
        let (kind, args) = arbitrary_call(u, ty)?;
        let Some(kind) = kind else { continue };
        let name = export_name(kind, index, encoding);
        STATE.with_borrow_mut(|state| {
            let state = state.get_or_insert_with(State::new);
            let theirs = state.wasmtime.call(&name, &args);
            let ours = state.witbind(backend).call(&name, &args);
            let agree = match (&theirs, &ours) {
                (Outcome::Returned(a), Outcome::Returned(b)) => a.same(b),
                (Outcome::Trapped(_), Outcome::Trapped(_)) => true,
                _ => false,
            };
            assert!(
                agree,
                "`{name}` of `{ty}` ({}) on {backend} with {args:?}:\n wasmtime: {theirs}\n witbind:  {ours}",
                ENCODINGS[encoding]
            );
        });
    }
    Ok(())
}

/// One call's export kind (`None` when the type has no such export) and
/// arguments.
fn arbitrary_call(
    u: &mut Unstructured<'_>,
    ty: &Type,
) -> AResult<(Option<&'static str>, Vec<Val>)> {
    Ok(match u.int_in_range(0..=3)? {
        0 => {
            let n = u.int_in_range(0..=3)?;
            let items = (0..n)
                .map(|_| arbitrary_val(u, ty))
                .collect::<AResult<_>>()?;
            (Some("echo"), vec![Val::List(items)])
        }
        1 => (Some("inspect"), vec![arbitrary_val(u, ty)?]),
        2 => {
            let len = u.int_in_range(0..=MAX_FORGED)?;
            let bytes = u.bytes(len)?.iter().map(|b| Val::U8(*b)).collect();
            let (at, n) = if u.ratio(1, 8)? {
                (u.arbitrary()?, u.arbitrary()?)
            } else {
                (u.int_in_range(0..=16)?, u.int_in_range(0..=8)?)
            };
            (
                Some("forge"),
                vec![Val::List(bytes), Val::U32(at), Val::U32(n)],
            )
        }
        _ => match ty.flat_types() {
            [one] => (
                Some("forge-flat"),
                vec![arbitrary_val(u, &flat_carrier(*one))?],
            ),
            _ => (None, Vec::new()),
        },
    })
}

thread_local! {
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
}

/// The compiled component on every runtime, with a live instance each.
struct State {
    wasmtime: WasmtimeSide,
    witbind: Vec<(BackendKind, WitbindSide)>,
}

impl State {
    fn new() -> Self {
        let wasm = &family().wasm;
        State {
            wasmtime: WasmtimeSide::new(wasm),
            witbind: witbind::Engine::available_backends()
                .iter()
                .map(|kind| (*kind, WitbindSide::new(wasm, *kind)))
                .collect(),
        }
    }

    fn witbind(&mut self, backend: BackendKind) -> &mut WitbindSide {
        let (_, side) = self
            .witbind
            .iter_mut()
            .find(|(kind, _)| *kind == backend)
            .expect("every backend is compiled in");
        side
    }
}

/// wasmtime's component model, the oracle.
struct WasmtimeSide {
    engine: wasmtime::Engine,
    pre: wasmtime::component::InstancePre<()>,
    live: Option<(wasmtime::Store<()>, wasmtime::component::Instance)>,
    funcs: HashMap<String, wasmtime::component::Func>,
}

impl WasmtimeSide {
    fn new(wasm: &[u8]) -> Self {
        let engine = wasmtime::Engine::default();
        let component = wasmtime::component::Component::new(&engine, wasm)
            .expect("wasmtime compiles the echo component");
        let pre = wasmtime::component::Linker::new(&engine)
            .instantiate_pre(&component)
            .expect("the echo component has no imports");
        WasmtimeSide {
            engine,
            pre,
            live: None,
            funcs: HashMap::new(),
        }
    }

    fn call(&mut self, name: &str, args: &[Val]) -> Outcome {
        let (store, instance) = self.live.get_or_insert_with(|| {
            let mut store = wasmtime::Store::new(&self.engine, ());
            let instance = self.pre.instantiate(&mut store).expect("instantiates");
            self.funcs.clear();
            (store, instance)
        });
        let mut func = |name: &str| {
            *self.funcs.entry(name.to_string()).or_insert_with(|| {
                instance
                    .get_func(&mut *store, name)
                    .unwrap_or_else(|| panic!("no export {name}"))
            })
        };
        let target = func(name);
        let params: Vec<_> = args.iter().map(to_wasmtime).collect();
        let mut results = [wasmtime::component::Val::Bool(false)];
        let outcome = target.call(&mut *store, &params, &mut results);
        match outcome {
            Ok(()) => Outcome::Returned(
                neutral_of_wasmtime(&results[0]).expect("a value without resources"),
            ),
            Err(e) => {
                self.live = None;
                Outcome::Trapped(format!("{e:?}"))
            }
        }
    }
}

/// witbind on one backend.
struct WitbindSide {
    pre: witbind::InstancePre<()>,
    engine: witbind::Engine,
    live: Option<(witbind::Store<()>, witbind::Instance)>,
    funcs: HashMap<String, witbind::Func>,
}

impl WitbindSide {
    fn new(wasm: &[u8], backend: BackendKind) -> Self {
        let engine = witbind::Engine::with_backend(backend).expect("default engine");
        let component =
            witbind::Component::new(&engine, wasm).expect("witbind loads the echo component");
        let pre = witbind::Linker::new(&engine)
            .instantiate_pre(&component)
            .expect("the echo component has no imports");
        WitbindSide {
            pre,
            engine,
            live: None,
            funcs: HashMap::new(),
        }
    }

    fn call(&mut self, name: &str, args: &[Val]) -> Outcome {
        let (store, instance) = self.live.get_or_insert_with(|| {
            let mut store = witbind::Store::new(&self.engine, ());
            let instance = self.pre.instantiate(&mut store).expect("instantiates");
            self.funcs.clear();
            (store, instance)
        });
        let mut func = |name: &str| {
            self.funcs
                .entry(name.to_string())
                .or_insert_with(|| {
                    instance
                        .get_func(&mut *store, name)
                        .unwrap_or_else(|e| panic!("no export {name}: {e:#}"))
                })
                .clone()
        };
        let target = func(name);
        let mut results = [Val::Bool(false)];
        let outcome = target.call(&mut *store, args, &mut results);
        match outcome {
            Ok(()) => {
                let [value] = results;
                Outcome::Returned(from_witbind(value, &mut HandleTable::default()))
            }
            Err(e) => {
                self.live = None;
                assert!(
                    e.downcast_ref::<witbind::Trap>().is_some(),
                    "`{name}` failed without a witbind::Trap: {e:#}"
                );
                Outcome::Trapped(format!("{e:#}"))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use arbitrary::Unstructured;
    use witbind::Val;

    use super::{Outcome, State, export_name, family};
    use crate::fuzz::generate::arbitrary_val;
    use crate::oracle::HandleTable;
    use crate::oracle::witbind_val::from_witbind;

    /// Every type of the family echoes a value unchanged and shows the same
    /// lowered bytes on every runtime: the target compares real results.
    #[test]
    fn every_type_echoes_and_inspects_alike() {
        let mut state = State::new();
        let bytes: Vec<u8> = (0..4096u32).map(|i| (i * 7 + i / 13) as u8).collect();
        for (i, ty) in family().types.iter().enumerate() {
            let mut u = Unstructured::new(&bytes[i * 37..]);
            let value = arbitrary_val(&mut u, ty).expect("a value");
            let list = Val::List(vec![value.clone(), value]);
            let expected = from_witbind(list.clone(), &mut HandleTable::default());
            let backends: Vec<_> = state.witbind.iter().map(|(kind, _)| *kind).collect();
            for kind in ["echo", "inspect"] {
                let name = export_name(kind, i, 0);
                let args = match kind {
                    "echo" => vec![list.clone()],
                    _ => vec![arbitrary_val(&mut u, ty).expect("a value")],
                };
                let theirs = state.wasmtime.call(&name, &args);
                let Outcome::Returned(theirs) = theirs else {
                    panic!("wasmtime {name}: {theirs}");
                };
                if kind == "echo" {
                    assert!(theirs.same(&expected), "{name}: {theirs:?}");
                }
                for backend in &backends {
                    let ours = state.witbind(*backend).call(&name, &args);
                    let Outcome::Returned(ours) = ours else {
                        panic!("witbind {name} on {backend}: {ours}");
                    };
                    assert!(
                        ours.same(&theirs),
                        "{name} on {backend}: {ours:?} vs {theirs:?}"
                    );
                }
            }
        }
    }
}
