//! Messages for people: what to change about a handle that breaks a rule, in words a person can
//! act on (the character as it looks and its name, where it is, which alphabets mix, lengths in
//! characters, what to do instead). The rules crate's own sentence ([`HandleError`]'s `Display`,
//! the RPC's text) stays as it is for logs and programs.
//!
//! The texts are the JavaScript package's message table, `clients/js/src/messages.json`, compiled
//! in: one table for the claim page and this command line. This module follows the same steps as
//! `clients/js/src/messages.js` and says the same in English (both are checked against
//! `clients/js/test/message-vectors.json`); the page also speaks Hindi, Arabic and Spanish.

use std::sync::OnceLock;

use handles_rules::{
	canonical, DisplayError, HandleError, DEFAULT_RESERVED, MAX_BASE_BYTES, MIN_BASE_CHARS,
};
use serde_json::Value;
use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};
use unicode_script::UnicodeScript;

/// The message table, as the JavaScript package ships it.
pub const TABLE: &str = include_str!("../../js/src/messages.json");

/// The language of this command line's messages.
const LANGUAGE: &str = "en";

fn table() -> &'static Value {
	static PARSED: OnceLock<Value> = OnceLock::new();
	PARSED.get_or_init(|| serde_json::from_str(TABLE).unwrap_or(Value::Null))
}

/// What a person should change about `input`, which breaks the rule of `error` (from
/// [`handles_rules::validate`] of that input), in English.
pub fn explain(input: &str, error: &HandleError) -> String {
	Texts::english().explain(input, error)
}

/// What a person should change about a display handle that is not `base.suffix`, in English.
pub fn explain_display(error: &DisplayError) -> String {
	Texts::english().get(&format!("display.{error:?}")).to_string()
}

/// The explanation of a refusal the chain gave as text (`handles_validateHandle`, a query): the
/// offline rules name the rule; a handle they accept was refused by the chain's reserved list
/// when the chain says so, and otherwise keeps the chain's text.
pub fn explain_chain(input: &str, chain_error: &str) -> String {
	match handles_rules::validate(input.as_bytes(), |_| false) {
		Err(e) => explain(input, &e),
		Ok(_) if chain_error == HandleError::Reserved.to_string() => {
			explain(input, &HandleError::Reserved)
		}
		Ok(_) => chain_error.to_string(),
	}
}

/// `text` in quotes as a person reads it: every character as it looks, except those that would
/// act on the terminal or cannot be seen (controls, format characters such as bidi controls and
/// zero-width ones, line and paragraph separators), written `\u{200b}`; `"` and `\` are escaped.
/// (Rust's `{:?}` escapes combining marks too, which would print `नमस्ते` as `नमस\u{94d}त\u{947}`.)
pub fn quoted(text: &str) -> String {
	let mut out = String::with_capacity(text.len() + 2);
	out.push('"');
	for c in text.chars() {
		match (c, category(c)) {
			('"' | '\\', _) => {
				out.push('\\');
				out.push(c);
			}
			(_, "Cc" | "Cf" | "Zl") => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
			_ => out.push(c),
		}
	}
	out.push('"');
	out
}

/// `{name}` placeholders filled in one pass (filled text is not scanned again); an unknown
/// placeholder stays as it is.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
	let mut out = String::with_capacity(template.len());
	let mut rest = template;
	while let Some(open) = rest.find('{') {
		out.push_str(&rest[..open]);
		let after = &rest[open + 1..];
		let name_len =
			after.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count();
		let value = (name_len > 0 && after[name_len..].starts_with('}'))
			.then(|| values.iter().find(|(name, _)| *name == &after[..name_len]))
			.flatten();
		match value {
			Some((_, value)) => {
				out.push_str(value);
				rest = &after[name_len + 1..];
			}
			None if name_len > 0 && after[name_len..].starts_with('}') => {
				out.push_str(&rest[open..open + name_len + 2]);
				rest = &after[name_len + 1..];
			}
			None => {
				out.push('{');
				rest = after;
			}
		}
	}
	out.push_str(rest);
	out
}

/// The general category a description depends on, as `messages.js` groups them (`C` for
/// unassigned, private use and surrogates).
fn category(c: char) -> &'static str {
	use GeneralCategory as G;
	match (c.general_category(), c.general_category_group()) {
		(G::SpaceSeparator, _) => "Zs",
		(G::LineSeparator | G::ParagraphSeparator, _) => "Zl",
		(G::Control, _) => "Cc",
		(G::Format, _) => "Cf",
		(G::DecimalNumber, _) => "Nd",
		(G::CurrencySymbol, _) => "Sc",
		(G::MathSymbol, _) => "Sm",
		(_, GeneralCategoryGroup::Mark) => "M",
		(_, GeneralCategoryGroup::Number) => "N",
		(_, GeneralCategoryGroup::Letter) => "L",
		(_, GeneralCategoryGroup::Punctuation) => "P",
		(_, GeneralCategoryGroup::Symbol) => "S",
		_ => "C",
	}
}

/// The English texts of the table and the language-independent parts.
struct Texts {
	table: &'static Value,
	text: &'static Value,
}

impl Texts {
	fn english() -> Self {
		let table = table();
		Self { table, text: &table["text"][LANGUAGE] }
	}

	/// The text of `key`; the key itself if the table lacks it (a test makes sure none is missing).
	fn get<'a>(&self, key: &'a str) -> &'a str
	where
		'static: 'a,
	{
		self.text[key].as_str().unwrap_or(key)
	}

	/// The character as it is shown: a combining mark on a dotted circle, anything else as is.
	fn shown(&self, c: char) -> String {
		let mut out = String::new();
		if category(c) == "M" {
			out.push_str(self.table["markBase"].as_str().unwrap_or_default());
		}
		out.push(c);
		out
	}

	/// The name of a character with the character in it where it can be seen, and the group of
	/// its DisallowedCharacter message: the table's own list first, else its General_Category.
	fn describe(&self, c: char) -> (String, String) {
		let key = c.to_string();
		if let (Some(group), Some(name)) =
			(self.table["characters"][&key].as_str(), self.text["characters"][&key].as_str())
		{
			return (fill(name, &[("c", &key)]), group.to_string());
		}
		let kind = |name: &str, group: &str| {
			(fill(self.get(&format!("kind.{name}")), &[("c", &self.shown(c))]), group.to_string())
		};
		match category(c) {
			"Zs" => kind("space", "space"),
			"Zl" => kind("lineBreak", "space"),
			"Cc" => kind("control", "invisible"),
			"Cf" => kind("format", "invisible"),
			"M" => kind("mark", "other"),
			"Nd" => kind("digit", "digit"),
			"N" => kind("number", "other"),
			// A compatibility form (fullwidth, mathematical, ...) has an ordinary letter to type
			// instead; any other letter is one of a script or set the rules do not accept (yet).
			"L" if unicode_normalization::is_nfkc(&key) => kind("letter", "notYetLetter"),
			"L" => kind("letter", "letter"),
			"P" => kind("punctuation", "other"),
			"Sc" => kind("currency", "other"),
			"Sm" => kind("math", "other"),
			"S" if self.is_emoji(c) => kind("emoji", "other"),
			"S" => kind("symbol", "other"),
			_ => kind("unknown", "other"),
		}
	}

	fn is_emoji(&self, c: char) -> bool {
		let cp = u64::from(u32::from(c));
		self.table["emojiBlocks"].as_array().into_iter().flatten().any(|block| {
			matches!((block[0].as_u64(), block[1].as_u64()), (Some(from), Some(to)) if (from..=to).contains(&cp))
		})
	}

	/// "the 3rd character": `noun` is `character` or `letter`, `n` counts from 1.
	fn ordinal(&self, noun: &str, n: usize) -> String {
		let o = &self.text[format!("ordinal.{noun}").as_str()];
		let template = o["exact"][n.to_string().as_str()]
			.as_str()
			.or_else(|| o["endings"][(n % 100).to_string().as_str()].as_str())
			.or_else(|| o["endings"][(n % 10).to_string().as_str()].as_str())
			.or_else(|| o["other"].as_str())
			.unwrap_or_default();
		fill(template, &[("n", &n.to_string())])
	}

	/// `items` as a list ("a, b and c"); past three items, "a, b, c and 2 more".
	fn list(&self, items: &[String]) -> String {
		const LIMIT: usize = 3;
		let comma = self.get("list.comma");
		match items {
			[] => String::new(),
			[one] => one.clone(),
			_ if items.len() > LIMIT => fill(
				self.get("list.more"),
				&[("list", &items[..LIMIT].join(comma)), ("n", &(items.len() - LIMIT).to_string())],
			),
			[first @ .., last] => format!("{}{}{last}", first.join(comma), self.get("list.and")),
		}
	}

	/// The ISO 15924 code of a character's script among the table's scripts (none for Common and
	/// Inherited).
	fn script_of(&self, c: char) -> Option<&'static str> {
		let code = c.script().short_name();
		self.table["scripts"].get(code).map(|_| code)
	}

	fn script_name(&self, code: &str) -> String {
		self.table["scripts"][code].as_str().unwrap_or(code).to_string()
	}

	fn explain(&self, input: &str, error: &HandleError) -> String {
		let min = MIN_BASE_CHARS.to_string();
		match error {
			HandleError::NotUtf8 => self.get("rule.NotUtf8").to_string(),
			HandleError::TooShort => {
				let key = if input.is_empty() { "rule.TooShort.empty" } else { "rule.TooShort" };
				fill(self.get(key), &[("min", &min)])
			}
			HandleError::TooLong => self.too_long(input),
			HandleError::ForbiddenCharacter(c) | HandleError::DisallowedCharacter(c) => {
				let Some(index) = input.chars().position(|x| x == *c) else {
					// A rule that does not belong to this input: the crate's sentence.
					return error.to_string();
				};
				let (name, group) = self.describe(*c);
				let key = match error {
					HandleError::ForbiddenCharacter(_) => "rule.ForbiddenCharacter".to_string(),
					_ => format!("rule.DisallowedCharacter.{group}"),
				};
				let place = self.ordinal("character", index + 1);
				fill(self.get(&key), &[("char", &name), ("place", &place)])
			}
			HandleError::MixedScript => self.mixed_script(input),
			HandleError::CanonicalTooShort => {
				fill(self.get("rule.CanonicalTooShort"), &[("min", &min)])
			}
			HandleError::CanonicalTooLong => self.get("rule.CanonicalTooLong").to_string(),
			HandleError::Reserved => self.reserved(input),
			HandleError::LeadingCombiningMark(c) => {
				fill(self.get("rule.LeadingCombiningMark"), &[("char", &self.describe(*c).0)])
			}
		}
	}

	/// Characters over the limit when every one is a byte; else the byte limit explained: about
	/// how many characters of this script fit.
	fn too_long(&self, input: &str) -> String {
		let count = input.chars().count().to_string();
		if input.len() == input.chars().count() {
			let max = MAX_BASE_BYTES.to_string();
			return fill(self.get("rule.TooLong.characters"), &[("max", &max), ("count", &count)]);
		}
		let mut bytes = 0;
		let fit = input
			.chars()
			.take_while(|c| {
				bytes += c.len_utf8();
				bytes <= MAX_BASE_BYTES
			})
			.count()
			.to_string();
		let mut scripts: Vec<&str> = input.chars().filter_map(|c| self.script_of(c)).collect();
		scripts.sort_unstable();
		scripts.dedup();
		match scripts[..] {
			[only] if only != "Latn" => fill(
				self.get("rule.TooLong.script"),
				&[("script", &self.script_name(only)), ("fit", &fit), ("count", &count)],
			),
			_ => fill(self.get("rule.TooLong.letters"), &[("fit", &fit), ("count", &count)]),
		}
	}

	/// Each character outside the main script with its place, by script; the main script is the
	/// one with the most characters (the first to appear of equals).
	fn mixed_script(&self, input: &str) -> String {
		let mut groups: Vec<(&str, Vec<String>)> = Vec::new();
		let mut letters = 0;
		for (i, c) in input.chars().enumerate() {
			let is_letter = category(c) == "L";
			if is_letter {
				letters += 1;
			}
			let Some(script) = self.script_of(c) else { continue };
			let place = if is_letter {
				self.ordinal("letter", letters)
			} else {
				self.ordinal("character", i + 1)
			};
			let item = fill(
				self.get("rule.MixedScript.letter"),
				&[("c", &self.shown(c)), ("place", &place)],
			);
			match groups.iter_mut().find(|(s, _)| *s == script) {
				Some((_, items)) => items.push(item),
				None => groups.push((script, vec![item])),
			}
		}
		let mut main: Option<&(&str, Vec<String>)> = None;
		for group in &groups {
			if main.is_none_or(|m| group.1.len() > m.1.len()) {
				main = Some(group);
			}
		}
		let (Some((main, _)), true) = (main, groups.len() >= 2) else {
			return self.get("rule.MixedScript.unknown").to_string();
		};
		let parts: Vec<String> = groups
			.iter()
			.filter(|(script, _)| script != main)
			.map(|(script, items)| {
				let key =
					if items.len() == 1 { "rule.MixedScript.one" } else { "rule.MixedScript.many" };
				fill(
					self.get(key),
					&[("letters", &self.list(items)), ("script", &self.script_name(script))],
				)
			})
			.collect();
		fill(
			self.get("rule.MixedScript"),
			&[("parts", &parts.join(self.get("list.parts"))), ("main", &self.script_name(main))],
		)
	}

	/// The reserved word the input is, or looks like, when it is one of the default ones.
	fn reserved(&self, input: &str) -> String {
		let form = canonical(input);
		match DEFAULT_RESERVED.iter().find(|word| canonical(word) == form) {
			None => fill(self.get("rule.Reserved.other"), &[("input", input)]),
			Some(word) => {
				let key = if input.to_lowercase() == *word {
					"rule.Reserved.same"
				} else {
					"rule.Reserved.lookalike"
				};
				fill(self.get(key), &[("input", input), ("word", word)])
			}
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn fill_replaces_known_placeholders_once_and_keeps_the_rest() {
		assert_eq!(fill("a {x} b {y} {{x}", &[("x", "{y}"), ("y", "2")]), "a {y} b 2 {{y}");
		assert_eq!(fill("{unknown} {} {x", &[("x", "1")]), "{unknown} {} {x");
	}

	#[test]
	fn quoted_shows_every_script_as_it_looks_and_escapes_what_cannot_be_seen() {
		assert_eq!(quoted("नमस्ते"), "\"नमस्ते\"");
		assert_eq!(quoted("\u{301}ab"), "\"\u{301}ab\"");
		assert_eq!(quoted("a\u{200b}b\u{202e}c\nd\u{1b}"), r#""a\u{200b}b\u{202e}c\u{a}d\u{1b}""#);
		assert_eq!(quoted(r#"a"b\c"#), r#""a\"b\\c""#);
		assert_eq!(quoted("ali ce"), "\"ali ce\"");
	}

	#[test]
	fn the_table_parses_and_has_english() {
		assert!(table()["text"][LANGUAGE].is_object());
	}

	#[test]
	fn ordinals_follow_english_endings() {
		let t = Texts::english();
		let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111]
			.iter()
			.map(|n| t.ordinal("character", *n).replace("the ", "").replace(" character", ""))
			.collect();
		assert_eq!(
			got,
			[
				"1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd",
				"101st", "111th"
			]
		);
	}
}
