#!/usr/bin/env bash
# Issue 17's parser comparison: the same wasm module three times, its JSON
# parsing done by the core's own parser (src/json.rs, shipped), by serde_json
# and by miniserde (features json-serde-json, json-miniserde; the crates'
# output converted into the core's Value). Prints each build's wasm bytes,
# gzip -9 bytes and validateCustomerPatch time (bench/parsers.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/wasm-opt-flags.sh
for variant in own:"" serde_json:json-serde-json miniserde:json-miniserde; do
  name=${variant%%:*} features=${variant#*:}
  cargo build -q --release --target wasm32-unknown-unknown -p checkoutpage \
    --target-dir target/parsers ${features:+--features "$features"}
  rm -rf "bench/out/parsers/$name"
  wasm-bindgen --target web --out-dir "bench/out/parsers/$name" --out-name checkoutpage \
    target/parsers/wasm32-unknown-unknown/release/checkoutpage.wasm
  "$opt" "${OPT_FLAGS[@]}" "bench/out/parsers/$name/checkoutpage_bg.wasm" \
    -o "bench/out/parsers/$name/checkoutpage_bg.wasm"
done
node bench/parsers.mjs own serde_json miniserde
