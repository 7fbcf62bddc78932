//! Fuzzes validation, the canonical form and display parsing together, checking their
//! invariants on every input.
#![no_main]

use handles_rules::*;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
	// Display parsing: never panics; what it accepts round-trips.
	if let Ok((base, suffix)) = parse_display(data) {
		assert!(!base.is_empty());
		assert_eq!(format_display(base, suffix).as_bytes(), data);
	}

	// Validation: never panics; a valid handle's canonical form is bounded and idempotent.
	if let Ok(v) = validate_with_default_reserved(data) {
		assert!(data.len() <= MAX_BASE_BYTES);
		assert!(v.canonical.len() <= MAX_CANONICAL_BYTES);
		assert_eq!(canonical(&v.canonical), v.canonical);
		assert_eq!(canonical(&v.base), v.canonical);
	}

	// The canonical form on any text: idempotent, case-insensitive, no forbidden character.
	let text = String::from_utf8_lossy(data);
	let c = canonical(&text);
	assert_eq!(canonical(&c), c);
	assert_eq!(canonical(&text.to_uppercase()), c);
	assert_eq!(canonical(&text.to_lowercase()), c);
	assert!(!c.chars().any(|ch| FORBIDDEN_CHARS.contains(&ch)));
});
