//! The `prikaz` command: parses arguments, calls the library, prints diagnostics, exits.

mod cli;

use std::process::ExitCode;

use clap::Parser;

// The work is many small allocations (XML trees, strings) on two threads; mimalloc serves
// them with less locking and fewer page faults than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    cli::run(args)
}
