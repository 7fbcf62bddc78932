//! Chain specifications built from the runtime's genesis presets.

use handles_runtime::WASM_BINARY;
use sc_service::ChainType;

/// Chain spec type of the node (no extensions).
pub type ChainSpec = sc_service::GenericChainSpec;

fn wasm() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"the Wasm runtime is not in this binary (built with SKIP_WASM_BUILD?)".to_string()
	})
}

fn properties() -> sc_service::Properties {
	let mut p = sc_service::Properties::new();
	p.insert("tokenSymbol".into(), "UNIT".into());
	p.insert("tokenDecimals".into(), 12.into());
	p.insert("ss58Format".into(), 42.into());
	p
}

/// One-node development chain: Alice authors and is sudo; Alice, Bob, Charlie are the council.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Handles Development")
		.with_id("handles_dev")
		.with_chain_type(ChainType::Development)
		.with_properties(properties())
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.build())
}

/// Two-validator local network: Alice and Bob author (Aura) and finalize (GRANDPA).
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Handles Local Testnet")
		.with_id("handles_local")
		.with_chain_type(ChainType::Local)
		.with_properties(properties())
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.build())
}

/// The prefix of a development chain at scale: `--chain dev-scale-<count>` is the development
/// chain whose genesis also makes `<count>` synthetic handles (pallet-handles `synthetic_handles`),
/// with owners of several MSAs and some retired pairs cooling down.
pub const DEV_SCALE_PREFIX: &str = "dev-scale-";

/// The development chain with `count` synthetic handles at genesis (id `handles_dev_scale`).
pub fn dev_scale_chain_spec(count: u32) -> Result<ChainSpec, String> {
	let mut genesis = handles_runtime::genesis_config_presets::development_config_genesis();
	genesis["handles"]["syntheticHandles"] = count.into();
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Handles Development at Scale")
		.with_id("handles_dev_scale")
		.with_chain_type(ChainType::Development)
		.with_properties(properties())
		.with_genesis_config_patch(genesis)
		.build())
}

/// The synthetic handle count of a `dev-scale-<count>` chain id; `None` for any other id, an
/// error for a count that is not a number.
pub fn dev_scale_count(id: &str) -> Option<Result<u32, String>> {
	let count = id.strip_prefix(DEV_SCALE_PREFIX)?;
	Some(count.parse().map_err(|_| {
		format!("--chain {id}: the handle count after {DEV_SCALE_PREFIX} must be a number up to 4294967295")
	}))
}
