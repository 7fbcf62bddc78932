//! `handles validate <base> [--offline]`: whether a base handle is valid on this chain (the rules
//! and its reserved list) and its canonical form; offline, the rules crate alone with its
//! default reserved list.

use handles_client::{json::text, messages, rules, Client, Error};
use serde_json::json;

use crate::output::Output;

#[derive(clap::Args)]
pub struct Args {
	/// The base handle as typed.
	pub base: String,
	/// Check with the rules crate only, without a node (the reserved list is then the
	/// default one).
	#[arg(long)]
	pub offline: bool,
}

/// The answer of the rules crate alone, without a node.
pub fn offline(base: &str) -> Output {
	match rules::validate_with_default_reserved(base.as_bytes()) {
		Ok(valid) => Output {
			json: json!({ "valid": true, "canonical": valid.canonical, "error": null }),
			text: format!(
				"{} is valid; canonical form {}",
				messages::quoted(base),
				messages::quoted(&valid.canonical)
			),
		},
		Err(e) => Output {
			json: json!({ "valid": false, "canonical": null, "error": e.to_string() }),
			text: format!(
				"{} is not valid: {}",
				messages::quoted(base),
				messages::explain(base, &e)
			),
		},
	}
}

pub async fn run(client: &Client, Args { base, .. }: Args) -> Result<Output, Error> {
	let v = client.validate(&base).await?;
	let shown = messages::quoted(&base);
	let canonical = v.canonical.as_deref().map(text);
	let error = v.error.as_deref().map(text);
	Ok(Output {
		json: json!({ "valid": v.valid, "canonical": canonical, "error": error }),
		text: match (&canonical, &error) {
			(Some(c), _) if v.valid => {
				format!("{shown} is valid; canonical form {}", messages::quoted(c))
			}
			(_, Some(e)) => format!("{shown} is not valid: {}", messages::explain_chain(&base, e)),
			_ => format!("{shown} is not valid"),
		},
	})
}
