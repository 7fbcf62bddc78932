//! Generates the per-character table from the pinned Unicode data.
//!
//! For every code point this evaluates, in one place:
//! - the fold defined in `src/fold_rules.rs` (the same file the crate's tests compile and compare
//!   against, exhaustively); Hangul syllables keep an identity fold here: the crate decomposes them
//!   arithmetically and folds their jamo, which the tests show to be equal;
//! - whether rule 3 allows the character (`fold_rules::allowed`: the UTS #39 identifier profile of
//!   `unicode-security`, minus the invisible joiners, plus the Thai and Lao sara am);
//! - for allowed characters, the UTS #39 augmented script set (`unicode-security` over the
//!   Script_Extensions of `unicode-script`) as a bit mask, so the "highly restrictive" check is a
//!   few AND operations;
//! - whether it is a combining mark (General_Category M; no base begins with one).
//!
//! Each code point gets one packed `u32` (layout in `src/table_layout.rs`, shared with the crate);
//! the distinct values are stored once and reached through a three-level trie whose block sizes
//! are chosen here to minimise its size. Besides, it writes the decimal digits (General_Category
//! Nd, from `unicode-properties`) as the first code point of each run of ten, and the canonical
//! forms of the default reserved handles. Everything goes to `$OUT_DIR/tables.rs`.

extern crate alloc;

#[path = "src/fold_rules.rs"]
#[allow(dead_code)]
mod fold_rules;
#[path = "src/reserved.rs"]
mod reserved;
#[path = "src/table_layout.rs"]
#[allow(dead_code)]
mod table_layout;

use std::{collections::HashMap, env, fmt::Write as _, fs, path::PathBuf};

use table_layout::*;
use unicode_normalization::{
	char::{canonical_combining_class, is_combining_mark},
	UnicodeNormalization,
};
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
use unicode_script::{Script, ScriptExtension, UnicodeScript};
use unicode_security::mixed_script::AugmentedScriptSet;

const HANGUL_FIRST: u32 = 0xAC00;
const HANGUL_LAST: u32 = 0xD7A3;
const CODE_POINTS: usize = 0x11_0000;

/// Rule 3 (before the forbidden characters of rule 2), as `fold_rules` defines it.
fn allowed(c: char) -> bool {
	fold_rules::allowed(c)
}

fn script_mask(set: AugmentedScriptSet, universe: &[Script]) -> ScriptMask {
	let mut mask: ScriptMask = 0;
	let all = set.base.is_common() || set.base.is_inherited();
	for (bit, s) in universe.iter().enumerate() {
		if all || set.base.contains_script(*s) {
			mask |= 1 << bit;
		}
	}
	if set.hanb {
		mask |= HANB;
	}
	if set.jpan {
		mask |= JPAN;
	}
	if set.kore {
		mask |= KORE;
	}
	mask
}

/// Three-level trie over `values` (one entry per code point): returns (leaf bits, mid bits, top,
/// mid, leaf).
type Trie = (u32, u32, Vec<u32>, Vec<u32>, Vec<u32>);

fn dedup_blocks(data: &[u32], bits: u32) -> (Vec<u32>, Vec<u32>) {
	let size = 1usize << bits;
	let mut seen: HashMap<&[u32], u32> = HashMap::new();
	let mut blocks: Vec<u32> = Vec::new();
	let mut index = Vec::with_capacity(data.len() / size);
	for chunk in data.chunks(size) {
		let next = seen.len() as u32;
		let id = *seen.entry(chunk).or_insert_with(|| {
			blocks.extend_from_slice(chunk);
			next
		});
		index.push(id);
	}
	(index, blocks)
}

fn width(max: u32) -> usize {
	if max < 256 {
		1
	} else if max < 65536 {
		2
	} else {
		4
	}
}

fn build_trie(values: &[u32], value_width: usize) -> Trie {
	let mut best: Option<(usize, Trie)> = None;
	for leaf_bits in 3..=9 {
		let (leaf_index, leaves) = dedup_blocks(values, leaf_bits);
		for mid_bits in 2..=8 {
			if CODE_POINTS >> (leaf_bits + mid_bits) == 0 {
				continue;
			}
			let (top, mids) = dedup_blocks(&leaf_index, mid_bits);
			let max_leaf_block = leaf_index.iter().copied().max().unwrap_or(0);
			let max_mid_block = top.iter().copied().max().unwrap_or(0);
			let bytes = leaves.len() * value_width
				+ mids.len() * width(max_leaf_block)
				+ top.len() * width(max_mid_block);
			if best.as_ref().is_none_or(|(b, _)| bytes < *b) {
				best = Some((bytes, (leaf_bits, mid_bits, top, mids.clone(), leaves.clone())));
			}
		}
	}
	best.expect("some trie shape fits").1
}

fn rust_type(max: u32) -> &'static str {
	match width(max) {
		1 => "u8",
		2 => "u16",
		_ => "u32",
	}
}

fn write_array(out: &mut String, doc: &str, name: &str, data: &[u32]) -> usize {
	let max = data.iter().copied().max().unwrap_or(0);
	let ty = rust_type(max);
	writeln!(out, "/// {doc}").unwrap();
	write!(out, "pub(crate) static {name}: [{ty}; {}] = [", data.len()).unwrap();
	for (i, v) in data.iter().enumerate() {
		if i % 16 == 0 {
			out.push_str("\n\t");
		}
		write!(out, "{v},").unwrap();
	}
	out.push_str("\n];\n");
	data.len() * width(max)
}

/// The decimal digits (General_Category Nd) as the first code point of each run of ten: Unicode
/// encodes every decimal digit in a contiguous run from 0 to 9, which this checks.
fn digit_zeros() -> Vec<u32> {
	let digits: Vec<u32> = (0u32..CODE_POINTS as u32)
		.filter(|cp| {
			char::from_u32(*cp)
				.is_some_and(|c| c.general_category() == GeneralCategory::DecimalNumber)
		})
		.collect();
	assert!(digits.len().is_multiple_of(10), "Nd does not come in runs of ten");
	let zeros: Vec<u32> = digits.chunks(10).map(|run| run[0]).collect();
	for (run, zero) in digits.chunks(10).zip(&zeros) {
		assert!(
			run.iter().enumerate().all(|(i, d)| *d == zero + i as u32),
			"Nd run at U+{zero:04X}"
		);
	}
	zeros
}

fn main() {
	println!("cargo:rerun-if-changed=build.rs");
	println!("cargo:rerun-if-changed=src/fold_rules.rs");
	println!("cargo:rerun-if-changed=src/reserved.rs");
	println!("cargo:rerun-if-changed=src/table_layout.rs");
	println!("cargo:rerun-if-changed=data/cldr-48-exemplars.txt");

	// The script universe: every script named by the Script_Extensions of an allowed character.
	let mut universe: Vec<Script> = Vec::new();
	for c in (0u32..CODE_POINTS as u32).filter_map(char::from_u32).filter(|c| allowed(*c)) {
		let ext: ScriptExtension = c.script_extension();
		if ext.is_common() || ext.is_inherited() {
			continue;
		}
		for s in ext.iter() {
			if !universe.contains(&s) {
				universe.push(s);
			}
		}
	}
	universe.sort_by_key(|s| s.short_name());
	assert!(
		universe.len() <= MAX_SCRIPTS,
		"script universe of {} does not fit a script mask",
		universe.len()
	);
	let latin_bit = universe.iter().position(|s| *s == Script::Latin).expect("Latin is allowed");

	// Script sets, id 0 being "all" (Common), which disallowed characters also get.
	let mut script_sets: Vec<ScriptMask> =
		vec![script_mask(AugmentedScriptSet::default(), &universe)];
	let mut pool = String::new();
	let mut values: Vec<u32> = vec![IDENTITY; CODE_POINTS];
	for (cp, slot) in values.iter_mut().enumerate() {
		let Some(c) = char::from_u32(cp as u32) else { continue };
		let mut packed = IDENTITY;
		if !(HANGUL_FIRST..=HANGUL_LAST).contains(&(cp as u32)) {
			let (folded, forbidden) = fold_rules::fold(c);
			let identity = folded.chars().eq(core::iter::once(c));
			let reorder = folded.chars().any(|d| canonical_combining_class(d) != 0);
			let (offset, len) = if identity {
				(0, 0)
			} else {
				let offset = match pool.find(&folded) {
					Some(o) if !folded.is_empty() => o,
					_ => {
						let o = pool.len();
						pool.push_str(&folded);
						o
					}
				};
				(offset, folded.len())
			};
			assert!(
				len <= LEN_MASK as usize && offset < MAX_POOL_BYTES,
				"table layout overflow at U+{cp:04X}"
			);
			packed = ((offset as u32) << OFFSET_SHIFT)
				| ((len as u32) << LEN_SHIFT)
				| if reorder { REORDER } else { 0 }
				| if forbidden { FORBIDDEN } else { 0 }
				| if identity { IDENTITY } else { 0 };
		}
		if is_combining_mark(c) {
			packed |= MARK;
		}
		if allowed(c) {
			let mask = script_mask(AugmentedScriptSet::for_char(c), &universe);
			let id = match script_sets.iter().position(|m| *m == mask) {
				Some(id) => id,
				None => {
					script_sets.push(mask);
					script_sets.len() - 1
				}
			};
			assert!(id <= SCRIPT_MASK as usize, "too many script sets");
			packed |= ALLOWED | ((id as u32) << SCRIPT_SHIFT);
		}
		*slot = packed;
	}

	// Distinct values (identity first, so unassigned code points map to 0), then the trie.
	let mut distinct: HashMap<u32, u32> = HashMap::new();
	let mut value_list: Vec<u32> = Vec::new();
	for v in core::iter::once(IDENTITY).chain(values.iter().copied()) {
		distinct.entry(v).or_insert_with(|| {
			value_list.push(v);
			value_list.len() as u32 - 1
		});
	}
	let indices: Vec<u32> = values.iter().map(|v| distinct[v]).collect();
	let value_width = width(value_list.len() as u32 - 1);
	let (leaf_bits, mid_bits, top, mids, leaves) = build_trie(&indices, value_width);

	let mut out = String::new();
	let mut bytes = 0usize;
	writeln!(out, "// Generated by build.rs from the pinned Unicode data. Do not edit.").unwrap();
	writeln!(out, "/// Folds of the non-trivial code points, concatenated.").unwrap();
	writeln!(out, "pub(crate) static POOL: &str = {pool:?};").unwrap();
	bytes += pool.len();
	writeln!(out, "/// Low bits of a code point that index a leaf block.").unwrap();
	writeln!(out, "pub(crate) const LEAF_BITS: u32 = {leaf_bits};").unwrap();
	writeln!(out, "/// Next bits of a code point, which index a mid block.").unwrap();
	writeln!(out, "pub(crate) const MID_BITS: u32 = {mid_bits};").unwrap();
	bytes += write_array(
		&mut out,
		"Mid block of each top-level slot (code point >> (LEAF_BITS + MID_BITS)).",
		"TOP",
		&top,
	);
	bytes += write_array(&mut out, "Mid blocks: leaf block numbers.", "MID", &mids);
	bytes += write_array(&mut out, "Leaf blocks: indices into VALUES.", "LEAF", &leaves);
	writeln!(out, "/// Distinct packed values (layout in `table_layout.rs`).").unwrap();
	writeln!(out, "pub(crate) static VALUES: [u32; {}] = [", value_list.len()).unwrap();
	for (i, v) in value_list.iter().enumerate() {
		if i % 8 == 0 {
			out.push_str("\n\t");
		}
		write!(out, "0x{v:X},").unwrap();
	}
	out.push_str("\n];\n");
	bytes += value_list.len() * 4;
	let ascii: Vec<u32> = values.iter().take(128).copied().collect();
	writeln!(out, "/// Packed values of the ASCII characters, by byte.").unwrap();
	writeln!(out, "pub(crate) static ASCII: [u32; 128] = {ascii:?};").unwrap();
	bytes += 128 * 4;
	writeln!(out, "/// Script-set masks by id: bit n for the n-th script of SCRIPT_UNIVERSE, then Hanb (125), Jpan (126), Kore (127).").unwrap();
	writeln!(out, "pub(crate) static SCRIPT_SETS: [u128; {}] = [", script_sets.len()).unwrap();
	for m in &script_sets {
		writeln!(out, "\t0x{m:032X},").unwrap();
	}
	writeln!(out, "];").unwrap();
	bytes += script_sets.len() * 16;
	let arabic_bit = universe.iter().position(|s| *s == Script::Arabic).expect("Arabic is allowed");
	writeln!(out, "/// Bit of Arabic in a script-set mask.").unwrap();
	writeln!(out, "pub(crate) const ARABIC: u128 = 1 << {arabic_bit};").unwrap();
	writeln!(out, "/// Bit of Latin in a script-set mask.").unwrap();
	writeln!(out, "pub(crate) const LATIN: u128 = 1 << {latin_bit};").unwrap();
	let names: Vec<&str> = universe.iter().map(|s| s.short_name()).collect();
	writeln!(out, "/// Scripts of the mask bits, by ISO 15924 short name (for the tests).")
		.unwrap();
	writeln!(
		out,
		"#[cfg(test)]\npub(crate) static SCRIPT_UNIVERSE: [&str; {}] = {names:?};",
		names.len()
	)
	.unwrap();
	let zeros = digit_zeros();
	writeln!(
		out,
		"/// Decimal digits (General_Category Nd): the code point of the zero of each run of ten, ascending."
	)
	.unwrap();
	writeln!(out, "pub(crate) static DIGIT_ZEROS: [u32; {}] = {zeros:?};", zeros.len()).unwrap();
	bytes += zeros.len() * 4;
	let reserved: Vec<String> = reserved::DEFAULT_RESERVED
		.iter()
		.map(|r| r.chars().map(|c| fold_rules::fold(c).0).collect::<String>().nfd().collect())
		.collect();
	writeln!(out, "/// Canonical forms of `DEFAULT_RESERVED`, in its order.").unwrap();
	writeln!(
		out,
		"pub(crate) static DEFAULT_RESERVED_CANONICAL: [&str; {}] = {reserved:?};",
		reserved.len()
	)
	.unwrap();
	writeln!(out, "/// Total size of the tables above, in bytes.").unwrap();
	writeln!(out, "#[cfg(test)]\npub(crate) const TABLE_BYTES: usize = {bytes};").unwrap();

	let dest =
		PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR is set by cargo")).join("tables.rs");
	fs::write(dest, out).expect("write tables.rs");
}
