//! The claims, in one SQLite file: a claim is written before anything is signed for it, and its
//! signed transaction is written before it is sent, so a restart neither loses a claim nor pays
//! for one twice (the same bytes are sent again; their nonce lets the chain include them once).

use std::{
	fmt,
	path::Path,
	sync::Mutex,
	time::{SystemTime, UNIX_EPOCH},
};

use rusqlite::{params, Connection, OptionalExtension, Row};

/// Where a claim is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
	/// Accepted, waiting for the submitter.
	Queued,
	/// Signed and sent to the node.
	Submitted,
	/// In a best block.
	InBlock,
	/// In a finalized block: the handle is the owner's.
	Finalized,
	/// Refused or failed; `reason` says why.
	Failed,
}

impl Status {
	/// The name in the API and the database.
	pub fn as_str(self) -> &'static str {
		match self {
			Status::Queued => "queued",
			Status::Submitted => "submitted",
			Status::InBlock => "in_block",
			Status::Finalized => "finalized",
			Status::Failed => "failed",
		}
	}

	fn parse(s: &str) -> rusqlite::Result<Self> {
		Ok(match s {
			"queued" => Status::Queued,
			"submitted" => Status::Submitted,
			"in_block" => Status::InBlock,
			"finalized" => Status::Finalized,
			"failed" => Status::Failed,
			other => {
				return Err(rusqlite::Error::InvalidColumnType(
					0,
					format!("status {other:?}"),
					rusqlite::types::Type::Text,
				))
			}
		})
	}

	/// Not finalized and not failed.
	pub fn is_pending(self) -> bool {
		matches!(self, Status::Queued | Status::Submitted | Status::InBlock)
	}
}

/// A claim as it arrives: the owner's signed create payload.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewClaim {
	/// The payload's key in the chain's replay store: one claim per signed payload.
	pub replay_key: [u8; 32],
	/// The owner (SS58).
	pub owner: String,
	/// The owner's signature (SCALE `MultiSignature`).
	pub signature: Vec<u8>,
	/// The payload's base handle.
	pub base_handle: String,
	/// The payload's suffix.
	pub suffix: u32,
	/// The payload's expiration block.
	pub expiration: u32,
	/// The canonical form of the base handle: one pending claim per `(canonical, suffix)`.
	pub canonical: String,
	/// Who sent it (the client's address), for the log.
	pub client: String,
}

/// A claim and what happened to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
	/// Its id.
	pub id: i64,
	/// What arrived.
	pub new: NewClaim,
	/// Where it is.
	pub status: Status,
	/// Why it failed.
	pub reason: Option<String>,
	/// The sponsor nonce of its transaction, once signed.
	pub nonce: Option<u64>,
	/// Its signed transaction, once signed.
	pub tx: Option<Vec<u8>>,
	/// The transaction's hash (`0x…`).
	pub tx_hash: Option<String>,
	/// The block it is in (`0x…`).
	pub block_hash: Option<String>,
	/// That block's number.
	pub block_number: Option<u32>,
	/// The new MSA, once finalized.
	pub msa_id: Option<u32>,
	/// The display handle it got, once finalized.
	pub handle: Option<String>,
	/// Times the transaction was refused by the pool and signed again.
	pub attempts: u32,
	/// Milliseconds since the Unix epoch when it arrived.
	pub created_ms: i64,
	/// Milliseconds since the Unix epoch of its last change.
	pub updated_ms: i64,
}

/// What [`Store::insert`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inserted {
	/// A new claim with this id.
	New(i64),
	/// The same signed payload arrived before: that claim.
	Existing(Box<Claim>),
	/// Another pending claim is taking the same handle.
	PairPending,
}

/// The claims database.
pub struct Store {
	db: Mutex<Connection>,
}

fn now_ms() -> i64 {
	SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS claims (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	replay_key BLOB NOT NULL UNIQUE,
	owner TEXT NOT NULL,
	signature BLOB NOT NULL,
	base_handle TEXT NOT NULL,
	suffix INTEGER NOT NULL,
	expiration INTEGER NOT NULL,
	canonical TEXT NOT NULL,
	client TEXT NOT NULL,
	status TEXT NOT NULL,
	reason TEXT,
	nonce INTEGER,
	tx BLOB,
	tx_hash TEXT,
	block_hash TEXT,
	block_number INTEGER,
	msa_id INTEGER,
	handle TEXT,
	attempts INTEGER NOT NULL DEFAULT 0,
	created_ms INTEGER NOT NULL,
	updated_ms INTEGER NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS claims_pending_pair ON claims (canonical, suffix)
	WHERE status IN ('queued', 'submitted', 'in_block');
CREATE INDEX IF NOT EXISTS claims_status ON claims (status, id);
CREATE INDEX IF NOT EXISTS claims_owner ON claims (owner, status);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
";

const COLUMNS: &str = "id, replay_key, owner, signature, base_handle, suffix, expiration, \
	canonical, client, status, reason, nonce, tx, tx_hash, block_hash, block_number, msa_id, \
	handle, attempts, created_ms, updated_ms";

fn claim(row: &Row<'_>) -> rusqlite::Result<Claim> {
	let key: Vec<u8> = row.get(1)?;
	let replay_key: [u8; 32] = key.try_into().map_err(|_| {
		rusqlite::Error::InvalidColumnType(1, "replay_key".into(), rusqlite::types::Type::Blob)
	})?;
	Ok(Claim {
		id: row.get(0)?,
		new: NewClaim {
			replay_key,
			owner: row.get(2)?,
			signature: row.get(3)?,
			base_handle: row.get(4)?,
			suffix: row.get(5)?,
			expiration: row.get(6)?,
			canonical: row.get(7)?,
			client: row.get(8)?,
		},
		status: Status::parse(&row.get::<_, String>(9)?)?,
		reason: row.get(10)?,
		nonce: row.get::<_, Option<i64>>(11)?.map(|n| n as u64),
		tx: row.get(12)?,
		tx_hash: row.get(13)?,
		block_hash: row.get(14)?,
		block_number: row.get(15)?,
		msa_id: row.get(16)?,
		handle: row.get(17)?,
		attempts: row.get(18)?,
		created_ms: row.get(19)?,
		updated_ms: row.get(20)?,
	})
}

/// Why the claims database failed.
#[derive(Debug)]
pub enum Error {
	/// SQLite failed (the HTTP API answers 500 and logs it; the worker retries).
	Database(rusqlite::Error),
	/// The database belongs to the chain with genesis hash `bound`, the node is on `node`.
	OtherChain {
		/// The genesis hash the database was first used with (`0x…`).
		bound: String,
		/// The node's genesis hash (`0x…`).
		node: String,
	},
}

impl fmt::Display for Error {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			Self::Database(e) => write!(f, "database: {e}"),
			Self::OtherChain { bound, node } => write!(
				f,
				"the claims database is for the chain with genesis {bound}, the node is on {node}: \
				 give another --db"
			),
		}
	}
}

impl std::error::Error for Error {
	fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
		match self {
			Self::Database(e) => Some(e),
			Self::OtherChain { .. } => None,
		}
	}
}

impl From<rusqlite::Error> for Error {
	fn from(e: rusqlite::Error) -> Self {
		Self::Database(e)
	}
}

/// A store call's result.
pub type Result<T> = core::result::Result<T, Error>;

impl Store {
	/// Opens (or creates) the database at `path`. WAL and `synchronous = FULL`: a claim the
	/// service answered `202` for is on disk.
	pub fn open(path: &Path) -> Result<Self> {
		let db = Connection::open(path)?;
		db.pragma_update(None, "journal_mode", "WAL")?;
		db.pragma_update(None, "synchronous", "FULL")?;
		Self::init(db)
	}

	/// A database in memory (tests).
	pub fn memory() -> Result<Self> {
		Self::init(Connection::open_in_memory()?)
	}

	fn init(db: Connection) -> Result<Self> {
		db.busy_timeout(std::time::Duration::from_secs(5))?;
		db.execute_batch(SCHEMA)?;
		Ok(Self { db: Mutex::new(db) })
	}

	fn with<T>(&self, f: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> Result<T> {
		let db = self.db.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
		Ok(f(&db)?)
	}

	/// Ties the database to the chain with genesis hash `genesis` (`0x…`) on first use; an error
	/// naming both chains for any other.
	pub fn bind_chain(&self, genesis: &str) -> Result<()> {
		let bound = self.with(|db| {
			db.execute(
				"INSERT OR IGNORE INTO meta (key, value) VALUES ('genesis_hash', ?1)",
				[genesis],
			)?;
			db.query_row("SELECT value FROM meta WHERE key = 'genesis_hash'", [], |row| {
				row.get::<_, String>(0)
			})
		})?;
		if bound == genesis {
			Ok(())
		} else {
			Err(Error::OtherChain { bound, node: genesis.to_string() })
		}
	}

	/// Queues a claim, unless the same signed payload is here already or another pending claim
	/// takes the same handle.
	pub fn insert(&self, new: &NewClaim) -> Result<Inserted> {
		self.with(|db| {
			let existing = db
				.query_row(
					&format!("SELECT {COLUMNS} FROM claims WHERE replay_key = ?1"),
					params![&new.replay_key[..]],
					claim,
				)
				.optional()?;
			if let Some(existing) = existing {
				return Ok(Inserted::Existing(Box::new(existing)));
			}
			let now = now_ms();
			let inserted = db.execute(
				"INSERT INTO claims (replay_key, owner, signature, base_handle, suffix, \
				 expiration, canonical, client, status, created_ms, updated_ms) \
				 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'queued', ?9, ?9)",
				params![
					&new.replay_key[..],
					new.owner,
					new.signature,
					new.base_handle,
					new.suffix,
					new.expiration,
					new.canonical,
					new.client,
					now
				],
			);
			match inserted {
				Ok(_) => Ok(Inserted::New(db.last_insert_rowid())),
				Err(rusqlite::Error::SqliteFailure(e, _))
					if e.code == rusqlite::ErrorCode::ConstraintViolation =>
				{
					Ok(Inserted::PairPending)
				}
				Err(e) => Err(e),
			}
		})
	}

	/// The claim `id`.
	pub fn get(&self, id: i64) -> Result<Option<Claim>> {
		self.with(|db| {
			db.query_row(&format!("SELECT {COLUMNS} FROM claims WHERE id = ?1"), [id], claim)
				.optional()
		})
	}

	/// The claim of a signed payload, by its replay key.
	pub fn by_replay_key(&self, key: &[u8; 32]) -> Result<Option<Claim>> {
		self.with(|db| {
			db.query_row(
				&format!("SELECT {COLUMNS} FROM claims WHERE replay_key = ?1"),
				params![&key[..]],
				claim,
			)
			.optional()
		})
	}

	/// The oldest `limit` queued claims.
	pub fn queued(&self, limit: usize) -> Result<Vec<Claim>> {
		self.with(|db| {
			let mut stmt = db.prepare(&format!(
				"SELECT {COLUMNS} FROM claims WHERE status = 'queued' ORDER BY id LIMIT ?1"
			))?;
			let rows = stmt.query_map([limit as i64], claim)?;
			rows.collect()
		})
	}

	/// Claims whose transaction was sent and has not reached finality (or failed), oldest first.
	pub fn unsettled(&self) -> Result<Vec<Claim>> {
		self.with(|db| {
			let mut stmt = db.prepare(&format!(
				"SELECT {COLUMNS} FROM claims WHERE status IN ('submitted', 'in_block') \
				 ORDER BY nonce"
			))?;
			let rows = stmt.query_map([], claim)?;
			rows.collect()
		})
	}

	/// The highest nonce of an unsettled transaction: new ones must come after it.
	pub fn highest_unsettled_nonce(&self) -> Result<Option<u64>> {
		self.with(|db| {
			db.query_row(
				"SELECT MAX(nonce) FROM claims WHERE status IN ('submitted', 'in_block')",
				[],
				|row| row.get::<_, Option<i64>>(0),
			)
			.map(|n| n.map(|n| n as u64))
		})
	}

	/// Pending claims in all and of `owner`.
	pub fn pending(&self, owner: &str) -> Result<(u64, u64)> {
		self.with(|db| {
			let all = db.query_row(
				"SELECT COUNT(*) FROM claims WHERE status IN ('queued', 'submitted', 'in_block')",
				[],
				|row| row.get::<_, i64>(0),
			)?;
			let mine = db.query_row(
				"SELECT COUNT(*) FROM claims WHERE owner = ?1 \
				 AND status IN ('queued', 'submitted', 'in_block')",
				[owner],
				|row| row.get::<_, i64>(0),
			)?;
			Ok((all as u64, mine as u64))
		})
	}

	/// Claims per status.
	pub fn counts(&self) -> Result<Vec<(String, u64)>> {
		self.with(|db| {
			let mut stmt =
				db.prepare("SELECT status, COUNT(*) FROM claims GROUP BY status ORDER BY status")?;
			let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get::<_, i64>(1)? as u64)))?;
			rows.collect()
		})
	}

	fn update(&self, sql: &str, id: i64, values: &[&dyn rusqlite::ToSql]) -> Result<()> {
		self.with(|db| {
			let mut all: Vec<&dyn rusqlite::ToSql> = values.to_vec();
			let now = now_ms();
			all.push(&now);
			all.push(&id);
			db.execute(sql, all.as_slice())?;
			Ok(())
		})
	}

	/// Its transaction is signed with `nonce` and about to be sent: written first.
	pub fn submitted(&self, id: i64, nonce: u64, tx: &[u8], tx_hash: &str) -> Result<()> {
		let nonce = nonce as i64;
		self.update(
			"UPDATE claims SET status = 'submitted', nonce = ?1, tx = ?2, tx_hash = ?3, \
			 updated_ms = ?4 WHERE id = ?5 AND status = 'queued'",
			id,
			&[&nonce, &tx, &tx_hash],
		)
	}

	/// The pool refused its transaction before taking it (a nonce the node saw already): back
	/// to the queue, to be signed again.
	pub fn requeue(&self, id: i64) -> Result<()> {
		self.update(
			"UPDATE claims SET status = 'queued', nonce = NULL, tx = NULL, tx_hash = NULL, \
			 attempts = attempts + 1, updated_ms = ?1 WHERE id = ?2 AND status = 'submitted'",
			id,
			&[],
		)
	}

	/// In a best block.
	pub fn in_block(&self, id: i64, block_hash: &str) -> Result<()> {
		self.update(
			"UPDATE claims SET status = 'in_block', block_hash = ?1, updated_ms = ?2 \
			 WHERE id = ?3 AND status IN ('submitted', 'in_block')",
			id,
			&[&block_hash],
		)
	}

	/// Finalized: the owner holds `handle` as MSA `msa_id`.
	pub fn finalized(
		&self,
		id: i64,
		block: Option<(&str, u32)>,
		msa_id: u32,
		handle: &str,
	) -> Result<()> {
		let (block_hash, block_number) = block.unzip();
		self.update(
			"UPDATE claims SET status = 'finalized', reason = NULL, \
			 block_hash = COALESCE(?1, block_hash), block_number = COALESCE(?2, block_number), \
			 msa_id = ?3, handle = ?4, tx = NULL, updated_ms = ?5 WHERE id = ?6",
			id,
			&[&block_hash, &block_number, &msa_id, &handle],
		)
	}

	/// Failed for `reason`.
	pub fn failed(&self, id: i64, reason: &str) -> Result<()> {
		self.update(
			"UPDATE claims SET status = 'failed', reason = ?1, tx = NULL, updated_ms = ?2 \
			 WHERE id = ?3 AND status IN ('queued', 'submitted', 'in_block')",
			id,
			&[&reason],
		)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn new(key: u8, owner: &str, canonical: &str, suffix: u32) -> NewClaim {
		NewClaim {
			replay_key: [key; 32],
			owner: owner.into(),
			signature: vec![1, 2, 3],
			base_handle: canonical.into(),
			suffix,
			expiration: 100,
			canonical: canonical.into(),
			client: "127.0.0.1".into(),
		}
	}

	#[test]
	fn a_claim_goes_through_every_status_and_survives_reopening() {
		let dir = std::env::temp_dir().join(format!("sponsor-store-{}", std::process::id()));
		std::fs::create_dir_all(&dir).unwrap();
		let path = dir.join("claims.sqlite");
		let _ = std::fs::remove_file(&path);
		let store = Store::open(&path).unwrap();
		let Inserted::New(id) = store.insert(&new(1, "alice", "a1ice", 7)).unwrap() else {
			panic!("not inserted")
		};
		assert_eq!(store.queued(10).unwrap().iter().map(|c| c.id).collect::<Vec<_>>(), vec![id]);
		store.submitted(id, 41, &[9, 9], "0xab").unwrap();
		assert!(store.queued(10).unwrap().is_empty());
		assert_eq!(store.highest_unsettled_nonce().unwrap(), Some(41));
		drop(store);

		// Reopened: the signed transaction is there to be sent again.
		let store = Store::open(&path).unwrap();
		let unsettled = store.unsettled().unwrap();
		assert_eq!(unsettled.len(), 1);
		assert_eq!(unsettled[0].tx.as_deref(), Some(&[9u8, 9][..]));
		assert_eq!(unsettled[0].nonce, Some(41));
		assert_eq!(unsettled[0].status, Status::Submitted);
		store.in_block(id, "0xb1").unwrap();
		store.finalized(id, Some(("0xb2", 12)), 5, "Alice.7").unwrap();
		let done = store.get(id).unwrap().unwrap();
		assert_eq!(done.status, Status::Finalized);
		assert_eq!((done.block_hash.as_deref(), done.block_number), (Some("0xb2"), Some(12)));
		assert_eq!((done.msa_id, done.handle.as_deref()), (Some(5), Some("Alice.7")));
		assert_eq!(done.tx, None, "a settled transaction is not kept");
		assert!(store.unsettled().unwrap().is_empty());
		// A settled claim cannot be failed afterwards.
		store.failed(id, "late").unwrap();
		assert_eq!(store.get(id).unwrap().unwrap().status, Status::Finalized);
		std::fs::remove_dir_all(&dir).unwrap();
	}

	#[test]
	fn a_database_serves_one_chain() {
		let store = Store::memory().unwrap();
		store.bind_chain("0xaa").unwrap();
		store.bind_chain("0xaa").unwrap();
		let e = store.bind_chain("0xbb").unwrap_err();
		assert!(
			matches!(&e, Error::OtherChain { bound, node } if bound == "0xaa" && node == "0xbb"),
			"{e:?}"
		);
		let message = e.to_string();
		assert!(message.contains("genesis 0xaa") && message.contains("on 0xbb"), "{message}");
	}

	#[test]
	fn the_same_payload_is_one_claim_and_one_handle_has_one_pending_claim() {
		let store = Store::memory().unwrap();
		let Inserted::New(id) = store.insert(&new(1, "alice", "a1ice", 7)).unwrap() else {
			panic!("not inserted")
		};
		match store.insert(&new(1, "alice", "a1ice", 7)).unwrap() {
			Inserted::Existing(claim) => assert_eq!(claim.id, id),
			other => panic!("{other:?}"),
		}
		// Another owner's claim of the same handle waits for the first to settle.
		assert_eq!(store.insert(&new(2, "bob", "a1ice", 7)).unwrap(), Inserted::PairPending);
		assert!(matches!(store.insert(&new(3, "bob", "a1ice", 8)).unwrap(), Inserted::New(_)));
		assert_eq!(store.pending("alice").unwrap(), (2, 1));
		store.failed(id, "Handles.HandleTaken").unwrap();
		assert_eq!(store.pending("alice").unwrap(), (1, 0));
		assert!(matches!(store.insert(&new(2, "bob", "a1ice", 7)).unwrap(), Inserted::New(_)));
	}

	#[test]
	fn a_refused_transaction_goes_back_to_the_queue_once_per_refusal() {
		let store = Store::memory().unwrap();
		let Inserted::New(id) = store.insert(&new(1, "alice", "a1ice", 7)).unwrap() else {
			panic!("not inserted")
		};
		store.submitted(id, 3, &[1], "0x01").unwrap();
		store.requeue(id).unwrap();
		let claim = store.get(id).unwrap().unwrap();
		assert_eq!(
			(claim.status, claim.nonce, claim.tx, claim.attempts),
			(Status::Queued, None, None, 1)
		);
		// Requeue only applies to a submitted claim.
		store.requeue(id).unwrap();
		assert_eq!(store.get(id).unwrap().unwrap().attempts, 1);
		assert_eq!(store.counts().unwrap(), vec![("queued".to_string(), 1)], "one claim, queued");
	}
}
