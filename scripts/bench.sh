#!/usr/bin/env bash
# Benchmarks (not part of the test run): validation against zod/valibot/ajv,
# boundary crossing, diff/apply, updateCustomer overhead, cold start, sizes
# and bulk throughput, and the goals of issue 17 with their ratios and
# met/missed. Prints tables and writes bench/RESULTS.md.
#   --fast   fewer rounds, no crossing build or section, no bulk run (~2 min)
set -euo pipefail
export BENCH_FAST=0
[ "${1:-}" = --fast ] && BENCH_FAST=1
cd "$(dirname "$0")/.."
source scripts/sandbox.sh

bash scripts/setup.sh
bash scripts/build-pkg.sh

# A second build with the bench-only crossing exports, kept out of pkg/.
if [ "$BENCH_FAST" = 0 ]; then
cargo build -q --release --target wasm32-unknown-unknown -p checkoutpage --features bench --target-dir target/bench
rm -rf bench/out/pkg
wasm-bindgen --target web --out-dir bench/out/pkg --out-name checkoutpage \
  target/bench/wasm32-unknown-unknown/release/checkoutpage.wasm
# Optimised like pkg/ (scripts/build-pkg.sh), so the two builds compare.
source scripts/wasm-opt-flags.sh
"$opt" "${OPT_FLAGS[@]}" bench/out/pkg/checkoutpage_bg.wasm -o bench/out/pkg/checkoutpage_bg.wasm
fi

bash scripts/bench-size.sh --no-build

start_sandbox SANDBOX_URL --port 0
export LIMIT_PER_MINUTE=6000
start_sandbox LIMITED_SANDBOX_URL --port 0 --rate-limit-per-minute "$LIMIT_PER_MINUTE"
node bench/run.mjs
