//! How many of CLDR's main exemplar letters and marks the rules accept: every element of every
//! locale of CLDR 48 without a region that holds a letter or a mark, inside a word of that locale (the locale's base
//! letter, the element, the base letter), through `validate`. Prints the overall share, the share
//! per locale and each refused element with its code points and the error.
//!
//! `cargo run -p handles-rules --example cldr_acceptance --release`
//!
//! With `--readme` it prints instead the rows of the crate README's table "CLDR exemplars the rules
//! refuse", each with the reason `TODO` (which `tests/cldr_tests.rs` refuses: write each reason by
//! hand) or the one given with `--reason <text>`.

#[path = "../tests/cldr/mod.rs"]
mod cldr;

use cldr::{code_points, measure_extract, percent, read_extract, readme_row, README_TABLE_HEADER};

fn main() {
	let args: Vec<String> = std::env::args().skip(1).collect();
	let readme = args.iter().any(|a| a == "--readme");
	let reason = args
		.iter()
		.position(|a| a == "--reason")
		.map(|i| args.get(i + 1).cloned().unwrap_or_else(|| usage("--reason needs a text")))
		.unwrap_or_else(|| cldr::REASON_TODO.to_string());
	if let Some(other) = args.iter().enumerate().find_map(|(i, a)| {
		let is_reason_text = i > 0 && args.get(i - 1).is_some_and(|p| p == "--reason");
		(a != "--readme" && a != "--reason" && !is_reason_text).then_some(a)
	}) {
		usage(&format!("unknown argument {other:?}"));
	}

	let measures = measure_extract();
	if readme {
		println!("{README_TABLE_HEADER}");
		for probe in measures.iter().flat_map(|m| &m.probes).filter(|p| p.result.is_err()) {
			println!("{}", readme_row(probe, &reason));
		}
		return;
	}

	let locales = read_extract().len();
	let total: usize = measures.iter().map(|m| m.probes.len()).sum();
	let accepted: usize = measures.iter().map(|m| m.accepted()).sum();
	let skipped: usize = measures.iter().map(|m| m.skipped.len()).sum();
	let with_refusal: Vec<_> = measures.iter().filter(|m| m.accepted() < m.probes.len()).collect();
	let at_zero: Vec<_> =
		measures.iter().filter(|m| !m.probes.is_empty() && m.accepted() == 0).collect();
	let names = |list: &[&cldr::LocaleMeasure]| {
		list.iter().map(|m| m.locale.as_str()).collect::<Vec<_>>().join(" ")
	};

	println!(
		"CLDR 48 main exemplar characters (cldr-misc-full 48.0.0, data/cldr-48-exemplars.txt) through \
		 the rules of CANONICAL_VERSION {}",
		handles_rules::CANONICAL_VERSION
	);
	println!(
		"Each element holding a letter or mark, inside B + element + B (B: the locale's first letter \
		 valid doubled); no reserved list."
	);
	println!();
	println!(
		"accepted: {accepted} of {total} elements ({:.1} %) in {} locales ({} of the {locales} locales \
		 locales have an empty set; {skipped} elements of symbols, punctuation or format characters \
		 only are left out)",
		percent(accepted, total),
		measures.len(),
		locales - measures.len(),
	);
	println!(
		"locales below 100 %: {} of {}: {}",
		with_refusal.len(),
		measures.len(),
		names(&with_refusal)
	);
	println!("locales at 0 %: {}: {}", at_zero.len(), names(&at_zero));
	println!();
	println!("Per locale");
	println!("{:<8} {:>9} {:>7}  base", "locale", "accepted", "%");
	for m in &measures {
		println!(
			"{:<8} {:>9} {:>7.1}  {}",
			m.locale,
			format!("{}/{}", m.accepted(), m.probes.len()),
			m.percent(),
			m.base.as_deref().unwrap_or("-")
		);
	}
	println!();
	println!("Refused ({})", total - accepted);
	println!("{:<8} {:<10} {:<32} error", "locale", "element", "code points");
	for probe in measures.iter().flat_map(|m| &m.probes) {
		if let Err(error) = &probe.result {
			println!(
				"{:<8} {:<10} {:<32} {error:?}",
				probe.locale,
				probe.element,
				code_points(&probe.element)
			);
		}
	}
}

fn usage(problem: &str) -> ! {
	eprintln!("{problem}\nusage: cldr_acceptance [--readme [--reason <text>]]");
	std::process::exit(2)
}
