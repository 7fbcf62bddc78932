//! Messages for people: the command line says, in English, exactly what the JavaScript package
//! says for the same input (both read `clients/js/src/messages.json` and are held to the vectors
//! in `clients/js/test/message-vectors.json`), and `handles validate --offline` prints it.

use std::process::Command;

use handles_client::{messages, rules};
use rules::{DisplayError, HandleError};
use serde_json::Value;

fn vectors() -> Value {
	let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../js/test/message-vectors.json");
	serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The vectors of one kind, as (input, rule id, whether the rule is given, English sentence).
fn cases(kind: &str) -> Vec<(String, String, bool, String)> {
	vectors()[kind]
		.as_array()
		.unwrap()
		.iter()
		.map(|v| {
			(
				v["input"].as_str().unwrap().to_string(),
				v["id"].as_str().unwrap().to_string(),
				v["given"].as_bool().unwrap_or(false),
				v["en"].as_str().unwrap().to_string(),
			)
		})
		.collect()
}

/// The error a vector's input gives: the rule it names when no input reaches it, else the rules
/// crate's answer, which must be that rule.
fn error_of(input: &str, id: &str, given: bool) -> HandleError {
	if given {
		return match id {
			"NotUtf8" => HandleError::NotUtf8,
			"CanonicalTooLong" => HandleError::CanonicalTooLong,
			other => panic!("no given error for {other}"),
		};
	}
	let e = rules::validate_with_default_reserved(input.as_bytes()).unwrap_err();
	assert_eq!(format!("{:?}", e.rule()), id, "{input:?}");
	e
}

#[test]
fn every_vector_is_explained_as_the_javascript_package_explains_it() {
	let all = cases("rules");
	assert!(all.len() > 40);
	for (input, id, given, english) in all {
		assert_eq!(messages::explain(&input, &error_of(&input, &id, given)), english, "{input:?}");
	}
}

#[test]
fn every_rule_has_a_vector() {
	let ids: std::collections::BTreeSet<String> = cases("rules").into_iter().map(|c| c.1).collect();
	let every = [
		HandleError::NotUtf8,
		HandleError::TooShort,
		HandleError::TooLong,
		HandleError::ForbiddenCharacter('@'),
		HandleError::DisallowedCharacter(' '),
		HandleError::MixedScript,
		HandleError::CanonicalTooShort,
		HandleError::CanonicalTooLong,
		HandleError::Reserved,
		HandleError::LeadingCombiningMark('\u{301}'),
	];
	for e in every {
		// A rule the crate gains fails to compile here until it has a message and a vector.
		match e {
			HandleError::NotUtf8
			| HandleError::TooShort
			| HandleError::TooLong
			| HandleError::ForbiddenCharacter(_)
			| HandleError::DisallowedCharacter(_)
			| HandleError::MixedScript
			| HandleError::CanonicalTooShort
			| HandleError::CanonicalTooLong
			| HandleError::Reserved
			| HandleError::LeadingCombiningMark(_) => {}
		}
		assert!(ids.contains(&format!("{:?}", e.rule())), "{:?} has a vector", e.rule());
	}
}

#[test]
fn display_errors_are_explained_as_the_javascript_package_explains_them() {
	for (input, id, _, english) in cases("display") {
		let e = rules::parse_display(input.as_bytes()).unwrap_err();
		assert_eq!(format!("{e:?}"), id, "{input:?}");
		assert_eq!(messages::explain_display(&e), english, "{input:?}");
	}
	// Bytes that are not UTF-8 cannot be typed on a command line; the message is there all the same.
	assert!(messages::explain_display(&DisplayError::NotUtf8).starts_with("This handle holds"));
}

#[test]
fn no_message_shows_escapes_code_points_or_the_crate_sentence() {
	for (input, id, given, _) in cases("rules") {
		let e = error_of(&input, &id, given);
		let text = messages::explain(&input, &e);
		for jargon in ["U+", "UTS", "\\u", "UTF-8", "bytes"] {
			assert!(!text.contains(jargon), "{input:?}: {text}");
		}
		assert!(!has_placeholder(&text), "{input:?}: {text}");
		assert_ne!(text, e.to_string());
	}
}

/// Whether `text` holds an unfilled `{name}`.
fn has_placeholder(text: &str) -> bool {
	text.split('{').skip(1).any(|rest| {
		let name = rest.split('}').next().unwrap_or_default();
		rest.contains('}') && !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric())
	})
}

#[test]
fn a_chain_refusal_is_explained_by_the_offline_rule_or_as_reserved() {
	let reserved = HandleError::Reserved.to_string();
	assert_eq!(
		messages::explain_chain("Glycine", &reserved),
		"“Glycine”, or a name that looks like it, is reserved. Choose another name."
	);
	assert_eq!(
		messages::explain_chain("ali@ce", "anything"),
		messages::explain("ali@ce", &HandleError::ForbiddenCharacter('@'))
	);
	// A refusal these rules do not know keeps the chain's words.
	assert_eq!(messages::explain_chain("Glycine", "some newer rule"), "some newer rule");
}

#[test]
fn validate_offline_prints_the_sentence_and_keeps_the_crate_sentence_in_json() {
	let handles = env!("CARGO_BIN_EXE_handles");
	for (input, id, given, english) in cases("rules") {
		if given {
			continue;
		}
		let out = Command::new(handles).args(["validate", "--offline", &input]).output().unwrap();
		assert!(out.status.success(), "{input:?}");
		assert_eq!(
			String::from_utf8(out.stdout).unwrap(),
			format!("{} is not valid: {english}\n", messages::quoted(&input)),
			"{id}"
		);
	}
	let out =
		Command::new(handles).args(["--json", "validate", "--offline", "ali@ce"]).output().unwrap();
	let json: Value = serde_json::from_slice(&out.stdout).unwrap();
	assert_eq!(json["error"], HandleError::ForbiddenCharacter('@').to_string());
}
