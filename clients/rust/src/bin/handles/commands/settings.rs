//! `handles settings`: the suffix range, the reuse cooldown, the seed rotation period and the
//! payload lifetime.

use handles_client::{Client, Error};
use serde_json::json;

use crate::output::Output;

pub async fn run(client: &Client) -> Result<Output, Error> {
	let s = client.settings().await?;
	Ok(Output {
		json: json!({
			"suffixMin": s.suffix_min,
			"suffixMax": s.suffix_max,
			"reuseCooldown": s.reuse_cooldown,
			"seedRotationPeriod": s.seed_rotation_period,
			"maxPayloadLifetime": s.max_payload_lifetime,
		}),
		text: format!(
			"suffixes {}..={}, reuse cooldown {} blocks, seed rotation every {} blocks, payloads valid up to {} blocks",
			s.suffix_min, s.suffix_max, s.reuse_cooldown, s.seed_rotation_period, s.max_payload_lifetime
		),
	})
}
