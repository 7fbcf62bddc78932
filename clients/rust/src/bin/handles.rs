//! `handles`: claim, look up and manage handles from a terminal.
//!
//! Every command talks to one node (`--url`, default the dev node); `--json` prints one JSON
//! value on stdout for scripts (the field names of the `handles_*` JSON-RPC). Progress goes to
//! stderr. Exit codes: 0 done, 1 bad input or refused by the chain, 2 bad usage, 3 node
//! unreachable.

use std::{io::IsTerminal, process::ExitCode};

use clap::{Args, Parser, Subcommand, ValueEnum};
use handles_client::{
	check_display, json, Client, Error, Governance, Included, Keypair, Progress, Wait,
};
use serde_json::{json, Value};
use sp_core::crypto::Ss58Codec;

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

/// Who signs and who pays.
#[derive(Args)]
struct Signers {
	/// The owner's secret URI (`//Alice`, a mnemonic, a 0x seed; `ed25519:` or `ecdsa:` first
	/// for those schemes). It signs the payload.
	#[arg(long)]
	owner: String,
	/// Secret URI of the account that signs and pays for the transaction (default: the owner).
	/// The owner then needs no tokens.
	#[arg(long)]
	sponsor: Option<String>,
}

#[derive(Subcommand)]
enum Command {
	/// Suffix options of a base handle: candidates, available ones, the ones expiring at the next
	/// seed rotation.
	Options {
		/// The base handle as typed (`Alice`).
		base: String,
	},
	/// Whether a base handle is valid on this chain (rules and reserved list), and its
	/// canonical form.
	Validate {
		/// The base handle as typed.
		base: String,
		/// Check with the rules crate only, without a node (the reserved list is then the
		/// default one).
		#[arg(long)]
		offline: bool,
	},
	/// Claim a new MSA with a handle.
	Claim {
		/// The base handle as typed (`Alice`).
		base: String,
		/// The suffix (one of `handles options`); default: the first available that is not
		/// expiring.
		#[arg(long)]
		suffix: Option<u32>,
		#[command(flatten)]
		signers: Signers,
	},
	/// The MSA and owner of a display handle (`Alice.4821`) or of any look-alike of it.
	Lookup {
		/// The display handle.
		handle: String,
	},
	/// The handle and owner of an MSA.
	Whois {
		/// The MSA id.
		msa_id: u32,
	},
	/// The MSAs of an account and their handles.
	Owned {
		/// The account, SS58 or 0x + 32 bytes of hex.
		account: String,
	},
	/// Retire the handle an MSA holds (it cools down before anyone may claim it again).
	Retire {
		/// The MSA id.
		msa_id: u32,
		#[command(flatten)]
		signers: Signers,
	},
	/// Give an MSA a new handle, or restyle it (`alice.4821` to `Alice.4821`).
	Change {
		/// The MSA id.
		msa_id: u32,
		/// The new base handle.
		new_base: String,
		/// The new suffix; default: the current one for a restyle, else the first available.
		#[arg(long)]
		suffix: Option<u32>,
		#[command(flatten)]
		signers: Signers,
	},
	/// Move an MSA and its handle to another owner; both keys sign.
	Transfer {
		/// The MSA id.
		msa_id: u32,
		/// The new owner's secret URI.
		#[arg(long)]
		new_owner: String,
		#[command(flatten)]
		signers: Signers,
	},
	/// The two seeds and the next rotation.
	Seed,
	/// Suffix range, cooldown, seed rotation period and payload lifetime.
	Settings,
	/// Governance calls, through `Sudo.sudo`.
	Sudo {
		/// The sudo key's secret URI (`//Alice` on the dev chain).
		#[arg(long)]
		key: String,
		#[command(subcommand)]
		call: SudoCommand,
	},
}

#[derive(Subcommand)]
enum SudoCommand {
	/// Set the suffix range and the reuse cooldown of future claims.
	SetSettings {
		/// Lowest suffix.
		#[arg(long)]
		min: u32,
		/// Highest suffix.
		#[arg(long)]
		max: u32,
		/// Blocks a retired handle cools down.
		#[arg(long)]
		cooldown: u32,
	},
	/// Reserve a base handle (and its look-alikes).
	Reserve {
		/// The base handle.
		base: String,
	},
	/// Remove a base handle from the reserved list.
	Unreserve {
		/// The base handle.
		base: String,
	},
	/// Moderation: retire an MSA's handle; it never returns to that MSA.
	ForceRetire {
		/// The MSA id.
		msa_id: u32,
	},
}

fn text(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

/// The progress line on stderr: rewritten in place on a terminal, one line per step otherwise.
struct ProgressLine {
	tty: bool,
	shown: bool,
}

impl ProgressLine {
	fn new() -> Self {
		Self { tty: std::io::stderr().is_terminal(), shown: false }
	}

	fn show(&mut self, progress: Progress) {
		let line = match progress {
			Progress::Submitted(hash) => format!("submitted {}", json::hex(&hash.0)),
			Progress::InPool => "in the pool, waiting for a block…".to_string(),
			Progress::Retracted => "its block left the best chain, waiting for another…".into(),
			Progress::InBlock(hash) => format!("in block {}", json::hex(&hash.0)),
			Progress::Finalized(hash) => format!("finalized in block {}", json::hex(&hash.0)),
		};
		if self.tty {
			eprint!("\r\x1b[2K{line}");
		} else {
			eprintln!("{line}");
		}
		self.shown = true;
	}

	fn done(&self) {
		if self.tty && self.shown {
			eprintln!();
		}
	}
}

fn key(uri: &str, what: &str) -> Result<Keypair, Error> {
	Keypair::from_uri(uri)
		.map_err(|e| Error::Key(handles_client::keys::KeyError(format!("--{what}: {e}"))))
}

fn included_text(included: &Included) -> String {
	let state = if included.finalized { "finalized" } else { "in" };
	format!("{state} block #{} ({})", included.block_number, json::hex(&included.block_hash.0))
}

/// What a command prints: JSON for `--json`, text otherwise.
struct Output {
	json: Value,
	text: String,
}

async fn run(cli: Cli) -> Result<Output, Error> {
	let wait = match cli.wait {
		WaitArg::InBlock => Wait::InBlock,
		WaitArg::Finalized => Wait::Finalized,
	};
	// Offline commands and input checks come before connecting.
	match &cli.command {
		Command::Validate { base, offline: true } => {
			let result = handles_client::rules::validate_with_default_reserved(base.as_bytes());
			return Ok(match result {
				Ok(valid) => Output {
					json: json!({ "valid": true, "canonical": valid.canonical, "error": null }),
					text: format!("{base:?} is valid; canonical form {:?}", valid.canonical),
				},
				Err(e) => Output {
					json: json!({ "valid": false, "canonical": null, "error": e.to_string() }),
					text: format!("{base:?} is not valid: {e} ({})", e.rule().name()),
				},
			});
		}
		Command::Lookup { handle } => check_display(handle)?,
		Command::Owned { account } => {
			json::parse_account(account)?;
		}
		_ => {}
	}
	let client = connect(&cli.url, cli.wait_for_node).await?;
	let mut line = ProgressLine::new();
	let mut progress = |p: Progress| line.show(p);
	let output = match cli.command {
		Command::Options { base } => {
			let o = client.suffix_options(&base).await?;
			let list = |v: &[u32]| v.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
			let mut text = format!(
				"{base} (canonical {:?})\navailable: {}\n",
				String::from_utf8_lossy(&o.options.canonical),
				if o.options.available.is_empty() {
					"none".into()
				} else {
					list(&o.options.available)
				},
			);
			if !o.expiring.is_empty() {
				text.push_str(&format!(
					"expiring at block #{}: {}\n",
					o.next_rotation,
					list(&o.expiring)
				));
			}
			text.push_str(&format!("candidates: {}", list(&o.options.candidates)));
			Output { json: json::options(&o), text }
		}
		Command::Validate { base, .. } => {
			let v = client.validate(&base).await?;
			let canonical = v.canonical.as_deref().map(text);
			let error = v.error.as_deref().map(text);
			Output {
				json: json!({ "valid": v.valid, "canonical": canonical, "error": error }),
				text: match (&canonical, &error) {
					(Some(c), _) if v.valid => format!("{base:?} is valid; canonical form {c:?}"),
					(_, Some(e)) => format!("{base:?} is not valid: {e}"),
					_ => format!("{base:?} is not valid"),
				},
			}
		}
		Command::Claim { base, suffix, signers } => {
			let owner = key(&signers.owner, "owner")?;
			let sponsor = match &signers.sponsor {
				Some(uri) => key(uri, "sponsor")?,
				None => owner.clone(),
			};
			let created = client.claim(&owner, &sponsor, &base, suffix, wait, &mut progress).await;
			line.done();
			let created = created?;
			let mut json = json!({
				"msaId": created.msa_id,
				"owner": created.owner.to_ss58check(),
				"handle": created.handle,
			});
			merge(&mut json, json::included(&created.included));
			Output {
				text: format!(
					"{} is MSA {} of {}, {}",
					created.handle,
					created.msa_id,
					created.owner.to_ss58check(),
					included_text(&created.included)
				),
				json,
			}
		}
		Command::Lookup { handle } => match client.msa_for_handle(&handle).await? {
			Some(m) => Output {
				json: json::msa_for_handle(&m),
				text: format!(
					"{} is MSA {} of {}",
					text(&m.handle),
					m.msa_id,
					m.owner.to_ss58check()
				),
			},
			None => {
				Output { json: Value::Null, text: format!("no MSA holds {handle} or a look-alike") }
			}
		},
		Command::Whois { msa_id } => match client.handle_for_msa(msa_id).await? {
			Some(info) => Output {
				text: format!(
					"MSA {msa_id} holds {} (canonical {:?}) since block #{}, owner {}",
					text(&info.handle),
					text(&info.canonical),
					info.created_at,
					info.owner.to_ss58check()
				),
				json: json::handle_info(msa_id, &info),
			},
			None => match client.msa_owner(msa_id).await? {
				Some(owner) => Output {
					json: json!({ "msaId": msa_id, "handle": null, "owner": owner.to_ss58check() }),
					text: format!("MSA {msa_id} holds no handle, owner {}", owner.to_ss58check()),
				},
				None => Output { json: Value::Null, text: format!("MSA {msa_id} does not exist") },
			},
		},
		Command::Owned { account } => {
			let account = json::parse_account(&account)?;
			let owned = client.handles_for_owner(&account).await?;
			let json: Vec<Value> = owned
				.iter()
				.map(|o| json!({ "msaId": o.msa_id, "handle": o.handle.as_deref().map(text) }))
				.collect();
			let text = if owned.is_empty() {
				format!("{} owns no MSA", account.to_ss58check())
			} else {
				owned
					.iter()
					.map(|o| match &o.handle {
						Some(h) => format!("MSA {}: {}", o.msa_id, text(h)),
						None => format!("MSA {}: no handle", o.msa_id),
					})
					.collect::<Vec<_>>()
					.join("\n")
			};
			Output { json: Value::Array(json), text }
		}
		Command::Retire { msa_id, signers } => {
			let (owner, sponsor) = signer_pair(&signers)?;
			let retired = client.retire(&owner, &sponsor, msa_id, wait, &mut progress).await;
			line.done();
			let retired = retired?;
			let mut json = json!({ "msaId": retired.msa_id, "handle": retired.handle });
			merge(&mut json, json::included(&retired.included));
			Output {
				text: format!(
					"MSA {} retired {}, {}",
					retired.msa_id,
					retired.handle,
					included_text(&retired.included)
				),
				json,
			}
		}
		Command::Change { msa_id, new_base, suffix, signers } => {
			let (owner, sponsor) = signer_pair(&signers)?;
			let changed = client
				.change(&owner, &sponsor, msa_id, (&new_base, suffix), wait, &mut progress)
				.await;
			line.done();
			let changed = changed?;
			let mut json = json!({
				"msaId": changed.msa_id,
				"oldHandle": changed.old_handle,
				"newHandle": changed.new_handle,
			});
			merge(&mut json, json::included(&changed.included));
			Output {
				text: format!(
					"MSA {} now holds {} (was {}), {}",
					changed.msa_id,
					changed.new_handle,
					changed.old_handle.as_deref().unwrap_or("no handle"),
					included_text(&changed.included)
				),
				json,
			}
		}
		Command::Transfer { msa_id, new_owner, signers } => {
			let (owner, sponsor) = signer_pair(&signers)?;
			let new_owner = key(&new_owner, "new-owner")?;
			let moved =
				client.transfer(&owner, &new_owner, &sponsor, msa_id, wait, &mut progress).await;
			line.done();
			let moved = moved?;
			let mut json = json!({
				"msaId": moved.msa_id,
				"oldOwner": moved.old_owner.to_ss58check(),
				"newOwner": moved.new_owner.to_ss58check(),
			});
			merge(&mut json, json::included(&moved.included));
			Output {
				text: format!(
					"MSA {} moved from {} to {}, {}",
					moved.msa_id,
					moved.old_owner.to_ss58check(),
					moved.new_owner.to_ss58check(),
					included_text(&moved.included)
				),
				json,
			}
		}
		Command::Seed => {
			let seed = client.seed().await?;
			Output {
				json: json!({
					"current": json::hex(&seed.current),
					"previous": json::hex(&seed.previous),
					"nextRotation": seed.next_rotation,
				}),
				text: format!(
					"current {}\nprevious {}\nnext rotation at block #{}",
					json::hex(&seed.current),
					json::hex(&seed.previous),
					seed.next_rotation
				),
			}
		}
		Command::Settings => {
			let s = client.settings().await?;
			Output {
				json: json!({
					"suffixMin": s.suffix_min,
					"suffixMax": s.suffix_max,
					"reuseCooldown": s.reuse_cooldown,
					"seedRotationPeriod": s.seed_rotation_period,
					"maxPayloadLifetime": s.max_payload_lifetime,
				}),
				text: format!(
					"suffixes {}..={}, reuse cooldown {} blocks, seed rotation every {} blocks, payloads valid up to {} blocks",
					s.suffix_min, s.suffix_max, s.reuse_cooldown, s.seed_rotation_period, s.max_payload_lifetime
				),
			}
		}
		Command::Sudo { key: uri, call } => {
			let sudo = key(&uri, "key")?;
			let (call, what) = match call {
				SudoCommand::SetSettings { min, max, cooldown } => (
					Governance::SetSettings {
						suffix_min: min,
						suffix_max: max,
						reuse_cooldown: cooldown,
					},
					format!("settings: suffixes {min}..={max}, cooldown {cooldown}"),
				),
				SudoCommand::Reserve { base } => {
					(Governance::AddReserved(base.clone()), format!("reserved {base:?}"))
				}
				SudoCommand::Unreserve { base } => {
					(Governance::RemoveReserved(base.clone()), format!("unreserved {base:?}"))
				}
				SudoCommand::ForceRetire { msa_id } => (
					Governance::ForceRetire(msa_id),
					format!("force-retired the handle of MSA {msa_id}"),
				),
			};
			let included = client.govern(&sudo, call, wait, &mut progress).await;
			line.done();
			let included = included?;
			Output {
				text: format!("{what}, {}", included_text(&included)),
				json: json::included(&included),
			}
		}
	};
	Ok(output)
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

fn signer_pair(signers: &Signers) -> Result<(Keypair, Keypair), Error> {
	let owner = key(&signers.owner, "owner")?;
	let sponsor = match &signers.sponsor {
		Some(uri) => key(uri, "sponsor")?,
		None => owner.clone(),
	};
	Ok((owner, sponsor))
}

fn merge(into: &mut Value, from: Value) {
	if let (Value::Object(into), Value::Object(from)) = (into, from) {
		into.extend(from);
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
