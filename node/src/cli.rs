//! Command line of `handles-node`.

use sc_cli::RunCmd;

/// How the development chain makes blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sealing {
	/// A block as soon as a transaction enters the pool; each block is finalized at once.
	Instant,
	/// Blocks only on `engine_createBlock(createEmpty, finalize, parentHash)`.
	Manual,
	/// A (possibly empty, finalized) block every given number of milliseconds; `engine_*` is not
	/// served.
	Interval(u64),
}

/// Default block interval of `--dev` without `--sealing`.
pub const DEFAULT_DEV_BLOCK_MS: u64 = 3000;

impl std::str::FromStr for Sealing {
	type Err = String;

	fn from_str(s: &str) -> Result<Self, Self::Err> {
		match s {
			"instant" => Ok(Sealing::Instant),
			"manual" => Ok(Sealing::Manual),
			ms => match ms.parse::<u64>() {
				Ok(0) => Err("the block interval must be at least 1 millisecond".into()),
				Ok(ms) => Ok(Sealing::Interval(ms)),
				Err(_) => Err(format!(
					"unknown sealing mode `{s}`: expected `instant`, `manual` or a number of milliseconds"
				)),
			},
		}
	}
}

/// Command line of the node.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	/// Subcommand; none runs the node.
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	/// How a development chain makes blocks: `instant`, `manual` (only on `engine_createBlock`,
	/// the one mode that serves `engine_*`) or a block interval in milliseconds. Default for a
	/// development chain: a block every 3000 ms. Refused for any other chain, which runs Aura +
	/// GRANDPA.
	#[arg(long, value_name = "instant|manual|MILLISECONDS")]
	pub sealing: Option<Sealing>,

	#[allow(missing_docs)]
	#[clap(flatten)]
	pub run: RunCmd,
}

/// Subcommands of the node.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management utilities.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Write a chain specification (JSON) of `--chain` to stdout or `--output`.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Runtime benchmarks (`benchmark pallet`); only in a node built with
	/// `--features runtime-benchmarks`.
	#[cfg(feature = "runtime-benchmarks")]
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// Database metadata.
	ChainInfo(sc_cli::ChainInfoCmd),
}

#[cfg(test)]
mod tests {
	use super::Sealing;

	#[test]
	fn sealing_modes_parse() {
		assert_eq!("instant".parse::<Sealing>(), Ok(Sealing::Instant));
		assert_eq!("manual".parse::<Sealing>(), Ok(Sealing::Manual));
		assert_eq!("250".parse::<Sealing>(), Ok(Sealing::Interval(250)));
		assert!("0".parse::<Sealing>().is_err());
		assert!("fast".parse::<Sealing>().unwrap_err().contains("unknown sealing mode `fast`"));
		assert!("-5".parse::<Sealing>().is_err());
	}
}
