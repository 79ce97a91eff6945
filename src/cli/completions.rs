//! `prikaz completions SHELL`: the shell's completion script, from the same (Russian)
//! command definition as the help, so commands, parameters and their values complete
//! with their descriptions.

use super::outcome::{Done, Outcome};

/// Shells a completion script is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    /// Bash (Linux, Git Bash в Windows).
    Bash,
    /// Zsh (macOS).
    Zsh,
    /// Fish.
    Fish,
    /// PowerShell (Windows).
    Powershell,
}

pub fn run(shell: Shell) -> Outcome {
    let mut script = Vec::new();
    script_for(shell, &mut script);
    super::out(format_args!("{}", String::from_utf8_lossy(&script)));
    Ok(Done::Ok)
}

/// Writes the completion script of `shell` into `out`.
pub fn script_for(shell: Shell, out: &mut Vec<u8>) {
    let generator = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
        Shell::Powershell => clap_complete::Shell::PowerShell,
    };
    clap_complete::generate(generator, &mut super::clap_ru::command(), "prikaz", out);
}
