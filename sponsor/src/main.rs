//! `handles-sponsor --url ws://127.0.0.1:9944 --key //Dave`: the sponsor service and claim page.

use std::{net::SocketAddr, path::PathBuf, process::ExitCode, sync::Arc, time::Duration};

use clap::Parser;
use handles_client::Keypair;
use handles_sponsor::{
	http::{serve, App, Limits},
	limits::{Clients, RateLimit},
	store::{Admission, Store},
	work::{Work, MAX_BITS},
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
	/// A file holding the secret URI of the funded account that pays (a mnemonic, a 0x seed;
	/// `ed25519:` or `ecdsa:` first for those schemes). Else the environment variable
	/// HANDLES_SPONSOR_KEY, else --key.
	#[arg(long)]
	key_file: Option<PathBuf>,
	/// The paying account's secret URI on the command line: for dev keys (`//Dave`); any other
	/// is visible to every user of the machine (a warning says so).
	#[arg(long)]
	key: Option<String>,
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
	/// New claims per minute per client (bursts up to the same number); beyond it 429.
	#[arg(long, default_value_t = 30)]
	client_limit: u32,
	/// Other requests (page files, reads, payloads, status polls) per minute per client.
	#[arg(long, default_value_t = 600)]
	read_limit: u32,
	/// Bits of an IPv6 address that make one client.
	#[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u8).range(1..=128))]
	ipv6_prefix: u8,
	/// A reverse proxy (CIDR, e.g. 127.0.0.1/32; repeatable) whose X-Forwarded-For names the
	/// client; from anyone else the header is ignored.
	#[arg(long)]
	trusted_proxy: Vec<ipnet::IpNet>,
	/// An origin (https://app.example) whose pages may call the API (CORS; repeatable). None by
	/// default: no other site's page can use the service.
	#[arg(long)]
	allow_origin: Vec<String>,
	/// Claims accepted per hour at most (0: no limit); beyond it 503 BudgetExhausted.
	#[arg(long, default_value_t = 10_000)]
	max_claims_per_hour: u64,
	/// Fees in planck the claims of the last 24 hours may cost (0: no limit); beyond it 503
	/// BudgetExhausted.
	#[arg(long, default_value_t = 0)]
	max_fee_per_day: u128,
	/// Seconds a client has to send a request's headers, and again its body.
	#[arg(long, default_value_t = 10)]
	request_timeout: u64,
	/// Days a settled (finalized or failed) claim is kept before it is deleted.
	#[arg(long, default_value_t = 30)]
	retention_days: u64,
	/// Blocks a payload must still live when it arrives and when it is signed for.
	#[arg(long, default_value_t = 5)]
	margin: u32,
	/// Largest request body in bytes; larger ones get 413.
	#[arg(long, default_value_t = 4096)]
	max_body: usize,
	/// Leading zero bits of the proof of work a claim must carry (X-Handles-Work, challenges from
	/// GET /api/work); one more per quarter of --queue-limit that pending claims fill. 0: none.
	#[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u8).range(0..=i64::from(MAX_BITS)))]
	work_bits: u8,
}

#[tokio::main]
async fn main() -> ExitCode {
	let cli = Cli::parse();
	let key = match paying_key(&cli) {
		Ok(key) => key,
		Err(e) => {
			eprintln!("handles-sponsor: {e}");
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
	let retention = Duration::from_secs(cli.retention_days.saturating_mul(86_400));
	let worker = Worker::new(store, node, key, cli.margin, retention);
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
			admission: Admission {
				queue: cli.queue_limit,
				per_owner: cli.owner_limit,
				per_hour: cli.max_claims_per_hour,
				fee_per_day: cli.max_fee_per_day,
			},
			max_body: cli.max_body,
			clients: Clients { trusted: cli.trusted_proxy, ipv6_prefix: cli.ipv6_prefix },
			allow_origins: cli.allow_origin,
			header_timeout: Duration::from_secs(cli.request_timeout),
			body_timeout: Duration::from_secs(cli.request_timeout),
		},
		rate: RateLimit::new(cli.client_limit),
		read_rate: RateLimit::new(cli.read_limit),
		margin: cli.margin,
		work: Work::new(cli.work_bits),
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

/// The paying key: from --key-file, else HANDLES_SPONSOR_KEY, else --key (with a warning unless
/// it is a dev key, `//Name`).
fn paying_key(cli: &Cli) -> Result<Keypair, String> {
	let (uri, from) = if let Some(path) = &cli.key_file {
		let text = std::fs::read_to_string(path)
			.map_err(|e| format!("--key-file {}: {e}", path.display()))?;
		(text.trim().to_string(), "--key-file")
	} else if let Ok(uri) = std::env::var("HANDLES_SPONSOR_KEY") {
		(uri.trim().to_string(), "HANDLES_SPONSOR_KEY")
	} else if let Some(uri) = &cli.key {
		if !is_dev_key(uri) {
			eprintln!(
				"handles-sponsor: warning: --key puts the secret where every user of this machine \
				 can read it (ps); use --key-file or HANDLES_SPONSOR_KEY"
			);
		}
		(uri.clone(), "--key")
	} else {
		return Err("no paying key: give --key-file, HANDLES_SPONSOR_KEY or --key".into());
	};
	Keypair::from_uri(&uri).map_err(|e| format!("{from}: {e}"))
}

/// A well-known development key: `//Name` (with any `//` or `/` path after it), scheme first or
/// not.
fn is_dev_key(uri: &str) -> bool {
	let uri = uri.strip_prefix("ed25519:").or_else(|| uri.strip_prefix("ecdsa:")).unwrap_or(uri);
	uri.starts_with("//") && !uri.contains(' ')
}

#[cfg(test)]
mod tests {
	use super::is_dev_key;

	#[test]
	fn only_well_known_dev_keys_are_quiet_on_the_command_line() {
		for dev in ["//Dave", "//Alice//stash", "ed25519://Bob", "ecdsa://Eve/1"] {
			assert!(is_dev_key(dev), "{dev}");
		}
		let mnemonic = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";
		for secret in [mnemonic, "0x1234", "ed25519:0x1234", &format!("{mnemonic}//Dave")] {
			assert!(!is_dev_key(secret), "{secret}");
		}
	}
}
