//! The test vectors published in the repository README (between `<!-- rules:start -->` and
//! `<!-- rules:end -->`) are parsed here and checked against the code, so the docs cannot drift.
//! `cargo test -p handles-rules --test readme_vectors -- --ignored --nocapture` prints fresh tables.

use handles_rules::*;

const README: &str = include_str!("../../../README.md");

/// Look-alike sets whose canonical forms are published.
const CANONICAL_INPUTS: &[&str] = &[
	"alice",
	"Alice",
	"ALICE",
	"AIice",
	"a1ice",
	"\u{0430}lice",
	"alicë",
	"ÀLİCE",
	"bob",
	"dob",
	"BOB",
	"ВОВ",
	"pay",
	"par",
	"modern",
	"rnodern",
	"MODERN",
	"h0ll0w",
	"HOLLOW",
	"straße",
	"STRASSE",
	"admin",
	"adm1n",
	"АDMIN",
	"Ωμέγα",
	"ΩΜΕΓΑ",
	"Дмитрий",
	"ДМИТРИЙ",
	"crème_brûlée",
	"jean-luc",
	"東京",
	"कि",
	"की",
	"ali@ce",
	"ali＠ce",
];

fn seeds() -> [(String, Seed); 2] {
	let mut counting = [0u8; 32];
	for (i, b) in counting.iter_mut().enumerate() {
		*b = i as u8;
	}
	[(hex(&[0u8; 32]), [0u8; 32]), (hex(&counting), counting)]
}

fn hex(bytes: &[u8]) -> String {
	let mut s = String::from("0x");
	for b in bytes {
		s.push_str(&format!("{b:02x}"));
	}
	s
}

fn code_points(s: &str) -> String {
	s.chars().map(|c| format!("U+{:04X}", u32::from(c))).collect::<Vec<_>>().join(" ")
}

const RANGES: [(u32, u32); 2] = [(1000, 9999), (0, u32::MAX)];
const MSA_INPUTS: &[(&str, u32)] = &[
	("allce", 1000),
	("allce", 4821),
	("allce", 9999),
	("bob", 0),
	("bob", u32::MAX),
	("東京", 1234),
];

fn canonical_table() -> String {
	let mut t = String::from("| input | input code points | canonical |\n|---|---|---|\n");
	for i in CANONICAL_INPUTS {
		t.push_str(&format!("| `{i}` | {} | `{}` |\n", code_points(i), canonical(i)));
	}
	t
}

fn candidates_table() -> String {
	let mut t =
		String::from("| seed | canonical | range | candidates (draw order) |\n|---|---|---|---|\n");
	for (name, seed) in seeds() {
		for canon in ["allce", "bob"] {
			for (min, max) in RANGES {
				let range = SuffixRange::new(min, max).unwrap();
				let c: Vec<String> =
					candidates(&seed, canon, range).iter().map(|s| s.to_string()).collect();
				t.push_str(&format!(
					"| `{name}` | `{canon}` | {min}..={max} | {} |\n",
					c.join(", ")
				));
			}
		}
	}
	t
}

fn msa_table() -> String {
	let mut t = String::from(
		"| canonical | suffix | display of a base `x` | msa_id |\n|---|---|---|---|\n",
	);
	for (canon, suffix) in MSA_INPUTS {
		t.push_str(&format!(
			"| `{canon}` | {suffix} | `{}` | {} |\n",
			format_display("x", *suffix),
			msa_id(canon, *suffix)
		));
	}
	t
}

fn region() -> &'static str {
	let start = README.find("<!-- rules:start -->").expect("README has the rules:start marker");
	let end = README.find("<!-- rules:end -->").expect("README has the rules:end marker");
	&README[start..end]
}

/// Rows (cells without backticks) of the table that follows `heading` in the rules region.
fn rows(heading: &str) -> Vec<Vec<String>> {
	let r = region();
	let at = r.find(heading).unwrap_or_else(|| panic!("README lacks {heading}"));
	r[at..]
		.lines()
		.skip_while(|l| !l.starts_with('|'))
		.take_while(|l| l.starts_with('|'))
		.skip(2)
		.map(|l| {
			l.trim()
				.trim_matches('|')
				.split('|')
				.map(|c| c.trim().trim_matches('`').to_string())
				.collect()
		})
		.collect()
}

#[test]
fn readme_canonical_forms_match_the_code() {
	let rows = rows("#### Canonical forms");
	assert!(rows.len() >= 20, "too few canonical vectors");
	for row in rows {
		let (input, cps, expected) = (&row[0], &row[1], &row[2]);
		assert_eq!(&code_points(input), cps, "code points column of {input}");
		assert_eq!(&canonical(input), expected, "canonical of {input}");
	}
}

#[test]
fn readme_candidates_match_the_code() {
	let rows = rows("#### Suffix candidates");
	assert_eq!(rows.len(), 8);
	let seeds = seeds();
	for row in rows {
		let seed = seeds.iter().find(|(n, _)| *n == row[0]).expect("a known seed").1;
		let (min, max) = row[2].split_once("..=").unwrap();
		let range = SuffixRange::new(min.parse().unwrap(), max.parse().unwrap()).unwrap();
		let expected: Vec<u32> = row[3].split(", ").map(|s| s.parse().unwrap()).collect();
		assert_eq!(candidates(&seed, &row[1], range).to_vec(), expected, "{row:?}");
	}
}

#[test]
fn readme_msa_ids_match_the_code() {
	let rows = rows("#### MSA ids");
	assert_eq!(rows.len(), MSA_INPUTS.len());
	for row in rows {
		let suffix: u32 = row[1].parse().unwrap();
		assert_eq!(format_display("x", suffix), row[2]);
		assert_eq!(msa_id(&row[0], suffix).to_string(), row[3], "{row:?}");
	}
}

#[test]
fn readme_constants_match_the_code() {
	let r = region();
	for needle in [
		format!("`CANONICAL_VERSION` = {CANONICAL_VERSION}"),
		format!("`MAX_CANONICAL_BYTES` = {MAX_CANONICAL_BYTES}"),
		format!("`MAX_BASE_BYTES` = {MAX_BASE_BYTES}"),
		format!("`MAX_DISPLAY_BYTES` = {MAX_DISPLAY_BYTES}"),
	] {
		assert!(r.contains(&needle), "README lacks {needle}");
	}
}

#[test]
#[ignore]
fn print_vectors() {
	println!(
		"#### Canonical forms\n\n{}\n#### Suffix candidates\n\n{}\n#### MSA ids\n\n{}",
		canonical_table(),
		candidates_table(),
		msa_table()
	);
}
