//! The claim page: `page/` (the HTML, the CSS and one ES module per concern, loaded as they are,
//! no build step) and the JavaScript package's rules (the rules crate built to WebAssembly)
//! under `/js/`, all compiled into the binary.

use axum::{
	http::header,
	response::{IntoResponse, Response},
	routing::get,
	Router,
};

const HTML: &str = "text/html; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";
const JS: &str = "text/javascript; charset=utf-8";
const WASM: &str = "application/wasm";
const JSON: &str = "application/json; charset=utf-8";

/// `page/<name>`, served at `/<name>` as `content_type`.
macro_rules! page {
	($content_type:expr, $name:literal) => {
		(concat!("/", $name), $content_type, include_bytes!(concat!("../../page/", $name)))
	};
}

/// Every file the page loads: its path, its content type and its bytes.
const FILES: &[(&str, &str, &[u8])] = &[
	("/", HTML, include_bytes!("../../page/index.html")),
	page!(CSS, "style.css"),
	page!(JS, "app.js"),
	page!(JS, "api.js"),
	page!(JS, "choose.js"),
	page!(JS, "claim.js"),
	page!(JS, "dom.js"),
	page!(JS, "ethereum.js"),
	page!(JS, "i18n.js"),
	page!(JS, "load-rules.js"),
	page!(JS, "lookup.js"),
	page!(JS, "manage.js"),
	page!(JS, "strings.js"),
	page!(JS, "tabs.js"),
	page!(JS, "wallet.js"),
	page!(JS, "work.js"),
	// The proof of work's search, a module Web Worker (`worker-src 'self'`).
	page!(JS, "work-worker.js"),
	// The rules, as the JavaScript package ships them (Wasm from the Rust crate).
	("/js/src/rules.js", JS, include_bytes!("../../../clients/js/src/rules.js")),
	("/js/src/errors.js", JS, include_bytes!("../../../clients/js/src/errors.js")),
	// The text an owner signs, written by the page itself to check the sponsor's (the crate
	// handles-signing, in the same Wasm).
	("/js/src/signing-text.js", JS, include_bytes!("../../../clients/js/src/signing-text.js")),
	// Messages for people about a refused name, and their one table (shared with the CLI).
	("/js/src/messages.js", JS, include_bytes!("../../../clients/js/src/messages.js")),
	("/js/src/messages.json", JSON, include_bytes!("../../../clients/js/src/messages.json")),
	(
		"/js/dist/handles_rules.wasm",
		WASM,
		include_bytes!("../../../clients/js/dist/handles_rules.wasm"),
	),
];

fn file(content_type: &'static str, body: &'static [u8]) -> Response {
	([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, "no-cache")], body)
		.into_response()
}

/// The routes of the page's files.
pub fn router<S: Clone + Send + Sync + 'static>() -> Router<S> {
	FILES.iter().fold(Router::new(), |router, &(path, content_type, body)| {
		router.route(path, get(move || async move { file(content_type, body) }))
	})
}

#[cfg(test)]
mod tests {
	use super::*;

	fn served(path: &str) -> Option<&'static str> {
		FILES.iter().find(|(p, ..)| *p == path).map(|&(_, content_type, _)| content_type)
	}

	/// The paths a page file imports: `from '…'` and `import('…')`, as written.
	fn imports(source: &str) -> Vec<String> {
		let mut found = Vec::new();
		for start in ["from '", "import('"] {
			for (at, _) in source.match_indices(start) {
				let rest = &source[at + start.len()..];
				if let Some(end) = rest.find('\'') {
					found.push(rest[..end].to_string());
				}
			}
		}
		found
	}

	#[test]
	fn every_page_file_is_served_with_its_type_and_every_import_resolves() {
		let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("page");
		let mut modules = 0;
		for entry in std::fs::read_dir(&dir).unwrap() {
			let name = entry.unwrap().file_name().into_string().unwrap();
			let path = if name == "index.html" { "/".to_string() } else { format!("/{name}") };
			let expected = match name.rsplit('.').next() {
				Some("html") => HTML,
				Some("css") => CSS,
				Some("js") => JS,
				other => panic!("page/{name}: no content type for {other:?}"),
			};
			assert_eq!(served(&path), Some(expected), "page/{name} is served at {path}");
			if expected != JS {
				continue;
			}
			modules += 1;
			let source = std::fs::read_to_string(dir.join(&name)).unwrap();
			for import in imports(&source) {
				let path = import.strip_prefix('.').unwrap_or(&import);
				assert_eq!(served(path), Some(JS), "page/{name} imports {import}");
			}
		}
		assert!(modules > 1, "the page is split into modules");
		let html = std::fs::read_to_string(dir.join("index.html")).unwrap();
		assert!(html.contains(r#"<script type="module" src="/app.js">"#));
	}
}
