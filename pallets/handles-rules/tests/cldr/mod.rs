//! The CLDR acceptance measure of the rules, shared by `tests/cldr_tests.rs` and
//! `examples/cldr_acceptance.rs`: every main exemplar letter and mark of every locale without a region of CLDR
//! 48 (`data/cldr-48-exemplars.txt`, extracted by `clients/js/scripts/cldr-exemplars.mjs`), inside a
//! word of that locale, through [`handles_rules::validate`]; and the crate README's list of the
//! exemplars the rules refuse ("CLDR exemplars the rules refuse").

// The test and the example each use part of the module.
#![allow(dead_code)]

use handles_rules::{validate, HandleError};
use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

/// The extract of CLDR's main exemplar characters.
pub const EXTRACT: &str =
	include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/cldr-48-exemplars.txt"));
/// The heading of the crate README's section that lists the refused exemplars.
pub const README_HEADING: &str = "### CLDR exemplars the rules refuse";
/// The reason the example prints for a row whose reason is still to be written; the test refuses it.
pub const REASON_TODO: &str = "TODO";
/// The share of all measured exemplars the rules must accept, in percent.
pub const TARGET_OVERALL: f64 = 99.0;
/// The share of a locale's measured exemplars the rules must accept, in percent, unless the README
/// lists each of its refused exemplars.
pub const TARGET_LOCALE: f64 = 95.0;

/// One locale and its main exemplar set, in CLDR's order.
pub struct Locale {
	/// The locale id (`en`, `zgh`, ...).
	pub id: String,
	/// The elements: one code point, or a string CLDR keeps as one element (`ch`, `гә`).
	pub elements: Vec<String>,
}

/// The locales of the extract, in its order.
pub fn read_extract() -> Vec<Locale> {
	EXTRACT
		.lines()
		.filter(|line| !line.starts_with('#'))
		.map(|line| {
			let (id, set) = line.split_once('\t').unwrap_or_else(|| panic!("no tab in {line:?}"));
			Locale {
				id: id.to_string(),
				elements: set.split(' ').filter(|e| !e.is_empty()).map(str::to_string).collect(),
			}
		})
		.collect()
}

/// A letter: General_Category L*.
pub fn is_letter(c: char) -> bool {
	c.general_category_group() == GeneralCategoryGroup::Letter
}

/// A letter or a mark (General_Category L* or M*): what the measure takes from an element.
pub fn is_letter_or_mark(c: char) -> bool {
	is_letter(c) || c.general_category_group() == GeneralCategoryGroup::Mark
}

/// `U+0915 U+094D`: the code points of a text.
pub fn code_points(text: &str) -> String {
	text.chars().map(|c| format!("U+{:04X}", u32::from(c))).collect::<Vec<_>>().join(" ")
}

fn is_valid(word: &str) -> Result<(), HandleError> {
	// Reserved handles are a list of names, not of letters: none is reserved here.
	validate(word.as_bytes(), |_| false).map(|_| ())
}

/// The letter a locale's words are built around: its first element that is one letter and that the
/// rules accept doubled; when none is, its first element that is one letter; when it has none, its
/// first element holding a letter.
pub fn base_letter(locale: &Locale) -> Option<&str> {
	let single_letter = |e: &&String| {
		let mut chars = e.chars();
		matches!((chars.next(), chars.next()), (Some(c), None) if is_letter(c))
	};
	let elements = || locale.elements.iter();
	elements()
		.filter(single_letter)
		.find(|e| is_valid(&format!("{e}{e}")).is_ok())
		.or_else(|| elements().find(single_letter))
		.or_else(|| elements().find(|e| e.chars().any(is_letter)))
		.map(String::as_str)
}

/// One exemplar put through the rules.
pub struct Probe {
	/// The locale id.
	pub locale: String,
	/// The exemplar as CLDR gives it.
	pub element: String,
	/// The word validated: the locale's base letter, the exemplar, the base letter.
	pub word: String,
	/// What `validate` answered.
	pub result: Result<(), HandleError>,
}

/// The probes of one locale.
pub struct LocaleMeasure {
	/// The locale id.
	pub locale: String,
	/// The letter the words are built around (`None` when the locale has no letter).
	pub base: Option<String>,
	/// One probe per element that holds a letter or a mark, in CLDR's order.
	pub probes: Vec<Probe>,
	/// Elements left out: symbols, punctuation, digits or format characters only (`ॐ`, ZWNJ).
	pub skipped: Vec<String>,
}

impl LocaleMeasure {
	/// How many of the probes the rules accept.
	pub fn accepted(&self) -> usize {
		self.probes.iter().filter(|p| p.result.is_ok()).count()
	}

	/// The accepted share in percent (100 for a locale with no probe).
	pub fn percent(&self) -> f64 {
		percent(self.accepted(), self.probes.len())
	}
}

/// `part` of `total` in percent; 100 when `total` is 0.
pub fn percent(part: usize, total: usize) -> f64 {
	if total == 0 {
		100.0
	} else {
		part as f64 * 100.0 / total as f64
	}
}

/// Every element that holds a letter or a mark, of every locale, inside `B + element + B` with the
/// locale's [`base_letter`] `B`, through the rules. Locales with an empty set are left out.
pub fn measure(locales: &[Locale]) -> Vec<LocaleMeasure> {
	locales
		.iter()
		.filter(|locale| !locale.elements.is_empty())
		.map(|locale| {
			let base = base_letter(locale).map(str::to_string);
			let b = base.as_deref().unwrap_or("");
			let (measured, skipped): (Vec<&String>, Vec<&String>) =
				locale.elements.iter().partition(|e| e.chars().any(is_letter_or_mark));
			let probes = measured
				.into_iter()
				.map(|element| {
					let word = format!("{b}{element}{b}");
					let result = is_valid(&word);
					Probe { locale: locale.id.clone(), element: element.clone(), word, result }
				})
				.collect();
			LocaleMeasure {
				locale: locale.id.clone(),
				base,
				probes,
				skipped: skipped.into_iter().cloned().collect(),
			}
		})
		.collect()
}

/// The measure of the committed extract with the rules of this build.
pub fn measure_extract() -> Vec<LocaleMeasure> {
	measure(&read_extract())
}

/// The header of the README table.
pub const README_TABLE_HEADER: &str =
	"| locale | element | code points | reason |\n| --- | --- | --- | --- |";

/// The README table row of a refused probe, with the given reason.
pub fn readme_row(probe: &Probe, reason: &str) -> String {
	format!(
		"| {} | `{}` | {} | {} |",
		probe.locale,
		probe.element,
		code_points(&probe.element),
		reason
	)
}

/// One row of the README list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedRefusal {
	/// The locale id.
	pub locale: String,
	/// The exemplar, as written between backticks.
	pub element: String,
	/// The code points column, as written.
	pub code_points: String,
	/// Why the rules refuse it.
	pub reason: String,
}

/// The rows of the table under [`README_HEADING`] in a README text, up to the next heading (a line
/// beginning with `#` outside a code block).
/// Panics on a row that does not have the four cells or whose element is not in backticks.
pub fn listed_refusals(readme: &str) -> Vec<ListedRefusal> {
	let mut lines = readme.lines().skip_while(|line| line.trim_end() != README_HEADING);
	assert!(lines.next().is_some(), "the README has no section {README_HEADING:?}");
	let mut in_code = false;
	lines
		.take_while(|line| {
			in_code ^= line.starts_with("```");
			in_code || !line.starts_with('#')
		})
		.filter(|line| line.starts_with('|'))
		.map(|line| {
			line.trim().trim_start_matches('|').trim_end_matches('|').split('|').map(str::trim)
		})
		.map(|cells| cells.collect::<Vec<_>>())
		.filter(|cells| cells != &["locale", "element", "code points", "reason"])
		.filter(|cells| !cells.iter().all(|c| c.chars().all(|c| c == '-' || c == ':')))
		.map(|cells| match cells.as_slice() {
			[locale, element, code_points, reason] => ListedRefusal {
				locale: locale.to_string(),
				element: element
					.strip_prefix('`')
					.and_then(|e| e.strip_suffix('`'))
					.unwrap_or_else(|| panic!("element {element:?} is not in backticks"))
					.to_string(),
				code_points: code_points.to_string(),
				reason: reason.to_string(),
			},
			_ => panic!("a row of {README_HEADING:?} has not 4 cells: {cells:?}"),
		})
		.collect()
}

/// The rows of the crate README.
pub fn readme_refusals() -> Vec<ListedRefusal> {
	let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
		.unwrap_or_else(|e| panic!("README.md: {e}"));
	listed_refusals(&readme)
}

/// Whether a reason may stand in the list: written (not empty, not [`REASON_TODO`]).
pub fn reason_is_written(reason: &str) -> bool {
	!reason.is_empty() && reason != REASON_TODO
}
