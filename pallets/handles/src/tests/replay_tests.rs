//! Replay protection, expiration, chain and call binding, signature formats.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, dispatch::GetDispatchInfo, weights::Weight};
use sp_core::H256;

#[test]
fn the_same_create_payload_twice_fails() {
	test(|| {
		let (signature, payload) = create_for_replay(&alice(), "alice");
		assert_noop!(
			try_create_with_signature(&alice(), signature, payload),
			Error::<Test>::PayloadReplayed
		);
	})
}

#[test]
fn create_then_retire_then_the_same_create_payload_again_fails() {
	test(|| {
		no_cooldown();
		let (signature, payload) = create_for_replay(&alice(), "alice");
		let msa_id = OwnerMsas::<Test>::get(alice().account())[0];
		retire(&alice(), msa_id);
		run_to_block(3);
		assert_noop!(
			try_create_with_signature(&alice(), signature, payload),
			Error::<Test>::PayloadReplayed
		);
	})
}

#[test]
fn the_same_retire_change_and_transfer_payloads_twice_fail() {
	test(|| {
		no_cooldown();
		let (msa_id, suffix) = create(&alice(), "alice");

		let to_alicia = change_payload(msa_id, "alicia", available_suffix("alicia"));
		let change_sig = alice().sign_payload(&to_alicia);
		assert_ok!(try_change_with_signature(&alice(), change_sig.clone(), to_alicia.clone()));
		// Back to alice, so the change payload's target is free again: still refused.
		change(&alice(), msa_id, "alice", suffix);
		assert_noop!(
			try_change_with_signature(&alice(), change_sig, to_alicia),
			Error::<Test>::PayloadReplayed
		);

		let retire_p = retire_payload(msa_id);
		let retire_sig = alice().sign_payload(&retire_p);
		assert_ok!(try_retire_with_signature(&alice(), retire_sig.clone(), retire_p.clone()));
		// The MSA takes the same handle again (cooldown 0), so the retire payload names what
		// it holds: still refused.
		change(&alice(), msa_id, "alice", suffix);
		assert_noop!(
			try_retire_with_signature(&alice(), retire_sig, retire_p),
			Error::<Test>::PayloadReplayed
		);

		// Transfer to Bob and back; the first transfer payload cannot move it again.
		let to_bob = transfer_payload(msa_id, &bob());
		let (a_sig, b_sig) = (alice().sign_payload(&to_bob), bob().sign_payload(&to_bob));
		let submit_to_bob = |a_sig, b_sig| {
			try_transfer_with_signatures(&alice(), a_sig, &bob(), b_sig, to_bob.clone())
		};
		assert_ok!(submit_to_bob(a_sig.clone(), b_sig.clone()));
		transfer(&bob(), &alice(), msa_id);
		assert_noop!(submit_to_bob(a_sig, b_sig), Error::<Test>::PayloadReplayed);
	})
}

#[test]
fn a_create_payload_signature_does_not_work_for_change() {
	test(|| {
		let (msa_id, _) = create(&alice(), "alice");
		let suffix = available_suffix("alicia");
		let create_p = create_payload("alicia", suffix);
		let create_sig = alice().sign_payload(&create_p);
		let change = change_payload(msa_id, "alicia", suffix);
		assert_noop!(
			try_change_with_signature(&alice(), create_sig, change.clone()),
			Error::<Test>::InvalidSignature
		);
		// Same payload bytes, but the kind byte of create (0) instead of change (2).
		let mut message = Handles::message_for(&change);
		message[7 + 32] = 0;
		assert_noop!(
			try_change_with_signature(&alice(), alice().sign(&message), change),
			Error::<Test>::InvalidSignature
		);
	})
}

#[test]
fn a_retire_signature_does_not_work_for_transfer() {
	test(|| {
		let (msa_id, _) = create(&alice(), "alice");
		let retire_p = retire_payload(msa_id);
		let transfer = transfer_payload(msa_id, &bob());
		assert_noop!(
			try_transfer_with_signatures(
				&alice(),
				alice().sign_payload(&retire_p),
				&bob(),
				bob().sign_payload(&transfer),
				transfer
			),
			Error::<Test>::InvalidSignature
		);
	})
}

#[test]
fn a_payload_signed_for_another_genesis_hash_fails() {
	test(|| {
		let payload = create_payload("alice", available_suffix("alice"));
		let other_chain = H256::repeat_byte(0x42);
		assert_ne!(other_chain, Handles::genesis_hash());
		let signature = alice().sign(&signed_message(&other_chain, &payload));
		assert_noop!(
			try_create_with_signature(&alice(), signature, payload),
			Error::<Test>::InvalidSignature
		);
	})
}

#[test]
fn a_payload_signed_by_someone_else_fails() {
	test(|| {
		let payload = create_payload("alice", available_suffix("alice"));
		for other in [bob(), dave_ed(), eve_ecdsa()] {
			assert_noop!(
				try_create_signed_by(&alice(), &other, payload.clone()),
				Error::<Test>::InvalidSignature
			);
		}
	})
}

#[test]
fn an_altered_payload_fails() {
	test(|| {
		let suffix = available_suffix("alice");
		let signed = create_payload("alice", suffix);
		let signature = alice().sign_payload(&signed);
		let altered = CreateHandlePayload { expiration: signed.expiration + 1, ..signed };
		assert_noop!(
			try_create_with_signature(&alice(), signature, altered),
			Error::<Test>::InvalidSignature
		);
	})
}

#[test]
fn an_expired_payload_fails() {
	test(|| {
		run_to_block(20);
		let suffix = available_suffix("alice");
		let payload = CreateHandlePayload { expiration: 19, ..create_payload("alice", suffix) };
		assert_noop!(try_create(&alice(), payload), Error::<Test>::PayloadExpired);
	})
}

#[test]
fn an_expiration_beyond_max_payload_lifetime_fails() {
	test(|| {
		let lifetime = <Test as Config>::MaxPayloadLifetime::get();
		let payload = CreateHandlePayload {
			expiration: System::block_number() + lifetime + 1,
			..create_payload("alice", available_suffix("alice"))
		};
		assert_noop!(try_create(&alice(), payload), Error::<Test>::PayloadExpirationTooFar);
	})
}

#[test]
fn expirations_at_now_and_at_now_plus_lifetime_are_accepted() {
	test(|| {
		let lifetime = <Test as Config>::MaxPayloadLifetime::get();
		let now = System::block_number();
		for (key, base, expiration) in [(alice(), "alice", now), (bob(), "bob", now + lifetime)] {
			let payload =
				CreateHandlePayload { expiration, ..create_payload(base, available_suffix(base)) };
			assert_ok!(try_create(&key, payload));
		}
	})
}

#[test]
fn bytes_wrapped_and_raw_signatures_are_both_accepted_for_every_key_type() {
	test(|| {
		for (i, key) in [alice(), dave_ed(), eve_ecdsa()].into_iter().enumerate() {
			for wrapped in [false, true] {
				let base = format!("user{}{}", ["a", "b", "c"][i], if wrapped { "w" } else { "r" });
				let payload = create_payload(&base, available_suffix(&base));
				let signature = if wrapped {
					key.sign_payload_wrapped(&payload)
				} else {
					key.sign_payload(&payload)
				};
				assert_ok!(try_create_with_signature(&key, signature, payload));
			}
		}
	})
}

#[test]
fn a_wrongly_wrapped_message_fails() {
	test(|| {
		let payload = create_payload("alice", available_suffix("alice"));
		let message = Handles::message_for(&payload);
		let mut half = b"<Bytes>".to_vec();
		half.extend_from_slice(&message);
		let mut other = b"<bytes>".to_vec();
		other.extend_from_slice(&message);
		other.extend_from_slice(b"</bytes>");
		for bad in [half, other] {
			assert_noop!(
				try_create_with_signature(&alice(), alice().sign(&bad), payload.clone()),
				Error::<Test>::InvalidSignature
			);
		}
	})
}

#[test]
fn signed_message_layout_is_tag_genesis_kind_then_fields() {
	test(|| {
		let payload = CreateHandlePayload::<u64> {
			base_handle: b"Alice".to_vec().try_into().unwrap(),
			suffix: 4821,
			expiration: 0x0102,
		};
		let genesis = Handles::genesis_hash();
		let message = Handles::message_for(&payload);
		let mut expected = b"handles".to_vec();
		expected.extend_from_slice(genesis.as_bytes());
		expected.push(0);
		expected.extend_from_slice(&[5 << 2]);
		expected.extend_from_slice(b"Alice");
		expected.extend_from_slice(&4821u32.to_le_bytes());
		expected.extend_from_slice(&0x0102u64.to_le_bytes());
		assert_eq!(message, expected);
		// Same bytes as the enum of the four payloads after the tag and the genesis hash.
		let as_enum = codec::Encode::encode(&(
			HANDLES_TAG,
			genesis,
			HandlesPayload::<AccountId, u64>::Create(payload),
		));
		assert_eq!(message, as_enum);
	})
}

#[test]
fn readme_examples_of_signed_messages_match() {
	let genesis = H256::repeat_byte(0xab);
	let create = CreateHandlePayload::<u32> {
		base_handle: b"Alice".to_vec().try_into().unwrap(),
		suffix: 4821,
		expiration: 1234,
	};
	let expected = format!("68616e646c6573{}0014416c696365d5120000d2040000", "ab".repeat(32));
	assert_eq!(
		sp_core::hexdisplay::HexDisplay::from(&signed_message(&genesis, &create)).to_string(),
		expected
	);
	let hex = |m: &[u8]| sp_core::hexdisplay::HexDisplay::from(&m).to_string();
	// Retire names the handle the MSA holds ("Alice.4821", 10 bytes).
	let retire = RetireHandlePayload::<u32> {
		msa_id: 0x01020304,
		handle: b"Alice.4821".to_vec().try_into().unwrap(),
		expiration: 1234,
	};
	let expected =
		format!("68616e646c6573{}010403020128416c6963652e34383231d2040000", "ab".repeat(32));
	assert_eq!(hex(&signed_message(&genesis, &retire)), expected);
	// Change names the old handle (Some) and the new one ("Bob", 4821).
	let change = ChangeHandlePayload::<u32> {
		msa_id: 0x01020304,
		old_handle: Some(b"Alice.4821".to_vec().try_into().unwrap()),
		new_base_handle: b"Bob".to_vec().try_into().unwrap(),
		new_suffix: 4821,
		expiration: 1234,
	};
	let expected = format!(
		"68616e646c6573{}02040302010128416c6963652e343832310c426f62d5120000d2040000",
		"ab".repeat(32)
	);
	assert_eq!(hex(&signed_message(&genesis, &change)), expected);
	// Transfer names the owner (0xcd..) and the new owner (0xef..).
	let transfer = TransferOwnershipPayload::<AccountId, u32> {
		msa_id: 0x01020304,
		owner: AccountId::new([0xcd; 32]),
		new_owner: AccountId::new([0xef; 32]),
		expiration: 1234,
	};
	let expected = format!(
		"68616e646c6573{}0304030201{}{}d2040000",
		"ab".repeat(32),
		"cd".repeat(32),
		"ef".repeat(32)
	);
	let message = signed_message(&genesis, &transfer);
	assert_eq!(message.len(), 112);
	assert_eq!(hex(&message), expected);
	let wrapped = wrap_bytes(&message);
	assert!(wrapped.starts_with(b"<Bytes>") && wrapped.ends_with(b"</Bytes>"));
	assert_eq!(wrapped.len(), 112 + 7 + 8);
}

#[test]
fn a_signed_call_refunds_the_verification_and_pruning_it_did_not_need() {
	test(|| {
		let declared = Handles::create_handle_weight();
		let one = Handles::verification_weight();
		assert!(one.any_gt(Weight::zero()));
		// Nothing has expired yet, so the pruning each replay entry declares is refunded too.
		let no_pruning = unused_replay_pruning();
		// And the removal of an ended cooldown of the pair, which these fresh pairs do not have.
		let no_removal = one_write();
		let payload = create_payload("alice", available_suffix("alice"));
		let call = Call::<Test>::create_handle {
			owner: alice().account(),
			signature: alice().sign_payload_wrapped(&payload),
			payload: payload.clone(),
		};
		assert_eq!(call.get_dispatch_info().call_weight, declared);
		let signature = alice().sign_payload_wrapped(&payload);
		let wallet = try_create_with_signature(&alice(), signature, payload).expect("created");
		assert_eq!(wallet.actual_weight, Some(declared - one - no_pruning - no_removal));
		// A raw signature took both verifications the weight declares.
		let payload = create_payload("bob", available_suffix("bob"));
		let raw = try_create(&bob(), payload).expect("created");
		assert_eq!(raw.actual_weight, Some(declared - no_pruning - no_removal));
		// A transfer signed by two wallets saves two.
		let msa_id =
			Handles::msa_for_handle(current_handle_of("bob")).unwrap().expect("bob exists").msa_id;
		let t = transfer_payload(msa_id, &charlie());
		let (bob_sig, charlie_sig) =
			(bob().sign_payload_wrapped(&t), charlie().sign_payload_wrapped(&t));
		let moved = try_transfer_with_signatures(&bob(), bob_sig, &charlie(), charlie_sig, t)
			.expect("moved");
		let declared = Handles::transfer_ownership_weight();
		assert_eq!(moved.actual_weight, Some(declared - one - one - no_pruning - no_pruning));
	})
}

/// The display handle of the MSA holding the base `base` (the first one found).
fn current_handle_of(base: &str) -> Vec<u8> {
	MsaHandles::<Test>::iter()
		.find(|(_, r)| r.base_str() == base)
		.map(|(_, r)| r.display())
		.expect("held")
}

#[test]
fn the_chain_a_message_names_is_the_hash_of_block_0() {
	test(|| {
		let genesis = System::block_hash(0);
		assert_ne!(genesis, Default::default(), "the test chain has a block 0 hash");
		assert_eq!(Handles::genesis_hash(), genesis);
		let message = Handles::message_for(&create_payload("alice", 7));
		assert!(message.windows(32).any(|w| w == genesis.as_bytes()), "{message:?}");
	})
}
