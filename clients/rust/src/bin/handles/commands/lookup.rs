//! `handles lookup <display handle>`: the MSA and owner of `Alice.4821` or of any look-alike of
//! it (`ALICE.４８２１`).

use handles_client::{check_display, json, Client, Error};
use serde_json::Value;
use sp_core::crypto::Ss58Codec;

use crate::output::Output;

#[derive(clap::Args)]
pub struct Args {
	/// The display handle.
	handle: String,
}

/// Refuses what is not a display handle before connecting.
pub fn check(args: &Args) -> Result<(), Error> {
	check_display(&args.handle)
}

pub async fn run(client: &Client, Args { handle }: Args) -> Result<Output, Error> {
	Ok(match client.msa_for_handle(&handle).await? {
		Some(m) => Output {
			json: json::msa_for_handle(&m),
			text: format!(
				"{} is MSA {} of {}",
				json::text(&m.handle),
				m.msa_id,
				m.owner.to_ss58check()
			),
		},
		None => {
			Output { json: Value::Null, text: format!("no MSA holds {handle} or a look-alike") }
		}
	})
}
