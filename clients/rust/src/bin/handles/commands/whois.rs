//! `handles whois <msa id>`: the handle, canonical form, owner and creation block of an MSA.

use handles_client::{
	json::{self, text},
	Client, Error,
};
use serde_json::{json, Value};
use sp_core::crypto::Ss58Codec;

use crate::output::Output;

#[derive(clap::Args)]
pub struct Args {
	/// The MSA id.
	msa_id: u32,
}

pub async fn run(client: &Client, Args { msa_id }: Args) -> Result<Output, Error> {
	if let Some(info) = client.handle_for_msa(msa_id).await? {
		return Ok(Output {
			text: format!(
				"MSA {msa_id} holds {} (canonical {:?}) since block #{}, owner {}",
				text(&info.handle),
				text(&info.canonical),
				info.created_at,
				info.owner.to_ss58check()
			),
			json: json::handle_info(msa_id, &info),
		});
	}
	Ok(match client.msa_owner(msa_id).await? {
		Some(owner) => Output {
			json: json!({ "msaId": msa_id, "handle": null, "owner": owner.to_ss58check() }),
			text: format!("MSA {msa_id} holds no handle, owner {}", owner.to_ss58check()),
		},
		None => Output { json: Value::Null, text: format!("MSA {msa_id} does not exist") },
	})
}
