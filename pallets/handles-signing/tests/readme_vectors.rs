//! The vectors of the pallet README's section "Signing messages (v3)" are parsed here and checked
//! against [`signing_message`], so the docs cannot drift: each vector's title, its exact text and
//! the `blake2_256` of its bytes, in order. Print a fresh list with
//! `cargo test -p handles-signing --test readme_vectors -- --ignored --nocapture`.

use handles_signing::{signing_message, Account, Chain, Message};
use sp_keyring::Sr25519Keyring;

const README: &str = include_str!("../../handles/README.md");
const SECTION: &str = "## Signing messages (v3)";

/// The genesis hash of the vectors: the bytes 1 to 32.
fn genesis_hash() -> [u8; 32] {
	core::array::from_fn(|i| i as u8 + 1)
}

fn chain() -> Chain<'static> {
	Chain { name: "Handles", genesis_hash: genesis_hash(), ss58_prefix: 42 }
}

fn alice() -> Account {
	Sr25519Keyring::Alice.to_raw_public()
}

fn bob() -> Account {
	Sr25519Keyring::Bob.to_raw_public()
}

/// One title and message per vector, in the README's order.
fn vectors() -> Vec<(&'static str, Message<'static>)> {
	vec![
		(
			"create `Alice.4821`",
			Message::Create { base_handle: b"Alice", suffix: 4821, expiration: 1234 },
		),
		(
			"create `Zoë.1001` (non-ASCII: the text is UTF-8)",
			Message::Create { base_handle: "Zoë".as_bytes(), suffix: 1001, expiration: 1234 },
		),
		(
			"retire `Alice.4821` of MSA 3829012",
			Message::Retire { msa_id: 3_829_012, handle: b"Alice.4821", expiration: 1234 },
		),
		(
			"change MSA 3829012 from `Alice.4821` to `Bob.2002`",
			Message::Change {
				msa_id: 3_829_012,
				old_handle: Some(b"Alice.4821"),
				new_base_handle: b"Bob",
				new_suffix: 2002,
				expiration: 1234,
			},
		),
		(
			"change MSA 3829012, which holds no handle, to `Bob.2002`",
			Message::Change {
				msa_id: 3_829_012,
				old_handle: None,
				new_base_handle: b"Bob",
				new_suffix: 2002,
				expiration: 1234,
			},
		),
		(
			"restyle MSA 3829012 from `alice.4821` to `Alice.4821`",
			Message::Change {
				msa_id: 3_829_012,
				old_handle: Some(b"alice.4821"),
				new_base_handle: b"Alice",
				new_suffix: 4821,
				expiration: 1234,
			},
		),
		(
			"transfer MSA 3829012 (`Alice.4821`) from Alice to Bob",
			Message::Transfer {
				msa_id: 3_829_012,
				handle: Some(b"Alice.4821"),
				owner: alice(),
				new_owner: bob(),
				expiration: 1234,
			},
		),
		(
			"transfer MSA 3829012, which holds no handle, from Alice to Bob",
			Message::Transfer {
				msa_id: 3_829_012,
				handle: None,
				owner: alice(),
				new_owner: bob(),
				expiration: 1234,
			},
		),
	]
}

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The README's text of one vector.
fn render(title: &str, message: &Message) -> String {
	let text = signing_message(&chain(), message);
	format!(
		"### {title}\n\n```text\n{text}\n```\n\n{} bytes, `blake2_256`: `0x{}`\n",
		text.len(),
		hex(&sp_crypto_hashing::blake2_256(text.as_bytes()))
	)
}

/// The section's vectors as the README has them: from its first `### ` to the next `## `.
fn readme_vectors() -> &'static str {
	let start = README.find(SECTION).expect("the pallet README has the section");
	let section = &README[start + SECTION.len()..];
	let section = &section[..section.find("\n## ").unwrap_or(section.len())];
	let first = section.find("\n### ").expect("the section has vectors");
	section[first + 1..].trim_end()
}

#[test]
fn readme_vectors_are_what_the_builder_gives() {
	let expected: Vec<String> = vectors().iter().map(|(t, m)| render(t, m)).collect();
	let published: Vec<&str> = readme_vectors().split("\n### ").collect();
	assert_eq!(published.len(), expected.len(), "one vector per entry of vectors()");
	for (i, (published, expected)) in published.iter().zip(&expected).enumerate() {
		let published = if i == 0 { published.to_string() } else { format!("### {published}") };
		assert_eq!(published.trim_end(), expected.trim_end(), "vector {i}");
	}
}

#[test]
fn the_readme_names_the_inputs_of_the_vectors() {
	let start = README.find(SECTION).unwrap();
	let intro = &README[start..start + README[start..].find("\n### ").unwrap()];
	assert!(intro.contains(&format!("`0x{}`", hex(&genesis_hash()))), "{intro}");
	assert!(intro.contains("`Handles`"), "{intro}");
	assert!(intro.contains("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"), "{intro}");
	assert!(intro.contains("5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty"), "{intro}");
}

#[test]
#[ignore = "prints the vectors for the README"]
fn print_vectors() {
	for (title, message) in vectors() {
		println!("{}", render(title, &message));
	}
}
