//! `handles transfer <msa id> --owner <URI> --new-owner <URI> [--sponsor <URI>]`: move the MSA
//! and its handle to another owner; both keys sign.

use handles_client::{Client, Error, Wait};
use serde_json::json;
use sp_core::crypto::Ss58Codec;

use super::{key, Signers};
use crate::output::{with_progress, Output};

#[derive(clap::Args)]
pub struct Args {
	/// The MSA id.
	msa_id: u32,
	/// The new owner's secret URI.
	#[arg(long)]
	new_owner: String,
	#[command(flatten)]
	signers: Signers,
}

pub async fn run(client: &Client, args: Args, wait: Wait) -> Result<Output, Error> {
	let (owner, sponsor) = args.signers.keys()?;
	let new_owner = key(&args.new_owner, "new-owner")?;
	let moved = with_progress(async |progress| {
		client.transfer(&owner, &new_owner, &sponsor, args.msa_id, wait, progress).await
	})
	.await?;
	let (old_owner, new_owner) = (moved.old_owner.to_ss58check(), moved.new_owner.to_ss58check());
	Ok(Output::landed(
		json!({ "msaId": moved.msa_id, "oldOwner": old_owner, "newOwner": new_owner }),
		format!("MSA {} moved from {old_owner} to {new_owner}", moved.msa_id),
		&moved.included,
	))
}
