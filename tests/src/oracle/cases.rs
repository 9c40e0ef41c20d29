//! Call cases with their documented expected outcome, checked on wasmtime (the oracle) and on
//! witbind, whose outcomes must also agree with wasmtime's call by call.

use anyhow::{Result, bail};

use super::neutral::{Neutral, Outcome};
use super::runtime::Runtime;
use super::wasmtime_side::OracleFixture;
use super::witbind_side::WitbindFixture;

/// What a case must produce.
#[derive(Debug, Clone)]
pub enum Expect {
    /// These results (compared with [`Neutral::same`]).
    Returns(Vec<Neutral>),
    /// A trap, whatever its message.
    Traps,
}

/// One call of an export with its arguments and the documented expected outcome.
#[derive(Debug, Clone)]
pub struct Case {
    /// The export, as [`super::WasmtimeOracle::call`] names it.
    pub export: String,
    /// The arguments.
    pub args: Vec<Neutral>,
    /// The documented outcome.
    pub expect: Expect,
}

impl Case {
    /// A call expected to return exactly `result`.
    pub fn returns(export: &str, args: Vec<Neutral>, result: Neutral) -> Case {
        Case {
            export: export.to_string(),
            args,
            expect: Expect::Returns(vec![result]),
        }
    }

    /// A call expected to return nothing.
    pub fn returns_nothing(export: &str, args: Vec<Neutral>) -> Case {
        Case {
            export: export.to_string(),
            args,
            expect: Expect::Returns(Vec::new()),
        }
    }

    /// A call expected to return its only argument unchanged.
    pub fn echo(export: &str, value: Neutral) -> Case {
        Case::returns(export, vec![value.clone()], value)
    }

    /// A call expected to trap.
    pub fn traps(export: &str, args: Vec<Neutral>) -> Case {
        Case {
            export: export.to_string(),
            args,
            expect: Expect::Traps,
        }
    }

    /// Whether `outcome` is what this case documents.
    pub fn accepts(&self, outcome: &Outcome) -> bool {
        match (&self.expect, outcome) {
            (Expect::Returns(expected), Outcome::Returned(_)) => {
                outcome.same(&Outcome::Returned(expected.clone()))
            }
            (Expect::Traps, Outcome::Trapped(_)) => true,
            _ => false,
        }
    }
}

/// Runs every case through wasmtime on the fixture `fixture` and returns the outcomes.
///
/// Each case gets a fresh instance, so a trap cannot poison the cases after it and every
/// case starts from the same state.
///
/// # Errors
/// When instantiation fails, an export is missing, or an outcome differs from the case's
/// documented one (the error lists every such case).
pub fn check_on_wasmtime(fixture: &str, cases: &[Case]) -> Result<Vec<Outcome>> {
    let compiled = OracleFixture::load(fixture)?;
    let mut outcomes = Vec::with_capacity(cases.len());
    let mut failures = Vec::new();
    for case in cases {
        let outcome = compiled.instantiate()?.call(&case.export, &case.args)?;
        if !case.accepts(&outcome) {
            failures.push(format!(
                "{fixture}: {}({:?}) expected {:?}, wasmtime {outcome}",
                case.export, case.args, case.expect
            ));
        }
        outcomes.push(outcome);
    }
    if !failures.is_empty() {
        bail!(
            "{} case(s) failed:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
    Ok(outcomes)
}

/// Runs every case through witbind on the fixture `fixture`, on every engine compiled in,
/// each on a fresh instance, and
/// checks both the case's documented outcome and agreement with `oracle` (wasmtime's outcomes
/// of the same cases, in order: see [`Outcome::same`]).
///
/// # Errors
/// When witbind rejects the fixture, an export is missing, or an outcome is not the
/// documented one or differs from wasmtime's (the error lists every such case).
pub fn check_on_witbind(fixture: &str, cases: &[Case], oracle: &[Outcome]) -> Result<()> {
    let mut failures = Vec::new();
    for engine in crate::engines() {
        let loaded = WitbindFixture::load_on(fixture, &engine)?;
        let backend = engine.backend_kind();
        for (case, expected) in cases.iter().zip(oracle) {
            let outcome = loaded.instantiate()?.call(&case.export, &case.args)?;
            if !case.accepts(&outcome) || !outcome.same(expected) {
                failures.push(format!(
                    "{fixture}: {}({:?}) expected {:?}; wasmtime {expected}; witbind on {backend} {outcome}",
                    case.export, case.args, case.expect
                ));
            }
        }
    }
    if cases.len() != oracle.len() {
        failures.push(format!(
            "{} cases but {} oracle outcomes",
            cases.len(),
            oracle.len()
        ));
    }
    if !failures.is_empty() {
        bail!(
            "{} case(s) failed:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
    Ok(())
}

/// Checks `cases` on the fixture `fixture` in wasmtime ([`check_on_wasmtime`]), then in witbind
/// against the same expectations and wasmtime's outcomes ([`check_on_witbind`]), and panics
/// with every failing case listed. Meant to be called directly from a `#[test]`.
#[track_caller]
pub fn assert_cases(fixture: &str, cases: &[Case]) {
    let oracle = match check_on_wasmtime(fixture, cases) {
        Ok(outcomes) => outcomes,
        Err(e) => panic!("wasmtime: {e:#}"),
    };
    if let Err(e) = check_on_witbind(fixture, cases, &oracle) {
        panic!("witbind: {e:#}");
    }
}

#[cfg(test)]
mod tests {
    use super::{Case, check_on_wasmtime, check_on_witbind};
    use crate::oracle::{Neutral as N, Outcome};

    #[test]
    fn a_case_accepts_only_its_documented_outcome() {
        let case = Case::echo("echo-u8", N::U8(7));
        assert!(case.accepts(&Outcome::Returned(vec![N::U8(7)])));
        assert!(!case.accepts(&Outcome::Returned(vec![N::U8(8)])));
        assert!(!case.accepts(&Outcome::Trapped("t".into())));
        assert!(!Case::traps("f", vec![]).accepts(&Outcome::Returned(vec![])));
    }

    #[test]
    fn a_wrong_expectation_is_reported() {
        let wrong = [Case::returns(
            "add-u8",
            vec![N::U8(255), N::U8(1)],
            N::U8(255),
        )];
        let error = check_on_wasmtime("numbers", &wrong).expect_err("must fail");
        assert!(error.to_string().contains("add-u8"), "{error}");
    }

    #[test]
    fn witbind_is_held_to_the_expectation_and_to_wasmtime() {
        let case = [Case::returns(
            "add-u8",
            vec![N::U8(255), N::U8(1)],
            N::U8(0),
        )];
        let right = Outcome::Returned(vec![N::U8(0)]);
        check_on_witbind("numbers", &case, std::slice::from_ref(&right)).expect("agrees");
        let other = Outcome::Returned(vec![N::U8(1)]);
        let error = check_on_witbind("numbers", &case, &[other]).expect_err("disagrees");
        assert!(error.to_string().contains("wasmtime returned"), "{error}");
    }
}
