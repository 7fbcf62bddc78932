//! The claims, in one SQLite file: a claim is written before anything is signed for it, and its
//! signed transaction is written before it is sent, so a restart neither loses a claim nor pays
//! for one twice (the same bytes are sent again; their nonce lets the chain include them once).
//! A record is of one [`Kind`]: a claim (`create_handle`), a change (`change_handle`) or a
//! retirement (`retire_handle`); all share the queue, the limits and the statuses.

use std::{
	fmt,
	path::Path,
	sync::Mutex,
	time::{Duration, Instant, SystemTime, UNIX_EPOCH},
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

/// What a record asks the chain for, with what a change or a retirement signs beyond the
/// handle fields of [`NewClaim`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Op {
	/// `create_handle`: a new MSA with the handle `base_handle.suffix`.
	Claim,
	/// `change_handle`: MSA `msa_id`, holding `old_handle` now, gets `base_handle.suffix`.
	Change {
		/// The MSA.
		msa_id: u32,
		/// The display handle it holds when the owner signed (`None`: none).
		old_handle: Option<String>,
	},
	/// `retire_handle`: MSA `msa_id` loses `handle`.
	Retire {
		/// The MSA.
		msa_id: u32,
		/// The display handle it holds when the owner signed.
		handle: String,
	},
}

/// The kind of a record, as the API and the database name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
	/// A claim.
	Claim,
	/// A change.
	Change,
	/// A retirement.
	Retirement,
}

impl Kind {
	/// `claim`, `change` or `retirement`.
	pub fn as_str(self) -> &'static str {
		match self {
			Kind::Claim => "claim",
			Kind::Change => "change",
			Kind::Retirement => "retirement",
		}
	}
}

impl Op {
	/// Its kind.
	pub fn kind(&self) -> Kind {
		match self {
			Op::Claim => Kind::Claim,
			Op::Change { .. } => Kind::Change,
			Op::Retire { .. } => Kind::Retirement,
		}
	}

	/// The MSA a change or a retirement acts on.
	pub fn msa_id(&self) -> Option<u32> {
		match self {
			Op::Claim => None,
			Op::Change { msa_id, .. } | Op::Retire { msa_id, .. } => Some(*msa_id),
		}
	}

	/// The display handle the MSA held when its owner signed: a change's old handle, a
	/// retirement's handle.
	pub fn old_handle(&self) -> Option<&str> {
		match self {
			Op::Claim => None,
			Op::Change { old_handle, .. } => old_handle.as_deref(),
			Op::Retire { handle, .. } => Some(handle),
		}
	}

	/// From the columns `kind`, `target_msa`, `old_handle`.
	fn from_columns(
		kind: &str,
		msa_id: Option<u32>,
		old_handle: Option<String>,
	) -> rusqlite::Result<Self> {
		let bad =
			|what: String| rusqlite::Error::InvalidColumnType(0, what, rusqlite::types::Type::Text);
		Ok(match (kind, msa_id, old_handle) {
			("claim", _, _) => Op::Claim,
			("change", Some(msa_id), old_handle) => Op::Change { msa_id, old_handle },
			("retirement", Some(msa_id), Some(handle)) => Op::Retire { msa_id, handle },
			(other, ..) => return Err(bad(format!("kind {other:?} without its MSA or handle"))),
		})
	}
}

/// A claim as it arrives: the owner's signed create payload (or change or retire payload, with
/// its [`Op`], [`Store::insert_op`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewClaim {
	/// The payload's key in the chain's replay store: one claim per signed payload.
	pub replay_key: [u8; 32],
	/// The owner (SS58).
	pub owner: String,
	/// The owner's signature (SCALE `MultiSignature`).
	pub signature: Vec<u8>,
	/// The payload's base handle (a change's new one; a retirement's handle's).
	pub base_handle: String,
	/// The payload's suffix (a change's new one; a retirement's handle's).
	pub suffix: u32,
	/// The payload's expiration block.
	pub expiration: u32,
	/// The canonical form of the base handle: one pending claim per `(canonical, suffix)` (a
	/// retirement's is `msa:<id>`, as it takes no handle).
	pub canonical: String,
	/// Who sent it (the client's address), for the log.
	pub client: String,
}

/// A claim and what happened to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
	/// Its key in the database (never shown).
	pub id: i64,
	/// Its id in the API: 128 random bits in hex, so nobody can list other people's claims.
	pub public_id: String,
	/// What arrived.
	pub new: NewClaim,
	/// A claim, a change or a retirement.
	pub op: Op,
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
	/// Times its transaction was found dead (refused, dropped, banned) and signed again.
	pub attempts: u32,
	/// Milliseconds since the Unix epoch before which a requeued claim is not signed again.
	pub retry_ms: i64,
	/// Milliseconds since the Unix epoch when it arrived.
	pub created_ms: i64,
	/// Milliseconds since the Unix epoch of its last change.
	pub updated_ms: i64,
	/// The fee its transaction paid (planck), once finalized.
	pub fee: Option<u128>,
}

/// What a new claim must fit in, checked in the transaction that inserts it (so concurrent
/// requests cannot overrun a limit between the check and the insert).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Admission {
	/// Pending claims held at most.
	pub queue: u64,
	/// Pending claims per owner.
	pub per_owner: u64,
	/// Claims accepted in the last hour at most (0: no limit).
	pub per_hour: u64,
	/// Fees (planck) of the claims accepted in the last 24 hours at most (0: no limit); a claim
	/// whose fee is not known yet counts as the highest fee paid so far.
	pub fee_per_day: u128,
}

impl Default for Admission {
	fn default() -> Self {
		Self { queue: 1000, per_owner: 3, per_hour: 10_000, fee_per_day: 0 }
	}
}

/// Why [`Store::insert`] refused a claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
	/// This many claims are pending.
	QueueFull(u64),
	/// The owner has this many pending claims.
	OwnerLimit(u64),
	/// This many claims were accepted in the last hour.
	ClaimsPerHour(u64),
	/// These fees (planck) were spent or are owed for the last 24 hours' claims.
	FeesPerDay(u128),
}

/// What [`Store::insert`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inserted {
	/// A new claim with this id (its `public_id`).
	New(String),
	/// The same signed payload arrived before: that claim.
	Existing(Box<Claim>),
	/// Another pending claim is taking the same handle.
	PairPending,
	/// Another pending change or retirement acts on the same MSA.
	MsaPending,
	/// A limit of [`Admission`] is reached.
	Refused(Refusal),
}

/// The claims database.
pub struct Store {
	db: Mutex<Connection>,
	counts: Mutex<Option<(Instant, Counts)>>,
}

/// Claims per status: `(status, count)`, by status.
pub type Counts = Vec<(String, u64)>;

/// How long [`Store::counts`] answers from its last count.
pub const COUNTS_FOR: Duration = Duration::from_secs(2);

const HOUR_MS: i64 = 3_600_000;
const DAY_MS: i64 = 24 * HOUR_MS;

/// A new claim id: 128 bits from the operating system's random source, in hex.
fn new_public_id() -> rusqlite::Result<String> {
	let mut bytes = [0u8; 16];
	getrandom::getrandom(&mut bytes)
		.map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
	Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

pub(crate) fn now_ms() -> i64 {
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

/// Columns added since the first schema, with their type (added to older files on open): the
/// claims of a file written before changes and retirements are claims.
const ADDED: &[(&str, &str)] = &[
	("public_id", "TEXT"),
	("fee", "INTEGER"),
	("retry_ms", "INTEGER NOT NULL DEFAULT 0"),
	("kind", "TEXT NOT NULL DEFAULT 'claim'"),
	("target_msa", "INTEGER"),
	("old_handle", "TEXT"),
];

const INDEXES: &str = "
UPDATE claims SET public_id = lower(hex(randomblob(16))) WHERE public_id IS NULL;
CREATE UNIQUE INDEX IF NOT EXISTS claims_public_id ON claims (public_id);
CREATE INDEX IF NOT EXISTS claims_created ON claims (created_ms);
CREATE INDEX IF NOT EXISTS claims_settled ON claims (updated_ms) WHERE status IN ('finalized', 'failed');
CREATE UNIQUE INDEX IF NOT EXISTS claims_pending_msa ON claims (target_msa)
	WHERE status IN ('queued', 'submitted', 'in_block') AND target_msa IS NOT NULL;
";

const COLUMNS: &str = "id, replay_key, owner, signature, base_handle, suffix, expiration, \
	canonical, client, status, reason, nonce, tx, tx_hash, block_hash, block_number, msa_id, \
	handle, attempts, created_ms, updated_ms, public_id, fee, retry_ms, kind, target_msa, \
	old_handle";

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
		op: Op::from_columns(&row.get::<_, String>(24)?, row.get(25)?, row.get(26)?)?,
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
		public_id: row.get(21)?,
		fee: row.get::<_, Option<i64>>(22)?.map(|f| f as u128),
		retry_ms: row.get(23)?,
	})
}

/// Pending claims in all and of `owner`.
fn pending(db: &Connection, owner: &str) -> rusqlite::Result<(u64, u64)> {
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
}

/// The first limit of `limits` a new claim of `owner` would overrun at `now`.
fn refusal(
	db: &Connection,
	owner: &str,
	limits: &Admission,
	now: i64,
) -> rusqlite::Result<Option<Refusal>> {
	let (all, mine) = pending(db, owner)?;
	if all >= limits.queue {
		return Ok(Some(Refusal::QueueFull(all)));
	}
	if mine >= limits.per_owner {
		return Ok(Some(Refusal::OwnerLimit(mine)));
	}
	if limits.per_hour > 0 {
		let hour = db.query_row(
			"SELECT COUNT(*) FROM claims WHERE created_ms > ?1",
			[now - HOUR_MS],
			|row| row.get::<_, i64>(0),
		)? as u64;
		if hour >= limits.per_hour {
			return Ok(Some(Refusal::ClaimsPerHour(hour)));
		}
	}
	if limits.fee_per_day > 0 {
		// Claims that were never sent cost nothing; one sent or still waiting costs its fee, or
		// the highest fee paid so far while its own is not known.
		let spent: i64 = db.query_row(
			"SELECT COALESCE(SUM(COALESCE(fee, (SELECT COALESCE(MAX(fee), 0) FROM claims))), 0) \
			 FROM claims WHERE created_ms > ?1 AND (nonce IS NOT NULL OR status = 'queued' \
			 OR fee IS NOT NULL)",
			[now - DAY_MS],
			|row| row.get(0),
		)?;
		let spent = spent.max(0) as u128;
		if spent >= limits.fee_per_day {
			return Ok(Some(Refusal::FeesPerDay(spent)));
		}
	}
	Ok(None)
}

/// The lowest nonce from `from` not in `held` (sorted).
fn first_free(from: u64, held: &[u64]) -> u64 {
	let mut next = from;
	for &n in held {
		if n == next {
			next += 1;
		} else if n > next {
			break;
		}
	}
	next
}

/// The `n` lowest nonces from `from` that are not in `held` (sorted), lowest first.
fn first_frees(from: u64, held: &[u64], n: usize) -> Vec<u64> {
	let mut free = Vec::with_capacity(n);
	let mut next = from;
	let mut held = held.iter().copied().skip_while(|&h| h < from).peekable();
	while free.len() < n {
		while held.next_if(|&h| h < next).is_some() {}
		if held.next_if_eq(&next).is_none() {
			free.push(next);
		}
		next += 1;
	}
	free
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
		let columns: Vec<String> = db
			.prepare("SELECT name FROM pragma_table_info('claims')")?
			.query_map([], |row| row.get(0))?
			.collect::<rusqlite::Result<_>>()?;
		for (name, kind) in ADDED {
			if !columns.iter().any(|c| c == name) {
				db.execute_batch(&format!("ALTER TABLE claims ADD COLUMN {name} {kind}"))?;
			}
		}
		db.execute_batch(INDEXES)?;
		Ok(Self { db: Mutex::new(db), counts: Mutex::new(None) })
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

	/// Whether a new claim of `owner` fits in `limits` now: the first limit it would overrun.
	/// [`Store::insert`] checks the same under the same lock; this lets a request be refused
	/// before any work is done for it.
	pub fn admits(&self, owner: &str, limits: &Admission) -> Result<Option<Refusal>> {
		self.with(|db| refusal(db, owner, limits, now_ms()))
	}

	/// Queues a claim, unless the same signed payload is here already, another pending claim
	/// takes the same handle, or a limit of `limits` is reached: all checked with the insert
	/// under one lock, so concurrent requests cannot overrun a limit.
	pub fn insert(&self, new: &NewClaim, limits: &Admission) -> Result<Inserted> {
		self.insert_op(new, &Op::Claim, limits)
	}

	/// [`Store::insert`] of a claim, a change or a retirement (`op`): a change or a retirement
	/// also waits while another one of the same MSA is pending ([`Inserted::MsaPending`]).
	pub fn insert_op(&self, new: &NewClaim, op: &Op, limits: &Admission) -> Result<Inserted> {
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
			if let Some(refused) = refusal(db, &new.owner, limits, now)? {
				return Ok(Inserted::Refused(refused));
			}
			let public_id = new_public_id()?;
			let inserted = db.execute(
				"INSERT INTO claims (replay_key, owner, signature, base_handle, suffix, \
				 expiration, canonical, client, status, created_ms, updated_ms, public_id, kind, \
				 target_msa, old_handle) \
				 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'queued', ?9, ?9, ?10, ?11, ?12, ?13)",
				params![
					&new.replay_key[..],
					new.owner,
					new.signature,
					new.base_handle,
					new.suffix,
					new.expiration,
					new.canonical,
					new.client,
					now,
					public_id,
					op.kind().as_str(),
					op.msa_id(),
					op.old_handle()
				],
			);
			match inserted {
				Ok(_) => Ok(Inserted::New(public_id)),
				Err(rusqlite::Error::SqliteFailure(e, message))
					if e.code == rusqlite::ErrorCode::ConstraintViolation =>
				{
					// One pending record per MSA (`target_msa`), one per handle taken.
					if message.is_some_and(|m| m.contains("target_msa"))
						|| op.kind() == Kind::Retirement
					{
						Ok(Inserted::MsaPending)
					} else {
						Ok(Inserted::PairPending)
					}
				}
				Err(e) => Err(e),
			}
		})
	}

	/// The claim whose API id is `public_id`.
	pub fn get(&self, public_id: &str) -> Result<Option<Claim>> {
		self.with(|db| {
			db.query_row(
				&format!("SELECT {COLUMNS} FROM claims WHERE public_id = ?1"),
				[public_id],
				claim,
			)
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

	/// The oldest `limit` queued claims that may be signed now (a requeued claim waits until
	/// its `retry_ms`).
	pub fn queued(&self, limit: usize) -> Result<Vec<Claim>> {
		self.with(|db| {
			let mut stmt = db.prepare(&format!(
				"SELECT {COLUMNS} FROM claims WHERE status = 'queued' AND retry_ms <= ?1 \
				 ORDER BY id LIMIT ?2"
			))?;
			let rows = stmt.query_map(params![now_ms(), limit as i64], claim)?;
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

	/// The nonces the unsettled transactions hold, lowest first.
	fn held_nonces(&self) -> Result<Vec<u64>> {
		self.with(|db| {
			let mut stmt = db.prepare(
				"SELECT nonce FROM claims WHERE status IN ('submitted', 'in_block') \
				 AND nonce IS NOT NULL ORDER BY nonce",
			)?;
			let rows = stmt.query_map([], |row| row.get::<_, i64>(0))?;
			rows.map(|n| n.map(|n| n as u64)).collect()
		})
	}

	/// The nonce for the next transaction: the lowest from `from` (the node's next nonce) that no
	/// unsettled transaction holds, so a nonce a dead transaction left is taken again first.
	pub fn free_nonce(&self, from: u64) -> Result<u64> {
		Ok(first_free(from, &self.held_nonces()?))
	}

	/// The nonces for a batch of `n` transactions, from one read: the `n` lowest from `from` that
	/// no unsettled transaction holds, lowest first (a nonce a dead transaction left comes first,
	/// as with [`Self::free_nonce`]).
	pub fn free_nonces(&self, from: u64, n: usize) -> Result<Vec<u64>> {
		Ok(first_frees(from, &self.held_nonces()?, n))
	}

	/// A nonce from `from` that no unsettled transaction holds while a later one does: the
	/// transactions after it wait in the pool until something takes it.
	pub fn nonce_gap(&self, from: u64) -> Result<Option<u64>> {
		let held = self.held_nonces()?;
		let free = first_free(from, &held);
		Ok(held.last().is_some_and(|&last| last > free).then_some(free))
	}

	/// Pending claims in all and of `owner`.
	pub fn pending(&self, owner: &str) -> Result<(u64, u64)> {
		self.with(|db| pending(db, owner))
	}

	/// Claims per status, counted at most once per [`COUNTS_FOR`] (readers in between get the
	/// last count, so polling it costs the submitter nothing).
	pub fn counts(&self) -> Result<Counts> {
		self.counts_at(Instant::now())
	}

	/// [`Store::counts`] at `now`.
	fn counts_at(&self, now: Instant) -> Result<Counts> {
		let mut cached = self.counts.lock().unwrap_or_else(|p| p.into_inner());
		if let Some((at, counts)) = cached.as_ref() {
			if now.saturating_duration_since(*at) < COUNTS_FOR {
				return Ok(counts.clone());
			}
		}
		let counts = self.with(|db| {
			let mut stmt =
				db.prepare("SELECT status, COUNT(*) FROM claims GROUP BY status ORDER BY status")?;
			let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get::<_, i64>(1)? as u64)))?;
			rows.collect::<rusqlite::Result<Vec<_>>>()
		})?;
		*cached = Some((now, counts.clone()));
		Ok(counts)
	}

	/// The highest fee a claim paid so far (planck), what a claim is expected to cost.
	pub fn claim_fee(&self) -> Result<Option<u128>> {
		self.with(|db| {
			db.query_row("SELECT MAX(fee) FROM claims", [], |row| row.get::<_, Option<i64>>(0))
				.map(|f| f.map(|f| f as u128))
		})
	}

	/// Deletes the settled claims (finalized or failed) last changed more than `age` ago;
	/// how many.
	pub fn prune(&self, age: Duration) -> Result<usize> {
		let before = now_ms().saturating_sub(age.as_millis() as i64);
		let deleted = self.with(|db| {
			db.execute(
				"DELETE FROM claims WHERE status IN ('finalized', 'failed') AND updated_ms < ?1",
				[before],
			)
		})?;
		Ok(deleted)
	}

	/// The fee its transaction paid (planck).
	pub fn paid(&self, id: i64, fee: u128) -> Result<()> {
		let fee = i64::try_from(fee).unwrap_or(i64::MAX);
		self.update("UPDATE claims SET fee = ?1, updated_ms = ?2 WHERE id = ?3", id, &[&fee])
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

	/// A batch's transactions are signed (`(id, nonce, bytes, hash)`) and about to be sent: all
	/// written in one SQLite transaction (one sync to disk for the batch), before any is sent.
	/// Whether each record was written (`false`: it was not queued any more; it is not sent).
	pub fn submitted_all(&self, txs: &[(i64, u64, Vec<u8>, String)]) -> Result<Vec<bool>> {
		self.with(|db| {
			let batch = db.unchecked_transaction()?;
			let now = now_ms();
			let mut written = Vec::with_capacity(txs.len());
			{
				let mut stmt = batch.prepare(
					"UPDATE claims SET status = 'submitted', nonce = ?1, tx = ?2, tx_hash = ?3, \
					 updated_ms = ?4 WHERE id = ?5 AND status = 'queued'",
				)?;
				for (id, nonce, tx, hash) in txs {
					written.push(stmt.execute(params![*nonce as i64, tx, hash, now, id])? == 1);
				}
			}
			batch.commit()?;
			Ok(written)
		})
	}

	/// Its transaction will never be included (refused, dropped, banned, signed for an earlier
	/// runtime): back to the queue without it, its nonce free, to be checked and signed again
	/// after `wait`; `counted` adds one to its attempts.
	pub fn requeue(&self, id: i64, counted: bool, wait: Duration) -> Result<()> {
		let retry = now_ms().saturating_add(wait.as_millis() as i64);
		self.update(
			"UPDATE claims SET status = 'queued', nonce = NULL, tx = NULL, tx_hash = NULL, \
			 block_hash = NULL, attempts = attempts + ?1, retry_ms = ?2, updated_ms = ?3 \
			 WHERE id = ?4 AND status IN ('submitted', 'in_block')",
			id,
			&[&i64::from(counted), &retry],
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
	use std::sync::Arc;

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

	/// Inserts `claim` within the default limits: its API id and its key.
	fn queue(store: &Store, claim: &NewClaim) -> (String, i64) {
		let Inserted::New(public) = store.insert(claim, &Admission::default()).unwrap() else {
			panic!("not inserted")
		};
		let id = store.get(&public).unwrap().unwrap().id;
		(public, id)
	}

	#[test]
	fn claims_are_counted_at_most_every_two_seconds() {
		let store = Store::memory().unwrap();
		let t0 = Instant::now();
		let at = |ms| t0 + Duration::from_millis(ms);
		assert_eq!(store.counts_at(t0).unwrap(), vec![]);
		queue(&store, &new(1, "a", "a", 1));
		assert_eq!(store.counts_at(at(1_999)).unwrap(), vec![], "the last count");
		assert_eq!(store.counts_at(at(2_000)).unwrap(), vec![("queued".to_string(), 1)]);
	}

	#[test]
	fn a_signed_payload_finds_its_claim_by_its_replay_key() {
		let store = Store::memory().unwrap();
		let (public, _) = queue(&store, &new(7, "a", "a", 1));
		assert_eq!(store.by_replay_key(&[7; 32]).unwrap().map(|c| c.public_id), Some(public));
		assert!(store.by_replay_key(&[8; 32]).unwrap().is_none());
	}

	#[test]
	fn a_database_failure_on_insert_is_an_error_not_a_pending_claim() {
		let store = Store::memory().unwrap();
		// A failure that is not a constraint: integer overflow, raised by every insert.
		store
			.with(|db| {
				db.execute_batch(
					"CREATE TRIGGER broken BEFORE INSERT ON claims \
					 BEGIN SELECT abs(-9223372036854775807 - 1); END;",
				)
			})
			.unwrap();
		let e = store.insert(&new(1, "a", "a", 1), &Admission::default()).unwrap_err();
		assert!(e.to_string().contains("integer overflow"), "{e}");
	}

	#[test]
	fn a_database_error_keeps_sqlites_as_its_source() {
		use std::error::Error as _;
		let e = Error::from(rusqlite::Error::QueryReturnedNoRows);
		assert_eq!(e.to_string(), "database: Query returned no rows");
		assert_eq!(e.source().unwrap().to_string(), "Query returned no rows");
		let other = Error::OtherChain { bound: "0x01".into(), node: "0x02".into() };
		assert!(other.source().is_none());
	}

	#[test]
	fn only_finalized_and_failed_claims_are_settled() {
		for (status, pending) in [
			(Status::Queued, true),
			(Status::Submitted, true),
			(Status::InBlock, true),
			(Status::Finalized, false),
			(Status::Failed, false),
		] {
			assert_eq!(status.is_pending(), pending, "{status:?}");
		}
	}

	#[test]
	fn a_claim_goes_through_every_status_and_survives_reopening() {
		let dir = std::env::temp_dir().join(format!("sponsor-store-{}", std::process::id()));
		std::fs::create_dir_all(&dir).unwrap();
		let path = dir.join("claims.sqlite");
		let _ = std::fs::remove_file(&path);
		let store = Store::open(&path).unwrap();
		let (public, id) = queue(&store, &new(1, "alice", "a1ice", 7));
		assert_eq!(store.queued(10).unwrap().iter().map(|c| c.id).collect::<Vec<_>>(), vec![id]);
		store.submitted(id, 41, &[9, 9], "0xab").unwrap();
		assert!(store.queued(10).unwrap().is_empty());
		assert_eq!(store.free_nonce(41).unwrap(), 42);
		drop(store);

		// Reopened: the signed transaction is there to be sent again.
		let store = Store::open(&path).unwrap();
		let unsettled = store.unsettled().unwrap();
		assert_eq!(unsettled.len(), 1);
		assert_eq!(unsettled[0].tx.as_deref(), Some(&[9u8, 9][..]));
		assert_eq!(unsettled[0].nonce, Some(41));
		assert_eq!(unsettled[0].status, Status::Submitted);
		store.in_block(id, "0xb1").unwrap();
		let included = store.get(&public).unwrap().unwrap();
		assert_eq!(
			(included.status, included.block_hash.as_deref()),
			(Status::InBlock, Some("0xb1"))
		);
		store.finalized(id, Some(("0xb2", 12)), 5, "Alice.7").unwrap();
		let done = store.get(&public).unwrap().unwrap();
		assert_eq!(done.status, Status::Finalized);
		assert_eq!((done.block_hash.as_deref(), done.block_number), (Some("0xb2"), Some(12)));
		assert_eq!((done.msa_id, done.handle.as_deref()), (Some(5), Some("Alice.7")));
		assert_eq!(done.tx, None, "a settled transaction is not kept");
		assert!(store.unsettled().unwrap().is_empty());
		// A settled claim cannot be failed afterwards.
		store.failed(id, "late").unwrap();
		assert_eq!(store.get(&public).unwrap().unwrap().status, Status::Finalized);
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
		let (_, id) = queue(&store, &new(1, "alice", "a1ice", 7));
		match store.insert(&new(1, "alice", "a1ice", 7), &Admission::default()).unwrap() {
			Inserted::Existing(claim) => assert_eq!(claim.id, id),
			other => panic!("{other:?}"),
		}
		// Another owner's claim of the same handle waits for the first to settle.
		assert_eq!(
			store.insert(&new(2, "bob", "a1ice", 7), &Admission::default()).unwrap(),
			Inserted::PairPending
		);
		assert!(matches!(
			store.insert(&new(3, "bob", "a1ice", 8), &Admission::default()).unwrap(),
			Inserted::New(_)
		));
		assert_eq!(store.pending("alice").unwrap(), (2, 1));
		store.failed(id, "Handles.HandleTaken").unwrap();
		assert_eq!(store.pending("alice").unwrap(), (1, 0));
		assert!(matches!(
			store.insert(&new(2, "bob", "a1ice", 7), &Admission::default()).unwrap(),
			Inserted::New(_)
		));
	}

	#[test]
	fn a_refused_transaction_goes_back_to_the_queue_once_per_refusal() {
		let store = Store::memory().unwrap();
		let (public, id) = queue(&store, &new(1, "alice", "a1ice", 7));
		store.submitted(id, 3, &[1], "0x01").unwrap();
		store.requeue(id, true, Duration::ZERO).unwrap();
		let claim = store.get(&public).unwrap().unwrap();
		assert_eq!(
			(claim.status, claim.nonce, claim.tx, claim.attempts),
			(Status::Queued, None, None, 1)
		);
		// Requeue only applies to a sent claim.
		store.requeue(id, true, Duration::ZERO).unwrap();
		assert_eq!(store.get(&public).unwrap().unwrap().attempts, 1);
		assert_eq!(store.counts().unwrap(), vec![("queued".to_string(), 1)], "one claim, queued");
	}

	#[test]
	fn a_requeued_claim_waits_its_time_and_an_uncounted_refusal_is_no_attempt() {
		let store = Store::memory().unwrap();
		let (public, id) = queue(&store, &new(1, "alice", "a1ice", 7));
		store.submitted(id, 0, &[1], "0x01").unwrap();
		store.in_block(id, "0xb1").unwrap();
		// Out of funds: no attempt, and not signed again for a while.
		store.requeue(id, false, Duration::from_secs(60)).unwrap();
		let claim = store.get(&public).unwrap().unwrap();
		assert_eq!((claim.status, claim.attempts, claim.block_hash), (Status::Queued, 0, None));
		assert!(store.queued(10).unwrap().is_empty(), "it waits");
		let (_, other) = queue(&store, &new(2, "bob", "b0b", 7));
		assert_eq!(store.queued(10).unwrap().iter().map(|c| c.id).collect::<Vec<_>>(), vec![other]);
		store.submitted(other, 1, &[1], "0x02").unwrap();
		store.requeue(other, true, Duration::ZERO).unwrap();
		assert_eq!(store.queued(10).unwrap().iter().map(|c| c.id).collect::<Vec<_>>(), vec![other]);
	}

	#[test]
	fn a_nonce_a_dead_transaction_left_is_taken_first_and_a_gap_is_found() {
		let store = Store::memory().unwrap();
		let ids: Vec<i64> = (0..4u8)
			.map(|i| queue(&store, &new(i, &format!("o{i}"), &format!("h{i}"), 1)).1)
			.collect();
		for (nonce, id) in ids.iter().enumerate() {
			store.submitted(*id, 10 + nonce as u64, &[1], "0x01").unwrap();
		}
		// 10..=13 held: the next is 14, and nothing waits behind a gap.
		assert_eq!(store.free_nonce(10).unwrap(), 14);
		assert_eq!(store.free_nonce(20).unwrap(), 20);
		assert_eq!(store.nonce_gap(10).unwrap(), None);
		// 11 is dead: it is the next nonce, and 12 and 13 wait behind it.
		store.requeue(ids[1], true, Duration::ZERO).unwrap();
		assert_eq!(store.free_nonce(10).unwrap(), 11);
		assert_eq!(store.nonce_gap(10).unwrap(), Some(11));
		// 13 is settled failed: 11 is still the gap; once 11 is held again, none is left.
		store.failed(ids[3], "Handles.PayloadExpired").unwrap();
		assert_eq!(store.nonce_gap(10).unwrap(), Some(11));
		store.submitted(ids[1], 11, &[1], "0x03").unwrap();
		assert_eq!(store.nonce_gap(10).unwrap(), None);
		assert_eq!(store.free_nonce(10).unwrap(), 13);
		// The chain used 10 and 11 (the node's next nonce is 12): 12 is held, 13 is next.
		assert_eq!(store.free_nonce(12).unwrap(), 13);
	}

	#[test]
	fn a_batch_takes_the_free_nonces_in_order_from_one_read() {
		assert_eq!(first_frees(10, &[], 3), vec![10, 11, 12]);
		assert_eq!(first_frees(10, &[10, 12, 13, 15], 4), vec![11, 14, 16, 17]);
		assert_eq!(first_frees(10, &[12], 3), vec![10, 11, 13]);
		// Held nonces below the node's next one are used already: they change nothing.
		assert_eq!(first_frees(10, &[3, 4, 11], 2), vec![10, 12]);
		assert_eq!(first_frees(10, &[10], 0), Vec::<u64>::new());
		let store = Store::memory().unwrap();
		let ids: Vec<i64> = (0..5u8)
			.map(|i| queue(&store, &new(i, &format!("o{i}"), &format!("h{i}"), 1)).1)
			.collect();
		let rows: Vec<_> =
			(0..3).map(|k| (ids[k], 20 + k as u64, vec![k as u8], format!("0x0{k}"))).collect();
		assert_eq!(store.submitted_all(&rows).unwrap(), vec![true, true, true]);
		// 21 is dead: it comes first, then the nonces after the held 22.
		store.requeue(ids[1], true, Duration::ZERO).unwrap();
		assert_eq!(store.free_nonces(20, 3).unwrap(), vec![21, 23, 24]);
		assert_eq!(store.free_nonces(20, 1).unwrap(), vec![store.free_nonce(20).unwrap()]);
		// Every row of the batch is written with its nonce and bytes; one no longer queued
		// (submitted already) is not written again and says so.
		let again = vec![
			(ids[1], 21, vec![7], "0x07".to_string()),
			(ids[0], 99, vec![8], "0x08".to_string()),
			(ids[3], 23, vec![9], "0x09".to_string()),
		];
		assert_eq!(store.submitted_all(&again).unwrap(), vec![true, false, true]);
		let nonces: Vec<_> = store.unsettled().unwrap().iter().map(|c| (c.id, c.nonce)).collect();
		assert_eq!(
			nonces,
			vec![(ids[0], Some(20)), (ids[1], Some(21)), (ids[2], Some(22)), (ids[3], Some(23))]
		);
		let third = store.unsettled().unwrap().into_iter().find(|c| c.id == ids[3]).unwrap();
		assert_eq!((third.tx, third.tx_hash), (Some(vec![9]), Some("0x09".to_string())));
		assert_eq!(
			store.queued(10).unwrap().iter().map(|c| c.id).collect::<Vec<_>>(),
			vec![ids[4]]
		);
	}

	#[test]
	fn claim_ids_are_128_random_bits_and_old_files_get_them() {
		let store = Store::memory().unwrap();
		let (a, _) = queue(&store, &new(1, "alice", "a", 1));
		let (b, _) = queue(&store, &new(2, "alice", "b", 1));
		for id in [&a, &b] {
			assert_eq!(id.len(), 32, "{id}");
			assert!(id.bytes().all(|c| c.is_ascii_hexdigit()), "{id}");
		}
		assert_ne!(a, b);
		assert_eq!(store.get("1").unwrap(), None, "the database's key is not an id");

		// A file of the first schema: its claims get ids, its columns are added.
		let dir = std::env::temp_dir().join(format!("sponsor-old-{}", std::process::id()));
		std::fs::create_dir_all(&dir).unwrap();
		let path = dir.join("old.sqlite");
		let _ = std::fs::remove_file(&path);
		{
			let db = Connection::open(&path).unwrap();
			db.execute_batch(SCHEMA).unwrap();
			db.execute(
				"INSERT INTO claims (replay_key, owner, signature, base_handle, suffix, \
				 expiration, canonical, client, status, created_ms, updated_ms) \
				 VALUES (zeroblob(32), 'alice', x'00', 'a', 1, 9, 'a', 'x', 'queued', 1, 1)",
				[],
			)
			.unwrap();
		}
		let store = Store::open(&path).unwrap();
		let old = store.queued(1).unwrap().remove(0);
		assert_eq!(old.public_id.len(), 32);
		assert_eq!(store.get(&old.public_id).unwrap().unwrap().id, old.id);
		std::fs::remove_dir_all(&dir).unwrap();
	}

	type Record = (NewClaim, Op);

	fn change(key: u8, owner: &str, msa_id: u32, old: Option<&str>, pair: (&str, u32)) -> Record {
		let op = Op::Change { msa_id, old_handle: old.map(Into::into) };
		(new(key, owner, pair.0, pair.1), op)
	}

	fn retirement(key: u8, owner: &str, msa_id: u32, handle: &str) -> Record {
		(new(key, owner, &format!("msa:{msa_id}"), 0), Op::Retire { msa_id, handle: handle.into() })
	}

	fn insert(store: &Store, (new, op): &Record) -> Inserted {
		store.insert_op(new, op, &Admission::default()).unwrap()
	}

	/// Inserts a change or a retirement: its API id and its key.
	fn queue_op(store: &Store, record: &Record) -> (String, i64) {
		let Inserted::New(public) = insert(store, record) else { panic!("not inserted") };
		let id = store.get(&public).unwrap().unwrap().id;
		(public, id)
	}

	#[test]
	fn a_file_of_the_schema_before_changes_opens_and_its_claims_go_on() {
		let dir = std::env::temp_dir().join(format!("sponsor-kinds-{}", std::process::id()));
		std::fs::create_dir_all(&dir).unwrap();
		let path = dir.join("claims.sqlite");
		let _ = std::fs::remove_file(&path);
		// The schema as the service wrote it before changes and retirements (written out: the
		// first schema, the three columns added since, their indexes), and a claim sent but not
		// settled.
		{
			let db = Connection::open(&path).unwrap();
			db.execute_batch(
				"CREATE TABLE claims (id INTEGER PRIMARY KEY AUTOINCREMENT, \
				 replay_key BLOB NOT NULL UNIQUE, owner TEXT NOT NULL, signature BLOB NOT NULL, \
				 base_handle TEXT NOT NULL, suffix INTEGER NOT NULL, expiration INTEGER NOT NULL, \
				 canonical TEXT NOT NULL, client TEXT NOT NULL, status TEXT NOT NULL, reason TEXT, \
				 nonce INTEGER, tx BLOB, tx_hash TEXT, block_hash TEXT, block_number INTEGER, \
				 msa_id INTEGER, handle TEXT, attempts INTEGER NOT NULL DEFAULT 0, \
				 created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL);
				 CREATE UNIQUE INDEX claims_pending_pair ON claims (canonical, suffix)
				 	WHERE status IN ('queued', 'submitted', 'in_block');
				 CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
				 ALTER TABLE claims ADD COLUMN public_id TEXT;
				 ALTER TABLE claims ADD COLUMN fee INTEGER;
				 ALTER TABLE claims ADD COLUMN retry_ms INTEGER NOT NULL DEFAULT 0;
				 CREATE UNIQUE INDEX claims_public_id ON claims (public_id);
				 CREATE INDEX claims_created ON claims (created_ms);
				 INSERT INTO claims (replay_key, owner, signature, base_handle, suffix, \
				 expiration, canonical, client, status, nonce, tx, created_ms, updated_ms, \
				 public_id) VALUES (zeroblob(32), 'alice', x'00', 'Alice', 7, 9, 'a1ice', 'x', \
				 'submitted', 4, x'0909', 1, 1, 'old');",
			)
			.unwrap();
		}
		let store = Store::open(&path).unwrap();
		let old = store.get("old").unwrap().unwrap();
		assert_eq!(
			(old.op.clone(), old.status, old.nonce),
			(Op::Claim, Status::Submitted, Some(4))
		);
		assert_eq!(store.unsettled().unwrap().len(), 1);
		store.finalized(old.id, Some(("0xb2", 12)), 5, "Alice.7").unwrap();
		assert_eq!(store.get("old").unwrap().unwrap().status, Status::Finalized);
		// The upgraded file takes the new kinds, and they read back as they went in.
		let (id, _) = queue_op(&store, &change(1, "alice", 5, Some("Alice.7"), ("b0b", 8)));
		assert_eq!(
			store.get(&id).unwrap().unwrap().op,
			Op::Change { msa_id: 5, old_handle: Some("Alice.7".into()) }
		);
		drop(store);
		let store = Store::open(&path).unwrap();
		assert_eq!(store.get(&id).unwrap().unwrap().op.kind(), Kind::Change);
		std::fs::remove_dir_all(&dir).unwrap();
	}

	#[test]
	fn one_pending_change_or_retirement_per_msa_and_a_change_takes_its_new_pair() {
		let store = Store::memory().unwrap();
		let (change_id, change_key) = queue_op(&store, &change(1, "alice", 5, None, ("b0b", 8)));
		assert_eq!(store.get(&change_id).unwrap().unwrap().op.old_handle(), None);
		// The same MSA again, by either kind: it waits for the first to settle.
		assert_eq!(insert(&store, &retirement(2, "alice", 5, "Bob.8")), Inserted::MsaPending);
		assert_eq!(
			insert(&store, &change(3, "alice", 5, None, ("carol", 9))),
			Inserted::MsaPending
		);
		// The new pair of a pending change is taken for claims too.
		let limits = Admission::default();
		assert_eq!(store.insert(&new(4, "bob", "b0b", 8), &limits).unwrap(), Inserted::PairPending);
		// Another MSA is free to go.
		let (retire_id, _) = queue_op(&store, &retirement(5, "alice", 6, "Dave.1"));
		let retired = store.get(&retire_id).unwrap().unwrap();
		assert_eq!(retired.op, Op::Retire { msa_id: 6, handle: "Dave.1".into() });
		assert_eq!(retired.op.old_handle(), Some("Dave.1"));
		store.failed(change_key, "Handles.HandleMismatch").unwrap();
		assert!(matches!(insert(&store, &retirement(2, "alice", 5, "Bob.8")), Inserted::New(_)));
	}

	#[test]
	fn concurrent_inserts_never_overrun_the_queue_or_an_owner_limit() {
		let store = Arc::new(Store::memory().unwrap());
		let limits = Admission { queue: 10, per_owner: 3, ..Admission::default() };
		// 40 claims at once from 4 owners: 3 each fit, then the queue (10) is full.
		let threads: Vec<_> = (0..40u8)
			.map(|i| {
				let (store, limits) = (store.clone(), limits.clone());
				std::thread::spawn(move || {
					let owner = format!("owner{}", i % 4);
					store.insert(&new(i, &owner, &format!("h{i}"), 1), &limits).unwrap()
				})
			})
			.collect();
		let results: Vec<Inserted> = threads.into_iter().map(|t| t.join().unwrap()).collect();
		let accepted = results.iter().filter(|r| matches!(r, Inserted::New(_))).count();
		assert_eq!(accepted, 10, "the queue holds 10");
		for owner in 0..4 {
			assert!(store.pending(&format!("owner{owner}")).unwrap().1 <= 3);
		}
		assert_eq!(store.pending("owner0").unwrap().0, 10);
		assert!(results.iter().all(|r| matches!(
			r,
			Inserted::New(_) | Inserted::Refused(Refusal::QueueFull(_) | Refusal::OwnerLimit(_))
		)));
	}

	#[test]
	fn the_budget_holds_claims_per_hour_and_fees_per_day_across_reopening() {
		let dir = std::env::temp_dir().join(format!("sponsor-budget-{}", std::process::id()));
		std::fs::create_dir_all(&dir).unwrap();
		let path = dir.join("claims.sqlite");
		let _ = std::fs::remove_file(&path);
		let per_hour = Admission { per_hour: 2, ..Admission::default() };
		{
			let store = Store::open(&path).unwrap();
			queue(&store, &new(1, "a", "a", 1));
			let (_, id) = queue(&store, &new(2, "b", "b", 1));
			store.failed(id, "settled claims count too").unwrap();
		}
		let store = Store::open(&path).unwrap();
		assert_eq!(
			store.insert(&new(3, "c", "c", 1), &per_hour).unwrap(),
			Inserted::Refused(Refusal::ClaimsPerHour(2))
		);
		assert_eq!(store.admits("c", &per_hour).unwrap(), Some(Refusal::ClaimsPerHour(2)));
		assert_eq!(store.admits("c", &Admission::default()).unwrap(), None);
		assert_eq!(
			store.admits("c", &Admission { per_hour: 0, ..per_hour }).unwrap(),
			None,
			"0: none"
		);
		// The hour's claims count for an hour.
		let hours_later = |store: &Store, limits: &Admission, hours: f64| {
			let now = now_ms() + (hours * HOUR_MS as f64) as i64;
			store.with(|db| refusal(db, "c", limits, now)).unwrap()
		};
		assert_eq!(hours_later(&store, &per_hour, 0.9), Some(Refusal::ClaimsPerHour(2)));
		assert_eq!(hours_later(&store, &per_hour, 1.1), None);

		// Fees: 100 paid, a claim in the queue counts as the highest fee paid (100).
		let fees = Admission { fee_per_day: 250, ..Admission::default() };
		let store = Store::memory().unwrap();
		let (_, paid) = queue(&store, &new(1, "a", "a", 1));
		store.submitted(paid, 0, &[1], "0x01").unwrap();
		store.paid(paid, 100).unwrap();
		store.finalized(paid, None, 1, "a.1").unwrap();
		assert_eq!(store.claim_fee().unwrap(), Some(100));
		let (_, never_sent) = queue(&store, &new(2, "b", "b", 1));
		store.failed(never_sent, "refused before it was signed: free").unwrap();
		queue(&store, &new(3, "c", "c", 1));
		// 200 of 250: one more fits, then 300 >= 250.
		queue(&store, &new(4, "d", "d", 1));
		assert_eq!(
			store.insert(&new(5, "e", "e", 1), &fees).unwrap(),
			Inserted::Refused(Refusal::FeesPerDay(300))
		);
		// The day's fees count for a day.
		assert_eq!(hours_later(&store, &fees, 23.9), Some(Refusal::FeesPerDay(300)));
		assert_eq!(hours_later(&store, &fees, 24.1), None);
		std::fs::remove_dir_all(&dir).unwrap();
	}

	#[test]
	fn settled_claims_past_the_retention_are_pruned_and_pending_ones_are_kept() {
		let store = Store::memory().unwrap();
		let (_, done) = queue(&store, &new(1, "a", "a", 1));
		store.finalized(done, None, 1, "a.1").unwrap();
		let (_, failed) = queue(&store, &new(2, "b", "b", 1));
		store.failed(failed, "x").unwrap();
		let (waiting, _) = queue(&store, &new(3, "c", "c", 1));
		// Nothing is older than an hour.
		assert_eq!(store.prune(Duration::from_secs(3600)).unwrap(), 0);
		std::thread::sleep(Duration::from_millis(5));
		assert_eq!(store.prune(Duration::from_millis(1)).unwrap(), 2);
		assert!(store.get(&waiting).unwrap().is_some(), "a pending claim stays");
	}
}
