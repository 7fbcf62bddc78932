//! `handles sudo --key <URI> <call>`: the governance calls, through `Sudo.sudo`: the settings of
//! future claims, the reserved list and moderation.

use clap::Subcommand;
use handles_client::{Client, Error, Governance, Wait};
use serde_json::json;

use super::payer;
use crate::output::{with_progress, Output};

#[derive(clap::Args)]
pub struct Args {
	/// The sudo key's secret URI (`//Alice` on the dev chain).
	#[arg(long)]
	key: String,
	#[command(subcommand)]
	call: SudoCommand,
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

pub async fn run(client: &Client, args: Args, wait: Wait) -> Result<Output, Error> {
	let sudo = payer(&args.key, "key")?;
	let (call, what) = match args.call {
		SudoCommand::SetSettings { min, max, cooldown } => (
			Governance::SetSettings { suffix_min: min, suffix_max: max, reuse_cooldown: cooldown },
			format!("settings: suffixes {min}..={max}, cooldown {cooldown}"),
		),
		SudoCommand::Reserve { base } => {
			(Governance::AddReserved(base.clone()), format!("reserved {base:?}"))
		}
		SudoCommand::Unreserve { base } => {
			(Governance::RemoveReserved(base.clone()), format!("unreserved {base:?}"))
		}
		SudoCommand::ForceRetire { msa_id } => {
			(Governance::ForceRetire(msa_id), format!("force-retired the handle of MSA {msa_id}"))
		}
	};
	let included =
		with_progress(async |progress| client.govern(&sudo, call, wait, progress).await).await?;
	Ok(Output::landed(json!({}), what, &included))
}
