//! `handles owned <account>`: an account's MSAs and their handles.

use handles_client::{
	json::{parse_account, text},
	Client, Error,
};
use serde_json::{json, Value};
use sp_core::crypto::Ss58Codec;

use crate::output::Output;

#[derive(clap::Args)]
pub struct Args {
	/// The account, SS58 or 0x + 32 bytes of hex.
	account: String,
}

/// Refuses what is not an account before connecting.
pub fn check(args: &Args) -> Result<(), Error> {
	parse_account(&args.account).map(|_| ())
}

pub async fn run(client: &Client, args: Args) -> Result<Output, Error> {
	let account = parse_account(&args.account)?;
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
	Ok(Output { json: Value::Array(json), text })
}
