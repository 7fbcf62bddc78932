//! `handles settings`: the suffix range, the reuse cooldown, the seed rotation period, the
//! payload lifetime and the last block of legacy payloads, as `handles_getSettings` answers.

use handles_client::{Client, Error};
use serde_json::json;

use crate::output::Output;

pub async fn run(client: &Client) -> Result<Output, Error> {
	let s = client.settings().await?;
	let deadline = client.legacy_payload_deadline().await?;
	let legacy = match deadline {
		Some(block) => format!(", legacy (SCALE) payloads accepted until block {block}"),
		None => String::new(),
	};
	Ok(Output {
		json: json!({
			"suffixMin": s.suffix_min,
			"suffixMax": s.suffix_max,
			"reuseCooldown": s.reuse_cooldown,
			"seedRotationPeriod": s.seed_rotation_period,
			"maxPayloadLifetime": s.max_payload_lifetime,
			"legacyPayloadDeadline": deadline,
		}),
		text: format!(
			"suffixes {}..={}, reuse cooldown {} blocks, seed rotation every {} blocks, payloads valid up to {} blocks{legacy}",
			s.suffix_min, s.suffix_max, s.reuse_cooldown, s.seed_rotation_period, s.max_payload_lifetime
		),
	})
}
