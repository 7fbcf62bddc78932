//! Signing keys of the benchmarks: one kind per key scheme, made in the benchmark keystore
//! (`sp_io::crypto`), and the signatures they make over a payload's message.
//!
//! A new scheme is a variant of [`Scheme`] and of [`BenchPublic`], its arms in
//! [`BenchKey::of`], [`BenchKey::from_public`] and [`BenchKey::sign_as`], and the conversions of
//! [`BenchmarkSigner`] and [`BenchmarkSignature`] (which [`BenchmarkConfig`] asks of a runtime).

use crate::{wrap_bytes, Config, Pallet as Handles, SignedPayload};
use sp_core::{crypto::KeyTypeId, ecdsa, ed25519, sr25519};
use sp_runtime::traits::IdentifyAccount;

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

/// A runtime whose `Signer` and `Signature` the benchmark keys and signatures convert into.
pub trait BenchmarkConfig: Config<Signer: BenchmarkSigner, Signature: BenchmarkSignature> {}
impl<T: Config<Signer: BenchmarkSigner, Signature: BenchmarkSignature>> BenchmarkConfig for T {}

/// The key scheme of a benchmark key.
#[derive(Clone, Copy)]
pub(super) enum Scheme {
	Sr25519,
	Ed25519,
	Ecdsa,
}

/// A public key of the benchmark keystore.
#[derive(Clone, Copy)]
enum BenchPublic {
	Sr25519(sr25519::Public),
	Ed25519(ed25519::Public),
	Ecdsa(ecdsa::Public),
}

/// How a benchmark key signs a payload's message.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Form {
	/// The message as is (verified after the wrapped attempt fails: two verifications).
	Raw,
	/// The `<Bytes>`-wrapped message, as wallets sign (one verification).
	Wrapped,
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
		})
	}

	fn from_public(public: BenchPublic) -> Self {
		let signer = match public {
			BenchPublic::Sr25519(p) => T::Signer::from(p),
			BenchPublic::Ed25519(p) => T::Signer::from(p),
			BenchPublic::Ecdsa(p) => T::Signer::from(p),
		};
		Self { public, account: signer.into_account() }
	}

	/// Signature over `payload`'s message in `form`.
	pub(super) fn sign_as<P: SignedPayload>(&self, payload: &P, form: Form) -> T::Signature {
		let mut message = Handles::<T>::message_for(payload);
		if form == Form::Wrapped {
			message = wrap_bytes(&message);
		}
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
		}
	}

	/// Signature over the raw message of `payload` (the slower path to verify).
	pub(super) fn sign<P: SignedPayload>(&self, payload: &P) -> T::Signature {
		self.sign_as(payload, Form::Raw)
	}
}
