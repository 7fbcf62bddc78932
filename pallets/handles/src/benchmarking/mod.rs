//! Benchmarks of `pallet-handles` (FRAME benchmarks v2), each set up for its worst case:
//!
//! - the handle with the longest canonical form: ten Hangul syllables U+CB94 and `mm` (32 bytes,
//!   canonical form 214 bytes; the rules' bound is 224). Hangul handles are also the slowest to
//!   validate (see "Weights" in the pallet README);
//! - the full `u32` suffix range;
//! - signatures over the raw readable message, so each is verified twice (the `<Bytes>`-wrapped
//!   form that wallets produce is tried first); the two further verifications of a raw legacy
//!   signature (the worst case, [`MAX_VERIFICATIONS`]) are declared on top from the `verify_*`
//!   benchmarks, at the costliest scheme, and `probe_create_legacy_signature` checks the sum
//!   covers it;
//! - every signed call three times, with an sr25519, an ed25519 and an ecdsa owner
//!   (`create_handle`, `create_handle_ed25519`, `create_handle_ecdsa`, ...): the call declares the
//!   largest of the three, so no key scheme is cheaper to declare than to run;
//! - owners' MSA lists full (`MaxMsasPerOwner - 1` before an insert, `MaxMsasPerOwner` before a
//!   removal);
//! - an old handle that cools down on change, a non-zero cooldown on retire;
//! - `prune_replay(p)` and `prune_cooldowns(p)` over `p` in `0..=MaxIdlePrune`, each pruned entry
//!   expired and one more, not yet expired, behind them (the read that stops the pruning). The
//!   pruning a call does (two entries per entry it adds) is declared on top of the call's own
//!   benchmark, which runs with empty queues.
//!
//! Layout: [`keys`] makes the signing keys of each scheme, [`cases`] the worst-case states and
//! one set-up-and-check helper per signed call, and this module declares the benchmarks
//! (`handles_benchmarks!`): the weights first, a signed call's benchmark one line per key scheme
//! (`create_handle_ed25519: create(Ed25519)`), then, fenced off at the end, the probes.
//!
//! The `probe_*` benchmarks are not weights: they check that these choices are the worst case
//! (raw signatures, other handles, emptier owner lists). They are marked `extra`, so the CLI runs
//! them only with `--extra` and they stay out of `weights.rs`; the pallet README has the command
//! and the figures.
//!
//! Keys are made in the benchmark keystore (`sp_io::crypto`), so the runtime's `Signer` and
//! `Signature` must convert from sr25519, ed25519 and ecdsa keys and signatures and have Ethereum
//! ones (`MultiSigner`/`MultiSignature` do).

pub(crate) mod cases;
mod keys;

use crate::{Pallet as Handles, *};
use alloc::vec::Vec;
use cases::{
	assert_last_event, bounded, fill_cooldown_queue, fill_replay_queue, give_handle, governance,
	longest_wallet_message, setup, CreateCase, WORST_SYLLABLE,
};
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use keys::{BenchmarkConfig, Form, Scheme};

/// Declares the benchmarks: the `#[benchmarks]` module (FRAME benchmarks v2) named after the
/// attribute, then four sections, in the order of `weights.rs`:
///
/// - `signed_calls`: one line per benchmark of a signed call, `name: case(Scheme)`, the worst case
///   that [`cases`]' helper `case` sets up and checks, signed by a key of `Scheme`;
/// - `others`: the governance calls and hooks, written out;
/// - `verifications`: one line per key scheme, `name: Scheme`, one verification of the longest
///   wallet-signed readable message (EIP-191 for `Eth`);
/// - `probes`: the `extra` benchmarks, written out (see the module docs).
///
/// A new key scheme is a line per signed call and one verification here, besides its key in
/// [`keys`].
macro_rules! handles_benchmarks {
	(
		// The `#[benchmarks]` attribute and the module's name, taken whole from the invocation:
		// the names the attribute declares (the components `p`, `l`, ..., the module's glob
		// import) must resolve where the invocation uses them.
		$pound:tt $benchmarks:tt mod $module:ident;
		signed_calls { $($call_benchmark:ident: $case:ident($call_scheme:ident),)* }
		others { $($others:tt)* }
		verifications { $($verify_benchmark:ident: $verify_scheme:ident,)* }
		probes { $($probes:tt)* }
	) => {
		$pound $benchmarks
		mod $module {
			use super::*;

			$(
				#[benchmark]
				fn $call_benchmark() -> Result<(), BenchmarkError> {
					let (call, check) = cases::$case::<T>(Scheme::$call_scheme);
					#[block]
					{
						call.dispatch()?;
					}
					check();
					Ok(())
				}
			)*

			$($others)*

			$(
				#[benchmark]
				fn $verify_benchmark() {
					let (key, messages, signature) =
						longest_wallet_message::<T>(Scheme::$verify_scheme);
					let verified;

					#[block]
					{
						verified = messages.verify(&signature, &key.account);
					}

					assert_eq!(verified.map(Verified::verifications), Some(1));
				}
			)*

			$($probes)*
		}
	};
}

handles_benchmarks! {
	#[benchmarks(where T: BenchmarkConfig)]
	mod benchmarks;

	// The worst case of each signed call (see `cases`), with each key scheme: the call declares
	// the largest of the three.
	signed_calls {
		create_handle: create(Sr25519),
		retire_handle: retire(Sr25519),
		change_handle: change(Sr25519),
		transfer_ownership: transfer(Sr25519),
		create_handle_ed25519: create(Ed25519),
		retire_handle_ed25519: retire(Ed25519),
		change_handle_ed25519: change(Ed25519),
		transfer_ownership_ed25519: transfer(Ed25519),
		create_handle_ecdsa: create(Ecdsa),
		retire_handle_ecdsa: retire(Ecdsa),
		change_handle_ecdsa: change(Ecdsa),
		transfer_ownership_ecdsa: transfer(Ecdsa),
	}

	// Governance calls and hooks.
	others {
		#[benchmark]
		fn set_handle_settings() -> Result<(), BenchmarkError> {
			let origin = governance::<T>()?;

			#[extrinsic_call]
			_(origin as T::RuntimeOrigin, 0, u32::MAX, 7u32.into());

			assert_last_event::<T>(Event::HandleSettingsChanged {
				suffix_min: 0,
				suffix_max: u32::MAX,
				reuse_cooldown: 7u32.into(),
			});
			Ok(())
		}

		#[benchmark]
		fn set_legacy_payload_deadline() -> Result<(), BenchmarkError> {
			let origin = governance::<T>()?;

			#[extrinsic_call]
			_(origin as T::RuntimeOrigin, 7u32.into());

			assert_last_event::<T>(Event::LegacyPayloadDeadlineSet { block: 7u32.into() });
			Ok(())
		}

		#[benchmark]
		fn add_reserved_handle() -> Result<(), BenchmarkError> {
			let origin = governance::<T>()?;
			let base = cases::worst_handle(WORST_SYLLABLE);

			#[extrinsic_call]
			_(origin as T::RuntimeOrigin, bounded(base.clone()));

			let canonical = Handles::<T>::reserved_canonical(&base).expect("valid");
			assert!(ReservedHandles::<T>::contains_key(canonical));
			Ok(())
		}

		#[benchmark]
		fn remove_reserved_handle() -> Result<(), BenchmarkError> {
			let origin = governance::<T>()?;
			let base = cases::worst_handle(WORST_SYLLABLE);
			let canonical = Handles::<T>::reserved_canonical(&base).expect("valid");
			ReservedHandles::<T>::insert(&canonical, ());

			#[extrinsic_call]
			_(origin as T::RuntimeOrigin, bounded(base));

			assert!(!ReservedHandles::<T>::contains_key(canonical));
			Ok(())
		}

		#[benchmark]
		fn force_retire_handle() -> Result<(), BenchmarkError> {
			let origin = governance::<T>()?;
			let owner: T::AccountId = account("owner", 0, 0);
			let msa_id = give_handle::<T>(&owner, &cases::worst_handle(WORST_SYLLABLE));

			#[extrinsic_call]
			_(origin as T::RuntimeOrigin, msa_id);

			assert!(!MsaHandles::<T>::contains_key(msa_id));
			Ok(())
		}

		#[benchmark]
		fn rotate_seeds() {
			setup::<T>();
			let before = Seeds::<T>::get();

			#[block]
			{
				Handles::<T>::rotate_seeds();
			}

			assert_eq!(Seeds::<T>::get().previous, before.current);
		}

		#[benchmark]
		fn prune_replay(p: Linear<0, { T::MaxIdlePrune::get() }>) {
			setup::<T>();
			fill_replay_queue::<T>(p);
			let pruned;

			#[block]
			{
				pruned = Handles::<T>::prune_replay(p.saturating_add(1));
			}

			assert_eq!(pruned, p);
			assert_eq!(ReplayQueueBounds::<T>::get().len(), 1);
		}

		#[benchmark]
		fn prune_cooldowns(p: Linear<0, { T::MaxIdlePrune::get() }>) {
			setup::<T>();
			fill_cooldown_queue::<T>(p);
			let pruned;

			#[block]
			{
				pruned = Handles::<T>::prune_cooldowns(p.saturating_add(1));
			}

			assert_eq!(pruned, p);
			assert_eq!(CooldownQueueBounds::<T>::get().len(), 1);
			assert_eq!(CoolingDown::<T>::iter().count(), 1);
		}
	}

	// One verification of the longest wallet-signed readable message, per key scheme.
	verifications {
		verify_sr25519: Sr25519,
		verify_ed25519: Ed25519,
		verify_ecdsa: Ecdsa,
		verify_eth: Eth,
	}

	// =============================================================================================
	// Probes: `extra` benchmarks, not weights. They check that the choices above are the worst
	// case and split the worst wallet-signed create into its parts; the CLI runs them only with
	// `--extra` (`scripts/benchmark` does, after the weights), and they stay out of `weights.rs`.
	// =============================================================================================
	probes {

		/// `create_handle` with an ASCII handle of `l` bytes (`m`, canonical `2 l` bytes) and `o`
		/// MSAs already owned: the slopes must not be negative, and at `l` = 32 it must not cost
		/// more than `create_handle` with the worst handle.
		#[benchmark(extra)]
		fn probe_create_ascii(
			l: Linear<
				{ handles_rules::MIN_BASE_CHARS as u32 },
				{ handles_rules::MAX_BASE_BYTES as u32 },
			>,
			o: Linear<0, { T::MaxMsasPerOwner::get().saturating_sub(1) }>,
		) -> Result<(), BenchmarkError> {
			let ascii = cases::ascii_handle(b'm', l);
			let (call, check) = CreateCase::<T>::new(Scheme::Sr25519, Form::Raw, ascii, o).call();
			#[block]
			{
				call.dispatch()?;
			}
			check();
			Ok(())
		}

		/// The pool check of the worst wallet-signed `create_handle` (`Pallet::pool_validity`:
		/// the call run and rolled back when it enters the transaction pool). Not a weight: the
		/// pool check runs in `validate_transaction`, outside blocks; this is what the pool pays
		/// per claim. Nothing remains of it.
		#[benchmark(extra)]
		fn probe_pool_check_create() -> Result<(), BenchmarkError> {
			let case = CreateCase::<T>::worst(Scheme::Sr25519, Form::Wrapped);
			let owner = case.owner.account.clone();
			let (call, _) = case.call();
			#[block]
			{
				call.pool_check()?;
			}
			assert!(OwnerMsas::<T>::get(&owner).len() < T::MaxMsasPerOwner::get() as usize);
			assert_eq!(ReplayQueueBounds::<T>::get().len(), 0, "no replay entry remains");
			Ok(())
		}

		/// `create_handle` signed over the raw legacy message: four verifications, the worst
		/// path. `create_handle` plus two `verify_*` must not be less.
		#[benchmark(extra)]
		fn probe_create_legacy_signature() -> Result<(), BenchmarkError> {
			let (call, check) = CreateCase::<T>::worst(Scheme::Sr25519, Form::LegacyRaw).call();
			#[block]
			{
				call.dispatch()?;
			}
			check();
			Ok(())
		}

		/// `create_handle` signed over the `<Bytes>`-wrapped readable message, as wallets sign
		/// (one verification instead of two).
		#[benchmark(extra)]
		fn probe_create_wallet_signature() -> Result<(), BenchmarkError> {
			let (call, check) = CreateCase::<T>::worst(Scheme::Sr25519, Form::Wrapped).call();
			#[block]
			{
				call.dispatch()?;
			}
			check();
			Ok(())
		}

		/// Where the time of a wallet-signed `create_handle` goes, in the state of the worst
		/// create: `r` storage reads of existing entries (`MsaOwner` of `r` more MSAs of the
		/// owner), the slope being the cost of one read through the trie as every benchmark reads.
		#[benchmark(extra)]
		fn probe_create_reads(r: Linear<1, 20>) {
			let case = CreateCase::<T>::worst(Scheme::Sr25519, Form::Wrapped);
			let ids: Vec<MsaId> = (1..=r).collect();
			for id in &ids {
				MsaOwner::<T>::insert(id, &case.owner.account);
			}
			let mut found = 0u32;

			#[block]
			{
				for id in &ids {
					found += u32::from(MsaOwner::<T>::get(id).is_some());
				}
			}

			assert_eq!(found, r);
		}

		/// The rules' validation of the worst handle alone (no storage).
		#[benchmark(extra)]
		fn probe_create_validate() {
			let case = CreateCase::<T>::worst(Scheme::Sr25519, Form::Wrapped);
			let valid;

			#[block]
			{
				valid = handles_rules::validate(&case.payload.base_handle, |_| false);
			}

			assert!(valid.is_ok());
		}

		/// The suffix options and the derived MSA id of the worst handle alone (no storage).
		#[benchmark(extra)]
		fn probe_create_options() {
			let CreateCase { payload, .. } = CreateCase::<T>::worst(Scheme::Sr25519, Form::Wrapped);
			let canonical = handles_rules::canonical(
				core::str::from_utf8(&payload.base_handle).expect("the worst handle is UTF-8"),
			);
			// The set-up's seeds and range, read before the measured block.
			let (seeds, range) = (Seeds::<T>::get(), Handles::<T>::suffix_range());
			let (options, derived);

			#[block]
			{
				options = Handles::<T>::options_under(&seeds, &canonical, range);
				derived = Handles::<T>::derived_msa_id(&canonical, payload.suffix);
			}

			assert!(options.contains(&payload.suffix));
			assert!(!MsaOwner::<T>::contains_key(derived));
		}

		/// Every check of the worst wallet-signed create and none of its writes: validation with
		/// the reserved read, the message, one verification with the replay read, the claim's
		/// reads and the owner's list.
		#[benchmark(extra)]
		fn probe_create_checks() {
			let CreateCase { owner, signature, payload, .. } =
				CreateCase::<T>::worst(Scheme::Sr25519, Form::Wrapped);
			let owned;

			#[block]
			{
				let handle = Handles::<T>::check_handle(&payload.base_handle).expect("valid");
				let messages = Handles::<T>::messages_for(&payload);
				Handles::<T>::check_signed(&messages, &owner.account, &signature).expect("signed");
				let claim = Handles::<T>::check_claim(handle, payload.suffix, None).expect("free");
				let derived = claim.derived_msa_id;
				owned = Handles::<T>::owned_with(&owner.account, derived).expect("room");
			}

			assert_eq!(owned.len() as u32, T::MaxMsasPerOwner::get());
		}

		/// The writes of the worst create after its checks: the replay entry with its queue, both
		/// handle maps and the pair's ended cooldown, the MSA's owner and the owner's list.
		#[benchmark(extra)]
		fn probe_create_writes() {
			let CreateCase { owner, signature, payload, .. } =
				CreateCase::<T>::worst(Scheme::Sr25519, Form::Wrapped);
			let handle = Handles::<T>::check_handle(&payload.base_handle).expect("valid");
			let messages = Handles::<T>::messages_for(&payload);
			let (key, _) =
				Handles::<T>::check_signed(&messages, &owner.account, &signature).expect("signed");
			let claim = Handles::<T>::check_claim(handle, payload.suffix, None).expect("free");
			let msa_id = claim.derived_msa_id;
			let owned = Handles::<T>::owned_with(&owner.account, msa_id).expect("room");

			#[block]
			{
				Handles::<T>::record_payload(payload.expiration, key);
				let _ = Handles::<T>::write_handle(msa_id, claim);
				MsaOwner::<T>::insert(msa_id, &owner.account);
				OwnerMsas::<T>::insert(&owner.account, owned);
			}

			assert!(MsaOwner::<T>::contains_key(msa_id));
		}

		/// The event of the worst create (the longest display handle: ten-digit suffix).
		#[benchmark(extra)]
		fn probe_create_event() {
			let CreateCase { owner, payload, .. } =
				CreateCase::<T>::worst(Scheme::Sr25519, Form::Wrapped);
			let mut handle = payload.base_handle.to_vec();
			handle.extend_from_slice(b".1234567890");

			#[block]
			{
				Handles::<T>::deposit_event(Event::MsaCreatedWithHandle {
					msa_id: 7,
					owner: owner.account.clone(),
					handle: handle.clone(),
				});
			}
		}

		/// The worst wallet-signed create without its dispatch: `probe_create_wallet_signature`
		/// minus this is the call's decoding and the storage layer every call runs in.
		#[benchmark(extra)]
		fn probe_create_undispatched() {
			let CreateCase { owner, signature, payload, .. } =
				CreateCase::<T>::worst(Scheme::Sr25519, Form::Wrapped);

			#[block]
			{
				Handles::<T>::do_create_handle(owner.account.clone(), signature, payload)
					.expect("ok");
			}
			assert_eq!(OwnerMsas::<T>::get(&owner.account).len() as u32, T::MaxMsasPerOwner::get());
		}

		/// `transfer_ownership` between owners holding `o` MSAs each (plus the one moved).
		#[benchmark(extra)]
		fn probe_transfer_owned(
			o: Linear<0, { T::MaxMsasPerOwner::get().saturating_sub(1) }>,
		) -> Result<(), BenchmarkError> {
			let (call, check) = cases::transfer_with::<T>(Scheme::Sr25519, o);
			#[block]
			{
				call.dispatch()?;
			}
			check();
			Ok(())
		}

		impl_benchmark_test_suite!(Handles, crate::mock::new_test_ext(), crate::mock::Test);
	}
}

#[cfg(test)]
mod worst_case_tests {
	use super::{cases::WORST_SYLLABLE_2, *};

	#[test]
	fn worst_handles_fill_the_base_and_have_the_longest_canonical_form() {
		for syllable in [WORST_SYLLABLE, WORST_SYLLABLE_2] {
			let handle = cases::worst_handle(syllable);
			assert_eq!(handle.len(), handles_rules::MAX_BASE_BYTES);
			let valid = handles_rules::validate_with_default_reserved(&handle).expect("valid");
			assert_eq!(valid.canonical.len(), 214);
			// Longer than every ASCII handle's canonical form (at most 2 bytes per letter).
			assert!(valid.canonical.len() > 2 * handles_rules::MAX_BASE_BYTES);
		}
	}

	/// Every character a valid handle may hold, with its UTF-8 width and the length of its
	/// canonical form, longest first: each code point is folded once and kept when, after three
	/// letters (no leading mark, long enough), the rules do not refuse it as disallowed or
	/// forbidden.
	fn usable_characters() -> Vec<(char, usize, usize)> {
		let mut usable: Vec<_> = (0..=u32::from(char::MAX))
			.filter_map(char::from_u32)
			.filter_map(|c| {
				let mut text = alloc::string::String::from("aaa");
				text.push(c);
				let refused = matches!(
					handles_rules::validate(text.as_bytes(), |_| false),
					Err(handles_rules::HandleError::DisallowedCharacter(_)
						| handles_rules::HandleError::ForbiddenCharacter(_))
				);
				let gain = handles_rules::canonical(c.encode_utf8(&mut [0; 4])).len();
				(!refused).then_some((c, c.len_utf8(), gain))
			})
			.collect();
		usable.sort_by_key(|(_, _, gain)| core::cmp::Reverse(*gain));
		usable
	}

	/// The longest canonical form of `bytes` bytes of characters, the best of each width from
	/// `best` (a knapsack over the widths 1 to 4, as the rules crate's bound test computes).
	fn knapsack(best: &[usize; 5], bytes: usize) -> usize {
		let mut reach = alloc::vec![0usize; bytes + 1];
		for n in 1..=bytes {
			for (width, gain) in best.iter().enumerate().skip(1).filter(|(w, _)| *w <= n) {
				reach[n] = reach[n].max(reach[n - width] + gain);
			}
		}
		reach[bytes]
	}

	/// The best of each width among `usable` characters that `keep` accepts.
	fn best_of_each_width(
		usable: &[(char, usize, usize)],
		keep: impl Fn(char) -> bool,
	) -> [usize; 5] {
		let mut best = [0usize; 5];
		for (c, width, gain) in usable {
			// Longest first: the first kept character of a width is its best.
			if best[*width] == 0 && keep(*c) {
				best[*width] = *gain;
			}
		}
		best
	}

	/// No valid handle has a canonical form longer than `longest` (the benchmarks' handle's):
	/// a handle holding character `x` holds, besides it, `MAX_BASE_BYTES - width(x)` bytes of
	/// characters each of which may stand next to `x` (rule 4 holds for every part of a valid
	/// handle); the best such filling plus `x` bounds every handle holding `x`. Only characters
	/// that could beat `longest` even with any filling are looked at.
	fn no_handle_is_longer_than(longest: usize) -> Result<(), alloc::string::String> {
		let max = handles_rules::MAX_BASE_BYTES;
		let usable = usable_characters();
		let any = best_of_each_width(&usable, |_| true);
		// With any characters at all: the rules crate's bound, which must cover it.
		assert!(knapsack(&any, max) <= handles_rules::MAX_CANONICAL_BYTES);
		for (x, width, gain) in &usable {
			if gain + knapsack(&any, max - width) <= longest {
				continue;
			}
			let beside_x = best_of_each_width(&usable, |c| {
				let mut pair = alloc::string::String::from(*x);
				pair.push(c);
				handles_rules::is_highly_restrictive(&pair)
			});
			let bound = gain + knapsack(&beside_x, max - width);
			if bound > longest {
				return Err(alloc::format!("a handle with {x:?} may reach {bound} bytes"));
			}
		}
		Ok(())
	}

	#[test]
	fn worst_handles_have_the_longest_canonical_form_of_any_handle() {
		for syllable in [WORST_SYLLABLE, WORST_SYLLABLE_2] {
			let handle = cases::worst_handle(syllable);
			let valid = handles_rules::validate_with_default_reserved(&handle).expect("valid");
			if let Err(longer) = no_handle_is_longer_than(valid.canonical.len()) {
				panic!(
					"the benchmarks' handle of {syllable:?} ({} bytes of canonical form) is not \
					 the longest: {longer}",
					valid.canonical.len()
				);
			}
		}
	}
}
