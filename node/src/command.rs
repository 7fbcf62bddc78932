//! Subcommands and the choice between the development (sealed on demand) and the Aura + GRANDPA
//! service.

use crate::{
	chain_spec,
	cli::{Cli, Sealing, Subcommand, DEFAULT_DEV_BLOCK_MS},
	service,
};
use handles_runtime::opaque::Block;
use sc_cli::SubstrateCli;
use sc_service::{ChainType, PartialComponents};

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"Handles Node".into()
	}

	fn impl_version() -> String {
		env!("SUBSTRATE_CLI_IMPL_VERSION").into()
	}

	fn description() -> String {
		env!("CARGO_PKG_DESCRIPTION").into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"see README.md".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		Ok(match id {
			"dev" => Box::new(chain_spec::development_chain_spec()?),
			"" | "local" => Box::new(chain_spec::local_chain_spec()?),
			id if chain_spec::dev_scale_count(id).is_some() => {
				let count = chain_spec::dev_scale_count(id).expect("checked by the guard")?;
				Box::new(chain_spec::dev_scale_chain_spec(count)?)
			}
			path => {
				Box::new(chain_spec::ChainSpec::from_json_file(std::path::PathBuf::from(path))?)
			}
		})
	}
}

/// Parses the command line and runs it.
pub fn run() -> sc_cli::Result<()> {
	let cli = Cli::from_args();

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		Some(Subcommand::ExportChainSpec(cmd)) => {
			let chain_spec = cli.load_spec(&cmd.chain)?;
			cmd.run(chain_spec)
		}
		Some(Subcommand::CheckBlock(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		}
		Some(Subcommand::ExportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.database), task_manager))
			})
		}
		Some(Subcommand::ExportState(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.chain_spec), task_manager))
			})
		}
		Some(Subcommand::ImportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		}
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		}
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, backend, .. } =
					service::new_partial(&config)?;
				let aux_revert = Box::new(|client, _, blocks| {
					sc_consensus_grandpa::revert(client, blocks)?;
					Ok(())
				});
				Ok((cmd.run(client, backend, Some(aux_revert)), task_manager))
			})
		}
		#[cfg(feature = "runtime-benchmarks")]
		Some(Subcommand::Benchmark(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| match cmd {
				frame_benchmarking_cli::BenchmarkCmd::Pallet(cmd) => {
					cmd.run_with_spec::<sp_runtime::traits::HashingFor<Block>, ()>(Some(
						config.chain_spec,
					))
				}
				// `benchmark storage` times reads and writes on this node's own database, so the
				// runtime's `DbWeight` can come from a chain of the size it will serve.
				frame_benchmarking_cli::BenchmarkCmd::Storage(cmd) => {
					let PartialComponents { client, backend, .. } = service::new_partial(&config)?;
					let db = backend.expose_db();
					let storage = backend.expose_storage();
					let shared_trie_cache = backend.expose_shared_trie_cache();
					cmd.run(config, client, db, storage, shared_trie_cache)
				}
				_ => Err(
					"only `benchmark pallet` and `benchmark storage` are supported by this node"
						.into(),
				),
			})
		}
		Some(Subcommand::ChainInfo(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run::<Block>(&config))
		}
		None => {
			let runner = cli.create_runner(&cli.run)?;
			let sealing = cli.sealing;
			runner.run_node_until_exit(|config| async move {
				let dev = config.chain_spec.chain_type() == ChainType::Development;
				let sealing = match (sealing, dev) {
					(Some(sealing), true) => Some(sealing),
					// A sealed chain imports blocks without checking Aura seals: never on a chain
					// with peers of its own.
					(Some(_), false) => {
						return Err(sc_cli::Error::Input(format!(
							"--sealing is only for development chains; {:?} is a {:?} chain (use --dev or a chain spec with chainType Development)",
							config.chain_spec.id(),
							config.chain_spec.chain_type()
						)))
					},
					(None, true) => Some(Sealing::Interval(DEFAULT_DEV_BLOCK_MS)),
					(None, false) => None,
				};
				type Libp2p =
					sc_network::NetworkWorker<Block, <Block as sp_runtime::traits::Block>::Hash>;
				type Litep2p = sc_network::Litep2pNetworkBackend;
				let backend = config.network.network_backend;
				let result = match (sealing, backend) {
					(Some(s), sc_network::config::NetworkBackendType::Libp2p) => {
						service::new_dev::<Libp2p>(config, s)
					}
					(Some(s), sc_network::config::NetworkBackendType::Litep2p) => {
						service::new_dev::<Litep2p>(config, s)
					}
					(None, sc_network::config::NetworkBackendType::Libp2p) => {
						service::new_full::<Libp2p>(config)
					}
					(None, sc_network::config::NetworkBackendType::Litep2p) => {
						service::new_full::<Litep2p>(config)
					}
				};
				result.map_err(sc_cli::Error::Service)
			})
		}
	}
}
