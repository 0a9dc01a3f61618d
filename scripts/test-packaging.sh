#!/usr/bin/env bash
# Tests the npm package as users get it: packs the built pkg/ (run
# scripts/build-pkg.sh first), lints the tarball (publint, attw), checks the
# committed .d.ts reference and the public types, then installs the tarball
# into one fixture project per runtime (tests/packaging/fixtures/) and runs
# each against the sandbox: Node ESM, Node CJS, Vite dev + build, webpack 5,
# a plain module-script page, and module workers (headless Chromium).
#
# Uses $SANDBOX_URL when set (scripts/test.sh sets it); otherwise starts one.
# Fixtures are copied to a temporary directory; the repo is not modified.
# Env: PACKAGING_KEEP=1 keeps the work dir; PACKAGING_ALLOW_MISSING_VALIDATE=1
# tolerates a package without validateCustomerPatch (reported as skipped).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

step() { printf '\n==> packaging: %s\n' "$*"; }

[ -f pkg/package.json ] || { echo "error: pkg/ is not built (bash scripts/build-pkg.sh)" >&2; exit 1; }
if [ -z "${SANDBOX_URL:-}" ]; then
  source scripts/sandbox.sh
  start_sandbox SANDBOX_URL --port 0
fi

work=$(mktemp -d /tmp/checkoutpage-packaging.XXXXXX)
cleanup() {
  if [ -n "${SANDBOX_PIDS+x}" ] && [ "${#SANDBOX_PIDS[@]}" -gt 0 ]; then
    kill "${SANDBOX_PIDS[@]}" 2>/dev/null || true
  fi
  if [ "${PACKAGING_KEEP:-}" = 1 ]; then echo "work dir (kept): $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
npm_q=(--no-audit --no-fund --prefer-offline --loglevel=error)

step "types: tests/api (reference .d.ts, no any, JSDoc)"
bash tests/api/check-dts.sh
node tests/api/check-types.mjs pkg/checkoutpage.d.ts

step "npm pack pkg/"
tgz=$work/$(cd pkg && npm pack --pack-destination "$work" --loglevel=error | tail -1)
tar -tzf "$tgz" | sort | sed 's/^/  /'

step "install linters and fixtures (npm ci from committed lockfiles)"
cp -r tests/packaging/tools tests/packaging/fixtures "$work/"
pids=()
for dir in "$work/tools" "$work"/fixtures/*; do
  (cd "$dir" && npm ci "${npm_q[@]}" >"$dir/.npm-ci.log" 2>&1 || { cat "$dir/.npm-ci.log" >&2; exit 1; }) &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done
for dir in "$work"/fixtures/*; do
  # --no-save: the fixture's committed package.json/lockfile stay as they are.
  (cd "$dir" && npm install --no-save "${npm_q[@]}" "$tgz" >/dev/null)
done

step "publint (tarball contents)"
mkdir -p "$work/unpacked" && tar -xzf "$tgz" -C "$work/unpacked"
"$work/tools/node_modules/.bin/publint" run "$work/unpacked/package" --pack false --strict

step "@arethetypeswrong/cli (tarball)"
# ./checkoutpage_bg.wasm is exported for users who serve or precompile the
# binary themselves; it is not a JS/TS entry point, so attw skips it.
"$work/tools/node_modules/.bin/attw" "$tgz" --format table --exclude-entrypoints ./checkoutpage_bg.wasm

step "fixtures: Node ESM, Node CJS, Vite dev/build, webpack 5, plain page, workers"
PACKAGING_WORK=$work SANDBOX_URL=$SANDBOX_URL node --test --test-reporter=spec \
  tests/packaging/fixtures.test.mjs

step "packaging tests passed"
