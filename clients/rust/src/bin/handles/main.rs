//! `handles`: claim, look up and manage handles from a terminal.
//!
//! Every command talks to one node (`--url`, default the dev node); `--json` prints one JSON
//! value on stdout for scripts (the field names of the `handles_*` JSON-RPC). Progress goes to
//! stderr. Exit codes: 0 done, 1 bad input or refused by the chain, 2 bad usage, 3 node
//! unreachable.
//!
//! This file holds the global options, the connection and the exit codes; each subcommand is a
//! module of `commands` with its arguments and its `run`, and `output` prints what they return.

use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use handles_client::{Client, Error, Wait};

mod commands;
mod output;

use commands::Command;
use output::Output;

/// Claim, look up and manage user handles (`Alice.4821`) on a handles chain.
#[derive(Parser)]
#[command(name = "handles", version, about, long_about = None)]
struct Cli {
	/// The node's JSON-RPC endpoint (ws://, wss://, http:// or https://).
	#[arg(long, global = true, default_value = "ws://127.0.0.1:9944")]
	url: String,
	/// Print one JSON value on stdout instead of text.
	#[arg(long, global = true)]
	json: bool,
	/// When a transaction counts as done.
	#[arg(long, global = true, value_enum, default_value_t = WaitArg::Finalized)]
	wait: WaitArg,
	/// Keep trying to connect for up to this many seconds while the node starts (default: fail
	/// at once when it does not answer).
	#[arg(long, global = true, value_name = "SECONDS", default_value_t = 0)]
	wait_for_node: u64,
	#[command(subcommand)]
	command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum WaitArg {
	/// In a best block.
	InBlock,
	/// In a finalized block.
	Finalized,
}

async fn run(cli: Cli) -> Result<Output, Error> {
	let wait = match cli.wait {
		WaitArg::InBlock => Wait::InBlock,
		WaitArg::Finalized => Wait::Finalized,
	};
	// Offline commands and input checks come before connecting.
	if let Some(output) = cli.command.offline()? {
		return Ok(output);
	}
	let client = connect(&cli.url, cli.wait_for_node).await?;
	cli.command.run(&client, wait).await
}

/// Connects, retrying every half second for up to `patience` seconds.
async fn connect(url: &str, patience: u64) -> Result<Client, Error> {
	let deadline = std::time::Instant::now() + std::time::Duration::from_secs(patience);
	loop {
		match Client::connect(url).await {
			Err(Error::Unreachable { .. }) if std::time::Instant::now() < deadline => {
				tokio::time::sleep(std::time::Duration::from_millis(500)).await
			}
			result => return result,
		}
	}
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
	let cli = Cli::parse();
	let json = cli.json;
	match run(cli).await {
		Ok(output) => {
			if json {
				println!("{}", output.json);
			} else {
				println!("{}", output.text);
			}
			ExitCode::SUCCESS
		}
		Err(e) => {
			eprintln!("error: {e}");
			ExitCode::from(if matches!(e, Error::Unreachable { .. }) { 3 } else { 1 })
		}
	}
}
