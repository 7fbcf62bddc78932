//! `handles change <msa id> <new base> [--suffix N] --owner <URI> [--sponsor <URI>]`: a new
//! handle, or a restyle (same canonical form: the suffix is kept).

use handles_client::{Client, Error, Wait};
use serde_json::json;

use super::Signers;
use crate::output::{with_progress, Output};

#[derive(clap::Args)]
pub struct Args {
	/// The MSA id.
	msa_id: u32,
	/// The new base handle.
	new_base: String,
	/// The new suffix; default: the current one for a restyle, else the first available.
	#[arg(long)]
	suffix: Option<u32>,
	#[command(flatten)]
	signers: Signers,
}

pub async fn run(client: &Client, args: Args, wait: Wait) -> Result<Output, Error> {
	let (owner, sponsor) = args.signers.keys()?;
	let new = (args.new_base.as_str(), args.suffix);
	let changed = with_progress(async |progress| {
		client.change(&owner, &sponsor, args.msa_id, new, wait, progress).await
	})
	.await?;
	Ok(Output::landed(
		json!({
			"msaId": changed.msa_id,
			"oldHandle": changed.old_handle,
			"newHandle": changed.new_handle,
		}),
		format!(
			"MSA {} now holds {} (was {})",
			changed.msa_id,
			changed.new_handle,
			changed.old_handle.as_deref().unwrap_or("no handle"),
		),
		&changed.included,
	))
}
