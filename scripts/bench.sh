#!/usr/bin/env bash
# Benchmarks (not part of the test run): validation against zod/valibot/ajv,
# boundary crossing, diff/apply, updateCustomer overhead, cold start, sizes
# and bulk throughput. Prints tables and writes bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/sandbox.sh

bash scripts/setup.sh
bash scripts/build-pkg.sh

# A second build with the bench-only crossing exports, kept out of pkg/.
cargo build -q --release --target wasm32-unknown-unknown -p checkoutpage --features bench --target-dir target/bench
rm -rf bench/out/pkg
wasm-bindgen --target web --out-dir bench/out/pkg --out-name checkoutpage \
  target/bench/wasm32-unknown-unknown/release/checkoutpage.wasm
# Optimised like pkg/ (scripts/build-pkg.sh), so the two builds compare.
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  bench/out/pkg/checkoutpage_bg.wasm -o bench/out/pkg/checkoutpage_bg.wasm

bash scripts/bench-size.sh --no-build

start_sandbox SANDBOX_URL --port 0
export LIMIT_PER_MINUTE=6000
start_sandbox LIMITED_SANDBOX_URL --port 0 --rate-limit-per-minute "$LIMIT_PER_MINUTE"
node bench/run.mjs
