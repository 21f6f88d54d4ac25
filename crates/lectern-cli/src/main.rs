//! `lectern`: a Lectern library from the command line (DESIGN §4).

mod args;
mod commands;
mod render;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = args::Args::parse();
    match commands::run(args) {
        Ok(code) => code,
        Err(error) => {
            // One line naming the problem: the whole cause chain, joined.
            eprintln!("lectern: {error:#}");
            ExitCode::FAILURE
        }
    }
}
