//! A fuzzer over the mock runtime: random sequences of every call, with good and bad signatures,
//! stale, replayed, expired and far-future payloads, governance in between and blocks advancing
//! across seed rotations, cooldowns and pruning.
//!
//! After every call it checks what must hold whatever the sequence:
//! - a failing call changes nothing (the storage root is the same before and after);
//! - a payload that took effect never takes effect again (every successful call is replayed later
//!   in the sequence, and must fail);
//! - a bad signature (wrong signer, altered message, other chain) never takes effect;
//! - an MSA never holds again a handle governance took from it;
//! - every invariant of `try_state`, after every call and every block.
//!
//! `HANDLES_FUZZ_SEQUENCES` (default 60) and `HANDLES_FUZZ_STEPS` (default 80) set the size;
//! the test prints the executions it ran. Each sequence has its own seed, printed on failure.

use crate::{mock::*, *};
use frame_support::{weights::Weight, BoundedVec};
use rand_chacha::{
	rand_core::{RngCore, SeedableRng},
	ChaCha8Rng,
};
use sp_runtime::{DispatchResult, MultiSignature};
use std::collections::BTreeSet;

/// Base handles the sequences draw from: look-alike families, several scripts, reserved and
/// invalid ones.
const BASES: &[&str] = &[
	"alice",
	"Alice",
	"AIice",
	"a1ice",
	"\u{430}lice",
	"bob",
	"b0b",
	"\u{30D1}\u{30F3}",
	"\u{092C}\u{0902}\u{0926}",
	"\u{0B95}\u{0BB2}\u{0BCD}",
	"\u{05E9}\u{05DC}\u{05D5}\u{05DD}",
	"\u{0633}\u{0644}\u{0627}\u{0645}",
	"rn",
	"m",
	"admin",
	"a",
	"ab cd",
	"x.y",
	"",
	"waytoolongforahandlebecauseitkeepsgoing",
];

fn env_or(name: &str, default: u32) -> u32 {
	std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn keys() -> Vec<Key> {
	vec![alice(), bob(), charlie(), dave_ed(), eve_ecdsa()]
}

/// How a payload gets signed in a step.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Signing {
	/// The right key, raw message.
	Good,
	/// The right key, `<Bytes>`-wrapped message.
	Wrapped,
	/// Another key than the one named.
	WrongSigner,
	/// The right key over another chain's message.
	OtherChain,
}

impl Signing {
	fn is_bad(self) -> bool {
		matches!(self, Signing::WrongSigner | Signing::OtherChain)
	}
}

/// A call that took effect, kept to be replayed later.
#[derive(Clone)]
enum Done {
	Create(AccountId, MultiSignature, CreateHandlePayload<BlockNumber>),
	Retire(AccountId, MultiSignature, RetireHandlePayload<BlockNumber>),
	Change(AccountId, MultiSignature, ChangeHandlePayload<BlockNumber>),
	Transfer(
		AccountId,
		MultiSignature,
		AccountId,
		MultiSignature,
		TransferOwnershipPayload<AccountId, BlockNumber>,
	),
}

impl Done {
	fn submit(self) -> DispatchResult {
		let result = match self {
			Done::Create(o, s, p) => Handles::create_handle(sponsor(), o, s, p),
			Done::Retire(o, s, p) => Handles::retire_handle(sponsor(), o, s, p),
			Done::Change(o, s, p) => Handles::change_handle(sponsor(), o, s, p),
			Done::Transfer(o, s, n, ns, p) => {
				Handles::transfer_ownership(sponsor(), o, s, n, ns, p)
			}
		};
		result.map(|_| ()).map_err(|e| e.error)
	}
}

struct Fuzzer {
	rng: ChaCha8Rng,
	keys: Vec<Key>,
	done: Vec<Done>,
	moderated: BTreeSet<(MsaId, Canonical, Suffix)>,
	calls: u64,
	succeeded: u64,
	replays: u64,
	blocks: u64,
	/// Whether the last checked call succeeded.
	last_ok: bool,
	/// Per call: (calls, successes).
	per_call: std::collections::BTreeMap<&'static str, (u64, u64)>,
}

impl Fuzzer {
	fn below(&mut self, n: usize) -> usize {
		(self.rng.next_u32() as usize) % n.max(1)
	}

	fn chance(&mut self, percent: u32) -> bool {
		self.rng.next_u32() % 100 < percent
	}

	fn key(&mut self) -> Key {
		let i = self.below(self.keys.len());
		self.keys[i].clone()
	}

	fn base(&mut self) -> &'static str {
		BASES[self.below(BASES.len())]
	}

	fn expiration(&mut self) -> BlockNumber {
		let now = System::block_number();
		match self.below(10) {
			0 => now.saturating_sub(1),
			1 => now + MaxPayloadLifetime::get() + 1,
			2 => now,
			3 => now + MaxPayloadLifetime::get(),
			_ => now + 1 + self.below(20) as BlockNumber,
		}
	}

	fn signing(&mut self) -> Signing {
		match self.below(10) {
			0 => Signing::WrongSigner,
			1 => Signing::OtherChain,
			2 | 3 => Signing::Wrapped,
			_ => Signing::Good,
		}
	}

	fn sign<P: SignedPayload>(&mut self, key: &Key, payload: &P, how: Signing) -> MultiSignature {
		match how {
			Signing::Good => key.sign_payload(payload),
			Signing::Wrapped => key.sign_payload_wrapped(payload),
			Signing::WrongSigner => {
				let other = self.keys.iter().find(|k| k.account() != key.account()).unwrap();
				other.sign_payload(payload)
			}
			Signing::OtherChain => {
				key.sign(&signed_message(&sp_core::H256::repeat_byte(9), payload))
			}
		}
	}

	fn suffix_for(&mut self, base: &str) -> Suffix {
		let options = Handles::suffix_options(base.as_bytes().to_vec()).ok();
		match options {
			Some(o) if !o.available.is_empty() && self.chance(80) => {
				o.available[self.below(o.available.len())]
			}
			Some(o) if !o.candidates.is_empty() && self.chance(50) => {
				o.candidates[self.below(o.candidates.len())]
			}
			_ => {
				let span = (DEFAULT_SUFFIX_MAX - DEFAULT_SUFFIX_MIN + 1) as usize;
				DEFAULT_SUFFIX_MIN + self.below(span) as Suffix
			}
		}
	}

	/// An existing MSA (or a made-up id now and then).
	fn msa(&mut self) -> MsaId {
		let ids: Vec<MsaId> = MsaOwner::<Test>::iter_keys().collect();
		if ids.is_empty() || self.chance(5) {
			return self.rng.next_u32();
		}
		ids[self.below(ids.len())]
	}

	/// The key owning `msa_id` (most of the time) or another one.
	fn owner_key(&mut self, msa_id: MsaId) -> Key {
		let owner = MsaOwner::<Test>::get(msa_id);
		let found = self.keys.iter().find(|k| Some(k.account()) == owner).cloned();
		match found {
			Some(k) if self.chance(85) => k,
			_ => self.key(),
		}
	}

	fn bounded<S: frame_support::traits::Get<u32>>(bytes: &[u8]) -> BoundedVec<u8, S> {
		BoundedVec::truncate_from(bytes.to_vec())
	}

	/// One random step: a call (checked) or blocks going by.
	fn step(&mut self) {
		let kind = self.below(100);
		if kind < 12 {
			let blocks = match self.below(4) {
				0 => 1 + self.below(120),
				_ => 1 + self.below(8),
			};
			self.advance(blocks as BlockNumber);
			return;
		}
		if kind < 17 && !self.done.is_empty() {
			let i = self.below(self.done.len());
			let replay = self.done[i].clone();
			self.replays += 1;
			self.checked("replay", false, true, || replay.submit());
			return;
		}
		let how = self.signing();
		let expected_bad = how.is_bad();
		match kind {
			17..=46 => {
				let key = self.key();
				let base = self.base();
				let payload = CreateHandlePayload {
					base_handle: Self::bounded(base.as_bytes()),
					suffix: self.suffix_for(base),
					expiration: self.expiration(),
				};
				let signature = self.sign(&key, &payload, how);
				let done = Done::Create(key.account(), signature, payload);
				self.checked("create_handle", expected_bad, false, || done.clone().submit());
				self.remember(done);
			}
			47..=58 => {
				let msa_id = self.msa();
				let key = self.owner_key(msa_id);
				let handle = if self.chance(85) {
					current_handle(msa_id).unwrap_or_default()
				} else {
					b"alice.1234".to_vec()
				};
				let payload = RetireHandlePayload {
					msa_id,
					handle: Self::bounded(&handle),
					expiration: self.expiration(),
				};
				let signature = self.sign(&key, &payload, how);
				let done = Done::Retire(key.account(), signature, payload);
				self.checked("retire_handle", expected_bad, false, || done.clone().submit());
				self.remember(done);
			}
			59..=74 => {
				let msa_id = self.msa();
				let key = self.owner_key(msa_id);
				let current = current_handle(msa_id);
				// A restyle of the held handle now and then, otherwise a random base.
				let (base, suffix) = match MsaHandles::<Test>::get(msa_id) {
					Some(r) if self.chance(20) => {
						let base = r.base_str().to_uppercase();
						(base, r.suffix)
					}
					_ => {
						let base = self.base();
						(base.to_string(), self.suffix_for(base))
					}
				};
				let old_handle = if self.chance(90) { current } else { Some(b"bob.1000".to_vec()) };
				let payload = ChangeHandlePayload {
					msa_id,
					old_handle: old_handle.map(|h| Self::bounded(&h)),
					new_base_handle: Self::bounded(base.as_bytes()),
					new_suffix: suffix,
					expiration: self.expiration(),
				};
				let signature = self.sign(&key, &payload, how);
				let done = Done::Change(key.account(), signature, payload);
				self.checked("change_handle", expected_bad, false, || done.clone().submit());
				self.remember(done);
			}
			75..=86 => {
				let msa_id = self.msa();
				let owner = self.owner_key(msa_id);
				let new_owner = self.key();
				let payload = TransferOwnershipPayload {
					msa_id,
					owner: if self.chance(90) {
						MsaOwner::<Test>::get(msa_id).unwrap_or_else(|| owner.account())
					} else {
						new_owner.account()
					},
					new_owner: new_owner.account(),
					expiration: self.expiration(),
				};
				let signature = self.sign(&owner, &payload, how);
				let new_how = if self.chance(90) { Signing::Good } else { self.signing() };
				let new_signature = self.sign(&new_owner, &payload, new_how);
				let done = Done::Transfer(
					owner.account(),
					signature,
					new_owner.account(),
					new_signature,
					payload,
				);
				self.checked("transfer_ownership", expected_bad || new_how.is_bad(), false, || {
					done.clone().submit()
				});
				self.remember(done);
			}
			_ => self.governance(),
		}
	}

	/// Keeps a call that took effect (the last event is this pallet's and new) for replay.
	fn remember(&mut self, done: Done) {
		if std::mem::take(&mut self.last_ok) {
			self.done.push(done);
		}
	}

	fn governance(&mut self) {
		let root = RuntimeOrigin::root();
		let result = match self.below(5) {
			0 => {
				let (min, max) = match self.below(4) {
					0 => (DEFAULT_SUFFIX_MIN, DEFAULT_SUFFIX_MAX),
					1 => (10, 99),
					2 => (0, u32::MAX),
					_ => (500, 100),
				};
				let cooldown = self.below(40) as BlockNumber;
				self.checked("set_handle_settings", false, false, || {
					Handles::set_handle_settings(root.clone(), min, max, cooldown)
				})
			}
			1 => {
				let base = self.base();
				self.checked("add_reserved_handle", false, false, || {
					Handles::add_reserved_handle(root.clone(), Self::bounded(base.as_bytes()))
				})
			}
			2 => {
				let base = self.base();
				self.checked("remove_reserved_handle", false, false, || {
					Handles::remove_reserved_handle(root.clone(), Self::bounded(base.as_bytes()))
				})
			}
			_ => {
				let msa_id = self.msa();
				let held = MsaHandles::<Test>::get(msa_id);
				let ok = self.checked("force_retire_handle", false, false, || {
					Handles::force_retire_handle(root.clone(), msa_id)
						.map(|_| ())
						.map_err(|e| e.error)
				});
				if ok {
					let r = held.expect("force_retire succeeds only for a held handle");
					self.moderated.insert((msa_id, r.canonical, r.suffix));
				}
				ok
			}
		};
		self.last_ok = false;
		let _ = result;
	}

	/// Runs `call`; checks that a failure changed nothing, that a bad signature or a replay did
	/// not take effect, and every invariant. Returns whether it succeeded.
	fn checked(
		&mut self,
		name: &'static str,
		expect_err_bad: bool,
		is_replay: bool,
		call: impl FnOnce() -> DispatchResult,
	) -> bool {
		self.calls += 1;
		let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
		let result = call();
		match result {
			Ok(()) => {
				assert!(!expect_err_bad, "a bad signature took effect");
				assert!(!is_replay, "a payload took effect twice");
				self.succeeded += 1;
			}
			Err(_) => {
				let after = sp_io::storage::root(sp_runtime::StateVersion::V1);
				assert_eq!(before, after, "a failing call changed storage: {result:?}");
			}
		}
		for (msa_id, canonical, suffix) in &self.moderated {
			let held = MsaHandles::<Test>::get(msa_id);
			assert!(
				held.is_none_or(|r| (&r.canonical, r.suffix) != (canonical, *suffix)),
				"a moderated handle came back to its MSA"
			);
		}
		Handles::do_try_state().expect("invariants hold after every call");
		let entry = self.per_call.entry(name).or_default();
		entry.0 += 1;
		entry.1 += u64::from(result.is_ok());
		self.last_ok = result.is_ok();
		result.is_ok()
	}

	fn advance(&mut self, blocks: BlockNumber) {
		for _ in 0..blocks {
			run_to_block(System::block_number() + 1);
			if self.chance(50) {
				let remaining = if self.chance(50) {
					Weight::MAX
				} else {
					<() as WeightInfo>::prune_replay(self.below(6) as u32)
				};
				<Handles as frame_support::traits::Hooks<BlockNumber>>::on_idle(
					System::block_number(),
					remaining,
				);
			}
			self.blocks += 1;
			Handles::do_try_state().expect("invariants hold after every block");
		}
	}
}

#[test]
fn random_call_sequences_keep_every_invariant() {
	let sequences = env_or("HANDLES_FUZZ_SEQUENCES", 60);
	let steps = env_or("HANDLES_FUZZ_STEPS", 80);
	let mut totals = (0u64, 0u64, 0u64, 0u64);
	let mut per_call: std::collections::BTreeMap<&'static str, (u64, u64)> = Default::default();
	for seed in 0..u64::from(sequences) {
		new_test_ext().execute_with(|| {
			run_to_block(1);
			let mut fuzzer = Fuzzer {
				rng: ChaCha8Rng::seed_from_u64(seed),
				keys: keys(),
				done: Vec::new(),
				moderated: BTreeSet::new(),
				calls: 0,
				succeeded: 0,
				replays: 0,
				blocks: 0,
				last_ok: false,
				per_call: Default::default(),
			};
			let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
				for _ in 0..steps {
					fuzzer.step();
				}
			}));
			if let Err(panic) = outcome {
				eprintln!("fuzz sequence with seed {seed} failed");
				std::panic::resume_unwind(panic);
			}
			totals.0 += fuzzer.calls;
			totals.1 += fuzzer.succeeded;
			totals.2 += fuzzer.replays;
			totals.3 += fuzzer.blocks;
			for (name, (calls, ok)) in fuzzer.per_call {
				let entry = per_call.entry(name).or_default();
				entry.0 += calls;
				entry.1 += ok;
			}
		});
	}
	eprintln!(
		"fuzz: {sequences} sequences, {} calls ({} took effect, {} replays refused), {} blocks, \
		 0 panics, 0 invariant breaks",
		totals.0, totals.1, totals.2, totals.3
	);
	for (name, (calls, ok)) in &per_call {
		eprintln!("fuzz:   {name}: {calls} calls, {ok} took effect");
	}
	// The sequences must reach the interesting states, not fail at the first check: every call
	// takes effect sometimes (a replay never does).
	for name in ["create_handle", "retire_handle", "change_handle", "transfer_ownership"] {
		assert!(per_call.get(name).is_some_and(|(_, ok)| *ok > 0), "{name} never took effect");
	}
	assert_eq!(per_call.get("replay").map(|(_, ok)| *ok), Some(0));
	assert!(totals.1 * 10 >= totals.0, "at least a tenth of the calls take effect");
	assert!(totals.2 > 0 && totals.3 > 0);
}
