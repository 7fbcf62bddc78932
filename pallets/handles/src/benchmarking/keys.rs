//! Signing keys of the benchmarks: one kind per key scheme, made in the benchmark keystore
//! (`sp_io::crypto`), and the signatures they make over a payload's message.
//!
//! A new scheme is a variant of [`Scheme`] and of [`BenchPublic`], its arms in
//! [`BenchKey::of`], [`BenchKey::from_public`] and [`BenchKey::sign_as`], and the conversions of
//! [`BenchmarkSigner`] and [`BenchmarkSignature`] (which [`BenchmarkConfig`] asks of a runtime).
//! An Ethereum key is an ecdsa key of the keystore whose signer and signatures are the runtime's
//! Ethereum ones ([`EthereumSigner`], [`EthereumSignature`]); it signs the EIP-191 form of the
//! readable message whatever the [`Form`].

use crate::{eip191, wrap_bytes, Config, Pallet as Handles, SignedPayload};
use alloc::vec::Vec;
use sp_core::{crypto::KeyTypeId, ecdsa, ed25519, sr25519};
use sp_runtime::{traits::IdentifyAccount, MultiSignature, MultiSigner};

/// Key type of the benchmark keys.
const KEY_TYPE: KeyTypeId = KeyTypeId(*b"hndl");

/// A runtime `Signer` the benchmark keys convert into.
pub trait BenchmarkSigner:
	From<sr25519::Public> + From<ed25519::Public> + From<ecdsa::Public>
{
}
impl<S: From<sr25519::Public> + From<ed25519::Public> + From<ecdsa::Public>> BenchmarkSigner for S {}

/// A runtime `Signature` the benchmark signatures convert into.
pub trait BenchmarkSignature:
	From<sr25519::Signature> + From<ed25519::Signature> + From<ecdsa::Signature>
{
}
impl<S: From<sr25519::Signature> + From<ed25519::Signature> + From<ecdsa::Signature>>
	BenchmarkSignature for S
{
}

/// A runtime `Signer` with Ethereum keys (`MultiSigner::Eth`).
pub trait EthereumSigner {
	/// The signer of the Ethereum key `public` (a compressed secp256k1 key).
	fn ethereum(public: ecdsa::Public) -> Self;
}
impl EthereumSigner for MultiSigner {
	fn ethereum(public: ecdsa::Public) -> Self {
		MultiSigner::Eth(ecdsa::KeccakPublic::from_raw(public.0))
	}
}

/// A runtime `Signature` with Ethereum signatures (`MultiSignature::Eth`).
pub trait EthereumSignature {
	/// The Ethereum signature `signature` (recoverable secp256k1 over a keccak-256 hash).
	fn ethereum(signature: ecdsa::Signature) -> Self;
}
impl EthereumSignature for MultiSignature {
	fn ethereum(signature: ecdsa::Signature) -> Self {
		MultiSignature::Eth(ecdsa::KeccakSignature::from_raw(signature.0))
	}
}

/// A runtime whose `Signer` and `Signature` the benchmark keys and signatures convert into.
pub trait BenchmarkConfig:
	Config<Signer: BenchmarkSigner + EthereumSigner, Signature: BenchmarkSignature + EthereumSignature>
{
}
impl<
		T: Config<
			Signer: BenchmarkSigner + EthereumSigner,
			Signature: BenchmarkSignature + EthereumSignature,
		>,
	> BenchmarkConfig for T
{
}

/// The key scheme of a benchmark key.
#[derive(Clone, Copy)]
pub(super) enum Scheme {
	Sr25519,
	Ed25519,
	Ecdsa,
	/// An Ethereum key (`MultiSignature::Eth`): EIP-191 signatures only.
	Eth,
}

/// A public key of the benchmark keystore.
#[derive(Clone, Copy)]
enum BenchPublic {
	Sr25519(sr25519::Public),
	Ed25519(ed25519::Public),
	Ecdsa(ecdsa::Public),
	Eth(ecdsa::Public),
}

/// How a benchmark key signs a payload (an Ethereum key signs EIP-191 whatever the form).
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Form {
	/// The readable message as is (verified after the wrapped attempt fails: two verifications).
	Raw,
	/// The `<Bytes>`-wrapped readable message, as wallets sign (one verification).
	Wrapped,
	/// The legacy message as is: the worst case, four verifications.
	LegacyRaw,
}

/// A signing key of the benchmark keystore and its account.
pub(super) struct BenchKey<T: Config> {
	public: BenchPublic,
	/// The account of the key (`Signer::into_account`).
	pub(super) account: T::AccountId,
}

impl<T: BenchmarkConfig> BenchKey<T> {
	/// A new key of `scheme`.
	pub(super) fn of(scheme: Scheme) -> Self {
		Self::from_public(match scheme {
			Scheme::Sr25519 => {
				BenchPublic::Sr25519(sp_io::crypto::sr25519_generate(KEY_TYPE, None))
			}
			Scheme::Ed25519 => {
				BenchPublic::Ed25519(sp_io::crypto::ed25519_generate(KEY_TYPE, None))
			}
			Scheme::Ecdsa => BenchPublic::Ecdsa(sp_io::crypto::ecdsa_generate(KEY_TYPE, None)),
			Scheme::Eth => BenchPublic::Eth(sp_io::crypto::ecdsa_generate(KEY_TYPE, None)),
		})
	}

	fn from_public(public: BenchPublic) -> Self {
		let signer = match public {
			BenchPublic::Sr25519(p) => T::Signer::from(p),
			BenchPublic::Ed25519(p) => T::Signer::from(p),
			BenchPublic::Ecdsa(p) => T::Signer::from(p),
			BenchPublic::Eth(p) => T::Signer::ethereum(p),
		};
		Self { public, account: signer.into_account() }
	}

	/// Signature over `payload` in `form`.
	pub(super) fn sign_as<P: SignedPayload>(&self, payload: &P, form: Form) -> T::Signature {
		let readable = || Handles::<T>::readable_message_for(payload).expect("a readable form");
		let message: Vec<u8> = match (self.public, form) {
			(BenchPublic::Eth(_), _) => eip191(&readable()),
			(_, Form::Raw) => readable(),
			(_, Form::Wrapped) => wrap_bytes(&readable()),
			(_, Form::LegacyRaw) => Handles::<T>::message_for(payload),
		};
		const IN_KEYSTORE: &str = "the key was generated in the keystore";
		match self.public {
			BenchPublic::Sr25519(p) => {
				sp_io::crypto::sr25519_sign(KEY_TYPE, &p, &message).expect(IN_KEYSTORE).into()
			}
			BenchPublic::Ed25519(p) => {
				sp_io::crypto::ed25519_sign(KEY_TYPE, &p, &message).expect(IN_KEYSTORE).into()
			}
			BenchPublic::Ecdsa(p) => {
				sp_io::crypto::ecdsa_sign(KEY_TYPE, &p, &message).expect(IN_KEYSTORE).into()
			}
			BenchPublic::Eth(p) => {
				let hash = sp_io::hashing::keccak_256(&message);
				let signature =
					sp_io::crypto::ecdsa_sign_prehashed(KEY_TYPE, &p, &hash).expect(IN_KEYSTORE);
				T::Signature::ethereum(signature)
			}
		}
	}

	/// Signature over the raw readable message of `payload` (two verifications: the path the
	/// calls' benchmarks measure, [`crate::BENCHMARKED_VERIFICATIONS`]).
	pub(super) fn sign<P: SignedPayload>(&self, payload: &P) -> T::Signature {
		self.sign_as(payload, Form::Raw)
	}
}
