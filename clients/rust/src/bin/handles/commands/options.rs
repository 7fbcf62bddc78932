//! `handles options <base>`: the suffix candidates of a base handle, the available ones and those
//! expiring at the next seed rotation.

use handles_client::{
	json::{self, text},
	Client, Error,
};

use crate::output::Output;

#[derive(clap::Args)]
pub struct Args {
	/// The base handle as typed (`Alice`).
	base: String,
}

pub async fn run(client: &Client, Args { base }: Args) -> Result<Output, Error> {
	let o = client.suffix_options(&base).await?;
	let list = |v: &[u32]| v.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
	let mut text = format!(
		"{base} (canonical {:?})\navailable: {}\n",
		text(&o.options.canonical),
		if o.options.available.is_empty() { "none".into() } else { list(&o.options.available) },
	);
	if !o.expiring.is_empty() {
		text.push_str(&format!("expiring at block #{}: {}\n", o.next_rotation, list(&o.expiring)));
	}
	text.push_str(&format!("candidates: {}", list(&o.options.candidates)));
	Ok(Output { json: json::options(&o), text })
}
