//! SS58 addresses against `sp-core`'s `Ss58Codec`, the encoder every Substrate wallet agrees with.

use handles_signing::{ss58, MAX_SS58_PREFIX};
use proptest::prelude::*;
use sp_core::crypto::{AccountId32, Ss58AddressFormat, Ss58Codec};
use sp_keyring::Sr25519Keyring;

fn reference(account: [u8; 32], prefix: u16) -> String {
	AccountId32::from(account).to_ss58check_with_version(Ss58AddressFormat::custom(prefix))
}

#[test]
fn dev_accounts_in_the_formats_of_one_and_two_prefix_bytes() {
	for key in [Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Ferdie] {
		let account = key.to_raw_public();
		for prefix in [0, 2, 42, 63, 64, 16383] {
			assert_eq!(ss58(&account, prefix), reference(account, prefix), "{key:?} {prefix}");
		}
	}
	let alice = Sr25519Keyring::Alice.to_raw_public();
	assert_eq!(ss58(&alice, 42), "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
	assert_eq!(ss58(&alice, 0), "15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5");
}

#[test]
fn extreme_accounts() {
	for account in [[0u8; 32], [0xff; 32]] {
		for prefix in [0, 1, 46, 47, 63, 64, 65, 255, 256, 4095, 16383] {
			assert_eq!(ss58(&account, prefix), reference(account, prefix), "{prefix}");
		}
	}
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(3000))]

	#[test]
	fn every_address_format_matches_sp_core(
		account in any::<[u8; 32]>(),
		prefix in 0..=MAX_SS58_PREFIX,
	) {
		let ours = ss58(&account, prefix);
		prop_assert_eq!(&ours, &reference(account, prefix));
		// And it decodes back to the account and the format (sp-core refuses to decode the two
		// reserved formats, 46 and 47, which it encodes like any other).
		if !Ss58AddressFormat::custom(prefix).is_reserved() {
			let (decoded, format) = AccountId32::from_ss58check_with_version(&ours).unwrap();
			prop_assert_eq!(<[u8; 32]>::from(decoded), account);
			prop_assert_eq!(u16::from(format), prefix);
		}
	}
}
