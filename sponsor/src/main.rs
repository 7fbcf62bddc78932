//! `handles-sponsor --url ws://127.0.0.1:9944 --key //Dave`: the sponsor service and claim page.

use std::{net::SocketAddr, path::PathBuf, process::ExitCode, sync::Arc};

use clap::Parser;
use handles_client::Keypair;
use handles_sponsor::{
	http::{serve, App, Limits},
	limits::RateLimit,
	store::Store,
	worker::{Node, Worker},
};

/// Pays for handle claims that owners sign, and serves the claim page.
///
/// POST /claims takes an owner's signed create payload, checks it against the rules and the
/// chain, and queues it; the service submits it with --key and follows it to finality
/// (GET /claims/{id}). Claims persist in --db: a restart neither loses nor repeats one.
#[derive(Parser)]
#[command(name = "handles-sponsor", version, about, long_about)]
struct Cli {
	/// The node's JSON-RPC endpoint (ws:// or wss://).
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	url: String,
	/// Secret URI of the funded account that pays (`//Dave` on the dev chain, a mnemonic, a 0x
	/// seed; `ed25519:` or `ecdsa:` first for those schemes).
	#[arg(long)]
	key: String,
	/// Address the HTTP server listens on.
	#[arg(long, default_value = "127.0.0.1:8080")]
	listen: SocketAddr,
	/// The SQLite file of the claims (created when missing).
	#[arg(long, default_value = "handles-sponsor.sqlite")]
	db: PathBuf,
	/// Pending claims held at most; beyond it new claims get 429.
	#[arg(long, default_value_t = 1000)]
	queue_limit: u64,
	/// Pending claims one owner may have; beyond it 429.
	#[arg(long, default_value_t = 3)]
	owner_limit: u64,
	/// New claims per minute per client address (bursts up to the same number); beyond it 429.
	#[arg(long, default_value_t = 30)]
	client_limit: u32,
	/// Blocks a payload must still live when it arrives and when it is signed for.
	#[arg(long, default_value_t = 5)]
	margin: u32,
	/// Largest request body in bytes; larger ones get 413.
	#[arg(long, default_value_t = 4096)]
	max_body: usize,
}

#[tokio::main]
async fn main() -> ExitCode {
	let cli = Cli::parse();
	let key = match Keypair::from_uri(&cli.key) {
		Ok(key) => key,
		Err(e) => {
			eprintln!("handles-sponsor: --key: {e}");
			return ExitCode::from(2);
		}
	};
	let store = match Store::open(&cli.db) {
		Ok(store) => Arc::new(store),
		Err(e) => {
			eprintln!("handles-sponsor: {}: {e}", cli.db.display());
			return ExitCode::from(1);
		}
	};
	let listener = match tokio::net::TcpListener::bind(cli.listen).await {
		Ok(listener) => listener,
		Err(e) => {
			eprintln!("handles-sponsor: cannot listen on {}: {e}", cli.listen);
			return ExitCode::from(1);
		}
	};
	let node = Node::new(&cli.url, store.clone());
	if let Err(e) = node.client().await {
		eprintln!("handles-sponsor: {e}; retrying in the background");
	}
	let worker = Worker::new(store, node, key, cli.margin);
	println!(
		"handles-sponsor: paying with {} on {}; claim page on http://{}; claims in {}",
		worker.sponsor().account_id(),
		cli.url,
		cli.listen,
		cli.db.display()
	);
	let app = Arc::new(App {
		worker: worker.clone(),
		limits: Limits {
			queue: cli.queue_limit,
			per_owner: cli.owner_limit,
			max_body: cli.max_body,
		},
		rate: RateLimit::new(cli.client_limit),
		margin: cli.margin,
	});
	tokio::spawn(worker.run());
	let shutdown = async {
		let _ = tokio::signal::ctrl_c().await;
	};
	match serve(listener, app, shutdown).await {
		Ok(()) => ExitCode::SUCCESS,
		Err(e) => {
			eprintln!("handles-sponsor: {e}");
			ExitCode::from(1)
		}
	}
}
