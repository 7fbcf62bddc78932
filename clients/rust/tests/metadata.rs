//! The client is generated (at compile time, by subxt) from committed metadata: it must be the
//! metadata of today's runtime, or the client's calls and types would not match the chain.

use std::path::Path;

/// The committed file the `runtime` module is generated from (shared with the JavaScript
/// package's polkadot-api descriptors).
const COMMITTED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../js/.papi/metadata/handles.scale");

#[test]
fn committed_metadata_is_todays_runtime_metadata_v15() {
	let live =
		handles_runtime::Runtime::metadata_at_version(15).expect("the runtime offers metadata v15");
	let live: &[u8] = &live;
	let committed = std::fs::read(COMMITTED).expect("the committed metadata file exists");
	if committed != live {
		if std::env::var_os("HANDLES_WRITE_METADATA").is_some() {
			std::fs::write(Path::new(COMMITTED), live).expect("metadata written");
			panic!("wrote {COMMITTED}: rebuild the client (and commit the file)");
		}
		panic!(
			"{COMMITTED} is not the runtime's metadata v15 ({} vs {} bytes): rewrite it with \
			 HANDLES_WRITE_METADATA=1 cargo test -p handles-client --test metadata, then commit it",
			committed.len(),
			live.len()
		);
	}
	assert_eq!(&committed[..4], b"meta");
	assert_eq!(committed[4], 15, "metadata version byte");
}
