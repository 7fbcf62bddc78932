//! `handles retire <msa id> --owner <URI> [--sponsor <URI>]`: retire the handle the MSA holds now
//! (it cools down before anyone may claim it again).

use handles_client::{Client, Error, Wait};
use serde_json::json;

use super::Signers;
use crate::output::{with_progress, Output};

#[derive(clap::Args)]
pub struct Args {
	/// The MSA id.
	msa_id: u32,
	#[command(flatten)]
	signers: Signers,
}

pub async fn run(client: &Client, args: Args, wait: Wait) -> Result<Output, Error> {
	let (owner, sponsor) = args.signers.keys()?;
	let retired = with_progress(async |progress| {
		client.retire(&owner, &sponsor, args.msa_id, wait, progress).await
	})
	.await?;
	Ok(Output::landed(
		json!({ "msaId": retired.msa_id, "handle": retired.handle }),
		format!("MSA {} retired {}", retired.msa_id, retired.handle),
		&retired.included,
	))
}
