//! Keys from secret URIs: the owner's key that signs payloads and the sponsor's key that signs
//! and pays for the transaction.
//!
//! A secret URI is what `subkey` and polkadot.js accept: `//Alice`, a mnemonic phrase with
//! optional `//hard/soft` derivations and `///password`, or a `0x` hex seed. It is sr25519 unless
//! it starts with `ed25519:` or `ecdsa:` (`sr25519:` is accepted too). `eth:` is followed by an
//! Ethereum key's 32-byte secp256k1 secret in hex (`eth:0x4c08…`, as wallets export it): its
//! account is sp-runtime's `MultiSigner::Eth` account and it signs what `personal_sign` signs.

use core::fmt;

use sp_core::{ecdsa, ed25519, sr25519, Pair as _};
use sp_runtime::{
	traits::{IdentifyAccount, Verify},
	AccountId32, MultiSignature, MultiSigner,
};
use subxt::PolkadotConfig;

/// A key pair of one of the four schemes an owner may use.
// A program holds a few keys at most: their size does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Clone)]
pub enum Keypair {
	/// Schnorrkel/Ristretto (the default of Substrate wallets).
	Sr25519(sr25519::Pair),
	/// Ed25519.
	Ed25519(ed25519::Pair),
	/// ECDSA over secp256k1; the account is the blake2 hash of the compressed public key.
	Ecdsa(ecdsa::Pair),
	/// An Ethereum key: ECDSA over secp256k1 with keccak-256; the account is the last 20 bytes of
	/// keccak-256 of the compressed public key, then twelve `0xEE` (`MultiSigner::Eth`), not the
	/// key's Ethereum address. It signs payloads, never transactions (subxt's `MultiSignature`
	/// has no `Eth` variant), so another key pays.
	Eth(ecdsa::KeccakPair),
}

/// A secret URI that names no key of its scheme.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyError(pub String);

impl fmt::Display for KeyError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.write_str(&self.0)
	}
}

impl std::error::Error for KeyError {}

impl Keypair {
	/// The key of `uri` (see the module docs). The secret never appears in an error.
	pub fn from_uri(uri: &str) -> Result<Self, KeyError> {
		if let Some(secret) = uri.strip_prefix("eth:") {
			return Self::from_eth_secret(secret);
		}
		let (scheme, secret) = match uri.split_once(':') {
			Some((scheme @ ("sr25519" | "ed25519" | "ecdsa"), rest)) => (scheme, rest),
			_ => ("sr25519", uri),
		};
		// The parser's error may quote the secret: it is not passed on.
		let bad = |_: sp_core::crypto::SecretStringError| {
			KeyError(format!(
				"not a valid {scheme} secret URI (a mnemonic phrase, a 0x seed or //derivations)"
			))
		};
		Ok(match scheme {
			"ed25519" => Self::Ed25519(ed25519::Pair::from_string(secret, None).map_err(bad)?),
			"ecdsa" => Self::Ecdsa(ecdsa::Pair::from_string(secret, None).map_err(bad)?),
			_ => Self::Sr25519(sr25519::Pair::from_string(secret, None).map_err(bad)?),
		})
	}

	/// The Ethereum key of a 32-byte secp256k1 secret in hex (`0x` optional).
	fn from_eth_secret(secret: &str) -> Result<Self, KeyError> {
		let bad = || KeyError("not a valid eth: secret (32 bytes of hex, 0x optional)".into());
		let hex = secret.strip_prefix("0x").unwrap_or(secret);
		if hex.len() != 64 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
			return Err(bad());
		}
		let seed: Vec<u8> = (0..32)
			.map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16))
			.collect::<Result<_, _>>()
			.map_err(|_| bad())?;
		// Zero and numbers at or above the curve order are no secret key.
		ecdsa::KeccakPair::from_seed_slice(&seed).map(Self::Eth).map_err(|_| bad())
	}

	/// The scheme's name: `sr25519`, `ed25519`, `ecdsa` or `eth`.
	pub fn scheme(&self) -> &'static str {
		match self {
			Self::Sr25519(_) => "sr25519",
			Self::Ed25519(_) => "ed25519",
			Self::Ecdsa(_) => "ecdsa",
			Self::Eth(_) => "eth",
		}
	}

	/// Whether this key can sign transactions (every scheme but `eth`).
	pub fn can_pay(&self) -> bool {
		!matches!(self, Self::Eth(_))
	}

	/// The public key as the runtime's `MultiSigner`.
	pub fn signer(&self) -> MultiSigner {
		match self {
			Self::Sr25519(p) => p.public().into(),
			Self::Ed25519(p) => p.public().into(),
			Self::Ecdsa(p) => p.public().into(),
			Self::Eth(p) => MultiSigner::Eth(p.public()),
		}
	}

	/// The account of this key on the chain.
	pub fn account_id(&self) -> AccountId32 {
		self.signer().into_account()
	}

	/// A signature of `message` as the runtime's `MultiSignature`.
	pub fn sign(&self, message: &[u8]) -> MultiSignature {
		match self {
			Self::Sr25519(p) => p.sign(message).into(),
			Self::Ed25519(p) => p.sign(message).into(),
			Self::Ecdsa(p) => p.sign(message).into(),
			Self::Eth(p) => MultiSignature::Eth(p.sign(message)),
		}
	}

	/// A signature of the readable text of a payload (`text`: the bytes of
	/// [`crate::signing::signing_message`], or of the RPC `handles_signingMessage`), as a wallet
	/// makes it, in the form the pallet verifies with one check: an `eth:` key over the text behind
	/// the EIP-191 prefix (what `personal_sign` signs), every other key over the text wrapped in
	/// `<Bytes>`..`</Bytes>` (what polkadot.js `signRaw` signs).
	pub fn sign_readable(&self, text: &[u8]) -> MultiSignature {
		match self {
			Self::Eth(_) => self.sign(&crate::signing::eip191(text)),
			_ => self.sign(&crate::signing::wrap_bytes(text)),
		}
	}
}

/// Whether `signature` is `account`'s signature of `message` (the check the pallet makes).
pub fn verify(signature: &MultiSignature, message: &[u8], account: &AccountId32) -> bool {
	signature.verify(message, account)
}

impl fmt::Debug for Keypair {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		write!(f, "Keypair({}, {})", self.scheme(), self.account_id())
	}
}

/// The subxt form of a runtime account.
pub fn subxt_account(account: &AccountId32) -> subxt::utils::AccountId32 {
	subxt::utils::AccountId32(*<AccountId32 as AsRef<[u8; 32]>>::as_ref(account))
}

/// The runtime form of a subxt account.
pub fn runtime_account(account: &subxt::utils::AccountId32) -> AccountId32 {
	AccountId32::new(account.0)
}

impl subxt::tx::Signer<PolkadotConfig> for Keypair {
	fn account_id(&self) -> subxt::utils::AccountId32 {
		subxt_account(&Keypair::account_id(self))
	}

	fn sign(&self, signer_payload: &[u8]) -> subxt::utils::MultiSignature {
		match self {
			Self::Sr25519(p) => subxt::utils::MultiSignature::Sr25519(p.sign(signer_payload).0),
			Self::Ed25519(p) => subxt::utils::MultiSignature::Ed25519(p.sign(signer_payload).0),
			Self::Ecdsa(p) => subxt::utils::MultiSignature::Ecdsa(p.sign(signer_payload).0),
			// subxt has no `Eth` signature: this one is refused by the chain. Callers check
			// `can_pay` first (the command line refuses an `eth:` key as the one who pays).
			Self::Eth(p) => subxt::utils::MultiSignature::Ecdsa(p.sign(signer_payload).0),
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_core::crypto::Ss58Codec;

	#[test]
	fn dev_uris_give_the_dev_accounts() {
		let alice = Keypair::from_uri("//Alice").unwrap();
		assert_eq!(alice.scheme(), "sr25519");
		// Alice's well-known sr25519 dev account.
		assert_eq!(
			alice.account_id().to_ss58check(),
			"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"
		);
		let explicit = Keypair::from_uri("sr25519://Alice").unwrap();
		assert_eq!(explicit.account_id(), alice.account_id());
	}

	#[test]
	fn each_scheme_gives_another_account_that_verifies_its_signatures() {
		let keys: Vec<Keypair> = ["//Bob", "ed25519://Bob", "ecdsa://Bob"]
			.iter()
			.map(|uri| Keypair::from_uri(uri).unwrap())
			.collect();
		let schemes: Vec<_> = keys.iter().map(Keypair::scheme).collect();
		assert_eq!(schemes, ["sr25519", "ed25519", "ecdsa"]);
		for (i, key) in keys.iter().enumerate() {
			let signature = key.sign(b"message");
			assert!(verify(&signature, b"message", &key.account_id()));
			assert!(!verify(&signature, b"messagE", &key.account_id()));
			for other in keys.iter().skip(i + 1) {
				assert_ne!(key.account_id(), other.account_id());
				assert!(!verify(&signature, b"message", &other.account_id()));
			}
		}
	}

	#[test]
	fn a_readable_signature_is_the_wallet_form_the_pallet_verifies_first() {
		let text = b"Handles: claim Alice.4821\nChain: Handles 0x00\nValid until block: 9";
		let messages = pallet_handles::PayloadMessages {
			readable: Some(text.to_vec()),
			legacy: b"-".to_vec(),
		};
		for uri in ["//Bob", "ed25519://Bob", "ecdsa://Bob", ETH_42] {
			let key = Keypair::from_uri(uri).unwrap();
			let signature = key.sign_readable(text);
			let form = match key {
				Keypair::Eth(_) => pallet_handles::Verified::Eip191,
				_ => pallet_handles::Verified::ReadableWrapped,
			};
			assert_eq!(messages.verify(&signature, &key.account_id()), Some(form), "{uri}");
		}
	}

	/// The secret of sp-runtime's own test of `MultiSigner::Eth` accounts.
	const ETH_42: &str = "eth:0x4242424242424242424242424242424242424242424242424242424242424242";

	#[test]
	fn an_eth_key_has_the_multisigner_eth_account_and_signs_what_personal_sign_signs() {
		let key = Keypair::from_uri(ETH_42).unwrap();
		assert_eq!(key.scheme(), "eth");
		assert!(!key.can_pay());
		// sp-runtime's `multi_signer_eth_address_works` vector.
		let account = key.account_id();
		assert_eq!(
			sp_core::hexdisplay::HexDisplay::from(<AccountId32 as AsRef<[u8; 32]>>::as_ref(
				&account
			))
			.to_string(),
			"2714c48edc39bc2714729e6530760d62344d6698eeeeeeeeeeeeeeeeeeeeeeee"
		);
		// `0x` is optional; the same secret is the same key.
		let bare = Keypair::from_uri(&ETH_42.replace("0x", "")).unwrap();
		assert_eq!(bare.account_id(), key.account_id());
		// An Eth signature over the EIP-191 form, which an `ecdsa:` key of that secret is not.
		let text = b"Handles: claim Alice.4821";
		let signature = key.sign_readable(text);
		assert!(matches!(signature, MultiSignature::Eth(_)));
		assert!(verify(&signature, &crate::signing::eip191(text), &key.account_id()));
		assert!(!verify(&signature, text, &key.account_id()));
		let ecdsa = Keypair::from_uri(&ETH_42.replace("eth:", "ecdsa:")).unwrap();
		assert_ne!(ecdsa.account_id(), key.account_id());
	}

	#[test]
	fn a_bad_eth_secret_is_refused_without_echoing_it() {
		for uri in [
			"eth:0x42",
			"eth:0x0000000000000000000000000000000000000000000000000000000000000000",
			"eth:0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
			"eth:zz42424242424242424242424242424242424242424242424242424242424242",
			"eth://Alice",
		] {
			let err = Keypair::from_uri(uri).unwrap_err();
			assert!(err.0.starts_with("not a valid eth: secret"), "{uri}: {err}");
			assert!(!err.0.contains("4242") && !err.0.contains("ffff"), "{err}");
		}
	}

	#[test]
	fn a_bad_uri_is_refused_without_echoing_the_secret() {
		let err = Keypair::from_uri("ed25519:not a phrase secret-word").unwrap_err();
		assert!(err.0.starts_with("not a valid ed25519 secret URI"), "{err}");
		assert!(!err.0.contains("secret-word"));
	}

	#[test]
	fn subxt_signer_signs_what_the_runtime_verifies() {
		use subxt::tx::Signer;
		let key = Keypair::from_uri("ecdsa://Charlie").unwrap();
		let account = <Keypair as Signer<PolkadotConfig>>::account_id(&key);
		assert_eq!(runtime_account(&account), key.account_id());
		let subxt::utils::MultiSignature::Ecdsa(raw) = Signer::<PolkadotConfig>::sign(&key, b"tx")
		else {
			panic!("an ecdsa key signs with ecdsa")
		};
		let signature = MultiSignature::Ecdsa(ecdsa::Signature::from_raw(raw));
		assert!(verify(&signature, b"tx", &key.account_id()));
	}
}
