//! Fuzzes validation, the canonical form and display parsing together, checking their
//! invariants on every input.
#![no_main]

use handles_rules::*;
use icu_casemap::CaseMapper;
use icu_locale_core::LanguageIdentifier;
use libfuzzer_sys::fuzz_target;
use unicode_normalization::char::is_combining_mark;

/// The middle dots that pass for the `.` of a display handle.
const SEPARATOR_LOOKALIKES: [char; 7] =
	['\u{00B7}', '\u{0387}', '\u{2024}', '\u{2027}', '\u{2E31}', '\u{30FB}', '\u{FF65}'];

fuzz_target!(|data: &[u8]| {
	// Display parsing: never panics; what it accepts has a base with no `.` that does not begin
	// with a mark, and formats back to an equal display handle (digits of any kind become ASCII).
	if let Ok((base, suffix)) = parse_display(data) {
		assert!(!base.is_empty() && !base.contains('.'));
		assert!(!is_combining_mark(base.chars().next().unwrap()));
		let formatted = format_display(base, suffix);
		assert_eq!(parse_display(formatted.as_bytes()), Ok((base, suffix)));
		if data.iter().rev().take_while(|b| **b != b'.').all(u8::is_ascii_digit) {
			assert_eq!(formatted.as_bytes(), data);
		}
	}

	// Validation: never panics; a valid handle's canonical form is bounded and idempotent, it
	// begins with no mark and holds no look-alike of the separator.
	if let Ok(v) = validate_with_default_reserved(data) {
		assert!(data.len() <= MAX_BASE_BYTES);
		assert!(v.canonical.len() <= MAX_CANONICAL_BYTES);
		assert_eq!(canonical(&v.canonical), v.canonical);
		assert_eq!(canonical(&v.base), v.canonical);
		assert!(!is_combining_mark(v.base.chars().next().unwrap()));
		assert!(!v.base.chars().any(|c| SEPARATOR_LOOKALIKES.contains(&c)));
		assert!(!v.canonical.contains('\u{FFFD}'));
		// A valid handle followed by a suffix parses back to it.
		let display = format_display(&v.base, 4821);
		assert_eq!(parse_display(display.as_bytes()), Ok((v.base.as_str(), 4821)));
	}

	// The canonical form on any text: idempotent, case-insensitive under the pinned case data,
	// no forbidden character.
	let text = String::from_utf8_lossy(data);
	let c = canonical(&text);
	assert_eq!(canonical(&c), c);
	let cm = CaseMapper::new();
	let root = LanguageIdentifier::UNKNOWN;
	assert_eq!(canonical(&cm.uppercase_to_string(&text, &root)), c);
	assert_eq!(canonical(&cm.lowercase_to_string(&text, &root)), c);
	assert!(!c.chars().any(|ch| FORBIDDEN_CHARS.contains(&ch) || SEPARATOR_LOOKALIKES.contains(&ch)));
	// A mark that folds adds nothing; the canonical form is a homomorphism up to mark order.
	let doubled = format!("{text}{text}");
	assert_eq!(canonical(&doubled).len(), 2 * c.len());
});
