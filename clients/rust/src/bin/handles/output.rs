//! What a command prints: one JSON value for `--json`, text otherwise; where a transaction
//! landed; and the progress line on stderr while a transaction waits for its block.

use std::io::IsTerminal;

use handles_client::{json, Included, Progress};
use serde_json::Value;

/// What a command prints: JSON for `--json`, text otherwise.
pub struct Output {
	pub json: Value,
	pub text: String,
}

impl Output {
	/// One answer per argument: one argument's as it is; several as one text line each and a
	/// JSON array, in the order of the arguments.
	pub fn each(mut outputs: Vec<Output>) -> Self {
		if outputs.len() == 1 {
			if let Some(one) = outputs.pop() {
				return one;
			}
		}
		let text = outputs.iter().map(|o| o.text.as_str()).collect::<Vec<_>>().join("\n");
		Self { json: Value::Array(outputs.into_iter().map(|o| o.json).collect()), text }
	}

	/// The output of a call that landed: `json` with where it landed added, `text` followed by
	/// where it landed.
	pub fn landed(mut json: Value, text: String, included: &Included) -> Self {
		if let (Value::Object(into), Value::Object(from)) = (&mut json, json::included(included)) {
			into.extend(from);
		}
		let state = if included.finalized { "finalized" } else { "in" };
		let block = json::hex(&included.block_hash.0);
		Self { json, text: format!("{text}, {state} block #{} ({block})", included.block_number) }
	}
}

/// Runs a transaction's `call` with a progress line on stderr for each step; on a terminal the
/// line is ended when the call returns.
pub async fn with_progress<T>(call: impl AsyncFnOnce(&mut (dyn FnMut(Progress) + Send)) -> T) -> T {
	let mut line = ProgressLine::new();
	let result = call(&mut |p| line.show(p)).await;
	line.done();
	result
}

/// The progress line on stderr: rewritten in place on a terminal, one line per step otherwise.
struct ProgressLine {
	tty: bool,
	shown: bool,
}

impl ProgressLine {
	fn new() -> Self {
		Self { tty: std::io::stderr().is_terminal(), shown: false }
	}

	fn show(&mut self, progress: Progress) {
		let line = match progress {
			Progress::Submitted(hash) => format!("submitted {}", json::hex(&hash.0)),
			Progress::InPool => "in the pool, waiting for a block…".to_string(),
			Progress::Retracted => "its block left the best chain, waiting for another…".into(),
			Progress::InBlock(hash) => format!("in block {}", json::hex(&hash.0)),
			Progress::Finalized(hash) => format!("finalized in block {}", json::hex(&hash.0)),
		};
		if self.tty {
			eprint!("\r\x1b[2K{line}");
		} else {
			eprintln!("{line}");
		}
		self.shown = true;
	}

	fn done(&self) {
		if self.tty && self.shown {
			eprintln!();
		}
	}
}
