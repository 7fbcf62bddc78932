//! `handles-node`: a node of the handles chain.
//!
//! `--dev` runs a one-node development chain sealed on demand (`--sealing instant|manual|MS`);
//! `--chain local` runs the Aura + GRANDPA network of two validators (Alice and Bob).

// `sc_service::Error` and `sc_cli::Error` are large upstream types that the SDK's traits and
// closures require as they are; boxing them here would only add conversions.
#![allow(clippy::result_large_err)]

mod chain_spec;
mod cli;
mod command;
mod endpoints;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
