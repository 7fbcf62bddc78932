//! Validation of a base handle.

use alloc::{string::String, vec::Vec};

use unicode_script::{Script, UnicodeScript};
use unicode_security::mixed_script::AugmentedScriptSet;

use crate::{
	canonical::{
		push_fold, push_fold_with, reorder_marks, script_set, CharInfo, ARABIC_MASK, CJK_MASK,
		LATIN_MASK,
	},
	display::decimal_digit,
	table_layout::ScriptMask,
	tables::DEFAULT_RESERVED_CANONICAL,
	HandleError, MAX_CANONICAL_BYTES,
};

/// Longest base handle, in bytes of UTF-8.
pub const MAX_BASE_BYTES: usize = 32;
/// Fewest characters in a base handle and in its canonical form.
pub const MIN_BASE_CHARS: usize = 2;
/// Characters a handle may not contain, nor any character whose canonical form contains their
/// canonical form.
pub const FORBIDDEN_CHARS: [char; 5] = ['@', '#', ':', '.', '`'];
/// The Arabic-Indic and Persian digit zero, which UTS #39 draws as the dot: digits in a base that
/// holds an Arabic-script letter, forbidden (rule 2) in any other.
pub const ARABIC_ZEROS: [char; 2] = ['\u{0660}', '\u{06F0}'];

/// A valid base handle with its canonical form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidHandle {
	/// The handle as the user typed it.
	pub base: String,
	/// Its canonical form (at most [`MAX_CANONICAL_BYTES`] bytes).
	pub canonical: String,
}

/// Rule 4 as UTS #39 defines it: the restriction-level detection of `unicode-security`
/// (`RestrictionLevelDetection`) up to "highly restrictive", over the augmented script sets of
/// `unicode-security`, without its identifier-profile gate (rule 3, which allows more than the
/// profile since version 3, is checked on its own).
///
/// [`validate`] does not call this: it evaluates the same definition from the per-character
/// table (see [`MixedScriptCheck`]); tests show both agree.
pub fn is_highly_restrictive(text: &str) -> bool {
	let mut set = AugmentedScriptSet::default();
	let mut non_latin = AugmentedScriptSet::default();
	for c in text.chars() {
		let c_set = AugmentedScriptSet::for_char(c);
		set.intersect_with(c_set);
		if !c_set.base.contains_script(Script::Latin) {
			non_latin.intersect_with(c_set);
		}
	}
	text.is_ascii() || !set.is_empty() || non_latin.hanb || non_latin.jpan || non_latin.kore
}

/// UTS #39 restriction-level detection, reduced to what "at most highly restrictive" needs, over
/// the script-set masks of the table.
///
/// `unicode-security` intersects the augmented script sets of all characters (`set`) and of the
/// characters whose Script_Extensions lacks Latin (`non_latin`); the text is at most highly
/// restrictive when it is ASCII, when `set` is not empty (single script), or when `non_latin`
/// still holds Hanb, Jpan or Kore. A mask has one bit per script that any allowed character
/// names (all of them for Common and Inherited) plus the three CJK bits, so intersection is AND
/// and emptiness is zero. Only valid when every character is allowed (rule 3).
struct MixedScriptCheck {
	set: ScriptMask,
	non_latin: ScriptMask,
}

impl MixedScriptCheck {
	const fn new() -> Self {
		Self { set: ScriptMask::MAX, non_latin: ScriptMask::MAX }
	}

	#[inline]
	fn add(&mut self, mask: ScriptMask) {
		self.set &= mask;
		if mask & LATIN_MASK == 0 {
			self.non_latin &= mask;
		}
	}

	/// For a non-ASCII text: whether it is at most highly restrictive.
	#[inline]
	fn highly_restrictive(&self) -> bool {
		self.set != 0 || self.non_latin & CJK_MASK != 0
	}
}

/// Validates a base handle against every rule, in rule order, and returns it with its canonical
/// form. `is_reserved` is asked about the canonical form.
///
/// Rules, each with its own error: (1) at most [`MAX_BASE_BYTES`] bytes (`TooLong`, checked
/// first so no work depends on the input size), UTF-8 (`NotUtf8`), at least [`MIN_BASE_CHARS`]
/// characters (`TooShort`); (2) no character of [`FORBIDDEN_CHARS`] and none whose fold holds an
/// image of one or of the middle dot (`ForbiddenCharacter`, the first such character), and no
/// combining mark first (`LeadingCombiningMark`); (3) every character allowed in identifiers by
/// UTS #39 and visible, or a Thai or Lao sara am (`DisallowedCharacter`); (4) at most "highly
/// restrictive" mixing of scripts (`MixedScript`); (5) a canonical form of at most
/// [`MAX_CANONICAL_BYTES`] bytes (`CanonicalTooLong`) and at least [`MIN_BASE_CHARS`] characters
/// (`CanonicalTooShort`) that `is_reserved` does not refuse (`Reserved`).
pub fn validate(
	base: &[u8],
	is_reserved: impl Fn(&str) -> bool,
) -> Result<ValidHandle, HandleError> {
	if base.len() > MAX_BASE_BYTES {
		return Err(HandleError::TooLong);
	}
	let text = core::str::from_utf8(base).map_err(|_| HandleError::NotUtf8)?;
	let mut folded = String::with_capacity(text.len() + 8);
	let mut chars = 0usize;
	let mut forbidden = false;
	let mut allowed = true;
	let mut reorder = false;
	let mut scripts = MixedScriptCheck::new();
	// Intersection is idempotent: a run of characters of one script set is added once.
	let mut last_set = u32::MAX;
	for c in text.chars() {
		chars += 1;
		// One table lookup gives the fold, its flags, the rule-3 bit and the script set.
		let info = CharInfo::of(c);
		let f = push_fold_with(c, info, &mut folded);
		reorder |= f.reorder;
		// The table flags every character of FORBIDDEN_CHARS too (they fold to themselves).
		forbidden |= f.forbidden;
		allowed &= info.allowed();
		let set = info.script_set_id();
		if set != last_set {
			last_set = set;
			scripts.add(script_set(set));
		}
	}
	if chars < MIN_BASE_CHARS {
		return Err(HandleError::TooShort);
	}
	// The table flags the Arabic-Indic zeros too; whether they are forbidden is decided here.
	if forbidden {
		if let Some(e) = first_forbidden_character(text) {
			return Err(e);
		}
	}
	// No ASCII character is a mark, so only a non-ASCII first character is looked up again.
	if text.as_bytes().first().is_some_and(|b| !b.is_ascii()) {
		if let Some(mark) = text.chars().next().filter(|c| CharInfo::of(*c).is_mark()) {
			return Err(HandleError::LeadingCombiningMark(mark));
		}
	}
	if !allowed {
		if let Some(c) = text.chars().find(|c| !CharInfo::of(*c).allowed()) {
			return Err(HandleError::DisallowedCharacter(c));
		}
	}
	let ascii = chars == text.len();
	if !ascii && !scripts.highly_restrictive() {
		return Err(HandleError::MixedScript);
	}
	let canonical = if reorder { reorder_marks(folded) } else { folded };
	if canonical.len() > MAX_CANONICAL_BYTES {
		return Err(HandleError::CanonicalTooLong);
	}
	if canonical.chars().nth(MIN_BASE_CHARS - 1).is_none() {
		return Err(HandleError::CanonicalTooShort);
	}
	if is_reserved(&canonical) {
		return Err(HandleError::Reserved);
	}
	Ok(ValidHandle { base: String::from(text), canonical })
}

/// Rule 2 for a text with a flagged character: the first forbidden character, counting the
/// [`ARABIC_ZEROS`] only when the text holds no Arabic-script letter; `None` when the only
/// flagged characters are zeros beside an Arabic letter.
#[cold]
fn first_forbidden_character(text: &str) -> Option<HandleError> {
	let mut scratch = String::new();
	let zeros_forbidden = !text.chars().any(is_arabic_letter);
	text.chars()
		.find(|c| {
			scratch.clear();
			let flagged = push_fold(*c, &mut scratch).forbidden || FORBIDDEN_CHARS.contains(c);
			flagged && (zeros_forbidden || !ARABIC_ZEROS.contains(c))
		})
		.map(HandleError::ForbiddenCharacter)
}

/// Whether `c` is an Arabic-script letter in the sense of rule 2's zeros: allowed, of the Arabic
/// script by its Script property, and neither a mark nor a decimal digit (the Persian digits
/// are of the Arabic script too).
#[cold]
fn is_arabic_letter(c: char) -> bool {
	let info = CharInfo::of(c);
	c.script() == Script::Arabic
		&& info.allowed()
		&& !info.is_mark()
		&& info.script_mask() & ARABIC_MASK != 0
		&& decimal_digit(c).is_none()
}

/// The canonical forms of [`DEFAULT_RESERVED`](crate::DEFAULT_RESERVED), computed once by
/// `build.rs` (a test checks each equals [`canonical`](crate::canonical) of its handle).
pub fn default_reserved_canonical() -> Vec<String> {
	DEFAULT_RESERVED_CANONICAL.iter().map(|r| String::from(*r)).collect()
}

/// Whether `canonical` is the canonical form of a default reserved handle; no canonicalization
/// happens here.
pub(crate) fn is_default_reserved(canonical: &str) -> bool {
	DEFAULT_RESERVED_CANONICAL.contains(&canonical)
}

/// [`validate`] with the default reserved list.
///
/// The canonical forms of the reserved handles come from the generated table, so this costs
/// what [`validate`] costs.
pub fn validate_with_default_reserved(base: &[u8]) -> Result<ValidHandle, HandleError> {
	validate(base, is_default_reserved)
}
