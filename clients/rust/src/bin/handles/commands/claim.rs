//! `handles claim <base> [--suffix N] --owner <URI> [--sponsor <URI>]`: a new MSA with the
//! handle; the owner only signs when a sponsor pays.

use handles_client::{Client, Error, Wait};
use serde_json::json;
use sp_core::crypto::Ss58Codec;

use super::Signers;
use crate::output::{with_progress, Output};

#[derive(clap::Args)]
pub struct Args {
	/// The base handle as typed (`Alice`).
	base: String,
	/// The suffix (one of `handles options`); default: the first available that is not
	/// expiring.
	#[arg(long)]
	suffix: Option<u32>,
	#[command(flatten)]
	signers: Signers,
}

pub async fn run(client: &Client, args: Args, wait: Wait) -> Result<Output, Error> {
	let (owner, sponsor) = args.signers.keys()?;
	let created = with_progress(async |progress| {
		client.claim(&owner, &sponsor, &args.base, args.suffix, wait, progress).await
	})
	.await?;
	let owner = created.owner.to_ss58check();
	Ok(Output::landed(
		json!({ "msaId": created.msa_id, "owner": owner, "handle": created.handle }),
		format!("{} is MSA {} of {owner}", created.handle, created.msa_id),
		&created.included,
	))
}
