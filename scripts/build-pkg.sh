#!/usr/bin/env bash
# Builds the npm package into pkg/: release wasm, wasm-bindgen glue (web
# target), wasm-opt -Oz (npm binaryen, never Debian's), and the package files
# from npm/ (entry point, package.json, README).
set -euo pipefail
cd "$(dirname "$0")/.."

out=pkg
wasm=target/wasm32-unknown-unknown/release/checkoutpage.wasm

cargo build --release --target wasm32-unknown-unknown -p checkoutpage
rm -rf "$out"
wasm-bindgen --target web --out-dir "$out" --out-name checkoutpage "$wasm"

# wasm-bindgen types a re-exported JS class as `let X: unknown`; the real class
# declaration comes from a typescript_custom_section in src/wasm/boundary.rs.
dts="$out/checkoutpage.d.ts"
grep -q '^export let CheckoutPageError: unknown;$' "$dts" || {
  echo "error: expected wasm-bindgen's placeholder for CheckoutPageError in $dts" >&2
  exit 1
}
sed -i '/^export let CheckoutPageError: unknown;$/d' "$dts"

opt=node_modules/.bin/wasm-opt
if [ -x "$opt" ]; then
  "$opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$out/checkoutpage_bg.wasm" -o "$out/checkoutpage_bg.wasm.opt"
  mv "$out/checkoutpage_bg.wasm.opt" "$out/checkoutpage_bg.wasm"
else
  echo "warning: $opt not found (run npm ci); the wasm is not size-optimised" >&2
fi

cp npm/index.js npm/index.d.ts npm/package.json "$out/"
cp README.md "$out/README.md"
rm -f "$out/.gitignore"
echo "built $out/: $(wc -c < "$out/checkoutpage_bg.wasm") bytes of wasm"
