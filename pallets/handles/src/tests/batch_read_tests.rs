//! Batch lookups behind `handles_getHandlesForMsas` and `handles_getMsasForHandles`: one answer
//! per entry, in order, each the single lookup's, `None` where the single lookup is `None` or an
//! error, and more than `MAX_BATCH_LOOKUPS` refused as a whole.

use crate::{mock::*, *};
use pallet_handles_runtime_api::{TooManyLookups, MAX_BATCH_LOOKUPS};

const MAX: usize = MAX_BATCH_LOOKUPS as usize;

#[test]
fn handles_for_msas_answers_each_id_in_order_as_handle_for_msa() {
	test(|| {
		let (a, _) = create(&alice(), "Alice");
		let (b, _) = create(&bob(), "bob");
		let (c, _) = create(&alice(), "wonder");
		retire(&alice(), c);
		let unknown = [a, b, c].into_iter().max().unwrap().wrapping_add(1);
		// Order kept, repeats answered each time, retired and unknown ids are None.
		let ids = vec![b, unknown, a, c, a];
		let batch = Handles::handles_for_msas(ids.clone()).unwrap();
		let single: Vec<_> = ids.iter().map(|id| Handles::handle_for_msa(*id)).collect();
		assert_eq!(batch, single);
		assert_eq!(batch[0].as_ref().unwrap().base_handle, b"bob".to_vec());
		assert_eq!(batch[2].as_ref().unwrap().base_handle, b"Alice".to_vec());
		assert_eq!(batch[4], batch[2]);
		assert_eq!((batch[1].is_none(), batch[3].is_none()), (true, true));
		assert_eq!(Handles::handles_for_msas(vec![]), Ok(vec![]));
	})
}

#[test]
fn msas_for_handles_answers_each_handle_in_order_with_look_alikes_as_msa_for_handle() {
	test(|| {
		let (a, sa) = create(&alice(), "Alice");
		let (b, sb) = create(&bob(), "bob");
		let other = if sa == DEFAULT_SUFFIX_MAX { DEFAULT_SUFFIX_MIN } else { sa + 1 };
		let handles: Vec<Vec<u8>> = [
			format!("bob.{sb}"),
			// Look-alikes: capitals, `l` for `i`, Cyrillic `а`, fullwidth digits.
			format!("ALlCE.{sa}"),
			format!("аlice.{sa}"),
			format!("alice.{}", fullwidth(sa)),
			format!("Alice.{other}"),
			format!("bob.{sb}"),
		]
		.into_iter()
		.map(String::into_bytes)
		.collect();
		let batch = Handles::msas_for_handles(handles.clone()).unwrap();
		let single: Vec<_> =
			handles.iter().map(|h| Handles::msa_for_handle(h.clone()).unwrap()).collect();
		assert_eq!(batch, single);
		let ids: Vec<Option<MsaId>> = batch.iter().map(|m| m.as_ref().map(|m| m.msa_id)).collect();
		assert_eq!(ids, vec![Some(b), Some(a), Some(a), Some(a), None, Some(b)]);
		// The registered handle, not the look-alike asked for.
		assert_eq!(batch[1].as_ref().unwrap().handle, format!("Alice.{sa}").into_bytes());
	})
}

#[test]
fn msas_for_handles_answers_none_in_place_of_what_the_single_lookup_refuses() {
	test(|| {
		let (a, sa) = create(&alice(), "Alice");
		let good = format!("Alice.{sa}").into_bytes();
		// Over 32 bytes of base whose canonical form is that of `Alice`: the single RPC refuses
		// it (HANDLE_TOO_LONG) though the pallet's single read resolves it, so the batch answers
		// None rather than resolving it.
		let long_base = "Ａ\u{301}\u{300}ｌ\u{301}\u{300}ｉ\u{301}ｃ\u{301}\u{300}ｅ\u{301}\u{300}";
		assert!(long_base.len() > handles_rules::MAX_BASE_BYTES);
		assert_eq!(handles_rules::canonical(long_base), handles_rules::canonical("Alice"));
		let long_look_alike = format!("{long_base}.{sa}").into_bytes();
		assert_eq!(Handles::msa_for_handle(long_look_alike.clone()).unwrap().unwrap().msa_id, a);
		let malformed = [
			b"alice".to_vec(),
			b".1234".to_vec(),
			b"alice.01234".to_vec(),
			vec![0xff, b'.', b'1'],
			vec![b'a'; 10_000],
			long_look_alike,
		];
		for bad in &malformed {
			let mut batch = vec![good.clone(), bad.clone(), good.clone()];
			let answer = Handles::msas_for_handles(core::mem::take(&mut batch)).unwrap();
			let ids: Vec<_> = answer.iter().map(|m| m.as_ref().map(|m| m.msa_id)).collect();
			assert_eq!(ids, vec![Some(a), None, Some(a)], "{:?}", String::from_utf8_lossy(bad));
		}
	})
}

#[test]
fn a_batch_of_max_batch_lookups_is_answered_and_one_more_is_refused() {
	test(|| {
		let (a, sa) = create(&alice(), "Alice");
		let ids = vec![a; MAX];
		assert_eq!(Handles::handles_for_msas(ids.clone()).unwrap().len(), MAX);
		let handles = vec![format!("Alice.{sa}").into_bytes(); MAX];
		let found = Handles::msas_for_handles(handles.clone()).unwrap();
		assert!(found.iter().all(|m| m.as_ref().map(|m| m.msa_id) == Some(a)));
		assert_eq!(found.len(), MAX);

		let refused = TooManyLookups { count: MAX_BATCH_LOOKUPS + 1, max: MAX_BATCH_LOOKUPS };
		assert_eq!(Handles::handles_for_msas(vec![a; MAX + 1]), Err(refused.clone()));
		let mut more = handles;
		more.push(b"x.1".to_vec());
		assert_eq!(Handles::msas_for_handles(more), Err(refused.clone()));
		assert_eq!(refused.to_string(), "101 lookups in one call, at most 100 are allowed");
	})
}

/// `n` in fullwidth digits (`４８２１`).
fn fullwidth(n: Suffix) -> String {
	n.to_string().chars().map(|c| char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap()).collect()
}
