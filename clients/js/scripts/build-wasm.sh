#!/usr/bin/env bash
# Builds dist/handles_rules.wasm, the handles-rules crate as WebAssembly, from source.
#
# Exits at once when the built file is up to date: dist/handles_rules.wasm.inputs holds a SHA-256
# of everything the module is made from (the rules crate and this crate's sources, the resolved
# dependency versions, the toolchain file and this script). Needs Rust with the wasm32v1-none target
# (rust-toolchain.toml names it; `rustup target add wasm32v1-none` on a fresh machine).
#
#   scripts/build-wasm.sh           build when an input changed
#   scripts/build-wasm.sh --force   build anyway
#   scripts/build-wasm.sh --check   exit 1 when the module is not up to date (builds nothing)
#
# The profile lives on the command line (the workspace's Cargo.toml is shared with the runtime):
# size-optimised (`opt-level = "z"`), LTO, one codegen unit, `panic = "abort"`, stripped. Paths are
# remapped so the module does not depend on where the repository or the cargo home lies.
set -euo pipefail
js="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$js/../.." && pwd)"
out="$js/dist/handles_rules.wasm"
stamp="$js/dist/handles_rules.wasm.inputs"
mode="${1:-}"
export CARGO_TARGET_DIR="${HANDLES_WASM_TARGET_DIR:-$HOME/.cache/js-rules-target}"
target=wasm32v1-none

inputs_digest() {
	(
		cd "$root"
		# File contents, in a stable order.
		find pallets/handles-rules/src pallets/handles-rules/data pallets/handles-rules/build.rs pallets/handles-rules/Cargo.toml \
			pallets/handles-signing/src pallets/handles-signing/Cargo.toml \
			clients/js/rules-wasm/src clients/js/rules-wasm/Cargo.toml rust-toolchain.toml \
			clients/js/scripts/build-wasm.sh -type f | LC_ALL=C sort | xargs sha256sum
		# Resolved versions of every crate the module and the table generator are built from.
		# (Paths and markers in parentheses dropped: the digest does not depend on the checkout.)
		cargo tree -q -p handles-rules-wasm --target "$target" -e normal,build --prefix none \
			| sed -E 's/ \([^)]*\)//g' | LC_ALL=C sort -u
	) | sha256sum | cut -d' ' -f1
}

digest="$(inputs_digest)"
if [[ "$mode" != "--force" && -f "$out" && -f "$stamp" && "$(cat "$stamp")" == "$digest" ]]; then
	echo "build-wasm: $out is up to date"
	exit 0
fi
if [[ "$mode" == "--check" ]]; then
	echo "build-wasm: $out is out of date (run clients/js/scripts/build-wasm.sh)" >&2
	exit 1
fi

profile=js-client
cd "$root"
RUSTFLAGS="--remap-path-prefix=$root=/handles --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo" \
	cargo build -j"${BUILD_WASM_JOBS:-1}" -p handles-rules-wasm --target "$target" --profile "$profile" \
	--config "profile.$profile.inherits=\"release\"" \
	--config "profile.$profile.opt-level=\"z\"" \
	--config "profile.$profile.lto=true" \
	--config "profile.$profile.codegen-units=1" \
	--config "profile.$profile.panic=\"abort\"" \
	--config "profile.$profile.strip=true" \
	--config "profile.$profile.debug=false"
mkdir -p "$js/dist"
cp "$CARGO_TARGET_DIR/$target/$profile/handles_rules_wasm.wasm" "$out"
echo "$digest" >"$stamp"
echo "build-wasm: wrote $out ($(wc -c <"$out") bytes, $(gzip -9c "$out" | wc -c) gzipped)"
