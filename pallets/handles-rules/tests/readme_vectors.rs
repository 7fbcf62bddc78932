//! The test vectors the crate README publishes ("Test vectors", and the table of combining marks
//! by script) are parsed here and checked against the code and against the one list of vectors
//! (`vectors/mod.rs`), so the docs cannot drift. Print fresh tables with
//! `cargo test -p handles-rules --test readme_vectors -- --ignored --nocapture`.

mod vectors;

use handles_rules::*;

const README: &str = include_str!("../README.md");

/// The seeds as the README names them (hex), with their bytes.
fn seeds() -> [(String, Seed); 2] {
	vectors::seeds().map(|seed| (hex(&seed), seed))
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

/// `s` as a table cell: `|` escaped.
fn cell(s: &str) -> String {
	s.replace('|', "\\|")
}

fn canonical_table() -> String {
	let mut t = String::from("| input | input code points | canonical |\n|---|---|---|\n");
	for i in vectors::corpus() {
		t.push_str(&format!(
			"| `{}` | {} | `{}` |\n",
			cell(i),
			code_points(i),
			cell(&canonical(i))
		));
	}
	t
}

fn candidates_table() -> String {
	let mut t =
		String::from("| seed | canonical | range | candidates (draw order) |\n|---|---|---|---|\n");
	for (name, seed) in seeds() {
		for canon in vectors::CANDIDATE_FORMS {
			for (min, max) in vectors::RANGES {
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
	for (canon, suffix) in vectors::MSA_IDS {
		t.push_str(&format!(
			"| `{canon}` | {suffix} | `{}` | {} |\n",
			format_display("x", *suffix),
			msa_id(canon, *suffix)
		));
	}
	t
}

/// Per script, the combining marks (General_Category M) of the pinned data: how many there are,
/// how many rule 3 allows, and how many stay (change the canonical form of a word they are added
/// to) or fold. A mark's script is its Script property, or for an Inherited or Common mark whose
/// Script_Extensions names other scripts than Latin, Greek and Cyrillic (Arabic harakat, kana
/// voicing marks), those scripts. Scripts with an allowed mark get a row, and Hebrew; the others
/// are summed in the last row.
fn mark_rows() -> Vec<[String; 7]> {
	use unicode_normalization::char::is_combining_mark;
	use unicode_script::{Script, UnicodeScript};
	#[derive(Default, Clone)]
	struct Count {
		marks: usize,
		allowed: usize,
		stay: usize,
		fold: usize,
		stay_examples: Vec<char>,
		fold_examples: Vec<char>,
	}
	let mut by_script: Vec<(String, Count)> = Vec::new();
	for m in (0u32..=0x10FFFF).filter_map(char::from_u32).filter(|c| is_combining_mark(*c)) {
		let ext = m.script_extension();
		let lgc = [Script::Latin, Script::Greek, Script::Cyrillic];
		let name = if matches!(m.script(), Script::Inherited | Script::Common)
			&& !ext.is_common()
			&& !ext.is_inherited()
			&& !lgc.iter().any(|s| ext.contains_script(*s))
		{
			ext.iter().map(|s| s.full_name().replace('_', " ")).collect::<Vec<_>>().join(", ")
		} else {
			m.script().full_name().replace('_', " ")
		};
		let at = match by_script.iter().position(|(n, _)| *n == name) {
			Some(at) => at,
			None => {
				by_script.push((name, Count::default()));
				by_script.len() - 1
			}
		};
		let count = &mut by_script[at].1;
		let stays = canonical(&format!("ab{m}")) != canonical("ab");
		count.marks += 1;
		if stays {
			count.stay += 1;
		} else {
			count.fold += 1;
		}
		// Rule 3 allows `m` when `ab` + `m` is not refused for it (rules 1 and 2 pass).
		let refused = matches!(
			validate(format!("ab{m}").as_bytes(), |_| false),
			Err(HandleError::DisallowedCharacter(c)) if c == m
		);
		if !refused {
			count.allowed += 1;
			let examples = if stays { &mut count.stay_examples } else { &mut count.fold_examples };
			if examples.len() < 3 {
				examples.push(m);
			}
		}
	}
	by_script.sort_by(|a, b| a.0.cmp(&b.0));
	let examples = |v: &[char]| {
		v.iter().map(|c| format!("U+{:04X}", u32::from(*c))).collect::<Vec<_>>().join(" ")
	};
	let mut rows = Vec::new();
	let mut rest = Count::default();
	let mut rest_scripts = 0;
	for (name, c) in &by_script {
		if c.allowed == 0 && name != "Hebrew" {
			rest.marks += c.marks;
			rest.stay += c.stay;
			rest.fold += c.fold;
			rest_scripts += 1;
			continue;
		}
		rows.push([
			name.clone(),
			c.marks.to_string(),
			c.allowed.to_string(),
			c.stay.to_string(),
			c.fold.to_string(),
			examples(&c.stay_examples),
			examples(&c.fold_examples),
		]);
	}
	rows.push([
		format!("{rest_scripts} other scripts (no allowed mark)"),
		rest.marks.to_string(),
		"0".into(),
		rest.stay.to_string(),
		rest.fold.to_string(),
		String::new(),
		String::new(),
	]);
	rows
}

fn mark_table() -> String {
	let mut t = String::from(
		"| script | marks | allowed | stay | fold | allowed marks that stay (e.g.) | allowed marks that fold (e.g.) |\n|---|---|---|---|---|---|---|\n",
	);
	for r in mark_rows() {
		t.push_str(&format!("| {} |\n", r.join(" | ")));
	}
	t
}

/// Rows (cells without backticks, `\|` read as `|`) of the table that follows the heading
/// `heading` in the README.
fn rows(heading: &str) -> Vec<Vec<String>> {
	let at = README
		.find(&format!("\n{heading}\n"))
		.unwrap_or_else(|| panic!("README lacks the heading {heading}"));
	README[at..]
		.lines()
		.skip_while(|l| !l.starts_with('|'))
		.take_while(|l| l.starts_with('|'))
		.skip(2)
		.map(|l| {
			l.trim()
				.trim_matches('|')
				.replace("\\|", "\0")
				.split('|')
				.map(|c| c.trim().trim_matches('`').replace('\0', "|"))
				.collect()
		})
		.collect()
}

#[test]
fn readme_canonical_forms_match_the_code() {
	let rows = rows("### Canonical forms");
	let inputs: Vec<&str> = rows.iter().map(|row| row[0].as_str()).collect();
	let listed: Vec<&str> = vectors::corpus().collect();
	assert_eq!(inputs, listed, "the README's canonical forms are those of tests/vectors/mod.rs");
	for row in &rows {
		let (input, cps, expected) = (&row[0], &row[1], &row[2]);
		assert_eq!(&code_points(input), cps, "code points column of {input}");
		assert_eq!(&canonical(input), expected, "canonical of {input}");
	}
}

#[test]
fn readme_mark_table_matches_the_code() {
	let rows = rows("### Combining marks by script");
	let expected = mark_rows();
	assert_eq!(rows.len(), expected.len(), "rows of the mark table");
	for (row, want) in rows.iter().zip(&expected) {
		assert_eq!(row, &want.to_vec());
	}
	let sum = |column: usize| -> usize {
		expected.iter().map(|r| r[column].parse::<usize>().unwrap()).sum()
	};
	let thousands = |n: usize| {
		if n >= 1000 {
			format!("{},{:03}", n / 1000, n % 1000)
		} else {
			n.to_string()
		}
	};
	let totals = format!(
		"In all: {} combining marks, {} stay and {} fold; of the {} that rule 3 allows,",
		thousands(sum(1)),
		thousands(sum(3)),
		thousands(sum(4)),
		thousands(sum(2))
	);
	assert!(README.replace('\n', " ").contains(&totals), "README lacks {totals}");
}

#[test]
fn readme_candidates_match_the_code() {
	let rows = rows("### Suffix candidates");
	let expected = vectors::CANDIDATE_FORMS.len() * vectors::RANGES.len() * seeds().len();
	assert_eq!(rows.len(), expected);
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
	let rows = rows("### MSA ids");
	assert_eq!(rows.len(), vectors::MSA_IDS.len());
	for (row, (canon, suffix)) in rows.iter().zip(vectors::MSA_IDS) {
		assert_eq!((row[0].as_str(), row[1].as_str()), (*canon, suffix.to_string().as_str()));
		let suffix: u32 = row[1].parse().unwrap();
		assert_eq!(format_display("x", suffix), row[2]);
		assert_eq!(msa_id(&row[0], suffix).to_string(), row[3], "{row:?}");
	}
}

#[test]
fn readme_constants_match_the_code() {
	for needle in [
		format!("`CANONICAL_VERSION` = {CANONICAL_VERSION}"),
		format!("`MAX_CANONICAL_BYTES` = {MAX_CANONICAL_BYTES}"),
		format!("`MAX_BASE_BYTES` = {MAX_BASE_BYTES}"),
		format!("`MIN_BASE_CHARS` = {MIN_BASE_CHARS}"),
		format!("`MAX_DISPLAY_BYTES` = {MAX_DISPLAY_BYTES}"),
		format!("`MAX_DISPLAY_INPUT_BYTES` = {MAX_DISPLAY_INPUT_BYTES}"),
		format!("`CANDIDATES_PER_SEED` = {CANDIDATES_PER_SEED}"),
		format!("`MAX_SUFFIX_OPTIONS` = {MAX_SUFFIX_OPTIONS}"),
	] {
		assert!(README.contains(&needle), "README lacks {needle}");
	}
}

#[test]
#[ignore]
fn print_vectors() {
	println!(
		"### Canonical forms\n\n{}\n### Suffix candidates\n\n{}\n### MSA ids\n\n{}\n### Combining marks by script\n\n{}",
		canonical_table(),
		candidates_table(),
		msa_table(),
		mark_table()
	);
}
