//! The background work: a connection to the node that comes back when the node does, one
//! submitter that signs queued claims with consecutive nonces, a follower per transaction that
//! decides what becomes of a claim whose transaction ended without landing ([`fate`]: failed
//! with the pallet's error, or signed again), and a reconciler that settles what a restart or a
//! lost connection left unfollowed and fills a nonce gap nothing else will. A record's call is
//! its kind's ([`call_of`]: `create_handle`, `change_handle` or `retire_handle`), checked again
//! before it is signed and settled from its event.

use std::{
	collections::HashSet,
	sync::{Arc, Mutex},
	time::Duration,
};

use codec::Decode;
use handles_client::{
	change_call, changed, create_call, created, json::hex, json::parse_account, retire_call,
	retired, ChangeHandlePayload, Client, CreateHandlePayload, Error, Keypair, Progress,
	RetireHandlePayload, SignedTx, Wait,
};
use sp_core::H256;
use sp_runtime::{AccountId32, MultiSignature};
use tokio::sync::{oneshot, Notify, RwLock};

use crate::{
	metrics::Metrics,
	migration::MigrationGate,
	store::{self, Claim, Op, Store},
};

/// The fee a transaction paid, from its events.
type FeePaid = handles_client::runtime::transaction_payment::events::TransactionFeePaid;

/// Queued claims signed together at one block and sent without waiting for each other.
pub const BATCH: usize = 256;

/// The node, reconnected on demand; only a node of the chain the claims database belongs to.
#[derive(Clone)]
pub struct Node {
	url: String,
	store: Arc<Store>,
	client: Arc<RwLock<Option<Client>>>,
}

impl Node {
	/// A node at `url` for the claims in `store`, not connected yet.
	pub fn new(url: &str, store: Arc<Store>) -> Self {
		Self { url: url.to_string(), store, client: Arc::new(RwLock::new(None)) }
	}

	/// The connected client, connecting when there is none.
	pub async fn client(&self) -> Result<Client, Error> {
		if let Some(client) = self.client.read().await.clone() {
			return Ok(client);
		}
		let mut slot = self.client.write().await;
		if let Some(client) = slot.clone() {
			return Ok(client);
		}
		let client = Client::connect(&self.url).await?;
		// Stored transactions and nonces are of one chain: a node of another is not used.
		self.store.bind_chain(&hex(&client.genesis_hash().0)).map_err(store_error)?;
		*slot = Some(client.clone());
		Ok(client)
	}

	/// Forgets the client after a connection error; the next use connects again.
	pub async fn lost(&self) {
		*self.client.write().await = None;
	}
}

/// A claims database error as the worker reports it: a node error, so the submitter and the
/// reconciler log it and start over, and a database of another chain keeps the node unused (the
/// HTTP API answers 503 `NodeUnavailable` with both genesis hashes).
fn store_error(e: store::Error) -> Error {
	Error::Node(e.to_string())
}

/// Whether an error says the connection (rather than the claim) is at fault.
pub fn is_connection(e: &Error) -> bool {
	matches!(e, Error::Unreachable { .. } | Error::Node(_))
}

/// The owner's create payload of a stored claim, as the chain types it.
pub fn payload_of(claim: &Claim) -> Result<CreateHandlePayload<u32>, String> {
	Ok(CreateHandlePayload {
		base_handle: claim
			.new
			.base_handle
			.as_bytes()
			.to_vec()
			.try_into()
			.map_err(|_| "base handle too long".to_string())?,
		suffix: claim.new.suffix,
		expiration: claim.new.expiration,
	})
}

/// A bounded byte string of a stored record's text (a display or base handle).
fn bounded<B: TryFrom<Vec<u8>>>(text: &str, what: &str) -> Result<B, String> {
	text.as_bytes().to_vec().try_into().map_err(|_| format!("{what} too long"))
}

/// The call a record asks for, with its owner's signed payload as the chain types it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UserCall {
	/// `create_handle`.
	Create(CreateHandlePayload<u32>),
	/// `change_handle`.
	Change(ChangeHandlePayload<u32>),
	/// `retire_handle`.
	Retire(RetireHandlePayload<u32>),
}

/// The call of a stored record, by its kind: the payload its owner signed.
pub fn call_of(claim: &Claim) -> Result<UserCall, String> {
	let new = &claim.new;
	Ok(match &claim.op {
		Op::Claim => UserCall::Create(payload_of(claim)?),
		Op::Change { msa_id, old_handle } => UserCall::Change(ChangeHandlePayload {
			msa_id: *msa_id,
			old_handle: old_handle.as_deref().map(|h| bounded(h, "old handle")).transpose()?,
			new_base_handle: bounded(&new.base_handle, "base handle")?,
			new_suffix: new.suffix,
			expiration: new.expiration,
		}),
		Op::Retire { msa_id, handle } => UserCall::Retire(RetireHandlePayload {
			msa_id: *msa_id,
			handle: bounded(handle, "handle")?,
			expiration: new.expiration,
		}),
	})
}

impl UserCall {
	/// Checks the call as the chain will (`check_create`, `check_change`, `check_retire`).
	async fn check(
		&self,
		client: &Client,
		owner: &AccountId32,
		signature: &MultiSignature,
		margin: u32,
	) -> Result<(), Error> {
		match self {
			UserCall::Create(p) => {
				let checking = client.checking(p).await?;
				client.check_create(&checking, owner, signature, p, margin).await.map(drop)
			}
			UserCall::Change(p) => {
				let checking = client.checking(p).await?;
				client.check_change(&checking, owner, signature, p, margin).await.map(drop)
			}
			UserCall::Retire(p) => {
				let checking = client.checking(p).await?;
				client.check_retire(&checking, owner, signature, p, margin).await
			}
		}
	}
}

/// A batch's calls signed by `key`, each with its nonce, in the batch's order: grouped by kind
/// (each kind is its own subxt payload type) and each group signed by [`Client::sign_all`] at
/// one block, so a batch reads the node at most once per kind rather than once per record.
async fn sign_batch(
	client: &Client,
	key: &Keypair,
	calls: Vec<(AccountId32, MultiSignature, UserCall, u64)>,
) -> Result<Vec<SignedTx>, Error> {
	let mut signed: Vec<Option<SignedTx>> = vec![None; calls.len()];
	let (mut creates, mut changes, mut retires) = (Vec::new(), Vec::new(), Vec::new());
	for (i, (owner, signature, call, nonce)) in calls.into_iter().enumerate() {
		match call {
			UserCall::Create(p) => creates.push((i, create_call(&owner, signature, p), nonce)),
			UserCall::Change(p) => changes.push((i, change_call(&owner, signature, p), nonce)),
			UserCall::Retire(p) => retires.push((i, retire_call(&owner, signature, p), nonce)),
		}
	}
	macro_rules! sign_group {
		($group:expr) => {
			if !$group.is_empty() {
				let (at, calls): (Vec<usize>, Vec<_>) =
					$group.into_iter().map(|(i, call, nonce)| (i, (call, nonce))).unzip();
				for (i, tx) in at.into_iter().zip(client.sign_all(calls, key).await?) {
					signed[i] = Some(tx);
				}
			}
		};
	}
	sign_group!(creates);
	sign_group!(changes);
	sign_group!(retires);
	Ok(signed.into_iter().flatten().collect())
}

/// How long after it was accepted (checked at `POST` at the finalized and the best block) a
/// record is signed without being checked again: a call doomed since is refused by the node's
/// pool for nothing (the runtime's `validate_transaction` runs the pallet's checks), and its
/// follower settles it with the pallet's error as a re-check would. Two block times.
pub const FRESH_FOR: Duration = Duration::from_secs(12);

/// Whether a queued record is checked again in full before it is signed: one accepted more
/// than [`FRESH_FOR`] ago, or one signed before (requeued: `attempts > 0`, or given a retry
/// time, which only a requeue sets). A fresh one is only decoded, which costs the node nothing.
pub fn needs_recheck(claim: &Claim, now_ms: i64) -> bool {
	claim.attempts > 0
		|| claim.retry_ms > 0
		|| now_ms - claim.created_ms > FRESH_FOR.as_millis() as i64
}

/// The display handle a record is about, for the log: a claim's, a change's `old → new`, a
/// retirement's.
fn display_of(claim: &Claim) -> String {
	let new = handles_client::rules::format_display(&claim.new.base_handle, claim.new.suffix);
	match &claim.op {
		Op::Claim => new,
		Op::Change { msa_id, old_handle } => {
			format!("MSA {msa_id} {} → {new}", old_handle.as_deref().unwrap_or("(no handle)"))
		}
		Op::Retire { msa_id, handle } => format!("MSA {msa_id} {handle} (retire)"),
	}
}

/// What becomes of a claim whose transaction ended without landing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fate {
	/// The pallet's error (the pool refused the call as doomed, or it failed in a block): the
	/// claim fails with this reason.
	Fail(String),
	/// The transaction will never be included (signed for an earlier runtime, banned, dropped, a
	/// nonce taken by another transaction of the key): the claim is checked and signed again
	/// with a fresh nonce after `wait`; `counted` makes it one of its attempts.
	Resign {
		/// One of the claim's [`MAX_ATTEMPTS`].
		counted: bool,
		/// How long it waits in the queue first.
		wait: Duration,
	},
	/// The transaction may still land (it is in the pool already, its nonce is used by a block
	/// not finalized yet, or the connection went): the reconciler settles it from the chain.
	Reconcile,
}

/// Times a claim's transaction may be found dead and signed again before it fails.
pub const MAX_ATTEMPTS: u32 = 3;

/// How long a claim waits before it is signed again when the paying account cannot pay.
pub const FUNDS_WAIT: Duration = Duration::from_secs(3);

/// How long a claim whose payload another transaction in the pool carries waits before it is
/// checked again (until that transaction lands or the payload expires).
pub const PAYLOAD_POOLED_WAIT: Duration = Duration::from_secs(3);

/// What becomes of a claim whose transaction ended with `e`, the node's words as the client
/// reports them (a pool refusal of a handles call is already the pallet's error).
pub fn fate(e: &Error) -> Fate {
	let message = match e {
		Error::Failed { .. } | Error::Dispatch(_) => return Fate::Fail(reason(e)),
		Error::Rejected(message) => message.to_lowercase(),
		_ => return Fate::Reconcile,
	};
	if message.contains("inability to pay") {
		// The paying account ran out of funds: claims wait for a top-up, not counted.
		Fate::Resign { counted: false, wait: FUNDS_WAIT }
	} else if message.contains("priority is too low") {
		// Another transaction provides the same tag: the same payload sent by another
		// sponsor (its claim settles once that lands or the payload expires), or this nonce.
		Fate::Resign { counted: false, wait: PAYLOAD_POOLED_WAIT }
	} else if message.contains("already imported") || message.contains("outdated") {
		Fate::Reconcile
	} else {
		Fate::Resign { counted: true, wait: Duration::ZERO }
	}
}

fn reason(e: &Error) -> String {
	match e {
		Error::Failed { pallet, error, docs } if docs.is_empty() => format!("{pallet}.{error}"),
		Error::Failed { pallet, error, docs } => format!("{pallet}.{error}: {docs}"),
		Error::WouldFail { error, message } => format!("Handles.{error}: {message}"),
		other => other.to_string(),
	}
}

/// The background tasks' shared state.
pub struct Worker {
	/// The claims.
	pub store: Arc<Store>,
	/// The node.
	pub node: Node,
	key: Keypair,
	/// Blocks a payload must still live when its transaction is signed.
	margin: u32,
	/// Wakes the submitter when a claim is queued.
	pub wake: Notify,
	/// Whether a multi-block migration holds the claims.
	pub migration: MigrationGate,
	following: Mutex<HashSet<i64>>,
	/// Settled claims older than this are deleted.
	retention: Duration,
	/// What `/metrics` reports.
	pub metrics: Metrics,
}

/// The paying account as the node sees it, for `/healthz` and `/metrics`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Funds {
	/// Free balance, in planck.
	pub balance: u128,
	/// Nonce at the finalized block.
	pub nonce: u64,
	/// The chain's existential deposit (planck): fees are never paid from it.
	pub existential: u128,
}

impl Funds {
	/// What fees may be paid from: the free balance above the existential deposit.
	pub fn spendable(&self) -> u128 {
		self.balance.saturating_sub(self.existential)
	}
}

impl Worker {
	/// A worker paying with `key`, keeping settled claims for `retention`.
	pub fn new(
		store: Arc<Store>,
		node: Node,
		key: Keypair,
		margin: u32,
		retention: Duration,
	) -> Arc<Self> {
		Arc::new(Self {
			store,
			node,
			key,
			margin,
			wake: Notify::new(),
			migration: MigrationGate::default(),
			following: Mutex::new(HashSet::new()),
			retention,
			metrics: Metrics::new(),
		})
	}

	/// Asks the node for the paying account's balance and nonce (within 5 s), and records the
	/// answer and whether the node gave one in the metrics.
	pub async fn funds(&self) -> Result<Funds, Error> {
		let ask = async {
			let client = self.node.client().await?;
			let account = self.key.account_id();
			let deposit = handles_client::runtime::constants().balances().existential_deposit();
			let node = |e: &dyn std::fmt::Display| Error::Node(e.to_string());
			let at = client.api().at_current_block().await.map_err(|e| node(&e))?;
			let existential = at.constants().entry(deposit).map_err(|e| node(&e))?;
			Ok::<_, Error>(Funds {
				balance: client.free_balance(&account).await?,
				nonce: client.finalized_nonce(&account).await?,
				existential,
			})
		};
		let answer = match tokio::time::timeout(Duration::from_secs(5), ask).await {
			Ok(answer) => answer,
			Err(_) => Err(Error::Node("the node did not answer within 5 s".into())),
		};
		match &answer {
			Ok(funds) => {
				self.metrics.node_up.set(1);
				self.metrics.balance.set(funds.balance as f64);
				self.metrics.nonce.set(i64::try_from(funds.nonce).unwrap_or(i64::MAX));
			}
			Err(_) => self.metrics.node_up.set(0),
		}
		answer
	}

	/// What a claim is expected to cost (planck): the highest fee a claim paid so far; before the
	/// first, 1.
	pub fn claim_fee(&self) -> u128 {
		self.store.claim_fee().ok().flatten().unwrap_or(1)
	}

	/// Whether the paying account is known to be unable to pay for a claim now.
	async fn cannot_pay(&self) -> bool {
		matches!(self.funds().await, Ok(funds) if funds.spendable() < self.claim_fee())
	}

	/// Deletes the settled claims older than the retention, every hour.
	async fn prune_loop(self: Arc<Self>) {
		loop {
			match self.store.prune(self.retention) {
				Ok(0) => {}
				Ok(n) => println!("pruned {n} settled claims older than {:?}", self.retention),
				Err(e) => eprintln!("pruning: {e}"),
			}
			tokio::time::sleep(Duration::from_secs(3600)).await;
		}
	}

	/// The paying account.
	pub fn sponsor(&self) -> &Keypair {
		&self.key
	}

	fn follows(&self, id: i64) -> bool {
		self.following.lock().unwrap_or_else(|p| p.into_inner()).contains(&id)
	}

	fn set_following(&self, id: i64, on: bool) {
		let mut set = self.following.lock().unwrap_or_else(|p| p.into_inner());
		if on {
			set.insert(id);
		} else {
			set.remove(&id);
		}
	}

	fn log(&self, claim: &Claim, what: &str) {
		println!("{}", log_line(claim, what));
	}

	fn settle_failed(&self, claim: &Claim, why: &str) {
		if let Err(e) = self.store.failed(claim.id, why) {
			eprintln!("claim {}: {e}", claim.public_id);
		}
		self.metrics.failed(why);
		self.log(claim, &format!("failed: {why}"));
	}

	fn settle_finalized(
		&self,
		claim: &Claim,
		block: Option<(&str, u32)>,
		msa_id: u32,
		handle: &str,
	) {
		if let Err(e) = self.store.finalized(claim.id, block, msa_id, handle) {
			eprintln!("claim {}: {e}", claim.public_id);
		}
		self.metrics.finalized.inc();
		let at = block.map(|(_, n)| format!(" in block #{n}")).unwrap_or_default();
		self.log(claim, &format!("finalized{at}, MSA {msa_id} {handle}"));
	}

	/// Runs every task until the process ends.
	pub async fn run(self: Arc<Self>) {
		tokio::spawn(self.clone().watch_node());
		tokio::spawn(self.clone().reconcile_loop());
		tokio::spawn(self.clone().prune_loop());
		self.submit_loop().await;
	}

	/// Notices a node that went away: the client is dropped, and the next use connects again.
	async fn watch_node(self: Arc<Self>) {
		loop {
			tokio::time::sleep(Duration::from_secs(2)).await;
			match self.node.client().await {
				Ok(client) => {
					if client.finalized_number().await.is_err() {
						eprintln!("lost the node at {}; reconnecting", client.url());
						self.node.lost().await;
					}
				}
				Err(_) => self.node.lost().await,
			}
		}
	}

	/// Signs and sends queued claims one at a time, with consecutive nonces.
	async fn submit_loop(self: Arc<Self>) {
		loop {
			let client = match self.node.client().await {
				Ok(client) => client,
				Err(_) => {
					tokio::time::sleep(Duration::from_secs(1)).await;
					continue;
				}
			};
			match self.submit_next(&client).await {
				Ok(true) => continue,
				Ok(false) => {
					let _ = tokio::time::timeout(Duration::from_millis(500), self.wake.notified())
						.await;
				}
				Err(e) => {
					eprintln!("submitter: {e}");
					if is_connection(&e) {
						self.node.lost().await;
					}
					tokio::time::sleep(Duration::from_secs(1)).await;
				}
			}
		}
	}

	/// A queued claim checked again right before it is paid for (it may have waited while
	/// blocks went by): its call's parts, or `None` when it was settled as failed. Only
	/// [`Worker::decoded`] unless `full`.
	async fn recheck(
		&self,
		client: &Client,
		claim: &Claim,
		full: bool,
	) -> Result<Option<(AccountId32, MultiSignature, UserCall)>, Error> {
		let Some((owner, signature, payload)) = self.decoded(claim)? else {
			return Ok(None);
		};
		if !full {
			return Ok(Some((owner, signature, payload)));
		}
		match payload.check(client, &owner, &signature, self.margin).await {
			Ok(()) => Ok(Some((owner, signature, payload))),
			Err(e) if is_connection(&e) => Err(e),
			Err(e) => {
				self.settle_refused(client, claim, &e).await?;
				Ok(None)
			}
		}
	}

	/// A stored claim's owner, signature and call, as decoded without the node; `None` when it
	/// was settled as failed instead (it does not decode, or it used up its attempts).
	fn decoded(
		&self,
		claim: &Claim,
	) -> Result<Option<(AccountId32, MultiSignature, UserCall)>, Error> {
		let owner = parse_account(&claim.new.owner)?;
		let Ok(signature) = MultiSignature::decode(&mut &claim.new.signature[..]) else {
			self.settle_failed(claim, "the stored signature does not decode");
			return Ok(None);
		};
		let payload = match call_of(claim) {
			Ok(p) => p,
			Err(why) => {
				self.settle_failed(claim, &why);
				return Ok(None);
			}
		};
		if claim.attempts >= MAX_ATTEMPTS {
			self.settle_failed(claim, "the node refused its transaction three times");
			return Ok(None);
		}
		Ok(Some((owner, signature, payload)))
	}

	/// Whether the call of `claim` took effect, as the chain shows it now: `(MSA, display
	/// handle)` when the owner holds the handle a claim or a change asked for (a change: on its
	/// MSA), or the MSA of a retirement no longer holds the retired handle.
	async fn held_handle(
		&self,
		client: &Client,
		claim: &Claim,
	) -> Result<Option<(u32, String)>, Error> {
		if let Op::Retire { msa_id, handle } = &claim.op {
			let held = client.handle_for_msa(*msa_id).await?;
			let still = held.is_some_and(|info| info.handle == handle.as_bytes());
			return Ok((!still).then(|| (*msa_id, handle.clone())));
		}
		let display =
			handles_client::rules::format_display(&claim.new.base_handle, claim.new.suffix);
		Ok(match client.msa_for_handle(&display).await? {
			Some(found) if asked_for(claim, &found.owner.to_string(), found.msa_id) => {
				Some((found.msa_id, String::from_utf8_lossy(&found.handle).into_owned()))
			}
			_ => None,
		})
	}

	/// Settles a claim the chain refuses with `e`: failed with the pallet's error as reason, but
	/// finalized when the payload was replayed by its own landing (a copy sent by another
	/// sponsor, or a transaction of this one seen late) and the owner holds the handle.
	async fn settle_refused(&self, client: &Client, claim: &Claim, e: &Error) -> Result<(), Error> {
		if is_replay(e) {
			if let Some((msa_id, handle)) = self.held_handle(client, claim).await? {
				self.settle_finalized(claim, None, msa_id, &handle);
				return Ok(());
			}
		}
		self.settle_failed(claim, &reason(e));
		Ok(())
	}

	/// Sends the oldest queued claims (up to [`BATCH`]): the ones not fresh checked again
	/// concurrently ([`needs_recheck`]), then all signed at one block with the lowest nonces from
	/// the node's next one that no unsettled transaction holds (a nonce a dead transaction left
	/// is taken first, so nothing waits behind it), written `submitted` in one database
	/// transaction, and sent together: each follower sends its own, and the batch waits for the
	/// pool's answers all at once. `Ok(false)` when none is queued.
	async fn submit_next(self: &Arc<Self>, client: &Client) -> Result<bool, Error> {
		// Nothing is checked against half-migrated state or sent to blocks that take none.
		if self.migration.held(client).await?.is_some() {
			return Ok(false);
		}
		let claims = self.store.queued(BATCH).map_err(store_error)?;
		if claims.is_empty() {
			return Ok(false);
		}
		let now = store::now_ms();
		let checked = futures::future::join_all(
			claims.iter().map(|claim| self.recheck(client, claim, needs_recheck(claim, now))),
		)
		.await;
		let mut ready = Vec::with_capacity(claims.len());
		for (claim, checked) in claims.into_iter().zip(checked) {
			if let Some(parts) = checked? {
				ready.push((claim, parts));
			}
		}
		if ready.is_empty() {
			return Ok(true);
		}
		let pool = client.next_nonce(&self.key.account_id()).await?;
		// Not a nonce of a transaction still unsettled (sent again by the reconciler).
		let nonces = self.store.free_nonces(pool, ready.len()).map_err(store_error)?;
		let (claims, calls): (Vec<Claim>, Vec<_>) = ready
			.into_iter()
			.zip(nonces)
			.map(|((claim, (owner, signature, call)), nonce)| {
				(claim, (owner, signature, call, nonce))
			})
			.unzip();
		let txs = sign_batch(client, &self.key, calls).await?;
		// Written before anything is sent, so a restart finds every sent transaction's bytes.
		let rows: Vec<_> = claims
			.iter()
			.zip(&txs)
			.map(|(claim, tx)| (claim.id, tx.nonce, tx.bytes.clone(), hex(&tx.hash.0)))
			.collect();
		// Marked followed first, so the reconciler never sends a row of this batch itself.
		for claim in &claims {
			self.set_following(claim.id, true);
		}
		let written = match self.store.submitted_all(&rows) {
			Ok(written) => written,
			Err(e) => {
				claims.iter().for_each(|claim| self.set_following(claim.id, false));
				return Err(store_error(e));
			}
		};
		let mut answers = Vec::with_capacity(txs.len());
		for ((claim, tx), written) in claims.into_iter().zip(txs).zip(written) {
			if !written {
				self.set_following(claim.id, false);
				continue;
			}
			let (sent_tx, sent) = oneshot::channel();
			tokio::spawn(self.clone().follow(client.clone(), claim, tx, Some(sent_tx)));
			answers.push(sent);
		}
		// A nonce the pool refuses leaves the batch's later ones waiting in its future queue.
		// They are not requeued (their bytes are valid and may be in the pool already): the
		// refused record's follower requeues or fails it (`fate`), which frees its nonce, and
		// the next batch takes the lowest free nonce first, so its first record fills the gap
		// at once (with nothing queued, the reconciler's `fill_gap` sends a remark in it).
		// Whatever the answers, the next batch starts from the node's next nonce again.
		let _ =
			tokio::time::timeout(Duration::from_secs(30), futures::future::join_all(answers)).await;
		Ok(true)
	}

	/// Sends `tx` and follows it to finality, recording each step. `sent` hears whether the
	/// node took it.
	async fn follow(
		self: Arc<Self>,
		client: Client,
		claim: Claim,
		tx: SignedTx,
		mut sent: Option<oneshot::Sender<Result<(), String>>>,
	) {
		let store = self.store.clone();
		let id = claim.id;
		let mut submitted = false;
		let mut progress = |p: Progress| match p {
			Progress::Submitted(_) => {
				submitted = true;
				if let Some(sent) = sent.take() {
					let _ = sent.send(Ok(()));
				}
			}
			Progress::InBlock(hash) => {
				let _ = store.in_block(id, &hex(&hash.0));
			}
			_ => {}
		};
		let result = client.follow(&tx, Wait::Finalized, &mut progress).await;
		let result_sent = submitted;
		match result {
			// What the call did, from its kind's event (`MsaCreatedWithHandle`, `HandleChanged`,
			// `HandleRetired`): the MSA and the display handle (a claim's or a change's new
			// one, a retirement's retired one).
			Ok((included, events)) => match match claim.op {
				Op::Claim => created(included, &events).map(|c| (c.included, c.msa_id, c.handle)),
				Op::Change { .. } => {
					changed(included, &events).map(|c| (c.included, c.msa_id, c.new_handle))
				}
				Op::Retire { .. } => {
					retired(included, &events).map(|r| (r.included, r.msa_id, r.handle))
				}
			} {
				Ok((included, msa_id, handle)) => {
					if let Some(Ok(paid)) = events.find_first::<FeePaid>() {
						let _ = self.store.paid(id, paid.actual_fee);
					}
					self.settle_finalized(
						&claim,
						Some((&hex(&included.block_hash.0), included.block_number)),
						msa_id,
						&handle,
					)
				}
				Err(e) => self.settle_failed(&claim, &reason(&e)),
			},
			Err(e) => {
				let mut fate = fate(&e);
				// The node's refusal for lack of funds does not always say so: the balance does.
				if matches!(fate, Fate::Resign { counted: true, .. }) && self.cannot_pay().await {
					fate = Fate::Resign { counted: false, wait: FUNDS_WAIT };
				}
				match &fate {
					Fate::Fail(why) => {
						if self.settle_refused(&client, &claim, &e).await.is_err() {
							self.settle_failed(&claim, why);
						}
					}
					Fate::Resign { counted, wait } => {
						eprintln!(
							"claim {}: its transaction (nonce {}) will not be included ({e}); \
							 signing it again",
							claim.public_id, tx.nonce
						);
						let _ = self.store.requeue(id, *counted, *wait);
						self.wake.notify_one();
					}
					Fate::Reconcile => {
						if is_connection(&e) {
							self.node.lost().await;
						}
					}
				}
				if let Some(sent) = sent.take() {
					let taken = result_sent || fate == Fate::Reconcile;
					let _ = sent.send(if taken { Ok(()) } else { Err(e.to_string()) });
				}
			}
		}
		self.set_following(id, false);
	}

	async fn reconcile_loop(self: Arc<Self>) {
		loop {
			if let Ok(client) = self.node.client().await {
				if let Err(e) = self.reconcile(&client).await {
					eprintln!("reconciler: {e}");
					if is_connection(&e) {
						self.node.lost().await;
					}
				}
			}
			tokio::time::sleep(Duration::from_secs(3)).await;
		}
	}

	/// Settles the sent claims nobody follows (after a restart or a lost connection): a nonce
	/// the finalized chain has used tells the transaction landed, and the handle's owner tells
	/// whether it took effect (if not, the claim is checked and signed again: its payload may
	/// still land); a transaction not landed yet is sent again as the same bytes, and its
	/// follower signs it again when the node refuses them. Then fills a nonce gap nothing else
	/// will ([`Self::fill_gap`]).
	pub async fn reconcile(self: &Arc<Self>, client: &Client) -> Result<(), Error> {
		let used = client.finalized_nonce(&self.key.account_id()).await?;
		self.fill_gap(client).await?;
		for claim in self.store.unsettled().map_err(store_error)? {
			if self.follows(claim.id) {
				continue;
			}
			let (Some(nonce), Some(bytes)) = (claim.nonce, claim.tx.clone()) else { continue };
			if nonce < used {
				match self.held_handle(client, &claim).await? {
					Some((msa_id, handle)) => self.settle_finalized(&claim, None, msa_id, &handle),
					None => {
						let _ = self.store.requeue(claim.id, true, Duration::ZERO);
						self.wake.notify_one();
					}
				}
				continue;
			}
			let hash = claim
				.tx_hash
				.as_deref()
				.and_then(handles_client::json::unhex)
				.and_then(|h| <[u8; 32]>::try_from(h).ok())
				.map(H256)
				.unwrap_or_default();
			let tx = SignedTx { bytes, hash, nonce };
			self.set_following(claim.id, true);
			tokio::spawn(self.clone().follow(client.clone(), claim, tx, None));
		}
		Ok(())
	}
}

impl Worker {
	/// A nonce no unsettled transaction holds while later ones wait behind it (their claims'
	/// transactions were dead and requeued, or failed), with no queued claim to take it: a
	/// `system.remark` with that nonce, so the later ones can land.
	async fn fill_gap(&self, client: &Client) -> Result<(), Error> {
		if !self.store.queued(1).map_err(store_error)?.is_empty() {
			return Ok(());
		}
		let pool = client.next_nonce(&self.key.account_id()).await?;
		let Some(gap) = self.store.nonce_gap(pool).map_err(store_error)? else { return Ok(()) };
		let remark = handles_client::runtime::tx().system().remark(Vec::new());
		let tx = client.sign(&remark, &self.key, Some(gap)).await?;
		eprintln!("nonce {gap} is free while later transactions wait: a remark takes it");
		// Followed aside, so a remark that waits for a block holds nothing up; sent twice (the
		// node not counting it yet at the next pass), the copy is refused.
		let client = client.clone();
		tokio::spawn(async move {
			let mut ignore = |_| {};
			let follow = client.follow(&tx, Wait::InBlock, &mut ignore);
			let _ = tokio::time::timeout(Duration::from_secs(120), follow).await;
		});
		Ok(())
	}
}

/// Whether the owner `owner` (SS58) holding a handle as MSA `msa_id` is what `claim` asked for:
/// its owner, and for a change its MSA.
fn asked_for(claim: &Claim, owner: &str, msa_id: u32) -> bool {
	owner == claim.new.owner && claim.op.msa_id().is_none_or(|id| id == msa_id)
}

/// Whether the chain refused a call because its payload was used already (`PayloadReplayed`),
/// in a block or in the pool's check.
fn is_replay(e: &Error) -> bool {
	matches!(e, Error::Failed { error, .. } if error == "PayloadReplayed")
		|| matches!(e, Error::WouldFail { error: "PayloadReplayed", .. })
}

/// The log's line of what became of `claim`: its kind, id, display handle, owner, client and
/// age.
fn log_line(claim: &Claim, what: &str) -> String {
	let secs = (claim_age_ms(claim) as f64) / 1000.0;
	format!(
		"{} {} {} owner {} from {}: {what} after {secs:.1} s",
		claim.op.kind().as_str(),
		claim.public_id,
		display_of(claim),
		claim.new.owner,
		claim.new.client
	)
}

fn claim_age_ms(claim: &Claim) -> i64 {
	let now = std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.map(|d| d.as_millis() as i64)
		.unwrap_or(0);
	now - claim.created_ms
}

#[cfg(test)]
pub(crate) mod tests {
	use super::*;

	fn rejected(message: &str) -> Error {
		Error::Rejected(message.into())
	}

	/// A claim as the store gives it back after `POST /claims`.
	fn accepted() -> Claim {
		let store = Store::memory().unwrap();
		let new = store::NewClaim {
			replay_key: [1; 32],
			owner: "alice".into(),
			signature: vec![1],
			base_handle: "alice".into(),
			suffix: 7,
			expiration: 100,
			canonical: "a1ice".into(),
			client: "127.0.0.1".into(),
		};
		let store::Inserted::New(id) = store.insert(&new, &Default::default()).unwrap() else {
			panic!("not inserted")
		};
		store.get(&id).unwrap().unwrap()
	}

	#[test]
	fn only_a_claim_accepted_a_moment_ago_and_never_sent_skips_the_full_recheck() {
		let claim = accepted();
		let fresh = FRESH_FOR.as_millis() as i64;
		assert!(!needs_recheck(&claim, claim.created_ms));
		assert!(!needs_recheck(&claim, claim.created_ms + fresh));
		// Older than two block times: checked again at both blocks.
		assert!(needs_recheck(&claim, claim.created_ms + fresh + 1));
		// Sent before and found dead, or waiting for a retry: checked again however young.
		assert!(needs_recheck(&Claim { attempts: 1, ..claim.clone() }, claim.created_ms));
		let waited = Claim { retry_ms: claim.created_ms + 3000, ..claim.clone() };
		assert!(needs_recheck(&waited, claim.created_ms));
		// Requeued without a wait in the millisecond it was accepted: signed before all the same.
		let at_once = Claim { retry_ms: claim.created_ms, ..claim.clone() };
		assert!(needs_recheck(&at_once, claim.created_ms));
	}

	#[test]
	fn each_record_asks_for_the_call_its_owner_signed() {
		let claim = accepted();
		let create = CreateHandlePayload {
			base_handle: b"alice".to_vec().try_into().unwrap(),
			suffix: 7,
			expiration: 100,
		};
		assert_eq!(payload_of(&claim), Ok(create.clone()));
		assert_eq!(call_of(&claim), Ok(UserCall::Create(create)));
		assert_eq!(display_of(&claim), "alice.7");

		let change = Claim {
			op: Op::Change { msa_id: 3, old_handle: Some("bob.12".into()) },
			..claim.clone()
		};
		assert_eq!(
			call_of(&change),
			Ok(UserCall::Change(ChangeHandlePayload {
				msa_id: 3,
				old_handle: Some(b"bob.12".to_vec().try_into().unwrap()),
				new_base_handle: b"alice".to_vec().try_into().unwrap(),
				new_suffix: 7,
				expiration: 100,
			}))
		);
		assert_eq!(display_of(&change), "MSA 3 bob.12 → alice.7");
		let first = Claim { op: Op::Change { msa_id: 3, old_handle: None }, ..claim.clone() };
		assert_eq!(display_of(&first), "MSA 3 (no handle) → alice.7");

		let retire =
			Claim { op: Op::Retire { msa_id: 4, handle: "carol.5".into() }, ..claim.clone() };
		assert_eq!(
			call_of(&retire),
			Ok(UserCall::Retire(RetireHandlePayload {
				msa_id: 4,
				handle: b"carol.5".to_vec().try_into().unwrap(),
				expiration: 100,
			}))
		);
		assert_eq!(display_of(&retire), "MSA 4 carol.5 (retire)");

		// A stored text longer than the chain's bound is refused, not cut.
		let mut long = claim.clone();
		long.new.base_handle = "a".repeat(1_000);
		assert_eq!(payload_of(&long), Err("base handle too long".into()));
		let long_old =
			Claim { op: Op::Change { msa_id: 3, old_handle: Some("b".repeat(1_000)) }, ..claim };
		assert_eq!(call_of(&long_old), Err("old handle too long".into()));
	}

	#[test]
	fn a_failure_reads_as_the_pallet_error_with_its_docs() {
		let failed = |docs: &str| Error::Failed {
			pallet: "Handles".into(),
			error: "HandleTaken".into(),
			docs: docs.into(),
		};
		assert_eq!(reason(&failed("")), "Handles.HandleTaken");
		assert_eq!(reason(&failed("Taken.")), "Handles.HandleTaken: Taken.");
		let would = Error::WouldFail { error: "PayloadExpired", message: "too late".into() };
		assert_eq!(reason(&would), "Handles.PayloadExpired: too late");
		assert_eq!(reason(&Error::Node("gone".into())), Error::Node("gone".into()).to_string());
		assert!(is_connection(&Error::Node("gone".into())));
		assert!(!is_connection(&rejected("bad")));
	}

	#[test]
	fn a_claims_age_counts_from_its_acceptance() {
		let claim = accepted();
		let age = claim_age_ms(&claim);
		assert!((0..60_000).contains(&age), "{age}");
		let older = Claim { created_ms: claim.created_ms - 3_600_000, ..claim };
		assert!((3_600_000..3_660_000).contains(&claim_age_ms(&older)));
	}

	#[test]
	fn fees_are_paid_only_from_above_the_existential_deposit() {
		let funds = |balance| Funds { balance, nonce: 0, existential: 10 };
		assert_eq!(funds(25).spendable(), 15);
		assert_eq!(funds(10).spendable(), 0);
		assert_eq!(funds(3).spendable(), 0);
	}

	/// A worker paying with Dave's key over an empty store in memory, its node at a port nothing
	/// listens on (a margin of 5 blocks, settled claims kept a day).
	pub(crate) fn offline_worker() -> Arc<Worker> {
		let store = Arc::new(Store::memory().unwrap());
		let node = Node::new("ws://127.0.0.1:1", store.clone());
		let key = Keypair::from_uri("//Dave").unwrap();
		Worker::new(store, node, key, 5, Duration::from_secs(86_400))
	}

	#[test]
	fn a_claims_fee_is_the_highest_paid_and_1_before_any() {
		let worker = offline_worker();
		assert_eq!(worker.claim_fee(), 1);
		let id = stored(&worker, 2, vec![1], 0).id;
		worker.store.submitted(id, 0, &[1], "0x01").unwrap();
		worker.store.paid(id, 250).unwrap();
		assert_eq!(worker.claim_fee(), 250);
	}

	#[tokio::test]
	async fn without_a_node_the_funds_are_unknown_not_short() {
		let worker = offline_worker();
		assert!(worker.funds().await.is_err());
		assert!(worker.metrics.render().contains("handles_sponsor_node_up 0"));
		assert!(!worker.cannot_pay().await, "unknown funds hold nothing back");
	}

	#[test]
	fn a_followed_claim_is_followed_until_let_go() {
		let worker = offline_worker();
		assert!(!worker.follows(4));
		worker.set_following(4, true);
		worker.set_following(5, true);
		assert!(worker.follows(4) && worker.follows(5));
		worker.set_following(4, false);
		assert!(!worker.follows(4) && worker.follows(5));
	}

	#[test]
	fn a_settled_claim_is_stored_counted_and_logged() {
		let worker = offline_worker();
		let ids = [3, 4].map(|key| stored(&worker, key, vec![1], 0));
		worker.settle_failed(&ids[0], "Handles.HandleTaken: taken");
		worker.settle_finalized(&ids[1], Some(("0xb2", 12)), 9, "h4.7");
		let failed = worker.store.get(&ids[0].public_id).unwrap().unwrap();
		assert_eq!(failed.status, store::Status::Failed);
		assert_eq!(failed.reason.as_deref(), Some("Handles.HandleTaken: taken"));
		let done = worker.store.get(&ids[1].public_id).unwrap().unwrap();
		assert_eq!(done.status, store::Status::Finalized);
		assert_eq!((done.msa_id, done.handle.as_deref()), (Some(9), Some("h4.7")));
		let text = worker.metrics.render();
		assert!(text.contains("handles_sponsor_failures_total{reason=\"Handles.HandleTaken\"} 1"));
		assert!(text.contains("handles_sponsor_finalized_total 1"), "{text}");
	}

	#[test]
	fn the_log_line_names_the_claim_and_its_age_in_seconds() {
		let claim = accepted();
		let older = Claim { created_ms: claim.created_ms - 3_650, ..claim };
		let line = log_line(&older, "finalized");
		let expected = format!(
			"claim {} alice.7 owner alice from 127.0.0.1: finalized after 3.",
			older.public_id
		);
		assert!(line.starts_with(&expected), "{line}");
		assert!(line.ends_with(" s"), "{line}");
		let secs: f64 = line[expected.len() - 2..line.len() - 2].parse().unwrap();
		assert!((3.6..4.5).contains(&secs), "{line}");
	}

	use codec::Encode;

	const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

	/// Stores a claim of `h<key>.7` by Alice with `signature` and `attempts`, as the worker reads
	/// it.
	fn stored(worker: &Worker, key: u8, signature: Vec<u8>, attempts: u32) -> Claim {
		let new = store::NewClaim {
			replay_key: [key; 32],
			owner: ALICE.into(),
			signature,
			base_handle: format!("h{key}"),
			canonical: format!("h{key}"),
			..accepted().new
		};
		let limits = store::Admission { per_owner: 10, ..Default::default() };
		let store::Inserted::New(public) = worker.store.insert(&new, &limits).unwrap() else {
			panic!("not inserted")
		};
		Claim { attempts, ..worker.store.get(&public).unwrap().unwrap() }
	}

	#[test]
	fn a_stored_claim_decodes_or_fails_with_why() {
		let worker = offline_worker();
		let signature = MultiSignature::Sr25519(sp_core::sr25519::Signature::from_raw([7; 64]));
		let good = stored(&worker, 1, signature.encode(), 2);
		let (owner, decoded, call) = worker.decoded(&good).unwrap().unwrap();
		assert_eq!((owner.to_string().as_str(), decoded), (ALICE, signature.clone()));
		assert_eq!(call, call_of(&good).unwrap());
		assert_eq!(
			worker.store.get(&good.public_id).unwrap().unwrap().status,
			store::Status::Queued
		);

		let reason = |claim: &Claim| worker.store.get(&claim.public_id).unwrap().unwrap().reason;
		let garbled = stored(&worker, 2, vec![1, 2, 3], 0);
		assert!(worker.decoded(&garbled).unwrap().is_none());
		assert_eq!(reason(&garbled).as_deref(), Some("the stored signature does not decode"));
		let spent = stored(&worker, 3, signature.encode(), MAX_ATTEMPTS);
		assert!(worker.decoded(&spent).unwrap().is_none());
		assert_eq!(reason(&spent).as_deref(), Some("the node refused its transaction three times"));
		let mut long = stored(&worker, 4, signature.encode(), 0);
		long.new.base_handle = "a".repeat(1_000);
		assert!(worker.decoded(&long).unwrap().is_none());
		assert_eq!(reason(&long).as_deref(), Some("base handle too long"));
		// An owner that is not an account is an error, the claim left as it was.
		let strange =
			Claim { new: store::NewClaim { owner: "alice".into(), ..good.new.clone() }, ..good };
		assert!(worker.decoded(&strange).is_err());
	}

	#[test]
	fn a_handle_found_is_the_claims_when_its_owner_and_msa_match() {
		let claim =
			Claim { new: store::NewClaim { owner: ALICE.into(), ..accepted().new }, ..accepted() };
		assert!(asked_for(&claim, ALICE, 5), "a claim asks for no MSA");
		assert!(!asked_for(&claim, "someone else", 5));
		let change = Claim { op: Op::Change { msa_id: 3, old_handle: None }, ..claim };
		assert!(asked_for(&change, ALICE, 3));
		assert!(!asked_for(&change, ALICE, 4), "a change is of one MSA");
		assert!(!asked_for(&change, "someone else", 3));
	}

	#[test]
	fn only_payload_replayed_is_a_replay() {
		let failed = |error: &str| Error::Failed {
			pallet: "Handles".into(),
			error: error.into(),
			docs: String::new(),
		};
		let would = |error| Error::WouldFail { error, message: String::new() };
		assert!(is_replay(&failed("PayloadReplayed")));
		assert!(is_replay(&would("PayloadReplayed")));
		assert!(!is_replay(&failed("HandleTaken")));
		assert!(!is_replay(&would("PayloadExpired")));
		assert!(!is_replay(&rejected("PayloadReplayed")));
	}

	#[test]
	fn a_pallet_error_settles_the_claim_with_its_name() {
		let refused = Error::Failed {
			pallet: "Handles".into(),
			error: "SuffixNotAvailable".into(),
			docs: String::new(),
		};
		assert_eq!(fate(&refused), Fate::Fail("Handles.SuffixNotAvailable".into()));
		let bad_origin = Error::Dispatch("BadOrigin".into());
		assert_eq!(fate(&bad_origin), Fate::Fail(bad_origin.to_string()));
	}

	#[test]
	fn a_transaction_the_chain_will_never_take_is_signed_again() {
		for message in [
			// Signed for the runtime before an upgrade.
			"Invalid Transaction: Transaction has a bad signature",
			"Rpc error: 1010: Invalid Transaction: Transaction has a bad signature",
			"Rpc error: 1012: Transaction is temporarily banned",
			"Transaction dropped: pool limits",
		] {
			assert_eq!(
				fate(&rejected(message)),
				Fate::Resign { counted: true, wait: Duration::ZERO },
				"{message}"
			);
		}
	}

	#[test]
	fn no_funds_and_a_pooled_copy_wait_without_using_an_attempt() {
		assert_eq!(
			fate(&rejected("Rpc error: 1010: Invalid Transaction: Inability to pay some fees")),
			Fate::Resign { counted: false, wait: FUNDS_WAIT }
		);
		assert_eq!(
			fate(&rejected("Rpc error: 1014: Priority is too low: (0 vs 0)")),
			Fate::Resign { counted: false, wait: PAYLOAD_POOLED_WAIT }
		);
	}

	#[test]
	fn a_transaction_that_may_still_land_is_left_to_the_reconciler() {
		for e in [
			rejected("Rpc error: 1013: Transaction Already Imported"),
			rejected("Invalid Transaction: Transaction is outdated"),
			Error::Node("the node ended the transaction's status stream".into()),
			Error::Unreachable { url: "ws://x".into(), reason: "closed".into() },
		] {
			assert_eq!(fate(&e), Fate::Reconcile, "{e:?}");
		}
	}
}
