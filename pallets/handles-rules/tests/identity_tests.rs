//! Suffix candidates, suffix options, MSA ids and display handles.

use handles_rules::*;
use proptest::prelude::*;

#[test]
fn candidates_are_in_range_and_deterministic() {
	let seed = [7u8; 32];
	let a = candidates(&seed, "allce", SuffixRange::DEFAULT);
	assert_eq!(a, candidates(&seed, "allce", SuffixRange::DEFAULT));
	assert!(a.iter().all(|s| (1000..=9999).contains(s)));
	assert_ne!(a, candidates(&[8u8; 32], "allce", SuffixRange::DEFAULT));
	assert_ne!(a, candidates(&seed, "bob", SuffixRange::DEFAULT));
}

#[test]
fn candidates_follow_the_formula() {
	use rand_chacha::{
		rand_core::{RngCore, SeedableRng},
		ChaCha20Rng,
	};
	let seed = [3u8; 32];
	let mut input = seed.to_vec();
	input.extend_from_slice(b"allce");
	let mut rng = ChaCha20Rng::from_seed(sp_crypto_hashing::blake2_256(&input));
	let expected: Vec<u32> = (0..10).map(|_| 1000 + rng.next_u32() % 9000).collect();
	assert_eq!(candidates(&seed, "allce", SuffixRange::DEFAULT).to_vec(), expected);
}

#[test]
fn full_and_single_ranges_work() {
	let seed = [0u8; 32];
	let full = candidates(&seed, "x", SuffixRange::new(0, u32::MAX).unwrap());
	let mut input = seed.to_vec();
	input.push(b'x');
	use rand_chacha::{
		rand_core::{RngCore, SeedableRng},
		ChaCha20Rng,
	};
	let mut rng = ChaCha20Rng::from_seed(sp_crypto_hashing::blake2_256(&input));
	let raw: Vec<u32> = (0..10).map(|_| rng.next_u32()).collect();
	assert_eq!(full.to_vec(), raw);
	assert_eq!(candidates(&seed, "x", SuffixRange::new(5, 5).unwrap()), [5; 10]);
	assert_eq!(
		candidates(&seed, "x", SuffixRange::new(u32::MAX, u32::MAX).unwrap()),
		[u32::MAX; 10]
	);
}

#[test]
fn range_checks_min_and_max() {
	assert_eq!(SuffixRange::new(10, 9), Err(RangeError::MinAboveMax));
	assert!(RangeError::MinAboveMax.to_string().contains("minimum is greater than the maximum"));
	let r = SuffixRange::new(10, 20).unwrap();
	assert_eq!((r.min(), r.max()), (10, 20));
	assert!(r.contains(10) && r.contains(20) && !r.contains(9) && !r.contains(21));
	assert_eq!(
		SuffixRange::DEFAULT,
		SuffixRange::new(DEFAULT_SUFFIX_MIN, DEFAULT_SUFFIX_MAX).unwrap()
	);
	assert_eq!(SuffixRange::FULL.len(), 1u64 << 32);
	// A range holds at least one suffix: the one-suffix range has length 1 and is not empty.
	let one = SuffixRange::new(7, 7).unwrap();
	assert_eq!(one.len(), 1);
	assert!(!one.is_empty() && !SuffixRange::FULL.is_empty());
}

#[test]
fn options_are_the_sorted_union() {
	let (s0, s1) = ([1u8; 32], [2u8; 32]);
	let o = suffix_options(&s0, &s1, "allce", SuffixRange::DEFAULT);
	let mut expected: Vec<u32> = candidates(&s0, "allce", SuffixRange::DEFAULT)
		.into_iter()
		.chain(candidates(&s1, "allce", SuffixRange::DEFAULT))
		.collect();
	expected.sort();
	expected.dedup();
	assert_eq!(o, expected);
	assert_eq!(suffix_options(&s0, &s0, "allce", SuffixRange::new(1, 2).unwrap()), vec![1, 2]);
}

#[test]
fn options_of_drawn_candidates_and_the_expiring_ones() {
	let (s0, s1) = ([1u8; 32], [2u8; 32]);
	let current = candidates(&s0, "allce", SuffixRange::DEFAULT);
	let previous = candidates(&s1, "allce", SuffixRange::DEFAULT);
	let options = options_of(&current, &previous);
	assert_eq!(options, suffix_options(&s0, &s1, "allce", SuffixRange::DEFAULT));
	// Of the options, those only the previous seed drew expire; order of the input is kept.
	let expired = expiring(&options, &current);
	assert!(!expired.is_empty());
	assert!(expired.iter().all(|s| previous.contains(s) && !current.contains(s)));
	assert_eq!(expired.len(), options.iter().filter(|s| !current.contains(s)).count());
	assert_eq!(expiring(&[9, 3, 7], &[3]), vec![9, 7]);
	assert_eq!(expiring(&current, &current), Vec::<u32>::new());
}

#[test]
fn msa_id_follows_the_formula() {
	let h = sp_crypto_hashing::blake2_256(b"allce.4821");
	assert_eq!(msa_id("allce", 4821), u32::from_le_bytes([h[0], h[1], h[2], h[3]]));
	let h = sp_crypto_hashing::blake2_256(b"x.0");
	assert_eq!(msa_id("x", 0), u32::from_le_bytes([h[0], h[1], h[2], h[3]]));
	let h = sp_crypto_hashing::blake2_256(b"x.4294967295");
	assert_eq!(msa_id("x", u32::MAX), u32::from_le_bytes([h[0], h[1], h[2], h[3]]));
}

#[test]
fn display_handles_format_and_parse() {
	assert_eq!(format_display("Alice", 4821), "Alice.4821");
	assert_eq!(format_display("a", 0), "a.0");
	assert_eq!(parse_display(b"Alice.4821"), Ok(("Alice", 4821)));
	assert_eq!(parse_display("ab·c.7".as_bytes()), Ok(("ab·c", 7)));
	assert_eq!(parse_display(b"x.0"), Ok(("x", 0)));
	assert_eq!(parse_display(b"x.4294967295"), Ok(("x", u32::MAX)));
	assert_eq!(parse_display("Дмитрий.12".as_bytes()), Ok(("Дмитрий", 12)));
}

#[test]
fn suffixes_in_other_decimal_digits_are_read() {
	for (input, suffix) in [
		("alice.４８２１", 4821), // fullwidth
		("alice.४८२१", 4821),     // Devanagari
		("alice.٤٨٢١", 4821),     // Arabic-Indic
		("alice.۴۸۲۱", 4821),     // Extended Arabic-Indic
		("alice.๔๘๒๑", 4821),     // Thai
		("alice.𝟒𝟖𝟐𝟏", 4821),     // mathematical bold
		("alice.０", 0),
		("alice.４２９４９６７２９５", u32::MAX),
	] {
		assert_eq!(parse_display(input.as_bytes()), Ok(("alice", suffix)), "{input}");
	}
	// One kind of digit per suffix, no leading zero, no overflow, at most 10 digits.
	for input in [
		"alice.4８21",
		"alice.४8",
		"alice.０４８２１",
		"alice.４２９４９６７２９６",
		"alice.١٢٣٤٥٦٧٨٩٠١",
	] {
		assert_eq!(parse_display(input.as_bytes()), Err(DisplayError::InvalidSuffix), "{input}");
	}
	// The longest input: a 32-byte base and ten 4-byte digits.
	let longest = format!("{}.{}", "a".repeat(MAX_BASE_BYTES), "𝟗".repeat(MAX_SUFFIX_DIGITS));
	assert_eq!(longest.len(), MAX_DISPLAY_INPUT_BYTES);
	assert_eq!(parse_display(longest.as_bytes()), Err(DisplayError::InvalidSuffix)); // > u32::MAX
	let long_ok = format!("{}.{}", "a".repeat(MAX_BASE_BYTES), "𝟒𝟐𝟗𝟒𝟗𝟔𝟕𝟐𝟗𝟓");
	assert_eq!(
		parse_display(long_ok.as_bytes()),
		Ok(("a".repeat(MAX_BASE_BYTES).as_str(), u32::MAX))
	);
	assert_eq!(parse_display(format!("{longest}9").as_bytes()), Err(DisplayError::TooLong));
}

#[test]
fn a_base_with_a_dot_or_a_leading_mark_is_malformed() {
	use DisplayError::*;
	for (input, err) in [
		("Ali.ce.12", DottedBase),
		("..1", DottedBase),
		("a.b.7", DottedBase),
		("alice..4821", DottedBase),
		(".4821", EmptyBase),
		("\u{0301}alice.4821", LeadingCombiningMark),
		("\u{093F}क.12", LeadingCombiningMark),
	] {
		assert_eq!(parse_display(input.as_bytes()), Err(err), "{input:?}");
	}
}

#[test]
fn malformed_display_handles_are_refused() {
	use DisplayError::*;
	for (input, err) in [
		(&b"Alice"[..], MissingSuffix),
		(b".4821", EmptyBase),
		(b"Alice.", InvalidSuffix),
		(b"Alice.04821", InvalidSuffix),
		(b"Alice.00", InvalidSuffix),
		(b"Alice.+12", InvalidSuffix),
		(b"Alice.-12", InvalidSuffix),
		(b"Alice.12a", InvalidSuffix),
		(b"Alice. 12", InvalidSuffix),
		(b"Alice.4294967296", InvalidSuffix),
		(b"Alice.99999999999", InvalidSuffix),
		(b"Alice.\xd9\xa1\x32", InvalidSuffix), // Arabic-Indic one, then an ASCII two
		(b"Al\xffce.12", NotUtf8),
	] {
		assert_eq!(parse_display(input), Err(err), "{}", String::from_utf8_lossy(input));
	}
	let long = format!("{}.1", "a".repeat(MAX_DISPLAY_INPUT_BYTES - 1));
	assert_eq!(parse_display(long.as_bytes()), Err(TooLong));
	let max = format!("{}.4294967295", "a".repeat(MAX_BASE_BYTES));
	assert_eq!(max.len(), MAX_DISPLAY_BYTES);
	assert!(parse_display(max.as_bytes()).is_ok());
	for e in [
		NotUtf8,
		TooLong,
		MissingSuffix,
		EmptyBase,
		InvalidSuffix,
		DottedBase,
		LeadingCombiningMark,
	] {
		assert!(e.to_string().len() > 20, "{e}");
	}
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(2_000))]

	#[test]
	fn candidates_always_in_range(seed in any::<[u8; 32]>(), c in "\\PC{0,16}", a in any::<u32>(), b in any::<u32>()) {
		let range = SuffixRange::new(a.min(b), a.max(b)).unwrap();
		let x = candidates(&seed, &c, range);
		prop_assert!(x.iter().all(|s| range.contains(*s)));
		prop_assert_eq!(x, candidates(&seed, &c, range));
	}

	#[test]
	fn options_sorted_unique_bounded(s0 in any::<[u8; 32]>(), s1 in any::<[u8; 32]>(), a in any::<u32>(), b in any::<u32>()) {
		let range = SuffixRange::new(a.min(b), a.max(b)).unwrap();
		let o = suffix_options(&s0, &s1, "allce", range);
		prop_assert!(o.len() <= MAX_SUFFIX_OPTIONS && !o.is_empty());
		prop_assert!(o.windows(2).all(|w| w[0] < w[1]));
		for c in candidates(&s0, "allce", range).iter().chain(candidates(&s1, "allce", range).iter()) {
			prop_assert!(o.contains(c));
		}
	}

	#[test]
	fn display_round_trips(base in "[^.]{1,8}", suffix in any::<u32>()) {
		// No base handle begins with a combining mark, so neither does a display handle's base.
		prop_assume!(!unicode_normalization::char::is_combining_mark(base.chars().next().unwrap()));
		let d = format_display(&base, suffix);
		if d.len() <= MAX_DISPLAY_INPUT_BYTES {
			prop_assert_eq!(parse_display(d.as_bytes()), Ok((base.as_str(), suffix)));
		}
	}

	#[test]
	fn any_kind_of_digits_gives_the_same_suffix(base in "[a-z]{2,8}", suffix in any::<u32>(), zero in prop::sample::select(vec!['0', '０', '०', '٠', '۰', '০', '๐', '០', '၀', '𝟎', '𝟘', '𑁦'])) {
		let digits: String = suffix.to_string().bytes().map(|b| char::from_u32(u32::from(zero) + u32::from(b - b'0')).unwrap()).collect();
		let d = format!("{base}.{digits}");
		prop_assert_eq!(parse_display(d.as_bytes()), Ok((base.as_str(), suffix)));
	}

	#[test]
	fn parse_display_never_panics(b in prop::collection::vec(any::<u8>(), 0..64)) {
		let _ = parse_display(&b);
	}
}
