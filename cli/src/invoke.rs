//! `witbind run --invoke 'NAME(ARGS)'`: one export called with arguments
//! parsed from WAVE, its results printed in WAVE.
//!
//! Names are found as wasmtime's `--invoke` finds them (a function at the
//! root or in any exported interface, refused when several match), and may
//! name the interface too: `iface#name`, `ns:pkg/iface@1.0.0#name`, or
//! WAVE's own `ns:pkg/iface.name@1.0.0`.

use std::ops::Range;

use anyhow::{Context as _, Result};
use wasm_wave::parser::ParserError;
use wasm_wave::untyped::UntypedFuncCall;
use witbind::{Component, Func, Instance, Linker, Store, Type, Val};

use crate::run::Host;
use crate::wave::{WaveType, WaveVal};

/// Instantiates `component`, calls the export `call` names with its
/// arguments, and prints the results on stdout.
pub(crate) fn invoke(
    store: &mut Store<Host>,
    linker: &Linker<Host>,
    component: &Component,
    call: &str,
) -> Result<()> {
    let call = Call::parse(call)?;
    let instance = linker.instantiate(&mut *store, component)?;
    let (label, func) = find(&mut *store, &instance, component, &call.target)?;
    let signature = signature(&func);
    for (i, ty) in func.params().iter().enumerate() {
        if has_resource(ty) {
            anyhow::bail!(
                "`{label}` ({signature}) takes a resource handle in parameter {i} (`{ty}`), \
                 which `--invoke` cannot make from text"
            );
        }
    }
    for ty in func.results() {
        if has_resource(ty) {
            anyhow::bail!(
                "`{label}` ({signature}) returns a resource handle (`{ty}`), which WAVE cannot \
                 print; call it from a host of your own"
            );
        }
    }
    let params = call.params(&func).with_context(|| {
        format!(
            "invalid arguments for `{label}` ({signature})\n  {}",
            call.text
        )
    })?;
    let mut results = vec![Val::Bool(false); func.results().len()];
    func.call(&mut *store, &params, &mut results)
        .with_context(|| format!("failed to invoke `{label}`"))?;
    println!("{}", results_text(&results)?);
    Ok(())
}

/// The function a call names.
#[derive(Debug, PartialEq, Eq)]
enum Target {
    /// A bare name: a root function, or a function of one exported
    /// interface.
    Any(String),
    /// The function `func` of the exported interface `interface`.
    In { interface: String, func: String },
}

/// An `--invoke` argument: the function's name, then its arguments.
struct Call<'a> {
    /// The whole argument.
    text: &'a str,
    target: Target,
    /// Where the parenthesised arguments start in `text`.
    args_at: usize,
}

impl<'a> Call<'a> {
    fn parse(text: &'a str) -> Result<Self> {
        let Some(args_at) = text.find('(') else {
            anyhow::bail!(
                "`--invoke {text}`: expected `NAME(ARGS)`, such as `add(1, 2)` (with the \
                 parentheses even when there are no arguments: `run()`)"
            );
        };
        let name = text[..args_at].trim();
        let target = parse_target(name)
            .with_context(|| format!("`--invoke {text}`: invalid function name `{name}`"))?;
        Ok(Call {
            text,
            target,
            args_at,
        })
    }

    /// The arguments as values of `func`'s parameter types. Trailing
    /// `option` parameters may be left out (they are `none`).
    fn params(&self, func: &Func) -> Result<Vec<Val>> {
        // wasm-wave parses the arguments of a call whose name it accepts:
        // give it a one-letter name, and map its spans back.
        let source = format!("f{}", &self.text[self.args_at..]);
        let shift = |span: Range<usize>| span.start + self.args_at - 1..span.end + self.args_at - 1;
        let call = UntypedFuncCall::parse(&source).map_err(|e| self.error(&e, shift(e.span())))?;
        let types: Vec<WaveType> = func.params().iter().cloned().map(WaveType).collect();
        let values = call.to_wasm_params::<WaveVal>(&types).map_err(|e| {
            let error = self.error(&e, shift(e.span()));
            // Name the parameter whose argument is wrong.
            let at = e.span().start;
            let argument = call
                .params_node()
                .and_then(|params| params.as_tuple().ok())
                .and_then(|mut args| args.position(|a| a.span().contains(&at)));
            match argument.and_then(|i| Some((i, func.params().get(i)?))) {
                Some((i, ty)) => error.context(format!("argument {i} must be a `{ty}`")),
                None => error,
            }
        })?;
        Ok(values.into_iter().map(|v| v.0).collect())
    }

    /// `error`, with the part of the call at `span` pointed at.
    fn error(&self, error: &ParserError, span: Range<usize>) -> anyhow::Error {
        let what = match (error.detail(), std::error::Error::source(error)) {
            (Some(detail), _) => format!("{}: {detail}", error.kind()),
            (None, Some(source)) => format!("{}: {source}", error.kind()),
            (None, None) => error.kind().to_string(),
        };
        let text = self.text;
        let start = text.get(..span.start).map_or(0, |s| s.chars().count());
        let width = text.get(span).map_or(1, |s| s.chars().count().max(1));
        anyhow::anyhow!(
            "{what}\n  {text}\n  {}{}",
            " ".repeat(start),
            "^".repeat(width)
        )
    }
}

/// `name`, `iface#name`, `ns:pkg/iface@1.0.0#name`, or WAVE's
/// `ns:pkg/iface.name@1.0.0`. A resource's functions (`[method]r.f`,
/// `[static]r.f`, `[constructor]r`) are named as exported, with `#` when
/// they belong to an interface.
fn parse_target(name: &str) -> Result<Target> {
    let target = if let Some((interface, func)) = name.rsplit_once('#') {
        Target::In {
            interface: interface.to_string(),
            func: func.to_string(),
        }
    } else if name.starts_with('[') {
        Target::Any(name.to_string())
    } else {
        let (path, version) = match name.split_once('@') {
            Some((path, version)) => (path, Some(version)),
            None => (name, None),
        };
        match (path.rsplit_once('.'), version) {
            (Some((interface, func)), version) => Target::In {
                interface: match version {
                    Some(version) => format!("{interface}@{version}"),
                    None => interface.to_string(),
                },
                func: func.to_string(),
            },
            (None, None) => Target::Any(name.to_string()),
            (None, Some(_)) => anyhow::bail!(
                "a version belongs to an interface: write `ns:pkg/iface@1.0.0#name` (or \
                 `ns:pkg/iface.name@1.0.0`)"
            ),
        }
    };
    let func = match &target {
        Target::Any(func) | Target::In { func, .. } => func,
    };
    if func.is_empty() {
        anyhow::bail!("no function name");
    }
    if let Target::In { interface, .. } = &target
        && interface.is_empty()
    {
        anyhow::bail!("no interface name before the function's");
    }
    Ok(target)
}

/// The export `target` names, with the name it is known by.
fn find(
    store: &mut Store<Host>,
    instance: &Instance,
    component: &Component,
    target: &Target,
) -> Result<(String, Func)> {
    let exports = component.export_names();
    let listed = || {
        if exports.is_empty() {
            "it exports nothing".to_string()
        } else {
            format!("its exports: {}", quoted(exports.iter()))
        }
    };
    match target {
        Target::In { interface, func } => {
            let matching = matching_interfaces(&exports, interface);
            match matching.as_slice() {
                [] => anyhow::bail!(
                    "the component exports no interface `{interface}` ({})",
                    listed()
                ),
                [one] => {
                    let found = instance.get_func(&mut *store, (one.as_str(), func.as_str()))?;
                    Ok((format!("{one}#{func}"), found))
                }
                several => anyhow::bail!(
                    "`{interface}` names several exported interfaces: {}; write the one you \
                     mean in full",
                    quoted(several.iter().copied())
                ),
            }
        }
        Target::Any(name) => {
            let mut found = Vec::new();
            if let Ok(func) = instance.get_func(&mut *store, name.as_str()) {
                found.push((name.clone(), func));
            }
            for export in &exports {
                if let Ok(func) = instance.get_func(&mut *store, (export.as_str(), name.as_str())) {
                    found.push((format!("{export}#{name}"), func));
                }
            }
            match found.len() {
                0 if exports.contains(name) => anyhow::bail!(
                    "the component's export `{name}` is not a function: call one of its \
                     functions as `{name}#NAME(ARGS)`"
                ),
                0 => anyhow::bail!(
                    "the component exports no function `{name}`, at its root or in an exported \
                     interface ({})",
                    listed()
                ),
                1 => Ok(found.remove(0)),
                _ => anyhow::bail!(
                    "several exported functions are named `{name}`: {}; name the one you mean \
                     as `INTERFACE#{name}(ARGS)`",
                    quoted(found.iter().map(|(label, _)| label))
                ),
            }
        }
    }
}

/// The exported names `wanted` stands for: itself; else, for a name
/// without a version, every version of it; else, for a bare interface
/// name, every exported interface of that name.
fn matching_interfaces<'e>(exports: &'e [String], wanted: &str) -> Vec<&'e String> {
    let exact: Vec<_> = exports.iter().filter(|e| *e == wanted).collect();
    if !exact.is_empty() || wanted.contains('@') {
        return exact;
    }
    let unversioned = |e: &str| e.split_once('@').map_or(e, |(path, _)| path).to_string();
    let versions: Vec<_> = exports
        .iter()
        .filter(|e| unversioned(e) == wanted)
        .collect();
    if !versions.is_empty() || wanted.contains([':', '/']) {
        return versions;
    }
    exports
        .iter()
        .filter(|e| {
            let path = unversioned(e);
            path.rsplit_once('/')
                .is_some_and(|(package, iface)| package.contains(':') && iface == wanted)
        })
        .collect()
}

/// `func(T, U) -> R`, for error messages.
fn signature(func: &Func) -> String {
    let list = |types: &[Type]| {
        types
            .iter()
            .map(Type::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    match func.results() {
        [] => format!("func({})", list(func.params())),
        [one] => format!("func({}) -> {one}", list(func.params())),
        many => format!("func({}) -> ({})", list(func.params()), list(many)),
    }
}

/// Whether a value of `ty` may hold a resource handle.
fn has_resource(ty: &Type) -> bool {
    match ty {
        Type::Own(_) | Type::Borrow(_) => true,
        Type::List(l) => has_resource(l.element()),
        Type::FixedList(l) => has_resource(l.element()),
        Type::Map(m) => has_resource(m.key()) || has_resource(m.value()),
        Type::Record(r) => r.fields().iter().any(|f| has_resource(&f.ty)),
        Type::Tuple(t) => t.types().iter().any(has_resource),
        Type::Variant(v) => v
            .cases()
            .iter()
            .filter_map(|c| c.ty.as_ref())
            .any(has_resource),
        Type::Option(o) => has_resource(o.some()),
        Type::Result(r) => r.ok().into_iter().chain(r.err()).any(has_resource),
        _ => false,
    }
}

/// The results as wasmtime's `--invoke` prints them: one as a value,
/// several as a tuple, none as `()`.
fn results_text(results: &[Val]) -> Result<String> {
    let texts = results
        .iter()
        .map(|v| wasm_wave::to_string(&WaveVal(v.clone())))
        .collect::<Result<Vec<_>, _>>()
        .context("printing the results in WAVE")?;
    Ok(match texts.as_slice() {
        [one] => one.clone(),
        _ => format!("({})", texts.join(", ")),
    })
}

/// `` `a`, `b` ``.
fn quoted<'s>(names: impl Iterator<Item = &'s String>) -> String {
    names
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn any(name: &str) -> Target {
        Target::Any(name.to_string())
    }

    fn within(interface: &str, func: &str) -> Target {
        Target::In {
            interface: interface.to_string(),
            func: func.to_string(),
        }
    }

    #[test]
    fn names_of_every_form() {
        assert_eq!(parse_target("add").unwrap(), any("add"));
        assert_eq!(parse_target("run#run").unwrap(), within("run", "run"));
        assert_eq!(
            parse_target("wasi:cli/run@0.2.0#run").unwrap(),
            within("wasi:cli/run@0.2.0", "run")
        );
        assert_eq!(
            parse_target("wasi:cli/run.run@0.2.0").unwrap(),
            within("wasi:cli/run@0.2.0", "run")
        );
        assert_eq!(parse_target("iface.f").unwrap(), within("iface", "f"));
        assert_eq!(
            parse_target("[method]stack.push").unwrap(),
            any("[method]stack.push")
        );
        assert_eq!(
            parse_target("a:b/guest-side#[method]stack.push").unwrap(),
            within("a:b/guest-side", "[method]stack.push")
        );
        assert!(parse_target("f@1.0.0").is_err());
        assert!(parse_target("iface#").is_err());
        assert!(parse_target("#f").is_err());
        assert!(parse_target("").is_err());
    }

    #[test]
    fn interfaces_by_full_name_version_less_name_or_bare_name() {
        let exports: Vec<String> = ["a:b/run@0.2.0", "a:b/run@0.3.0", "c:d/api", "plain", "f"]
            .map(String::from)
            .to_vec();
        let names = |wanted| -> Vec<&str> {
            matching_interfaces(&exports, wanted)
                .into_iter()
                .map(String::as_str)
                .collect()
        };
        assert_eq!(names("a:b/run@0.2.0"), ["a:b/run@0.2.0"]);
        assert_eq!(names("a:b/run"), ["a:b/run@0.2.0", "a:b/run@0.3.0"]);
        assert_eq!(names("run"), ["a:b/run@0.2.0", "a:b/run@0.3.0"]);
        assert_eq!(names("api"), ["c:d/api"]);
        assert_eq!(names("plain"), ["plain"]);
        assert!(names("x:y/api").is_empty());
        assert!(names("a:b/run@0.4.0").is_empty());
    }

    #[test]
    fn a_call_needs_its_parentheses() {
        let err = Call::parse("add 1 2").err().unwrap();
        assert!(
            format!("{err:#}").contains("expected `NAME(ARGS)`"),
            "{err:#}"
        );
        let call = Call::parse("  add (1, 2)").unwrap();
        assert_eq!(call.target, any("add"));
        assert_eq!(call.args_at, 6);
    }
}
