//! A connection to a node, split by concern as subxt splits its own crate:
//!
//! - `reads`: reads at one block, from storage and the `HandlesApi` runtime API;
//! - `tx`: a transaction's lifecycle: signed, submitted and followed to its block;
//! - `payloads`: the payloads an owner signs, their messages and the create call;
//! - `checks`: the check a sponsor makes of someone else's signed payload (create, retire,
//!   change) at the finalized and the best block, and the retire and change calls and events;
//! - `actions`: the user calls (claim, retire, change, transfer);
//! - `governance`: the governance calls, through `Sudo.sudo`;
//! - `outcome`: what the reads and calls return.
//!
//! This module holds the [`Client`] itself: the connection and what it knows without asking.

use std::{
	collections::VecDeque,
	sync::{Arc, Mutex},
};

use sp_core::H256;
use subxt::{
	client::{ClientAtBlock, OnlineClientAtBlockImpl},
	OnlineClient, PolkadotConfig,
};

use crate::error::{Error, Result};

mod actions;
mod checks;
mod governance;
mod outcome;
mod payloads;
mod reads;
mod tx;

/// The committed metadata the client is generated from, for tests.
#[cfg(test)]
pub(crate) fn committed_metadata() -> subxt::ArcMetadata {
	let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../js/.papi/metadata/handles.scale");
	let bytes = std::fs::read(path).expect("the committed metadata file exists");
	subxt::Metadata::decode_from(&bytes).expect("the metadata decodes").arc()
}

pub use actions::created;
pub use checks::{change_call, changed, retire_call, retired, ChangeChecked, Checking};
pub use governance::Governance;
pub use outcome::{Changed, Created, Included, Options, Retired, Transferred};
pub use payloads::{create_call, SigningChain};
pub use reads::check_display;
pub use tx::{Progress, SignedTx, Wait};

/// The chain's configuration for subxt: `AccountId32`, `MultiSignature`, `MultiAddress<_, ()>`,
/// BLAKE2-256 and `u32` block numbers, as the runtime declares them.
pub type HandlesConfig = PolkadotConfig;

/// The chain at one block, as subxt reads it.
type AtBlock = ClientAtBlock<HandlesConfig, OnlineClientAtBlockImpl<HandlesConfig>>;

type Legacy = subxt::rpcs::LegacyRpcMethods<subxt::config::RpcConfigFor<HandlesConfig>>;

/// How many blocks a client keeps ready to read at ([`Client::at_hash`]).
const KNOWN_BLOCKS: usize = 8;

/// A client of one node.
#[derive(Clone)]
pub struct Client {
	api: OnlineClient<HandlesConfig>,
	rpc: Legacy,
	url: String,
	/// The blocks read at lately, newest first: subxt asks the node for a block's header and
	/// its runtime's version (a runtime call) each time it is handed a hash, and a sponsor under
	/// load reads at the same one or two blocks hundreds of times a second.
	known: Arc<Mutex<VecDeque<AtBlock>>>,
}

impl Client {
	/// Connects to the node at `url` (`ws://` or `wss://`; `http(s)://` is taken as its
	/// WebSocket twin).
	pub async fn connect(url: &str) -> Result<Self> {
		let ws = if let Some(rest) = url.strip_prefix("http://") {
			format!("ws://{rest}")
		} else if let Some(rest) = url.strip_prefix("https://") {
			format!("wss://{rest}")
		} else {
			url.to_string()
		};
		let unreachable = |e: &dyn std::fmt::Display| Error::Unreachable {
			url: url.into(),
			reason: e.to_string(),
		};
		let rpc =
			subxt::rpcs::RpcClient::from_insecure_url(&ws).await.map_err(|e| unreachable(&e))?;
		// The legacy JSON-RPC methods: reads at a block hash, no pinning. The `chainHead_v1`
		// methods subxt prefers need each block pinned in a follow subscription, and a client
		// under load (200 concurrent requests, a block every 250 ms) kept being handed finalized
		// blocks whose headers were unpinned already.
		let backend = subxt::backend::LegacyBackend::builder().build(rpc.clone());
		let api = OnlineClient::<HandlesConfig>::from_backend(std::sync::Arc::new(backend))
			.await
			.map_err(|e| unreachable(&e))?;
		Ok(Self { api, rpc: Legacy::new(rpc), url: url.to_string(), known: Default::default() })
	}

	/// The URL this client was given.
	pub fn url(&self) -> &str {
		&self.url
	}

	/// The subxt client, for anything this crate does not wrap.
	pub fn api(&self) -> &OnlineClient<HandlesConfig> {
		&self.api
	}

	/// The chain's genesis hash (every signed payload names it).
	pub fn genesis_hash(&self) -> H256 {
		H256(self.api.genesis_hash().0)
	}

	/// The latest finalized block.
	async fn current(&self) -> Result<AtBlock> {
		let hash = self.rpc.chain_get_finalized_head().await.map_err(Error::node)?;
		self.at_hash(H256(hash.0)).await
	}

	/// The block `hash`, from the blocks read at lately when it is one of them: what a block
	/// holds never changes, so a block once read is good for as long as it is kept.
	async fn at_hash(&self, hash: H256) -> Result<AtBlock> {
		let find = |known: &VecDeque<AtBlock>| {
			known.iter().find(|at| at.block_hash().0 == hash.0).cloned()
		};
		let lock = || self.known.lock().unwrap_or_else(|e| e.into_inner());
		if let Some(at) = find(&lock()) {
			return Ok(at);
		}
		let at = self
			.api
			.at_block(subxt::backend::BlockRef::from_hash(hash.0.into()))
			.await
			.map_err(Error::node)?;
		let mut known = lock();
		// Another task may have read it meanwhile: kept once.
		if find(&known).is_none() {
			known.push_front(at.clone());
			known.truncate(KNOWN_BLOCKS);
		}
		Ok(at)
	}
}
