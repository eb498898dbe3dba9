//! The `copydesk` command: annotate, lint, rules, explain, init and the language server.

mod annotate;
mod exchange;
mod input;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "copydesk",
    version,
    about = "A copy editor for news articles: entities, sourcing and style, in CI and in your editor."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write entities, attributions and unsourced claims in the exchange format (JSON Lines).
    Annotate(annotate::Args),
    /// Start the language server on stdio.
    Lsp(LspArgs),
}

#[derive(clap::Args)]
#[command(version)]
struct LspArgs {
    /// Accepted for compatibility with clients that pass it; stdio is the only transport.
    #[arg(long)]
    stdio: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Annotate(args) => annotate::run(args),
        Command::Lsp(_) => copydesk_lsp::run_stdio(),
    }
}
