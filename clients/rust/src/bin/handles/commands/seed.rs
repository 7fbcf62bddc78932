//! `handles seed`: the two seeds and the next rotation.

use handles_client::{json::hex, Client, Error};
use serde_json::json;

use crate::output::Output;

pub async fn run(client: &Client) -> Result<Output, Error> {
	let seed = client.seed().await?;
	let (current, previous) = (hex(&seed.current), hex(&seed.previous));
	Ok(Output {
		json: json!({ "current": current, "previous": previous, "nextRotation": seed.next_rotation }),
		text: format!(
			"current {current}\nprevious {previous}\nnext rotation at block #{}",
			seed.next_rotation
		),
	})
}
