#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use super::*;
use alloc::{format, string::ToString};
use proptest::prelude::*;
use sp_keyring::Sr25519Keyring;

const ALICE_SS58: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
const BOB_SS58: &str = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
const TAIL: &str = "\nChain: Handles 0xabababababababababababababababababababababababababababababababab\nValid until block: 1234";

fn chain() -> Chain<'static> {
	Chain { name: "Handles", genesis_hash: [0xab; 32], ss58_prefix: 42 }
}

fn alice() -> Account {
	Sr25519Keyring::Alice.to_raw_public()
}

fn bob() -> Account {
	Sr25519Keyring::Bob.to_raw_public()
}

fn text_of(message: Message) -> String {
	signing_message(&chain(), &message)
}

#[test]
fn create_claims_the_display_handle() {
	let m = Message::Create { base_handle: b"Alice", suffix: 4821, expiration: 1234 };
	assert_eq!(text_of(m), format!("Handles: claim Alice.4821{TAIL}"));
}

#[test]
fn create_shows_suffixes_in_plain_decimal() {
	let m = Message::Create { base_handle: b"Zo\xc3\xab", suffix: 7, expiration: 1234 };
	assert_eq!(text_of(m), format!("Handles: claim Zoë.7{TAIL}"));
	let m = Message::Create { base_handle: b"x", suffix: u32::MAX, expiration: 1234 };
	assert_eq!(text_of(m), format!("Handles: claim x.4294967295{TAIL}"));
}

#[test]
fn retire_names_the_handle_and_the_msa() {
	let m = Message::Retire { msa_id: 3_829_012, handle: b"Alice.4821", expiration: 1234 };
	assert_eq!(text_of(m), format!("Handles: retire Alice.4821 of MSA 3829012{TAIL}"));
}

#[test]
fn change_names_the_old_and_the_new_handle() {
	let m = Message::Change {
		msa_id: 3_829_012,
		old_handle: Some(b"Alice.4821"),
		new_base_handle: b"Bob",
		new_suffix: 2002,
		expiration: 1234,
	};
	assert_eq!(
		text_of(m),
		format!("Handles: change MSA 3829012 from Alice.4821 to Bob.2002{TAIL}")
	);
}

#[test]
fn change_of_an_msa_without_handle_reads_from_no_handle() {
	let m = Message::Change {
		msa_id: 3_829_012,
		old_handle: None,
		new_base_handle: b"Bob",
		new_suffix: 2002,
		expiration: 1234,
	};
	assert_eq!(text_of(m), format!("Handles: change MSA 3829012 from no handle to Bob.2002{TAIL}"));
}

#[test]
fn a_restyle_shows_both_spellings() {
	let m = Message::Change {
		msa_id: 3_829_012,
		old_handle: Some(b"alice.4821"),
		new_base_handle: b"Alice",
		new_suffix: 4821,
		expiration: 1234,
	};
	assert_eq!(
		text_of(m),
		format!("Handles: change MSA 3829012 from alice.4821 to Alice.4821{TAIL}")
	);
}

#[test]
fn transfer_names_the_handle_and_both_accounts_in_ss58() {
	let m = Message::Transfer {
		msa_id: 3_829_012,
		handle: Some(b"Alice.4821"),
		owner: alice(),
		new_owner: bob(),
		expiration: 1234,
	};
	assert_eq!(
		text_of(m),
		format!("Handles: transfer MSA 3829012 (Alice.4821) from {ALICE_SS58} to {BOB_SS58}{TAIL}")
	);
}

#[test]
fn transfer_of_an_msa_without_handle_reads_no_handle() {
	let m = Message::Transfer {
		msa_id: 1,
		handle: None,
		owner: bob(),
		new_owner: alice(),
		expiration: 1234,
	};
	assert_eq!(
		text_of(m),
		format!("Handles: transfer MSA 1 (no handle) from {BOB_SS58} to {ALICE_SS58}{TAIL}")
	);
}

#[test]
fn accounts_follow_the_chains_address_format() {
	let polkadot = Chain { ss58_prefix: 0, ..chain() };
	let m = Message::Transfer {
		msa_id: 1,
		handle: None,
		owner: alice(),
		new_owner: bob(),
		expiration: 9,
	};
	let text = signing_message(&polkadot, &m);
	assert!(
		text.starts_with(
			"Handles: transfer MSA 1 (no handle) from 15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5 to "
		),
		"{text}"
	);
}

#[test]
fn the_chain_line_names_the_chain_and_its_genesis_hash_in_lowercase_hex() {
	let mut genesis_hash = [0u8; 32];
	for (i, byte) in genesis_hash.iter_mut().enumerate() {
		*byte = (i as u8).wrapping_mul(8).wrapping_add(0x0f);
	}
	let chain = Chain { name: "Other chain", genesis_hash, ss58_prefix: 42 };
	let m = Message::Create { base_handle: b"Alice", suffix: 4821, expiration: 0 };
	assert_eq!(
		signing_message(&chain, &m),
		"Handles: claim Alice.4821\nChain: Other chain 0x0f171f272f373f474f575f676f777f878f979fa7afb7bfc7cfd7dfe7eff7ff07\nValid until block: 0"
	);
}

#[test]
fn the_bytes_are_the_utf8_of_the_text_with_no_trailing_newline() {
	let m = Message::Retire { msa_id: 7, handle: b"Zo\xc3\xab.1001", expiration: 4_294_967_295 };
	let bytes = text_of(m).into_bytes();
	let mut expected = b"Handles: retire Zo\xc3\xab.1001 of MSA 7\nChain: Handles 0x".to_vec();
	expected.extend_from_slice(&[b'a', b'b'].repeat(32));
	expected.extend_from_slice(b"\nValid until block: 4294967295");
	assert_eq!(bytes, expected);
	assert_eq!(bytes.last(), Some(&b'5'));
}

#[test]
fn bytes_that_are_not_utf8_show_as_replacement_characters() {
	let m = Message::Retire { msa_id: 7, handle: b"Al\xffce.4821", expiration: 1234 };
	assert_eq!(text_of(m), format!("Handles: retire Al\u{FFFD}ce.4821 of MSA 7{TAIL}"));
	let m = Message::Change {
		msa_id: 7,
		old_handle: Some(b"\xc3"),
		new_base_handle: b"\xe2\x82",
		new_suffix: 1,
		expiration: 1234,
	};
	assert_eq!(text_of(m), format!("Handles: change MSA 7 from \u{FFFD} to \u{FFFD}.1{TAIL}"));
}

#[test]
fn calls_have_names_and_kinds() {
	for (kind, call) in Call::ALL.into_iter().enumerate() {
		assert_eq!(Call::from_kind(kind as u8), Some(call));
		assert_eq!(Call::from_name(call.name()), Some(call));
	}
	assert_eq!(Call::ALL.map(Call::name), ["create", "retire", "change", "transfer"]);
	assert_eq!(Call::from_kind(4), None);
	assert_eq!(Call::from_name("Create"), None);
	assert_eq!(Call::from_name("claim"), None);
	let m = Message::Change {
		msa_id: 1,
		old_handle: None,
		new_base_handle: b"",
		new_suffix: 1,
		expiration: 77,
	};
	assert_eq!((m.call(), m.expiration()), (Call::Change, 77));
}

#[test]
fn wrap_bytes_is_what_polkadot_js_signs() {
	assert_eq!(wrap_bytes(b"Handles"), b"<Bytes>Handles</Bytes>".to_vec());
	assert_eq!(wrap_bytes(b""), b"<Bytes></Bytes>".to_vec());
}

#[test]
fn eip191_prefixes_the_decimal_byte_length() {
	assert_eq!(eip191(b"hello"), b"\x19Ethereum Signed Message:\n5hello".to_vec());
	assert_eq!(eip191(b""), b"\x19Ethereum Signed Message:\n0".to_vec());
	// The length counts bytes, not characters: "ë" is two.
	let text = "Zoë".repeat(40);
	let mut expected = b"\x19Ethereum Signed Message:\n160".to_vec();
	expected.extend_from_slice(text.as_bytes());
	assert_eq!(eip191(text.as_bytes()), expected);
	assert_eq!(eip191(&[0u8; 10])[..28], b"\x19Ethereum Signed Message:\n10"[..]);
}

#[test]
fn a_prefix_beyond_every_address_format_gives_hex() {
	let account = alice();
	let hex = ss58(&account, MAX_SS58_PREFIX + 1);
	assert_eq!(hex.len(), 66);
	assert_eq!(
		hex,
		"0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d".to_string()
	);
	assert_eq!(ss58(&account, u16::MAX), hex);
	assert_ne!(ss58(&account, MAX_SS58_PREFIX), hex);
}

fn handle() -> impl Strategy<Value = Vec<u8>> {
	prop::collection::vec(any::<u8>(), 0..80)
}

/// Text without `\n`: three lines come out.
fn line_safe(bytes: &[u8]) -> bool {
	!bytes.contains(&b'\n')
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(2000))]

	#[test]
	fn any_input_gives_three_lines_and_never_panics(
		kind in 0u8..4,
		a in handle(),
		b in handle(),
		some in any::<bool>(),
		msa_id in any::<u32>(),
		suffix in any::<u32>(),
		expiration in any::<u32>(),
		owner in any::<[u8; 32]>(),
		new_owner in any::<[u8; 32]>(),
		genesis_hash in any::<[u8; 32]>(),
		ss58_prefix in any::<u16>(),
		name in "[^\n]{0,40}",
	) {
		let chain = Chain { name: &name, genesis_hash, ss58_prefix };
		let opt = if some { Some(&a[..]) } else { None };
		let message = match Call::from_kind(kind).unwrap() {
			Call::Create => Message::Create { base_handle: &a, suffix, expiration },
			Call::Retire => Message::Retire { msa_id, handle: &a, expiration },
			Call::Change => Message::Change {
				msa_id, old_handle: opt, new_base_handle: &b, new_suffix: suffix, expiration,
			},
			Call::Transfer => Message::Transfer { msa_id, handle: opt, owner, new_owner, expiration },
		};
		let text = signing_message(&chain, &message);
		let wrapped = wrap_bytes(text.as_bytes());
		prop_assert_eq!(wrapped.len(), text.len() + 15);
		prop_assert!(eip191(text.as_bytes()).ends_with(text.as_bytes()));
		if line_safe(&a) && line_safe(&b) {
			let lines: Vec<&str> = text.split('\n').collect();
			prop_assert_eq!(lines.len(), 3);
			let first = format!("{TITLE}: {} ", match message.call() {
				Call::Create => "claim",
				Call::Retire => "retire",
				Call::Change => "change MSA",
				Call::Transfer => "transfer MSA",
			});
			prop_assert!(lines[0].starts_with(&first), "{}", lines[0]);
			let mut hash = String::new();
			push_hex(&mut hash, &genesis_hash);
			prop_assert_eq!(lines[1], format!("Chain: {name} 0x{hash}"));
			prop_assert_eq!(lines[2], format!("Valid until block: {expiration}"));
			if let Message::Transfer { .. } = message {
				let from = ss58(&owner, ss58_prefix);
				let to = ss58(&new_owner, ss58_prefix);
				prop_assert!(lines[0].ends_with(&format!(") from {from} to {to}")), "{}", lines[0]);
			}
		}
		// A handle that is valid UTF-8 appears as it is.
		let shown = kind < 2 || some;
		if let (Ok(a), true) = (core::str::from_utf8(&a), shown) {
			prop_assert!(text.contains(a));
		}
	}
}
