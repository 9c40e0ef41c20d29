//! `bindgen!`'s `tracing` and `verbose_tracing` flags, seen by a
//! subscriber that records every span and event: one span per call named
//! after its direction, with the interface (or world) and the function,
//! holding a `call` and a `return` (or `trap`) event; the values only when
//! verbose. On both engines.

use std::sync::{Arc, Mutex};

use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};
use witbind::{Component, Linker, Store};
use witbind_tests::fixtures;

mod traced {
    ::witbind::bindgen!({
        path: "guests/wit/host-calls.wit",
        world: "host-calls",
        imports: { "add": verbose_tracing | trappable, "log": tracing, default: trappable },
        exports: { "greet": verbose_tracing, "double-plus-one": tracing },
    });
}

/// A span or an event, with its fields as `name=value` text.
#[derive(Debug, Clone, PartialEq)]
struct Record_ {
    /// The span's name or the event's message.
    name: String,
    fields: Vec<(String, String)>,
    /// For an event, the spans it happened in, innermost first (by name
    /// and `function` field).
    inside: Vec<String>,
}

#[derive(Default)]
struct Seen {
    spans: Vec<Record_>,
    events: Vec<Record_>,
    /// Spans entered now, by index into `spans`.
    stack: Vec<usize>,
}

#[derive(Clone, Default)]
struct Recorder(Arc<Mutex<Seen>>);

#[derive(Default)]
struct Fields(Vec<(String, String)>);

impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0
            .push((field.name().to_string(), format!("{value:?}")));
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.push((field.name().to_string(), value.to_string()));
    }
}

impl Subscriber for Recorder {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, span: &Attributes<'_>) -> Id {
        let mut fields = Fields::default();
        span.record(&mut fields);
        let mut seen = self.0.lock().unwrap();
        seen.spans.push(Record_ {
            name: span.metadata().name().to_string(),
            fields: fields.0,
            inside: Vec::new(),
        });
        Id::from_u64(seen.spans.len() as u64)
    }
    fn record(&self, _: &Id, _: &Record<'_>) {}
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, event: &Event<'_>) {
        let mut fields = Fields::default();
        event.record(&mut fields);
        let mut seen = self.0.lock().unwrap();
        let message = fields
            .0
            .iter()
            .position(|(k, _)| k == "message")
            .map(|i| fields.0.remove(i).1)
            .unwrap_or_default();
        let inside = seen
            .stack
            .iter()
            .rev()
            .map(|&i| {
                let span = &seen.spans[i];
                let function = span.fields.iter().find(|(k, _)| k == "function");
                format!("{}:{}", span.name, function.map_or("", |(_, v)| v.as_str()))
            })
            .collect();
        seen.events.push(Record_ {
            name: message,
            fields: fields.0,
            inside,
        });
    }
    fn enter(&self, span: &Id) {
        self.0
            .lock()
            .unwrap()
            .stack
            .push(span.into_u64() as usize - 1);
    }
    fn exit(&self, _: &Id) {
        self.0.lock().unwrap().stack.pop();
    }
}

#[derive(Default)]
struct Host {
    logged: Vec<String>,
}

impl traced::HostCallsImports for Host {
    fn add(&mut self, a: u32, b: u32) -> witbind::Result<u32> {
        if a == 999 {
            anyhow::bail!("the host refuses 999");
        }
        Ok(a + b)
    }
    // Its own entry (`tracing`) replaces the default flags: not trappable.
    fn log(&mut self, msg: String) {
        self.logged.push(msg);
    }
    fn lookup(&mut self, _: String) -> witbind::Result<Option<String>> {
        Ok(None)
    }
    fn numbers(&mut self, n: u32) -> witbind::Result<Vec<u32>> {
        Ok((0..n).collect())
    }
}

fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn event(name: &str, pairs: &[(&str, &str)], inside: &[&str]) -> Record_ {
    Record_ {
        name: name.to_string(),
        fields: fields(pairs),
        inside: inside.iter().map(|s| s.to_string()).collect(),
    }
}

#[test]
fn calls_are_spans_holding_call_and_return_events() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let mut linker = Linker::new(&engine);
        traced::HostCalls::add_to_linker(&mut linker, |h: &mut Host| h).unwrap();
        let mut store = Store::new(&engine, Host::default());
        let component = Component::from_file(&engine, fixtures::path("host-calls")).unwrap();
        let guest = traced::HostCalls::instantiate(&mut store, &component, &linker).unwrap();

        let recorder = Recorder::default();
        tracing::subscriber::with_default(recorder.clone(), || {
            assert_eq!(guest.call_double_plus_one(&mut store, 20).unwrap(), 41);
            assert_eq!(guest.call_greet(&mut store, "bo").unwrap(), "hello bo (?)");
            // Not traced: no span, no event.
            assert_eq!(guest.call_sum_numbers(&mut store, 3).unwrap(), 3);
        });
        let seen = recorder.0.lock().unwrap();
        let export = |f: &str| fields(&[("module", "host-calls"), ("function", f)]);
        let spans: Vec<(&str, &[(String, String)])> = seen
            .spans
            .iter()
            .map(|s| (s.name.as_str(), s.fields.as_slice()))
            .collect();
        assert_eq!(
            spans,
            [
                ("witbind export", export("double-plus-one").as_slice()),
                ("witbind import", export("add").as_slice()),
                ("witbind import", export("add").as_slice()),
                ("witbind export", export("greet").as_slice()),
                ("witbind import", export("log").as_slice()),
            ],
            "{backend}"
        );
        let dpo = "witbind export:double-plus-one";
        let add = "witbind import:add";
        let greet = "witbind export:greet";
        let log = "witbind import:log";
        assert_eq!(
            seen.events,
            [
                // `tracing`: the events carry no values.
                event("call", &[], &[dpo]),
                // `verbose_tracing`: the arguments and the result.
                event("call", &[("a", "20"), ("b", "1")], &[add, dpo]),
                event("return", &[("result", "21")], &[add, dpo]),
                event("call", &[("a", "21"), ("b", "20")], &[add, dpo]),
                event("return", &[("result", "41")], &[add, dpo]),
                event("return", &[], &[dpo]),
                event("call", &[("name", "\"bo\"")], &[greet]),
                event("call", &[], &[log, greet]),
                event("return", &[], &[log, greet]),
                event("return", &[("result", "\"hello bo (?)\"")], &[greet]),
            ],
            "{backend}"
        );
    }
}

#[test]
fn a_failing_call_ends_with_a_trap_event() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let mut linker = Linker::new(&engine);
        traced::HostCalls::add_to_linker(&mut linker, |h: &mut Host| h).unwrap();
        let mut store = Store::new(&engine, Host::default());
        let component = Component::from_file(&engine, fixtures::path("host-calls")).unwrap();
        let guest = traced::HostCalls::instantiate(&mut store, &component, &linker).unwrap();

        let recorder = Recorder::default();
        tracing::subscriber::with_default(recorder.clone(), || {
            guest.call_double_plus_one(&mut store, 998).unwrap_err();
        });
        let seen = recorder.0.lock().unwrap();
        let names: Vec<(&str, &[String])> = seen
            .events
            .iter()
            .map(|e| (e.name.as_str(), e.inside.as_slice()))
            .collect();
        let dpo = "witbind export:double-plus-one".to_string();
        let add = "witbind import:add".to_string();
        assert_eq!(
            names,
            [
                ("call", [dpo.clone()].as_slice()),
                // add(998, 1) = 999, then add(999, 998) fails.
                ("call", [add.clone(), dpo.clone()].as_slice()),
                ("return", [add.clone(), dpo.clone()].as_slice()),
                ("call", [add.clone(), dpo.clone()].as_slice()),
                ("trap", [add.clone(), dpo.clone()].as_slice()),
                ("trap", [dpo.clone()].as_slice()),
            ],
            "{backend}"
        );
        let import_trap = &seen.events[4].fields;
        assert!(
            import_trap
                .iter()
                .any(|(k, v)| k == "error" && v.contains("the host refuses 999")),
            "{backend}: {import_trap:?}"
        );
    }
}
