//! Generates the canonical-form table from the pinned Unicode data.
//!
//! For every code point this evaluates the definition in `src/fold_rules.rs` (the same file the
//! crate's tests compile and compare against, exhaustively) and writes the non-trivial results to
//! `$OUT_DIR/tables.rs`. Hangul syllables are left out: the crate decomposes them
//! arithmetically and folds their jamo, which the tests show to be equal.

extern crate alloc;

#[path = "src/fold_rules.rs"]
#[allow(dead_code)]
mod fold_rules;

use std::{env, fmt::Write as _, fs, path::PathBuf};

use unicode_normalization::char::canonical_combining_class;

const HANGUL_FIRST: u32 = 0xAC00;
const HANGUL_LAST: u32 = 0xD7A3;

fn main() {
	println!("cargo:rerun-if-changed=build.rs");
	println!("cargo:rerun-if-changed=src/fold_rules.rs");

	let mut pool = String::new();
	let mut entries: Vec<(u32, u32)> = Vec::new();
	let mut ascii: Vec<String> = Vec::new();
	let mut ascii_forbidden: u128 = 0;
	for cp in 0u32..=0x10FFFF {
		if (HANGUL_FIRST..=HANGUL_LAST).contains(&cp) {
			continue;
		}
		let Some(c) = char::from_u32(cp) else { continue };
		let (folded, forbidden) = fold_rules::fold(c);
		if cp < 0x80 {
			ascii.push(folded.clone());
			if forbidden {
				ascii_forbidden |= 1u128 << cp;
			}
		}
		let identity = folded.chars().eq(core::iter::once(c));
		let reorder = folded.chars().any(|d| canonical_combining_class(d) != 0);
		if identity && !forbidden && !reorder {
			continue;
		}
		// Layout of the packed value: offset << 8 | len << 3 | reorder << 2 | forbidden << 1 | identity.
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
		assert!(len < 32 && offset < (1 << 24), "table layout overflow at U+{cp:04X}");
		let packed = ((offset as u32) << 8)
			| ((len as u32) << 3)
			| (u32::from(reorder) << 2)
			| (u32::from(forbidden) << 1)
			| u32::from(identity);
		entries.push((cp, packed));
	}

	let mut out = String::new();
	writeln!(out, "/// Folds of the non-trivial code points, concatenated.").unwrap();
	writeln!(out, "pub(crate) static POOL: &str = {pool:?};").unwrap();
	writeln!(
		out,
		"/// (code point, offset << 8 | len << 3 | reorder << 2 | forbidden << 1 | identity), sorted."
	)
	.unwrap();
	writeln!(out, "pub(crate) static FOLDS: [(u32, u32); {}] = [", entries.len()).unwrap();
	for (cp, packed) in &entries {
		writeln!(out, "\t(0x{cp:X}, 0x{packed:X}),").unwrap();
	}
	writeln!(out, "];").unwrap();
	writeln!(out, "/// Folds of the ASCII characters, by byte.").unwrap();
	writeln!(out, "pub(crate) static ASCII: [&str; 128] = [").unwrap();
	for f in &ascii {
		writeln!(out, "\t{f:?},").unwrap();
	}
	writeln!(out, "];").unwrap();
	writeln!(
		out,
		"/// Bit n is set when ASCII character n is, or folds to, a forbidden character."
	)
	.unwrap();
	writeln!(out, "pub(crate) static ASCII_FORBIDDEN: u128 = 0x{ascii_forbidden:X};").unwrap();

	let dest =
		PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR is set by cargo")).join("tables.rs");
	fs::write(dest, out).expect("write tables.rs");
}
