//! `handles-node`: a node of the handles chain.
//!
//! `--dev` runs a one-node development chain sealed on demand (`--sealing instant|manual|MS`);
//! `--chain local` runs the Aura + GRANDPA network of two validators (Alice and Bob).

mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
