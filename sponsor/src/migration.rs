//! Claims wait while a multi-block migration runs: blocks then carry no transactions and the
//! handles state may be half migrated, so nothing is checked against it or paid for. New claims
//! get `503 NotReady` with the reason, queued ones stay queued, and `/healthz` says so.

use std::{
	future::Future,
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
		self.held_at(Instant::now(), || client.migrating()).await
	}

	/// `Some(reason)` while a migration runs: the answer kept from less than
	/// [`MIGRATION_CHECK_FOR`] before `now`, else `ask`'s.
	async fn held_at<F: Future<Output = Result<bool, Error>>>(
		&self,
		now: Instant,
		ask: impl FnOnce() -> F,
	) -> Result<Option<&'static str>, Error> {
		let cached = *self.last.lock().unwrap_or_else(|p| p.into_inner());
		let migrating = match cached {
			Some((at, migrating)) if now.saturating_duration_since(at) < MIGRATION_CHECK_FOR => {
				migrating
			}
			_ => {
				let migrating = ask().await?;
				*self.last.lock().unwrap_or_else(|p| p.into_inner()) = Some((now, migrating));
				migrating
			}
		};
		Ok(migrating.then_some(MIGRATION_REASON))
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[tokio::test]
	async fn the_nodes_answer_is_kept_for_a_second() {
		let gate = MigrationGate::default();
		let t0 = Instant::now();
		let at = |ms| t0 + Duration::from_millis(ms);
		let asked = std::cell::Cell::new(0);
		let ask = |answer: bool| {
			let asked = &asked;
			move || async move {
				asked.set(asked.get() + 1);
				Ok(answer)
			}
		};
		assert_eq!(gate.held_at(t0, ask(true)).await.unwrap(), Some(MIGRATION_REASON));
		assert_eq!(asked.get(), 1);
		// Within the second the kept answer holds, whatever the node would say now.
		assert_eq!(gate.held_at(at(999), ask(false)).await.unwrap(), Some(MIGRATION_REASON));
		assert_eq!(asked.get(), 1);
		// At one second the node is asked again.
		assert_eq!(gate.held_at(at(1_000), ask(false)).await.unwrap(), None);
		assert_eq!(asked.get(), 2);
		assert_eq!(gate.held_at(at(1_500), ask(true)).await.unwrap(), None);
		assert_eq!(asked.get(), 2);
		// A node that cannot answer is an error, and nothing is kept from it.
		let failed =
			gate.held_at(at(2_500), || async { Err(Error::Node("the node is gone".into())) }).await;
		assert!(failed.is_err());
		assert_eq!(gate.held_at(at(2_600), ask(true)).await.unwrap(), Some(MIGRATION_REASON));
		assert_eq!(asked.get(), 3);
	}
}
