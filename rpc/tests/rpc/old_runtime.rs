//! A client whose runtime has an older `HandlesApi` (version 3, before `signing_message`, unless
//! made with [`module_at`]): it answers `api_version` and refuses every runtime call, which it
//! logs. Headers are the mock's.

use std::sync::{Arc, Mutex};

use handles_rpc::{Handles, HandlesApiServer};
use jsonrpsee::RpcModule;
use pallet_handles_runtime_api::HandlesApi;
// The traits a runtime API implements, as `sp_api::mock_impl_runtime_apis!` names them.
use sp_api::{
	__private::{Extension, OverlayedChanges, RuntimeVersion, StateBackend},
	ApiError, ApiExt, ApiRef, CallContext, Core, ProofRecorder, ProvideRuntimeApi, RuntimeApiInfo,
	StorageChanges, StorageProof, TransactionOutcome,
};
use sp_blockchain::{BlockStatus, HeaderBackend, Info};
use sp_core::H256;
use sp_runtime::{traits::HashingFor, AccountId32};

use crate::mock::{Block, Header, MockClient};

/// The `HandlesApi` version of the old runtime.
pub const OLD_VERSION: u32 = 3;

#[derive(Clone)]
pub struct OldClient {
	headers: MockClient,
	/// The `HandlesApi` version it answers.
	version: u32,
	/// Runtime calls made.
	pub calls: Arc<Mutex<Vec<H256>>>,
}

/// The RPC module over a runtime of `HandlesApi` version [`OLD_VERSION`].
pub fn module() -> (RpcModule<Handles<OldClient, Block>>, OldClient) {
	module_at(OLD_VERSION)
}

/// The RPC module over a runtime that answers `HandlesApi` version `version`.
pub fn module_at(version: u32) -> (RpcModule<Handles<OldClient, Block>>, OldClient) {
	let client = OldClient { headers: MockClient::default(), version, calls: Default::default() };
	(Handles::<OldClient, Block>::new(Arc::new(client.clone())).into_rpc(), client)
}

pub struct OldApi {
	version: u32,
	calls: Arc<Mutex<Vec<H256>>>,
}

impl ProvideRuntimeApi<Block> for OldClient {
	type Api = OldApi;

	fn runtime_api(&self) -> ApiRef<'_, Self::Api> {
		OldApi { version: self.version, calls: self.calls.clone() }.into()
	}
}

impl HeaderBackend<Block> for OldClient {
	fn header(&self, hash: H256) -> sp_blockchain::Result<Option<Header>> {
		self.headers.header(hash)
	}
	fn info(&self) -> Info<Block> {
		self.headers.info()
	}
	fn status(&self, hash: H256) -> sp_blockchain::Result<BlockStatus> {
		self.headers.status(hash)
	}
	fn number(&self, hash: H256) -> sp_blockchain::Result<Option<u32>> {
		self.headers.number(hash)
	}
	fn hash(&self, number: u32) -> sp_blockchain::Result<Option<H256>> {
		self.headers.hash(number)
	}
}

impl OldApi {
	/// Logs a runtime call at `at` and fails it.
	fn refuse(&self, at: H256) -> Result<Vec<u8>, ApiError> {
		self.calls.lock().unwrap().push(at);
		Err(ApiError::Application("the old runtime was called".to_string().into()))
	}
}

impl ApiExt<Block> for OldApi {
	fn execute_in_transaction<F: FnOnce(&Self) -> TransactionOutcome<R>, R>(&self, call: F) -> R {
		call(self).into_inner()
	}
	fn has_api<A: RuntimeApiInfo + ?Sized>(&self, _: H256) -> Result<bool, ApiError> {
		Ok(true)
	}
	fn has_api_with<A: RuntimeApiInfo + ?Sized, P: Fn(u32) -> bool>(
		&self,
		_: H256,
		pred: P,
	) -> Result<bool, ApiError> {
		Ok(pred(self.version))
	}
	fn api_version<A: RuntimeApiInfo + ?Sized>(&self, _: H256) -> Result<Option<u32>, ApiError> {
		Ok(Some(self.version))
	}
	fn record_proof(&mut self) {
		unimplemented!()
	}
	fn record_proof_with_recorder(&mut self, _: ProofRecorder<Block>) {
		unimplemented!()
	}
	fn extract_proof(&mut self) -> Option<StorageProof> {
		unimplemented!()
	}
	fn proof_recorder(&self) -> Option<ProofRecorder<Block>> {
		unimplemented!()
	}
	fn into_storage_changes<B: StateBackend<HashingFor<Block>>>(
		&self,
		_: &B,
		_: H256,
	) -> Result<StorageChanges<Block>, String> {
		unimplemented!()
	}
	fn set_call_context(&mut self, _: CallContext) {
		unimplemented!()
	}
	fn register_extension<E: Extension>(&mut self, _: E) {
		unimplemented!()
	}
	fn set_overlayed_changes(&mut self, _: OverlayedChanges<HashingFor<Block>>) {
		unimplemented!()
	}
}

impl Core<Block> for OldApi {
	fn __runtime_api_internal_call_api_at(
		&self,
		at: H256,
		_: Vec<u8>,
		_: &dyn Fn(RuntimeVersion) -> &'static str,
	) -> Result<Vec<u8>, ApiError> {
		self.refuse(at)
	}
}

impl HandlesApi<Block, AccountId32, u32> for OldApi {
	fn __runtime_api_internal_call_api_at(
		&self,
		at: H256,
		_: Vec<u8>,
		_: &dyn Fn(RuntimeVersion) -> &'static str,
	) -> Result<Vec<u8>, ApiError> {
		self.refuse(at)
	}
}
