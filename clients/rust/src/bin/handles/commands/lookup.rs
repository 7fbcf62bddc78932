//! `handles lookup <display handle>...`: the MSA and owner of `Alice.4821` or of any look-alike
//! of it (`ALICE.４８２１`); several handles: one line, or one JSON element, per handle in order,
//! from one batch lookup.

use handles_client::{api::MsaForHandle, check_display, json, Client, Error};
use serde_json::Value;
use sp_core::crypto::{AccountId32, Ss58Codec};

use crate::output::Output;

#[derive(clap::Args)]
pub struct Args {
	/// The display handles (several are looked up together).
	#[arg(required = true, value_name = "HANDLE")]
	handles: Vec<String>,
}

/// Refuses what is not a display handle before connecting.
pub fn check(args: &Args) -> Result<(), Error> {
	args.handles.iter().try_for_each(|handle| check_display(handle))
}

pub async fn run(client: &Client, Args { handles }: Args) -> Result<Output, Error> {
	let found = if let [handle] = handles.as_slice() {
		vec![client.msa_for_handle(handle).await?]
	} else {
		let displays: Vec<&str> = handles.iter().map(String::as_str).collect();
		client.msas_for_handles(&displays).await?
	};
	Ok(Output::each(handles.iter().zip(found).map(|(handle, m)| output(handle, m)).collect()))
}

/// The output for `handle`, which resolves to `found`.
fn output(handle: &str, found: Option<MsaForHandle<AccountId32>>) -> Output {
	match found {
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
	}
}
