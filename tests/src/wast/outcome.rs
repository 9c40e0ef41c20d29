//! What running one `.wast` file on one engine gave: the directives that
//! passed, the ones that failed, and notes on passes judged leniently.

use std::fmt;

/// One directive that did not do what the script says.
#[derive(Debug, Clone)]
pub struct Failure {
    /// `file:line:column` of the directive (1-based).
    pub location: String,
    /// The directive's keyword (`assert_return`, `component`, ...).
    pub directive: &'static str,
    /// What went wrong.
    pub message: String,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: ({} ...): {}",
            self.location, self.directive, self.message
        )
    }
}

/// The result of one file on one engine.
#[derive(Debug, Clone)]
pub struct FileOutcome {
    /// The file's name as given.
    pub file: String,
    /// The engine's backend (`wasmtime`, `wasmi`), or the oracle.
    pub backend: String,
    /// How many directives ran.
    pub directives: usize,
    /// The directives that failed, in file order.
    pub failures: Vec<Failure>,
    /// Passes judged leniently: an expected trap or error whose text differs
    /// from the expected message (wasmtime's wording), with both texts.
    pub notes: Vec<String>,
}

impl FileOutcome {
    /// An outcome for `file` on `engine` with no directive run yet.
    pub(crate) fn new(backend: String, file: &str) -> Self {
        Self {
            file: file.to_string(),
            backend,
            directives: 0,
            failures: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// The outcome of a file that could not be read: one failure.
    pub(crate) fn unreadable(backend: String, file: &str, message: String) -> Self {
        let mut outcome = Self::new(backend, file);
        outcome.failures.push(Failure {
            location: file.to_string(),
            directive: "file",
            message,
        });
        outcome
    }

    /// Whether every directive passed.
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

impl fmt::Display for FileOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let verdict = if self.passed() { "PASS" } else { "FAIL" };
        write!(
            f,
            "{verdict} {} [{}]: {} directive(s), {} failed",
            self.file,
            self.backend,
            self.directives,
            self.failures.len()
        )?;
        for failure in &self.failures {
            write!(f, "\n    {failure}")?;
        }
        Ok(())
    }
}
