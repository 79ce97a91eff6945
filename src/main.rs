//! The `prikaz` command: parses arguments, calls the library, prints diagnostics, exits.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    cli::run(args)
}
