//! The subcommands, one module each with its arguments and its `run(client, args)`, and the
//! signers the user calls share.

use clap::{Args, Subcommand};
use handles_client::{keys::KeyError, Client, Error, Keypair, Wait};

use crate::output::Output;

mod change;
mod claim;
mod lookup;
mod options;
mod owned;
mod retire;
mod seed;
mod settings;
mod sudo;
mod transfer;
mod validate;
mod whois;

#[derive(Subcommand)]
pub enum Command {
	/// Suffix options of a base handle: candidates, available ones, the ones expiring at the next
	/// seed rotation.
	Options(options::Args),
	/// Whether a base handle is valid on this chain (rules and reserved list), and its
	/// canonical form.
	Validate(validate::Args),
	/// Claim a new MSA with a handle.
	Claim(claim::Args),
	/// The MSA and owner of a display handle (`Alice.4821`) or of any look-alike of it.
	Lookup(lookup::Args),
	/// The handle and owner of an MSA.
	Whois(whois::Args),
	/// The MSAs of an account and their handles.
	Owned(owned::Args),
	/// Retire the handle an MSA holds (it cools down before anyone may claim it again).
	Retire(retire::Args),
	/// Give an MSA a new handle, or restyle it (`alice.4821` to `Alice.4821`).
	Change(change::Args),
	/// Move an MSA and its handle to another owner; both keys sign.
	Transfer(transfer::Args),
	/// The two seeds and the next rotation.
	Seed,
	/// Suffix range, cooldown, seed rotation period and payload lifetime.
	Settings,
	/// Governance calls, through `Sudo.sudo`.
	Sudo(sudo::Args),
}

impl Command {
	/// What comes before connecting: the answer of an offline command, or the refusal of input
	/// no node would accept.
	pub fn offline(&self) -> Result<Option<Output>, Error> {
		match self {
			Self::Validate(args) if args.offline => Ok(Some(validate::offline(&args.base))),
			Self::Lookup(args) => lookup::check(args).map(|()| None),
			Self::Owned(args) => owned::check(args).map(|()| None),
			_ => Ok(None),
		}
	}

	/// Runs the command against the node; a transaction counts as done at `wait`.
	pub async fn run(self, client: &Client, wait: Wait) -> Result<Output, Error> {
		match self {
			Self::Options(args) => options::run(client, args).await,
			Self::Validate(args) => validate::run(client, args).await,
			Self::Claim(args) => claim::run(client, args, wait).await,
			Self::Lookup(args) => lookup::run(client, args).await,
			Self::Whois(args) => whois::run(client, args).await,
			Self::Owned(args) => owned::run(client, args).await,
			Self::Retire(args) => retire::run(client, args, wait).await,
			Self::Change(args) => change::run(client, args, wait).await,
			Self::Transfer(args) => transfer::run(client, args, wait).await,
			Self::Seed => seed::run(client).await,
			Self::Settings => settings::run(client).await,
			Self::Sudo(args) => sudo::run(client, args, wait).await,
		}
	}
}

/// Who signs and who pays.
#[derive(Args)]
pub struct Signers {
	/// The owner's secret URI (`//Alice`, a mnemonic, a 0x seed; `ed25519:` or `ecdsa:` first
	/// for those schemes; `eth:0x…` and a 32-byte secret in hex for an Ethereum key). It signs the
	/// payload's readable text.
	#[arg(long)]
	owner: String,
	/// Secret URI of the account that signs and pays for the transaction (default: the owner;
	/// needed for an `eth:` owner). The owner then needs no tokens.
	#[arg(long)]
	sponsor: Option<String>,
}

impl Signers {
	/// The owner's key and the sponsor's (the owner's when no sponsor is given).
	pub fn keys(&self) -> Result<(Keypair, Keypair), Error> {
		let owner = key(&self.owner, "owner")?;
		let sponsor = match &self.sponsor {
			Some(uri) => payer(uri, "sponsor")?,
			None if !owner.can_pay() => {
				return Err(Error::Key(KeyError(
					"--owner: an eth: key signs payloads, not transactions; give --sponsor".into(),
				)))
			}
			None => owner.clone(),
		};
		Ok((owner, sponsor))
	}
}

/// The key of `--<what>`, which signs and pays for a transaction: not an `eth:` key.
pub fn payer(uri: &str, what: &str) -> Result<Keypair, Error> {
	let key = key(uri, what)?;
	if !key.can_pay() {
		return Err(Error::Key(KeyError(format!(
			"--{what}: an eth: key signs payloads, not transactions; pay with another key"
		))));
	}
	Ok(key)
}

/// The key of the secret URI given as `--<what>`; an error names the option, never the secret.
pub fn key(uri: &str, what: &str) -> Result<Keypair, Error> {
	Keypair::from_uri(uri).map_err(|e| Error::Key(KeyError(format!("--{what}: {e}"))))
}
