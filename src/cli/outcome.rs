//! How a command ends. Every command returns [`Outcome`]; [`finish`] prints what stopped it
//! and chooses the exit code, in this one place.
//!
//! A command's own results (the files written, the change list) go to standard output as
//! it works, and so do the located messages about each input file it reads
//! ([`super::report`]): a batch tells about each school as it goes. What stops a command is
//! returned, not printed.

use std::process::ExitCode;

use prikaz::diag::Diagnostic;

/// Exit code for invalid input, a failed check, or a file not written.
pub const EXIT_INVALID: u8 = 1;

/// Exit code for a wrong command line, as clap's own errors; for `diff`, a file that cannot
/// be compared.
pub const EXIT_USAGE: u8 = 2;

/// A command that ran to its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Done {
    /// Everything asked was done (exit 0).
    Ok,
    /// The answer is «no», already said: `validate` found errors in a file, `diff` found
    /// changes, a batch had schools that failed (exit 1).
    No,
}

/// What stopped a command: its diagnostics and the exit code.
#[derive(Debug)]
pub struct Failure {
    /// The file the diagnostics are about, when they are located in it.
    pub file: Option<String>,
    /// What went wrong, with hints.
    pub diagnostics: Vec<Diagnostic>,
    /// The exit code.
    pub code: u8,
}

impl Failure {
    /// An error about the whole command (exit 1).
    pub fn invalid(message: impl Into<String>) -> Failure {
        Failure::of(Diagnostic::error(message))
    }

    /// A wrong command line (exit 2).
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure { code: EXIT_USAGE, ..Failure::invalid(message) }
    }

    /// A diagnostic with its hint (exit 1).
    pub fn of(d: Diagnostic) -> Failure {
        Failure { file: None, diagnostics: vec![d], code: EXIT_INVALID }
    }

    /// A diagnostic about `file`, printed with its name (exit 1).
    pub fn in_file(file: impl Into<String>, d: Diagnostic) -> Failure {
        Failure { file: Some(file.into()), ..Failure::of(d) }
    }

    /// Only the exit code: everything was already said (a batch that stopped at its list).
    pub fn said(code: u8) -> Failure {
        Failure { file: None, diagnostics: Vec::new(), code }
    }

    /// The same failure with another exit code.
    pub fn code(self, code: u8) -> Failure {
        Failure { code, ..self }
    }
}

/// How a command ended.
pub type Outcome = Result<Done, Failure>;

/// Prints what stopped the command and turns the outcome into the process's exit code.
pub fn finish(outcome: Outcome) -> ExitCode {
    match outcome {
        Ok(Done::Ok) => ExitCode::SUCCESS,
        Ok(Done::No) => ExitCode::from(EXIT_INVALID),
        Err(f) => {
            for d in &f.diagnostics {
                match &f.file {
                    Some(name) => eprintln!("{}", d.render(name, None, false)),
                    None => {
                        eprintln!("ошибка: {}", d.message);
                        if let Some(h) = &d.hint {
                            eprintln!("подсказка: {h}");
                        }
                    }
                }
            }
            ExitCode::from(f.code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_follow_the_kind_of_ending() {
        assert_eq!(finish(Ok(Done::Ok)), ExitCode::SUCCESS);
        assert_eq!(finish(Ok(Done::No)), ExitCode::from(1));
        assert_eq!(finish(Err(Failure::usage("x"))), ExitCode::from(2));
        assert_eq!(finish(Err(Failure::invalid("x").code(2))), ExitCode::from(2));
        assert_eq!(finish(Err(Failure::said(1))), ExitCode::from(1));
    }
}
