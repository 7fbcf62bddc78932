//! `handles whois <msa id>...`: the handle, canonical form, owner and creation block of each MSA
//! (several ids: one line, or one JSON element, per id in order, from one batch lookup).

use handles_client::{
	api::HandleInfo,
	json::{self, text},
	Client, Error,
};
use serde_json::{json, Value};
use sp_core::crypto::{AccountId32, Ss58Codec};

use crate::output::Output;

#[derive(clap::Args)]
pub struct Args {
	/// The MSA ids (several are looked up together).
	#[arg(required = true, value_name = "MSA_ID")]
	msa_ids: Vec<u32>,
}

pub async fn run(client: &Client, Args { msa_ids }: Args) -> Result<Output, Error> {
	let found = client.handles_for_msas(&msa_ids).await?;
	let mut outputs = Vec::with_capacity(msa_ids.len());
	for (msa_id, info) in msa_ids.iter().copied().zip(found) {
		outputs.push(match info {
			Some(info) => holds(msa_id, &info),
			// An MSA without a handle may still exist: its owner says.
			None => holds_none(msa_id, client.msa_owner(msa_id).await?),
		});
	}
	Ok(Output::each(outputs))
}

/// The output for an MSA that holds a handle.
fn holds(msa_id: u32, info: &HandleInfo<AccountId32, u32>) -> Output {
	Output {
		text: format!(
			"MSA {msa_id} holds {} (canonical {:?}) since block #{}, owner {}",
			text(&info.handle),
			text(&info.canonical),
			info.created_at,
			info.owner.to_ss58check()
		),
		json: json::handle_info(msa_id, info),
	}
}

/// The output for an MSA that holds no handle, owned by `owner` (`None`: it does not exist).
fn holds_none(msa_id: u32, owner: Option<AccountId32>) -> Output {
	match owner {
		Some(owner) => Output {
			json: json!({ "msaId": msa_id, "handle": null, "owner": owner.to_ss58check() }),
			text: format!("MSA {msa_id} holds no handle, owner {}", owner.to_ss58check()),
		},
		None => Output { json: Value::Null, text: format!("MSA {msa_id} does not exist") },
	}
}
