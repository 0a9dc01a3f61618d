#!/usr/bin/env bash
# Runs every test: lints, native tests (core + sandbox), the wasm suites in
# Node and in headless Chromium, Firefox and WebKit against a live sandbox,
# the built package's types, and the package in Node and in a browser page.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/sandbox.sh

step() { printf '\n==> %s\n' "$*"; }

step "install what is missing (scripts/setup.sh)"
bash scripts/setup.sh

step "format and lints (host and wasm32)"
cargo fmt --all -- --check
cargo clippy -q --workspace --all-targets -- -D warnings
cargo clippy -q -p checkoutpage --target wasm32-unknown-unknown --all-targets -- -D warnings
# The rules-only module (checkoutpage-client/rules): the crate without its client.
cargo clippy -q -p checkoutpage --target wasm32-unknown-unknown --no-default-features -- -D warnings
# The bench-only exports and scripts (scripts/bench.sh) must keep building.
cargo clippy -q -p checkoutpage --target wasm32-unknown-unknown --features bench -- -D warnings
cargo clippy -q -p checkoutpage-testing --target wasm32-unknown-unknown -- -D warnings
for script in bench/*.mjs; do node --check "$script"; done
# The hand-written JavaScript bundled into the package at build time (the inline-wasm decoder).
node_modules/.bin/tsc -p npm

step "native tests: core, API imitation, sandbox and test kit"
cargo test -q --workspace

step "public data through the rules: valid inputs warned, invalid inputs passed (tests/data/)"
cargo test -q -p checkoutpage --test public_data -- --nocapture

step "start the sandboxes"
start_sandbox SANDBOX_URL --port 0

step "wasm-bindgen-test: Node"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test -p checkoutpage --target wasm32-unknown-unknown --test wasm_node

step "wasm-bindgen-test: headless Chromium, Firefox and WebKit"
bash scripts/test-browsers.sh

step "build the npm package"
bash scripts/build-pkg.sh

step "TypeScript: tsc --strict against the generated .d.ts, and the README's snippets"
node_modules/.bin/tsc -p tests/types
node tests/types/readme.mjs

step "build the demo dashboard (www/)"
bash scripts/build-www.sh

step "the package in Node and in a browser page; the dashboard end to end"
node --test tests/js/

step "the packed package in every runtime (publint, attw, types, fixtures)"
bash scripts/test-packaging.sh

step "all tests passed"
