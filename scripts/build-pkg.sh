#!/usr/bin/env bash
# Builds the npm package into pkg/: release wasm, wasm-bindgen glue (web
# target: the ESM entry for Node, browsers, bundlers and workers), wasm-opt
# -Oz (npm binaryen, never Debian's; missing is an error), the package files
# from npm/ (entry points, package.json, README), and the CommonJS entry for
# `require`, bundled by esbuild from the ESM one. Every entry but `workerd`
# and `webpack` carries the wasm inline (npm/build-entries.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/wasm-opt-flags.sh
# An unoptimised package must not ship: no wasm-opt is an error (checked
# first, before anything is built; tests/js/build.test.mjs).
if [ ! -x "$opt" ]; then
  echo "error: $opt not found: run npm ci (wasm-opt comes from npm's binaryen, never Debian's)" >&2
  exit 1
fi

out=pkg
wasm=target/wasm32-unknown-unknown/release/checkoutpage.wasm

# Nothing of the build host in the artefact: panic locations name source
# files, so the cargo home and this checkout are remapped to short relative
# names (checked after the build). The standard library's locations read
# `/rustc/<commit>/library/...` for everyone: they come precompiled with the
# toolchain and name no directory of this machine.
cargo_home=${CARGO_HOME:-$HOME/.cargo}
flags=(
  "--remap-path-prefix=$cargo_home/registry/src/=crates/"
  "--remap-path-prefix=$cargo_home/git/checkouts/=git/"
  "--remap-path-prefix=$PWD/=checkoutpage/"
)
# CARGO_ENCODED_RUSTFLAGS (0x1f-separated) keeps paths with spaces whole;
# any RUSTFLAGS of the caller come first.
read -r -a user_flags <<< "${RUSTFLAGS:-}"
CARGO_ENCODED_RUSTFLAGS=$(IFS=$'\x1f'; echo "${user_flags[*]}${user_flags:+$'\x1f'}${flags[*]}")
export CARGO_ENCODED_RUSTFLAGS
cargo build --release --target wasm32-unknown-unknown -p checkoutpage
rm -rf "$out"
wasm-bindgen --target web --out-dir "$out" --out-name checkoutpage "$wasm"
# wasm-bindgen types a re-exported JS class as `let X: unknown`; the real class
# declaration comes from js/api.d.ts (a typescript_custom_section in src/wasm/errors.rs).
dts="$out/checkoutpage.d.ts"
grep -q '^export let CheckoutPageError: unknown;$' "$dts" || {
  echo "error: expected wasm-bindgen's placeholder for CheckoutPageError in $dts" >&2
  exit 1
}
sed -i '/^export let CheckoutPageError: unknown;$/d' "$dts"

"$opt" "${OPT_FLAGS[@]}" "$out/checkoutpage_bg.wasm" -o "$out/checkoutpage_bg.wasm.opt"
mv "$out/checkoutpage_bg.wasm.opt" "$out/checkoutpage_bg.wasm"

# Fail the build if a build-host path survived.
if LC_ALL=C grep -a -o -F -e "$cargo_home" -e "$PWD" "$out/checkoutpage_bg.wasm" >&2; then
  echo "error: the wasm names paths of the build host (above)" >&2
  exit 1
fi

# Fail the build if Rust's formatting machinery came back (scripts/check-wasm.mjs),
# judged by function name on a copy optimised like the shipped one but keeping
# its names (kept in target/wasm-named/ for bench/size/).
named=target/wasm-named
check_named() { # <wasm from cargo> <name>
  local tmp
  tmp=$(mktemp -d)
  wasm-bindgen --target web --keep-debug --out-dir "$tmp" --out-name checkoutpage "$1"
  mkdir -p "$named"
  "$opt" "${OPT_FLAGS[@]}" -g "$tmp/checkoutpage_bg.wasm" -o "$named/$2.wasm"
  rm -rf "$tmp"
  node scripts/check-wasm.mjs "$named/$2.wasm" "$2"
}
check_named "$wasm" checkoutpage

cp npm/index.js npm/index.d.ts npm/node.js npm/workerd.js npm/webpack.js npm/load.js npm/explain.js npm/text-codec.js \
  npm/init.js npm/init-workerd.js npm/ready.js npm/init.d.ts npm/checkoutpage_bg.wasm.d.ts npm/package.json "$out/"
mkdir -p "$out/node"
cp npm/init.cjs npm/init.d.cts npm/wasm.d.cts "$out/node/"
# Every entry carries the wasm inline (no file to locate); see npm/build-entries.mjs.
node npm/build-entries.mjs "$out"

# The rules-only entry, checkoutpage-client/rules: the same crate without its
# `client` feature (no client, transport, bulk or merge), so a frontend that
# only validates, diffs and applies loads a smaller module. Its own target
# dir: the two feature sets then build once each, not again at every build.
cargo build --release --target wasm32-unknown-unknown -p checkoutpage --no-default-features --target-dir target/rules
rules_wasm=target/rules/wasm32-unknown-unknown/release/checkoutpage.wasm
wasm-bindgen --target web --out-dir "$out/rules" --out-name checkoutpage "$rules_wasm"
"$opt" "${OPT_FLAGS[@]}" "$out/rules/checkoutpage_bg.wasm" -o "$out/rules/checkoutpage_bg.wasm.opt"
mv "$out/rules/checkoutpage_bg.wasm.opt" "$out/rules/checkoutpage_bg.wasm"
if LC_ALL=C grep -a -o -F -e "$cargo_home" -e "$PWD" "$out/rules/checkoutpage_bg.wasm" >&2; then
  echo "error: the rules entry's wasm names paths of the build host (above)" >&2
  exit 1
fi
check_named "$rules_wasm" rules
node npm/build-rules.mjs "$out"

# The test kit, checkoutpage-client/testing: a second wasm module (testing/
# crate: the API imitation the sandbox also runs), never loaded by the main
# entry, so the main entry's size does not depend on it.
cargo build --release --target wasm32-unknown-unknown -p checkoutpage-testing
kit_wasm=target/wasm32-unknown-unknown/release/checkoutpage_testing.wasm
wasm-bindgen --target web --out-dir "$out/testing" --out-name fake_api_glue "$kit_wasm"
"$opt" "${OPT_FLAGS[@]}" "$out/testing/fake_api_glue_bg.wasm" -o "$out/testing/fake_api_glue_bg.wasm.opt"
mv "$out/testing/fake_api_glue_bg.wasm.opt" "$out/testing/fake_api_glue_bg.wasm"
if LC_ALL=C grep -a -o -F -e "$cargo_home" -e "$PWD" "$out/testing/fake_api_glue_bg.wasm" >&2; then
  echo "error: the test kit's wasm names paths of the build host (above)" >&2
  exit 1
fi
node npm/build-testing.mjs "$out"

cp README.md "$out/README.md"
rm -f "$out/.gitignore"
echo "built $out/: $(wc -c < "$out/checkoutpage_bg.wasm") bytes of wasm (main entry), $(wc -c < "$out/rules/checkoutpage_bg.wasm") (rules entry), $(wc -c < "$out/testing/fake_api_glue_bg.wasm") (test kit)"
