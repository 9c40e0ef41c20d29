//! Running the directives of one `.wast` file, in order, in one store.

use std::collections::HashMap;

use anyhow::{Context, Result, anyhow, bail};
use wast::parser::{self, ParseBuffer};
use wast::token::{Id, Span};
use wast::{QuoteWat, Wast, WastDirective, WastExecute, WastInvoke, Wat};
use witbind::Val;

use super::directive::{self, CORE_UNSUPPORTED};
use super::host::Host;
use super::outcome::{Failure, FileOutcome};
use super::values::ret_matches;

/// An instantiated component: the component (for its export types) and
/// its instance.
struct Loaded<H: Host> {
    component: H::Component,
    instance: H::Instance,
}

impl<H: Host> Clone for Loaded<H> {
    fn clone(&self) -> Self {
        Self {
            component: self.component.clone(),
            instance: self.instance.clone(),
        }
    }
}

/// The state of one file's run: the host (its one store, its linker
/// holding what was registered), and the instances by name.
pub struct Runner<'a, H: Host> {
    host: H,
    file: &'a str,
    text: &'a str,
    /// The instance of the last `(component ...)`, `None` after one failed.
    current: Option<Loaded<H>>,
    /// Where the last component directive was, for "no current instance".
    current_from: Option<String>,
    named: HashMap<String, Loaded<H>>,
    /// Component definitions by name: the component, or where its
    /// definition failed.
    definitions: HashMap<String, Result<H::Component, String>>,
    last_definition: Option<Result<H::Component, String>>,
    outcome: FileOutcome,
}

/// What one directive gave: pass, pass with a note, or a failure message.
type Step = Result<Option<String>>;

impl<'a, H: Host> Runner<'a, H> {
    /// A runner of `text` (the file `file`) on `host`.
    pub fn new(host: H, file: &'a str, text: &'a str) -> Self {
        let backend = host.backend();
        Self {
            host,
            file,
            text,
            current: None,
            current_from: None,
            named: HashMap::new(),
            definitions: HashMap::new(),
            last_definition: None,
            outcome: FileOutcome::new(backend, file),
        }
    }

    /// Parses the file and runs every directive.
    pub fn run(mut self) -> FileOutcome {
        let buf = match ParseBuffer::new(self.text) {
            Ok(buf) => buf,
            Err(e) => return self.parse_failure(e),
        };
        let wast = match parser::parse::<Wast<'_>>(&buf) {
            Ok(wast) => wast,
            Err(e) => return self.parse_failure(e),
        };
        for mut d in wast.directives {
            let span = d.span();
            let keyword = directive::keyword(&d);
            self.outcome.directives += 1;
            match self.directive(&mut d) {
                Ok(None) => {}
                Ok(Some(note)) => {
                    let location = self.location(span);
                    self.outcome
                        .notes
                        .push(format!("{location}: ({keyword} ...): {note}"));
                }
                Err(e) => {
                    let location = self.location(span);
                    self.outcome.failures.push(Failure {
                        location,
                        directive: keyword,
                        message: format!("{e:#}"),
                    });
                }
            }
        }
        self.outcome
    }

    fn parse_failure(mut self, mut e: wast::Error) -> FileOutcome {
        e.set_text(self.text);
        self.outcome.failures.push(Failure {
            location: self.file.to_string(),
            directive: "parse",
            message: format!("the file does not parse as a `.wast` script: {e}"),
        });
        self.outcome
    }

    /// `file:line:column` of `span`, 1-based.
    fn location(&self, span: Span) -> String {
        let (line, col) = span.linecol_in(self.text);
        format!("{}:{}:{}", self.file, line + 1, col + 1)
    }

    fn directive(&mut self, d: &mut WastDirective<'_>) -> Step {
        match d {
            WastDirective::Module(q) => {
                let span = q.span();
                let name = q.name();
                self.current = None;
                self.current_from = Some(self.location(span));
                let component = self.compile_quote(q)?;
                let loaded = self.instantiate(&component)?;
                if let Some(id) = name {
                    self.named.insert(id.name().to_string(), loaded.clone());
                }
                self.current = Some(loaded);
                Ok(None)
            }
            WastDirective::ModuleDefinition(q) => {
                let name = q.name();
                let at = self.location(q.span());
                let compiled = self.compile_quote(q);
                let kept = match &compiled {
                    Ok(component) => Ok(component.clone()),
                    Err(_) => Err(format!("the component definition at {at} failed")),
                };
                if let Some(id) = name {
                    self.definitions.insert(id.name().to_string(), kept.clone());
                }
                self.last_definition = Some(kept);
                compiled.map(|_| None)
            }
            WastDirective::ModuleInstance {
                span,
                instance,
                module,
            } => {
                self.current = None;
                self.current_from = Some(self.location(*span));
                let definition = match module {
                    Some(id) => self.definitions.get(id.name()).cloned().ok_or_else(|| {
                        anyhow!("no `(component definition ${} ...)` before it", id.name())
                    })?,
                    None => self
                        .last_definition
                        .clone()
                        .ok_or_else(|| anyhow!("no `(component definition ...)` before it"))?,
                };
                let component = definition.map_err(|failed| anyhow!(failed))?;
                let loaded = self.instantiate(&component)?;
                if let Some(id) = instance {
                    self.named.insert(id.name().to_string(), loaded.clone());
                }
                self.current = Some(loaded);
                Ok(None)
            }
            WastDirective::AssertMalformed {
                module, message, ..
            }
            | WastDirective::AssertMalformedCustom {
                module, message, ..
            }
            | WastDirective::AssertInvalid {
                module, message, ..
            }
            | WastDirective::AssertInvalidCustom {
                module, message, ..
            } => self.assert_rejected(module, message),
            WastDirective::Register { name, module, .. } => {
                let loaded = self.loaded(*module)?;
                self.host
                    .register(name, &loaded.component, &loaded.instance)?;
                Ok(None)
            }
            WastDirective::Invoke(invoke) => {
                self.invoke(invoke)?;
                Ok(None)
            }
            WastDirective::AssertReturn { exec, results, .. } => {
                let what = directive::describe_execute(exec);
                let actual = self
                    .execute(exec)
                    .with_context(|| format!("{what} failed"))?;
                if actual.len() != results.len() {
                    bail!(
                        "{what} returned {} value(s) {actual:?}, the script expects {}",
                        actual.len(),
                        results.len()
                    );
                }
                for (i, (expected, actual)) in results.iter().zip(&actual).enumerate() {
                    if !ret_matches(expected, actual)? {
                        bail!("{what}: result {i} is {actual:?}, the script expects {expected:?}");
                    }
                }
                Ok(None)
            }
            WastDirective::AssertTrap { exec, message, .. } => {
                let what = directive::describe_execute(exec);
                let result = self.execute(exec);
                self.expect_trap(&what, result, message)
            }
            WastDirective::AssertExhaustion { call, message, .. } => {
                let what = format!("invoke {:?}", call.name);
                let result = self.invoke(call);
                self.expect_trap(&what, result, message)
            }
            WastDirective::AssertUnlinkable {
                module, message, ..
            } => {
                if directive::is_core_wat(module) {
                    bail!(CORE_UNSUPPORTED);
                }
                let bytes = module.encode().context("encoding the component")?;
                let component = self
                    .host
                    .compile(&bytes)
                    .context("the component must compile for its linking to fail")?;
                match self.instantiate(&component) {
                    Ok(_) => bail!("the component instantiated; the script expects `{message}`"),
                    Err(e) => Ok(text_note(&e, message)),
                }
            }
            WastDirective::AssertException { .. }
            | WastDirective::AssertSuspension { .. }
            | WastDirective::Thread(_)
            | WastDirective::Wait { .. } => {
                bail!("this directive is not supported by witbind's runner (core wasm only)")
            }
        }
    }

    /// Encodes and loads a component directive's component.
    fn compile_quote(&mut self, q: &mut QuoteWat<'_>) -> Result<H::Component> {
        if directive::is_core(q) {
            bail!(CORE_UNSUPPORTED);
        }
        let bytes = q.encode().context("encoding the component")?;
        self.host.compile(&bytes).context("compiling the component")
    }

    fn instantiate(&mut self, component: &H::Component) -> Result<Loaded<H>> {
        let instance = self.host.instantiate(component)?;
        Ok(Loaded {
            component: component.clone(),
            instance,
        })
    }

    /// The instance named `id`, or the current one.
    fn loaded(&self, id: Option<Id<'_>>) -> Result<Loaded<H>> {
        match id {
            Some(id) => self
                .named
                .get(id.name())
                .cloned()
                .ok_or_else(|| anyhow!("no component instance named `${}`", id.name())),
            None => self
                .current
                .clone()
                .ok_or_else(|| match &self.current_from {
                    Some(at) => {
                        anyhow!("no current component instance: the component at {at} failed")
                    }
                    None => {
                        anyhow!("no current component instance: no `(component ...)` before it")
                    }
                }),
        }
    }

    /// `assert_invalid` / `assert_malformed`: the component must not load.
    fn assert_rejected(&mut self, module: &mut QuoteWat<'_>, message: &str) -> Step {
        if directive::is_core(module) {
            bail!(CORE_UNSUPPORTED);
        }
        let bytes = match module.encode() {
            Ok(bytes) => bytes,
            // Text that does not parse or resolve is rejected before it is
            // a component: that is what the script asks for.
            Err(_) => return Ok(None),
        };
        match self.host.compile(&bytes) {
            Ok(_) => bail!("the component loaded; the script expects it rejected with `{message}`"),
            Err(e) if self.host.is_unsupported(&e) => bail!(
                "the component passed validation and was then refused as unsupported ({e:#}); \
                 the script expects it rejected with `{message}`"
            ),
            Err(e) => Ok(text_note(&e, message)),
        }
    }

    /// Runs what an `assert_return` / `assert_trap` names, giving the
    /// results (none for instantiating a component).
    fn execute(&mut self, exec: &mut WastExecute<'_>) -> Result<Vec<Val>> {
        match exec {
            WastExecute::Invoke(invoke) => self.invoke(invoke),
            WastExecute::Wat(wat) => {
                if let Wat::Module(_) = wat {
                    bail!(CORE_UNSUPPORTED);
                }
                let bytes = wat.encode().context("encoding the component")?;
                let component = self
                    .host
                    .compile(&bytes)
                    .context("compiling the component")?;
                self.instantiate(&component)?;
                Ok(Vec::new())
            }
            WastExecute::Get { .. } => {
                bail!("`get` reads a core global: not supported by witbind's runner")
            }
        }
    }

    /// Calls the export an `invoke` names with its arguments.
    fn invoke(&mut self, invoke: &WastInvoke<'_>) -> Result<Vec<Val>> {
        let loaded = self.loaded(invoke.module)?;
        self.host
            .invoke(&loaded.instance, invoke.name, &invoke.args)
    }

    /// `assert_trap` / `assert_exhaustion`: `result` must be an error
    /// carrying a trap (for witbind, a [`witbind::Trap`]). The expected text
    /// is wasmtime's wording, which witbind's traps do not share, so a
    /// differing text is a note, not a failure.
    fn expect_trap<T: std::fmt::Debug>(
        &self,
        what: &str,
        result: Result<T>,
        message: &str,
    ) -> Step {
        match result {
            Ok(value) => bail!("{what} returned {value:?}; the script expects a trap `{message}`"),
            Err(e) if !self.host.is_trap(&e) => {
                bail!("{what} failed without a trap: {e:#}; the script expects a trap `{message}`")
            }
            Err(e) => Ok(text_note(&e, message)),
        }
    }
}

/// A note when the error `e` a directive expected does not contain the
/// script's `message` (wasmtime's or the reference interpreter's wording).
fn text_note(e: &anyhow::Error, message: &str) -> Option<String> {
    let text = format!("{e:#}");
    (!text.contains(message))
        .then(|| format!("error text differs: expected `{message}`, the host said `{text}`"))
}
