//! Real composed components (`tests/guests/build.sh` wires them with `wac-graph`, see
//! `tests/guests/README.md`): a Rust caller calls a Rust UTF-8 callee, a UTF-16 WAT callee and
//! a Rust keeper holding the callee's resources, all through fused adapters;
//! `composed-hostile` swaps in two WAT callees that break the canonical ABI in what they
//! return, `composed-hostile-caller` a WAT caller that breaks it in what it passes.
//! Every call runs on witbind (both engines) and on wasmtime's component model: the results
//! and the host's journal must be identical, a trap on one side is a trap on the other (with
//! the `Trap` witbind must name), and after each trap the host instantiates the component
//! again and calls on.

use std::sync::{Arc, Mutex};

use witbind::{CoreTrap, Trap};
use witbind_tests::fixtures;

const RUN: &str = "witbind:guests/run";
const JOURNAL: &str = "witbind:guests/journal";

/// One call of the composition's `run` interface. `bool` picks the UTF-16 callee.
#[derive(Debug, Clone)]
enum Call {
    Echo(bool, &'static str),
    Shout(bool, &'static str),
    Words(bool, &'static str),
    FindSpace(bool, &'static str),
    Relabel(bool, &'static str, u32),
    Blobs(&'static [&'static str]),
    Explode(&'static str),
    Keep(&'static [&'static str]),
    GiveBack,
    Release,
}

/// What a call returned.
#[derive(Debug, Clone, PartialEq)]
enum Out {
    Str(String),
    Strs(Vec<String>),
    Opt(Option<u32>),
    Pair(String, u32),
    U32(u32),
    OptStr(Option<String>),
}

/// A trap: witbind's [`Trap`] (`None` on wasmtime, or when witbind's error carries none) and
/// the error's text.
#[derive(Debug, Clone, PartialEq)]
struct Failure {
    trap: Option<Trap>,
    text: String,
}

/// A call's outcome and the journal lines the host received during it.
type Step = (Result<Out, Failure>, Vec<String>);

/// Calls `$call` on `$side`, which has a `typed::<P, R>(name, params)` method.
macro_rules! dispatch {
    ($side:expr, $call:expr) => {
        match $call {
            Call::Echo(wide, s) => $side
                .typed::<(bool, &str), (String,)>("echo", (*wide, *s))
                .map(|(r,)| Out::Str(r)),
            Call::Shout(wide, s) => $side
                .typed::<(bool, &str), (String,)>("shout", (*wide, *s))
                .map(|(r,)| Out::Str(r)),
            Call::Words(wide, s) => $side
                .typed::<(bool, &str), (Vec<String>,)>("words", (*wide, *s))
                .map(|(r,)| Out::Strs(r)),
            Call::FindSpace(wide, s) => $side
                .typed::<(bool, &str), (Option<u32>,)>("find-space", (*wide, *s))
                .map(|(r,)| Out::Opt(r)),
            Call::Relabel(wide, label, count) => $side
                .typed::<(bool, &str, u32), ((String, u32),)>("relabel", (*wide, *label, *count))
                .map(|((label, count),)| Out::Pair(label, count)),
            Call::Blobs(parts) => $side
                .typed::<(Vec<String>,), (String,)>(
                    "blobs",
                    (parts.iter().map(|p| p.to_string()).collect(),),
                )
                .map(|(r,)| Out::Str(r)),
            Call::Explode(msg) => $side
                .typed::<(&str,), (u32,)>("explode", (*msg,))
                .map(|(r,)| Out::U32(r)),
            Call::Keep(parts) => $side
                .typed::<(Vec<String>,), (Vec<String>,)>(
                    "keep",
                    (parts.iter().map(|p| p.to_string()).collect(),),
                )
                .map(|(r,)| Out::Strs(r)),
            Call::GiveBack => $side
                .typed::<(), (Option<String>,)>("give-back", ())
                .map(|(r,)| Out::OptStr(r)),
            Call::Release => $side
                .typed::<(), (u32,)>("release", ())
                .map(|(r,)| Out::U32(r)),
        }
    };
}

/// The composition `fixture` instantiated in witbind, with the host's `journal`.
struct Witbind {
    store: witbind::Store<()>,
    linker: witbind::Linker<()>,
    component: witbind::Component,
    instance: witbind::Instance,
    journal: Arc<Mutex<Vec<String>>>,
}

impl Witbind {
    fn new(engine: &witbind::Engine, fixture: &str) -> Self {
        let component = witbind::Component::new(engine, fixtures::bytes(fixture).unwrap()).unwrap();
        let journal = Arc::new(Mutex::new(Vec::new()));
        let mut linker = witbind::Linker::new(engine);
        let sink = journal.clone();
        linker
            .instance(JOURNAL)
            .unwrap()
            .func_wrap("log", move |_, (msg,): (String,)| {
                sink.lock().unwrap().push(msg);
                Ok(())
            })
            .unwrap();
        let mut store = witbind::Store::new(engine, ());
        let instance = linker.instantiate(&mut store, &component).unwrap();
        Witbind {
            store,
            linker,
            component,
            instance,
            journal,
        }
    }

    fn typed<P, R>(&mut self, name: &str, params: P) -> Result<R, Failure>
    where
        P: witbind::Lower,
        R: for<'a> witbind::Lift<'a>,
    {
        let func = self
            .instance
            .get_typed_func::<P, R>(&mut self.store, (RUN, name))
            .unwrap_or_else(|e| panic!("{name}: {e:#}"));
        func.call(&mut self.store, params).map_err(|e| Failure {
            trap: e.downcast_ref::<Trap>().cloned(),
            text: format!("{e:#}"),
        })
    }

    fn step(&mut self, call: &Call) -> Step {
        let outcome = dispatch!(self, call);
        if outcome.is_err() {
            // The trapped instance refuses calls; the store takes a new one.
            self.instance = self
                .linker
                .instantiate(&mut self.store, &self.component)
                .unwrap_or_else(|e| panic!("instantiating again after {call:?}: {e:#}"));
        }
        (outcome, std::mem::take(&mut *self.journal.lock().unwrap()))
    }
}

/// The same composition instantiated in wasmtime's component model.
struct Wasmtime {
    store: wasmtime::Store<Vec<String>>,
    linker: wasmtime::component::Linker<Vec<String>>,
    component: wasmtime::component::Component,
    instance: wasmtime::component::Instance,
}

impl Wasmtime {
    fn new(fixture: &str) -> Self {
        // The caller imports `text` a second time under the name `wide`.
        let mut config = wasmtime::Config::new();
        config.wasm_component_model_implements(true);
        let engine = wasmtime::Engine::new(&config).unwrap();
        let component =
            wasmtime::component::Component::new(&engine, fixtures::bytes(fixture).unwrap())
                .unwrap();
        let mut linker = wasmtime::component::Linker::<Vec<String>>::new(&engine);
        linker
            .instance(JOURNAL)
            .unwrap()
            .func_wrap("log", |mut cx, (msg,): (String,)| {
                cx.data_mut().push(msg);
                Ok(())
            })
            .unwrap();
        let mut store = wasmtime::Store::new(&engine, Vec::new());
        let instance = linker.instantiate(&mut store, &component).unwrap();
        Wasmtime {
            store,
            linker,
            component,
            instance,
        }
    }

    fn typed<P, R>(&mut self, name: &str, params: P) -> Result<R, Failure>
    where
        P: wasmtime::component::ComponentNamedList + wasmtime::component::Lower,
        R: wasmtime::component::ComponentNamedList + wasmtime::component::Lift,
    {
        let run = self
            .instance
            .get_export_index(&mut self.store, None, RUN)
            .expect("the `run` export");
        let index = self
            .instance
            .get_export_index(&mut self.store, Some(&run), name)
            .unwrap_or_else(|| panic!("no `{name}` in `run`"));
        let func = self
            .instance
            .get_typed_func::<P, R>(&mut self.store, &index)
            .unwrap_or_else(|e| panic!("{name}: {e:?}"));
        func.call(&mut self.store, params).map_err(|e| Failure {
            trap: None,
            text: format!("{e:?}"),
        })
    }

    fn step(&mut self, call: &Call) -> Step {
        let outcome = dispatch!(self, call);
        let journal = std::mem::take(self.store.data_mut());
        if outcome.is_err() {
            // wasmtime 48 marks the whole store trapped after a component trap (its
            // `ComponentStoreData::trapped`), refusing even a new instance ("cannot enter
            // component instance"); witbind poisons only the instance. So the new instance gets
            // a new store here, and the same store on witbind's side.
            self.store = wasmtime::Store::new(self.component.engine(), Vec::new());
            self.instance = self
                .linker
                .instantiate(&mut self.store, &self.component)
                .unwrap_or_else(|e| panic!("wasmtime: instantiating again after {call:?}: {e:?}"));
        }
        (outcome, journal)
    }
}

/// Runs `calls` in order on wasmtime and on witbind's engines; every step must agree with
/// wasmtime's (equal results, equal journal, a trap for a trap). Returns wasmtime's steps and
/// each engine's steps.
fn differential(fixture: &str, calls: &[Call]) -> (Vec<Step>, Vec<(String, Vec<Step>)>) {
    let mut oracle = Wasmtime::new(fixture);
    let expected: Vec<Step> = calls.iter().map(|call| oracle.step(call)).collect();
    let mut ours = Vec::new();
    for engine in witbind_tests::engines() {
        let kind = format!("witbind on {}", engine.backend_kind());
        let mut side = Witbind::new(&engine, fixture);
        let steps: Vec<Step> = calls.iter().map(|call| side.step(call)).collect();
        for ((call, (want, want_log)), (got, got_log)) in calls.iter().zip(&expected).zip(&steps) {
            match (want, got) {
                (Ok(want), Ok(got)) => assert_eq!(got, want, "{kind}: {fixture}: {call:?}"),
                (Err(_), Err(_)) => {}
                _ => panic!(
                    "{kind}: {fixture}: {call:?}: witbind gave {got:?}, wasmtime gave {want:?}"
                ),
            }
            assert_eq!(got_log, want_log, "{kind}: {fixture}: journal of {call:?}");
        }
        ours.push((kind, steps));
    }
    (expected, ours)
}

const STRINGS: [&str; 5] = [
    "",
    "hello",
    "café crème brûlée",
    "snow ☃ and κόσμε",
    "clef 𝄞 and 🦀, with é",
];

fn strs(items: &[&str]) -> Out {
    Out::Strs(items.iter().map(|s| s.to_string()).collect())
}

#[test]
fn strings_cross_between_the_utf8_caller_and_both_callees() {
    let mut calls = Vec::new();
    let mut want = Vec::new();
    for wide in [false, true] {
        for s in STRINGS {
            calls.push(Call::Echo(wide, s));
            want.push(Out::Str(s.to_string()));
            calls.push(Call::Shout(wide, s));
            want.push(Out::Str(s.to_ascii_uppercase()));
        }
        calls.extend([
            Call::Words(wide, ""),
            Call::Words(wide, "a b  c"),
            Call::Words(wide, "🦀 é κόσμε "),
            Call::FindSpace(wide, "nospace"),
            Call::FindSpace(wide, "clef 𝄞"),
            Call::FindSpace(wide, "𝄞𝄞é x"),
            Call::Relabel(wide, "snow ☃", 41),
            Call::Relabel(wide, "𝄞x", u32::MAX),
        ]);
        want.extend([
            strs(&[""]),
            strs(&["a", "b", "", "c"]),
            strs(&["🦀", "é", "κόσμε", ""]),
            Out::Opt(None),
            Out::Opt(Some(4)),
            Out::Opt(Some(3)),
            Out::Pair("SNOW ☃".into(), 42),
            Out::Pair("𝄞X".into(), 0),
        ]);
    }
    let (oracle, _) = differential("composed", &calls);
    for ((call, want), (got, log)) in calls.iter().zip(&want).zip(&oracle) {
        assert_eq!(got.as_ref().ok(), Some(want), "wasmtime: {call:?}");
        assert!(log.is_empty(), "wasmtime: {call:?}: {log:?}");
    }
}

#[test]
fn resources_move_and_lend_both_ways_and_drop_on_both_sides() {
    let calls = [
        Call::Blobs(&["ab", "cd", "é"]),
        Call::Blobs(&["solo"]),
        Call::Blobs(&[]),
    ];
    let (oracle, _) = differential("composed", &calls);
    assert_eq!(
        oracle[0],
        (
            Ok(Out::Str("abcdé!".into())),
            lines(&[
                "new blob 1 ab",
                "new blob 2 cd",
                "drop blob 2 cd",
                "new blob 3 é",
                "drop blob 3 é",
                "new blob 4 !",
                // `merge`: the moved blob dropped by the callee, the new one made
                "drop blob 1 abcdé",
                "new blob 5 abcdé!",
                // the lent blob dropped by the caller
                "drop blob 4 !",
                // `consume`: the moved blob dropped by the callee
                "drop blob 5 abcdé!",
                "caller consumed 7",
            ])
        )
    );
    // The same instance: ids go on.
    assert_eq!(
        oracle[1],
        (
            Ok(Out::Str("solo!".into())),
            lines(&[
                "new blob 6 solo",
                "new blob 7 !",
                "drop blob 6 solo",
                "new blob 8 solo!",
                "drop blob 7 !",
                "drop blob 8 solo!",
                "caller consumed 5",
            ])
        )
    );
    assert_eq!(oracle[2].0.as_ref().ok(), Some(&Out::Str("!".into())));
}

fn lines(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn a_component_that_does_not_define_the_resource_holds_lends_and_drops_it() {
    let calls = [
        Call::Keep(&["a", "b", "c"]),
        Call::GiveBack,
        Call::Release,
        Call::GiveBack,
        Call::Release,
        // Blobs the keeper holds when the callee traps die with the instance, unlogged.
        Call::Keep(&["z"]),
        Call::Explode("boom"),
        Call::Release,
    ];
    let (oracle, _) = differential("composed", &calls);
    assert!(oracle[6].0.is_err());
    let want: [Step; 8] = [
        (
            // each look lends the caller's borrow on to the callee (`read`)
            Ok(strs(&["a/0", "b/1", "c/2"])),
            lines(&[
                "new blob 1 a",
                "keeper holds a",
                "new blob 2 b",
                "keeper holds b",
                "new blob 3 c",
                "keeper holds c",
            ]),
        ),
        // moved keeper -> caller, dropped by the caller
        (Ok(Out::OptStr(Some("a".into()))), lines(&["drop blob 1 a"])),
        // dropped by the keeper, destroyed by the callee
        (
            Ok(Out::U32(2)),
            lines(&["drop blob 2 b", "drop blob 3 c", "keeper released 2"]),
        ),
        (Ok(Out::OptStr(None)), vec![]),
        (Ok(Out::U32(0)), lines(&["keeper released 0"])),
        (
            Ok(strs(&["z/0"])),
            lines(&["new blob 4 z", "keeper holds z"]),
        ),
        (oracle[6].0.clone(), lines(&["explode boom"])),
        // a new instance: the keeper holds nothing
        (Ok(Out::U32(0)), lines(&["keeper released 0"])),
    ];
    assert_eq!(oracle, want);
}

#[test]
fn a_trap_in_the_callee_reaches_the_host_and_a_new_instance_runs() {
    let calls = [
        Call::Blobs(&["x"]),
        Call::Explode("boom"),
        // A new instance: blob ids start again.
        Call::Blobs(&["y"]),
        Call::Echo(true, "après"),
        Call::Explode("again"),
        Call::Echo(false, "still here"),
    ];
    let (oracle, ours) = differential("composed", &calls);
    assert_eq!(
        oracle[1].1,
        ["explode boom"],
        "the callee ran up to its panic"
    );
    assert!(oracle[1].0.is_err());
    assert_eq!(oracle[2].1[0], "new blob 1 y");
    assert_eq!(
        oracle[5].0.as_ref().ok(),
        Some(&Out::Str("still here".into()))
    );
    for (kind, steps) in ours {
        for i in [1, 4] {
            let Err(failure) = &steps[i].0 else {
                panic!("{kind}: {:?} did not trap", calls[i]);
            };
            assert_eq!(
                failure.trap,
                Some(Trap::Core(CoreTrap::Unreachable)),
                "{kind}: {}",
                failure.text
            );
        }
    }
}

const STRING_OUT: Trap = Trap::BetweenComponents {
    cause: "a string's bytes lie outside its memory",
};
const NO_SUCH_CASE: Trap = Trap::BetweenComponents {
    cause: "a variant, enum, option or result has no such case",
};

/// Each call of `composed-hostile` (see `tests/guests/README.md`), the words of wasmtime's
/// error for it, and the trap witbind must raise.
fn hostile_calls() -> Vec<(Call, &'static str, Trap)> {
    vec![
        // The UTF-8 callee.
        (
            Call::Echo(false, "abc"),
            "string content out-of-bounds",
            STRING_OUT,
        ),
        (
            Call::Shout(false, "abc"),
            "invalid utf8 encoding",
            Trap::InvalidUtf8 { ptr: 16 },
        ),
        (
            Call::Words(false, "a b"),
            "list content out-of-bounds",
            Trap::BetweenComponents {
                cause: "a list's elements lie outside its memory",
            },
        ),
        (
            Call::FindSpace(false, "a b"),
            "invalid variant discriminant",
            NO_SUCH_CASE,
        ),
        (
            Call::Relabel(false, "abc", 1),
            "invalid utf8 encoding",
            Trap::InvalidUtf8 { ptr: 32 },
        ),
        (
            Call::Blobs(&["a"]),
            "unknown handle index 4660",
            Trap::UnknownHandle(0x1234),
        ),
        (
            Call::Explode("boom"),
            "wasm `unreachable` instruction executed",
            Trap::Core(CoreTrap::Unreachable),
        ),
        // The UTF-16 callee.
        (
            Call::Echo(true, "abc"),
            "invalid utf16 encoding",
            Trap::InvalidUtf16 { ptr: 16 },
        ),
        (
            Call::Shout(true, "abc"),
            "unaligned pointer",
            Trap::BetweenComponents {
                cause: "a pointer is not aligned to its type",
            },
        ),
        (
            Call::Words(true, "a b"),
            "string content out-of-bounds",
            STRING_OUT,
        ),
        (
            Call::FindSpace(true, "a b"),
            "invalid variant discriminant",
            NO_SUCH_CASE,
        ),
        (
            Call::Relabel(true, "abc", 1),
            "string content out-of-bounds",
            STRING_OUT,
        ),
    ]
}

#[test]
fn hostile_callees_trap_cleanly_with_wasmtimes_traps() {
    let hostile = hostile_calls();
    let calls: Vec<Call> = hostile.iter().map(|(call, _, _)| call.clone()).collect();
    let (oracle, ours) = differential("composed-hostile", &calls);
    for ((call, words, _), (outcome, _)) in hostile.iter().zip(&oracle) {
        let Err(failure) = outcome else {
            panic!("wasmtime: {call:?} returned {outcome:?}");
        };
        assert!(
            failure.text.contains(words),
            "wasmtime: {call:?}: {}",
            failure.text
        );
    }
    for (kind, steps) in &ours {
        for ((call, _, trap), (outcome, _)) in hostile.iter().zip(steps) {
            let Err(failure) = outcome else {
                panic!("{kind}: {call:?} returned {outcome:?}");
            };
            assert_eq!(
                failure.trap.as_ref(),
                Some(trap),
                "{kind}: {call:?}: {}",
                failure.text
            );
        }
    }
}

#[test]
fn the_host_calls_a_sound_path_after_each_hostile_trap() {
    // After each trap, a new instance of the hostile composition answers the one sound call
    // of each hostile callee (`echo("")`) and the keeper's calls, and traps again on the same
    // hostile call.
    for (call, _, _) in hostile_calls() {
        let calls = [
            call.clone(),
            Call::Echo(false, ""),
            Call::Echo(true, ""),
            Call::Keep(&["a"]),
            Call::Release,
            call,
        ];
        let (oracle, ours) = differential("composed-hostile", &calls);
        assert!(oracle[0].0.is_err() && oracle[5].0.is_err(), "{oracle:?}");
        // The hostile callee's blobs are sound (rep 1, "hostile", no destructor).
        let sound = [
            Out::Str(String::new()),
            Out::Str(String::new()),
            strs(&["hostile/0"]),
            Out::U32(1),
        ];
        for (kind, steps) in ours {
            for (step, want) in steps[1..5].iter().zip(&sound) {
                assert_eq!(step.0.as_ref().ok(), Some(want), "{kind}");
            }
            assert!(steps[5].0.is_err(), "{kind}");
        }
    }
}

/// Each call of `composed-hostile-caller` (see `tests/guests/README.md`), the words of
/// wasmtime's error for it, the trap witbind must raise, and the journal up to the trap.
fn hostile_caller_calls() -> Vec<(Call, &'static str, Trap, &'static [&'static str])> {
    const OUT: &str = "string content out-of-bounds";
    const UTF8: &str = "invalid utf8 encoding";
    vec![
        (Call::Echo(false, "x"), OUT, STRING_OUT, &[]),
        (
            Call::Shout(false, "x"),
            UTF8,
            Trap::InvalidUtf8 { ptr: 16 },
            &[],
        ),
        // transcoded to UTF-16 on the way
        (
            Call::Words(false, "x"),
            UTF8,
            Trap::InvalidUtf8 { ptr: 16 },
            &[],
        ),
        (Call::FindSpace(false, "x"), OUT, STRING_OUT, &[]),
        (Call::Relabel(false, "x", 1), OUT, STRING_OUT, &[]),
        (
            Call::Blobs(&[]),
            "unknown handle index 119",
            Trap::UnknownHandle(0x77),
            &[],
        ),
        // `merge(h, h)`: `a` moves `h` out of the table before `b` lends it
        (
            Call::Keep(&[]),
            "unknown handle index 1",
            Trap::UnknownHandle(1),
            &["new blob 1 ok"],
        ),
        (
            Call::GiveBack,
            "unknown handle index 1",
            Trap::UnknownHandle(1),
            &["new blob 1 ok", "drop blob 1 ok"],
        ),
        (
            Call::Release,
            "unknown handle index 1",
            Trap::UnknownHandle(1),
            &["new blob 1 ok", "keeper holds ok"],
        ),
        // the callee never runs, so never logs
        (Call::Explode("x"), UTF8, Trap::InvalidUtf8 { ptr: 16 }, &[]),
    ]
}

#[test]
fn a_hostile_caller_traps_before_the_callee_runs() {
    let hostile = hostile_caller_calls();
    let mut calls = Vec::new();
    for (call, ..) in &hostile {
        // Each hostile call, then the one sound call, into a new instance.
        calls.extend([call.clone(), Call::Echo(true, "après")]);
    }
    let (oracle, ours) = differential("composed-hostile-caller", &calls);
    let sound: Step = (Ok(Out::Str("après".into())), vec![]);
    for ((call, words, _, journal), pair) in hostile.iter().zip(oracle.chunks(2)) {
        let Err(failure) = &pair[0].0 else {
            panic!("wasmtime: {call:?} returned {:?}", pair[0]);
        };
        assert!(
            failure.text.contains(words),
            "wasmtime: {call:?}: {}",
            failure.text
        );
        assert_eq!(pair[0].1, lines(journal), "wasmtime: {call:?}");
        assert_eq!(pair[1], sound, "wasmtime: after {call:?}");
    }
    for (kind, steps) in &ours {
        for ((call, _, trap, _), pair) in hostile.iter().zip(steps.chunks(2)) {
            let Err(failure) = &pair[0].0 else {
                panic!("{kind}: {call:?} returned {:?}", pair[0]);
            };
            assert_eq!(
                failure.trap.as_ref(),
                Some(trap),
                "{kind}: {call:?}: {}",
                failure.text
            );
        }
    }
}

#[test]
fn a_trapped_composition_refuses_further_calls() {
    // wasmtime: the trapped instance cannot be entered again.
    let mut oracle = Wasmtime::new("composed");
    assert!(dispatch!(oracle, &Call::Explode("boom")).is_err());
    let again = dispatch!(oracle, &Call::Echo(false, "x")).unwrap_err();
    assert!(
        again.text.contains("cannot enter component instance"),
        "{}",
        again.text
    );
    for engine in witbind_tests::engines() {
        let kind = engine.backend_kind();
        let mut side = Witbind::new(&engine, "composed");
        assert!(dispatch!(side, &Call::Explode("boom")).is_err(), "{kind}");
        for call in [Call::Echo(false, "x"), Call::Blobs(&["y"])] {
            let again = dispatch!(side, &call).unwrap_err();
            assert_eq!(
                again.trap,
                Some(Trap::InstanceTrapped),
                "{kind}: {call:?}: {}",
                again.text
            );
        }
        assert!(
            side.journal
                .lock()
                .unwrap()
                .iter()
                .all(|l| !l.contains('y')),
            "{kind}: the refused call ran"
        );
    }
}
