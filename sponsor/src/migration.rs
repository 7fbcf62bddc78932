//! Claims wait while a multi-block migration runs: blocks then carry no transactions and the
//! handles state may be half migrated, so nothing is checked against it or paid for. New claims
//! get `503 NotReady` with the reason, queued ones stay queued, and `/healthz` says so.

use std::{
	sync::Mutex,
	time::{Duration, Instant},
};

use handles_client::{Client, Error};

/// How long an answer of the node is reused: every claim asks, and a migration lasts blocks.
pub const MIGRATION_CHECK_FOR: Duration = Duration::from_secs(1);

/// Why claims are held while a migration runs.
pub const MIGRATION_REASON: &str =
	"a runtime upgrade is migrating the chain's storage; claims are \
	held until it ends (usually a few blocks): try again in a minute";

/// Whether a multi-block migration runs at the best block, asked of the node at most once per
/// [`MIGRATION_CHECK_FOR`].
#[derive(Default)]
pub struct MigrationGate {
	last: Mutex<Option<(Instant, bool)>>,
}

impl MigrationGate {
	/// `Some(reason)` while a migration runs.
	pub async fn held(&self, client: &Client) -> Result<Option<&'static str>, Error> {
		let cached = *self.last.lock().unwrap_or_else(|p| p.into_inner());
		let migrating = match cached {
			Some((at, migrating)) if at.elapsed() < MIGRATION_CHECK_FOR => migrating,
			_ => {
				let migrating = client.migrating().await?;
				*self.last.lock().unwrap_or_else(|p| p.into_inner()) =
					Some((Instant::now(), migrating));
				migrating
			}
		};
		Ok(migrating.then_some(MIGRATION_REASON))
	}
}
