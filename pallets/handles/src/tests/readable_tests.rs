//! Readable messages (SPEC "Signed payloads (v3)"): every call takes a signature over the text
//! the chain builds from its arguments, raw, `<Bytes>`-wrapped or (Ethereum keys) EIP-191; the
//! legacy SCALE messages stay accepted; a payload takes effect once whichever form was signed, and
//! only for its own call on its own chain.

use crate::{mock::*, *};
use frame_support::traits::Get;
use frame_support::{assert_noop, assert_ok, weights::Weight};
use sp_core::{crypto::Ss58Codec, ecdsa, Pair};
use sp_keyring::Ed25519Keyring;

/// Owner, new owner and the form both sign in: every key type with each readable form its
/// wallets make.
fn signers() -> Vec<(Key, Key, Form)> {
	let ferdie_ecdsa = || Key::ecdsa("//Ferdie");
	let eve_ed = || Key::ed(Ed25519Keyring::Eve);
	vec![
		(alice(), bob(), Form::ReadableWrapped),
		(alice(), bob(), Form::Readable),
		(dave_ed(), eve_ed(), Form::ReadableWrapped),
		(dave_ed(), eve_ed(), Form::Readable),
		(eve_ecdsa(), ferdie_ecdsa(), Form::ReadableWrapped),
		(eve_ecdsa(), ferdie_ecdsa(), Form::Readable),
		(Key::eth(), Key::eth(), Form::Eip191),
	]
}

/// A base handle of letters for the `i`th case (`reader` + a letter).
fn base(word: &str, i: usize) -> String {
	format!("{word}{}", char::from(b'a' + i as u8))
}

/// The MSA the last `MsaCreatedWithHandle` event created.
fn created_msa() -> MsaId {
	match last_event() {
		Event::MsaCreatedWithHandle { msa_id, .. } => msa_id,
		other => panic!("expected MsaCreatedWithHandle, got {other:?}"),
	}
}

#[test]
fn every_call_takes_the_readable_message_in_each_wrapping_from_each_key_type() {
	test(|| {
		for (i, (owner, new_owner, form)) in signers().into_iter().enumerate() {
			let claim = create_payload(&base("reader", i), available_suffix(&base("reader", i)));
			let signature = owner.sign_in(&claim, form);
			assert_ok!(try_create_with_signature(&owner, signature, claim));
			let msa_id = created_msa();
			assert_eq!(MsaOwner::<Test>::get(msa_id), Some(owner.account()));

			let (new_base, new_suffix) = (base("writer", i), available_suffix(&base("writer", i)));
			let change = change_payload(msa_id, &new_base, new_suffix);
			assert_ok!(try_change_with_signature(&owner, owner.sign_in(&change, form), change));
			assert_eq!(current_handle(msa_id), Some(format!("{new_base}.{new_suffix}").into()));

			let transfer = transfer_payload(msa_id, &new_owner);
			let (by_owner, by_new_owner) =
				(owner.sign_in(&transfer, form), new_owner.sign_in(&transfer, form));
			assert_ok!(try_transfer_with_signatures(
				&owner,
				by_owner,
				&new_owner,
				by_new_owner,
				transfer
			));
			assert_eq!(MsaOwner::<Test>::get(msa_id), Some(new_owner.account()));

			let retire = retire_payload(msa_id);
			let signature = new_owner.sign_in(&retire, form);
			assert_ok!(try_retire_with_signature(&new_owner, signature, retire));
			assert_eq!(current_handle(msa_id), None);
		}
	})
}

#[test]
fn the_readable_message_is_the_text_of_the_spec() {
	test(|| {
		let genesis = format!("0x{}", hex(Handles::genesis_hash().as_bytes()));
		let claim = CreateHandlePayload::<BlockNumber> {
			base_handle: b"Alice".to_vec().try_into().unwrap(),
			suffix: 4821,
			expiration: 1234,
		};
		let text = |bytes: Option<Vec<u8>>| String::from_utf8(bytes.unwrap()).unwrap();
		assert_eq!(
			text(Handles::readable_message_for(&claim)),
			format!("Handles: claim Alice.4821\nChain: Handles {genesis}\nValid until block: 1234")
		);
		// A transfer shows the handle the MSA holds now, from chain state.
		let (msa_id, suffix) = create(&alice(), "alice");
		let transfer = transfer_payload(msa_id, &bob());
		// Accounts in SS58 with the chain's `SS58Prefix` (frame_system's: 0 in the mock).
		let prefix = <Test as frame_system::Config>::SS58Prefix::get();
		assert_eq!(prefix, 0);
		let ss58 = |key: Key| {
			key.account()
				.to_ss58check_with_version(sp_core::crypto::Ss58AddressFormat::custom(prefix))
		};
		assert_eq!(
			text(Handles::readable_message_for(&transfer)),
			format!(
				"Handles: transfer MSA {msa_id} (alice.{suffix}) from {} to {}\nChain: Handles \
				 {genesis}\nValid until block: {}",
				ss58(alice()),
				ss58(bob()),
				transfer.expiration
			)
		);
	})
}

/// Lowercase hex of `bytes`.
fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn each_signature_kind_is_verified_on_its_own_path() {
	test(|| {
		let payload = create_payload("alice", available_suffix("alice"));
		let messages = Handles::messages_for(&payload);
		let eth = Key::eth();
		for (key, form, expected) in [
			(alice(), Form::ReadableWrapped, Some(Verified::ReadableWrapped)),
			(alice(), Form::Readable, Some(Verified::ReadableRaw)),
			(alice(), Form::LegacyWrapped, Some(Verified::LegacyWrapped)),
			(alice(), Form::Legacy, Some(Verified::LegacyRaw)),
			(dave_ed(), Form::ReadableWrapped, Some(Verified::ReadableWrapped)),
			(eve_ecdsa(), Form::Readable, Some(Verified::ReadableRaw)),
			(eth.clone(), Form::Eip191, Some(Verified::Eip191)),
			// An Ethereum signature is checked against EIP-191 only.
			(eth.clone(), Form::ReadableWrapped, None),
			(eth.clone(), Form::Readable, None),
			(eth.clone(), Form::Legacy, None),
			(eth, Form::LegacyWrapped, None),
			// The other kinds never against EIP-191.
			(alice(), Form::Eip191, None),
			(eve_ecdsa(), Form::Eip191, None),
		] {
			let signature = key.sign_in(&payload, form);
			assert_eq!(messages.verify(&signature, &key.account()), expected, "{form:?}");
		}
	})
}

#[test]
fn each_wallet_path_costs_one_verification_and_a_raw_legacy_signature_four() {
	test(|| {
		let declared = Handles::create_handle_weight();
		let one = Handles::verification_weight();
		// Nothing has expired and the fresh pairs have no ended cooldown: both refunded too.
		let others = unused_replay_pruning() + one_write();
		for (i, (key, form, verifications)) in [
			(alice(), Form::ReadableWrapped, 1u64),
			(bob(), Form::Readable, 2),
			(charlie(), Form::LegacyWrapped, 3),
			(dave_ed(), Form::Legacy, 4),
			(Key::eth(), Form::Eip191, 1),
		]
		.into_iter()
		.enumerate()
		{
			let payload = create_payload(&base("path", i), available_suffix(&base("path", i)));
			let signature = key.sign_in(&payload, form);
			let info = try_create_with_signature(&key, signature, payload).expect("created");
			let saved = one.saturating_mul(u64::from(MAX_VERIFICATIONS) - verifications);
			// The read of the legacy deadline is returned unless the signature was legacy.
			let legacy = matches!(form, Form::Legacy | Form::LegacyWrapped);
			let deadline = if legacy { Weight::zero() } else { one_read() };
			assert_eq!(info.actual_weight, Some(declared - saved - others - deadline), "{form:?}");
		}
		// The declared weight holds the two verifications beyond the benchmarked ones.
		let benchmarked = <() as WeightInfo>::create_handle()
			.max(<() as WeightInfo>::create_handle_ed25519())
			.max(<() as WeightInfo>::create_handle_ecdsa());
		let extra = u64::from(MAX_VERIFICATIONS - BENCHMARKED_VERIFICATIONS);
		assert!(declared
			.all_gte(benchmarked + Handles::worst_verification_weight().saturating_mul(extra)));
		assert!(Handles::worst_verification_weight().all_gte(<() as WeightInfo>::verify_eth()));
		assert!(one.any_gt(Weight::zero()));
	})
}

#[test]
fn a_readable_message_for_another_chain_fails() {
	test(|| {
		let payload = create_payload("alice", available_suffix("alice"));
		let said = payload.readable(None).expect("readable");
		let here = Handles::signing_chain().expect("a 32-byte genesis hash");
		let other_genesis = handles_signing::Chain { genesis_hash: [1; 32], ..here };
		let other_name = handles_signing::Chain { name: "Handles Testnet", ..here };
		let eth = Key::eth();
		for chain in [other_genesis, other_name] {
			let text = handles_signing::signing_message(&chain, &said).into_bytes();
			let by_alice = alice().sign(&wrap_bytes(&text));
			assert_noop!(
				try_create_with_signature(&alice(), by_alice, payload.clone()),
				Error::<Test>::InvalidSignature
			);
			let by_eth = eth.sign(&eip191(&text));
			assert_noop!(
				try_create_with_signature(&eth, by_eth, payload.clone()),
				Error::<Test>::InvalidSignature
			);
		}
		// The same words for this chain are the chain's own message, and work.
		let text = handles_signing::signing_message(&here, &said).into_bytes();
		assert_eq!(Some(text.clone()), Handles::readable_message_for(&payload));
		assert_ok!(try_create_with_signature(&eth, eth.sign(&eip191(&text)), payload));
	})
}

#[test]
fn a_readable_message_for_one_call_fails_for_another() {
	test(|| {
		let (msa_id, _) = create(&alice(), "alice");
		// Both owners sign a claim's text; it is offered for a transfer.
		let claim = create_payload("bobby", available_suffix("bobby"));
		let form = Form::ReadableWrapped;
		let (by_alice, by_bob) = (alice().sign_in(&claim, form), bob().sign_in(&claim, form));
		let transfer = transfer_payload(msa_id, &bob());
		assert_noop!(
			try_transfer_with_signatures(&alice(), by_alice, &bob(), by_bob, transfer),
			Error::<Test>::InvalidSignature
		);
		// A retire's text offered for a change of the same MSA, and the reverse.
		let retire = retire_payload(msa_id);
		let change = change_payload(msa_id, "carol", available_suffix("carol"));
		let signature = alice().sign_in(&retire, form);
		assert_noop!(
			try_change_with_signature(&alice(), signature, change.clone()),
			Error::<Test>::InvalidSignature
		);
		let signature = alice().sign_in(&change, form);
		assert_noop!(
			try_retire_with_signature(&alice(), signature, retire),
			Error::<Test>::InvalidSignature
		);
		// An Ethereum owner's claim text offered for its retire.
		let eth = Key::eth();
		let claim = create_payload("ether", available_suffix("ether"));
		assert_ok!(try_create_with_signature(
			&eth,
			eth.sign_in(&claim, Form::Eip191),
			claim.clone()
		));
		let retire = retire_payload(created_msa());
		assert_noop!(
			try_retire_with_signature(&eth, eth.sign_in(&claim, Form::Eip191), retire),
			Error::<Test>::InvalidSignature
		);
	})
}

#[test]
fn a_readable_message_signed_by_another_key_fails() {
	test(|| {
		for (i, (owner, signer, form)) in [
			(alice(), bob(), Form::ReadableWrapped),
			(alice(), bob(), Form::Readable),
			(dave_ed(), eve_ecdsa(), Form::ReadableWrapped),
			(Key::eth(), Key::eth(), Form::Eip191),
		]
		.into_iter()
		.enumerate()
		{
			let payload = create_payload(&base("signer", i), available_suffix(&base("signer", i)));
			let signature = signer.sign_in(&payload, form);
			assert_noop!(
				try_create_with_signature(&owner, signature, payload),
				Error::<Test>::InvalidSignature
			);
		}
		// The new owner's signature of a transfer, by a key other than the new owner's.
		let eth = Key::eth();
		let (msa_id, _) = create(&alice(), "alice");
		let transfer = transfer_payload(msa_id, &eth);
		let by_alice = alice().sign_in(&transfer, Form::ReadableWrapped);
		let by_another = Key::eth().sign_in(&transfer, Form::Eip191);
		assert_noop!(
			try_transfer_with_signatures(&alice(), by_alice, &eth, by_another, transfer),
			Error::<Test>::InvalidNewOwnerSignature
		);
	})
}

#[test]
fn a_tampered_readable_message_fails() {
	test(|| {
		let payload = create_payload("alice", available_suffix("alice"));
		let text = String::from_utf8(Handles::readable_message_for(&payload).unwrap()).unwrap();
		let tampered = [
			// A look-alike letter (Cyrillic е).
			text.replacen("alice", "alic\u{0435}", 1),
			text.replacen("claim", "Claim", 1),
			text.replacen("Valid until block: ", "Valid until block: 1", 1),
			format!("{text}\n"),
			text.replacen("Handles: ", "Handles:  ", 1),
		];
		let eth = Key::eth();
		for bad in tampered {
			assert_ne!(bad, text);
			let by_alice = alice().sign(&wrap_bytes(bad.as_bytes()));
			assert_noop!(
				try_create_with_signature(&alice(), by_alice, payload.clone()),
				Error::<Test>::InvalidSignature
			);
			let by_eth = eth.sign(&eip191(bad.as_bytes()));
			assert_noop!(
				try_create_with_signature(&eth, by_eth, payload.clone()),
				Error::<Test>::InvalidSignature
			);
		}
	})
}

#[test]
fn a_transfer_text_names_the_handle_the_msa_holds_when_it_lands() {
	test(|| {
		let eth = Key::eth();
		let (msa_id, _) = create(&alice(), "alice");
		let transfer = transfer_payload(msa_id, &eth);
		let by_alice = alice().sign_in(&transfer, Form::ReadableWrapped);
		let by_eth = eth.sign_in(&transfer, Form::Eip191);
		// The MSA gets another handle after both signed: the text they saw is no longer true.
		change(&alice(), msa_id, "carol", available_suffix("carol"));
		assert_noop!(
			try_transfer_with_signatures(&alice(), by_alice, &eth, by_eth, transfer),
			Error::<Test>::InvalidSignature
		);
	})
}

#[test]
fn a_payload_takes_effect_once_whichever_form_was_signed() {
	test(|| {
		for (i, (first, second)) in [
			(Form::ReadableWrapped, Form::Legacy),
			(Form::Legacy, Form::ReadableWrapped),
			(Form::Readable, Form::LegacyWrapped),
			(Form::LegacyWrapped, Form::Readable),
		]
		.into_iter()
		.enumerate()
		{
			let payload = create_payload(&base("once", i), available_suffix(&base("once", i)));
			let signature = alice().sign_in(&payload, first);
			assert_ok!(try_create_with_signature(&alice(), signature, payload.clone()));
			let twin = alice().sign_in(&payload, second);
			assert_noop!(
				try_create_with_signature(&alice(), twin, payload),
				Error::<Test>::PayloadReplayed
			);
		}
		// After the state it acted on is restored: a retire signed as readable text lands, the
		// handle comes back, and the same retire in its legacy form is a replay.
		no_cooldown();
		let (msa_id, suffix) = create(&bob(), "bobby");
		let retire = retire_payload(msa_id);
		let signature = bob().sign_in(&retire, Form::ReadableWrapped);
		assert_ok!(try_retire_with_signature(&bob(), signature, retire.clone()));
		change(&bob(), msa_id, "bobby", suffix);
		assert_eq!(current_handle(msa_id), Some(format!("bobby.{suffix}").into()));
		assert_noop!(
			try_retire_with_signature(&bob(), bob().sign_in(&retire, Form::Legacy), retire),
			Error::<Test>::PayloadReplayed
		);
	})
}

#[test]
fn an_expired_readable_payload_fails() {
	test(|| {
		let eth = Key::eth();
		let payload = create_payload("alice", available_suffix("alice"));
		let by_alice = alice().sign_in(&payload, Form::ReadableWrapped);
		let by_eth = eth.sign_in(&payload, Form::Eip191);
		run_to_block(payload.expiration + 1);
		assert_noop!(
			try_create_with_signature(&alice(), by_alice, payload.clone()),
			Error::<Test>::PayloadExpired
		);
		assert_noop!(
			try_create_with_signature(&eth, by_eth, payload),
			Error::<Test>::PayloadExpired
		);
	})
}

#[test]
fn an_ethereum_key_owns_its_address_account_and_needs_no_funds() {
	test(|| {
		let eth = Key::eth();
		let Key::Eth(pair) = &eth else { unreachable!() };
		// sp-runtime's `MultiSigner::Eth` account: keccak-256 of the compressed public key, its
		// last 20 bytes, then twelve 0xEE.
		let public = pair.public();
		let mut expected = sp_io::hashing::keccak_256(public.as_ref())[12..].to_vec();
		expected.extend_from_slice(&[0xEE; 12]);
		assert_eq!(AsRef::<[u8]>::as_ref(&eth.account()), &expected[..]);
		// It claims through a sponsor (the account holds nothing in the mock) and owns the MSA.
		let (msa_id, _) = create_with(&eth, "ether");
		assert_eq!(Handles::handles_for_owner(eth.account()).len(), 1);
		assert_eq!(MsaOwner::<Test>::get(msa_id), Some(eth.account()));
		// The same secret as a plain ecdsa key is another account: the schemes do not mix.
		let ecdsa = Key::Ecdsa(ecdsa::Pair::from_seed(&pair.seed()));
		assert_ne!(ecdsa.account(), eth.account());
		let payload = retire_payload(msa_id);
		let signature = ecdsa.sign_in(&payload, Form::ReadableWrapped);
		assert_noop!(
			try_retire_with_signature(&eth, signature, payload),
			Error::<Test>::InvalidSignature
		);
	})
}
