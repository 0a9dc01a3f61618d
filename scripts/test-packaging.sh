#!/usr/bin/env bash
# Tests the npm package as users get it: packs the built pkg/ (run
# scripts/build-pkg.sh first), lints the tarball (publint, attw), checks the
# committed .d.ts reference and the public types, then installs the tarball
# into one fixture project per runtime (tests/packaging/fixtures/) and runs
# each against the sandbox: Node ESM, Node CJS (both also through the
# rules-only entry checkoutpage-client/rules), Vite dev + build (+ the rules
# entry as its own chunk), webpack 5,
# a plain module-script page, module workers, esbuild/rollup/rolldown/bun
# browser bundles, esbuild Node bundles (ESM, CJS), Bun, Deno, Jest + jsdom,
# a strict CSP page, strict TypeScript, Next.js 16 and a Cloudflare Worker
# (wrangler dev, local); the test kit checkoutpage-client/testing under
# Vitest, Jest, msw 2 and Playwright; and the Standard Schemas in
# react-hook-form and TanStack Form (Chromium). See tests/packaging/README.md.
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

step "install linters and fixtures (npm ci from committed lockfiles, in parallel, one npm cache)"
started=$SECONDS
cp -r tests/packaging/tools tests/packaging/fixtures "$work/"
pids=()
for dir in "$work/tools" "$work"/fixtures/*; do
  (
    cd "$dir"
    npm ci "${npm_q[@]}" >"$dir/.npm-ci.log" 2>&1 || { cat "$dir/.npm-ci.log" >&2; exit 1; }
    # --no-save: the fixture's committed package.json/lockfile stay as they are.
    if [ "$dir" != "$work/tools" ]; then
      npm install --no-save "${npm_q[@]}" "$tgz" >>"$dir/.npm-ci.log" 2>&1 || { cat "$dir/.npm-ci.log" >&2; exit 1; }
    fi
  ) &
  pids+=($!)
done
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
[ "$status" = 0 ] || { echo "error: a fixture failed to install" >&2; exit 1; }
# Next.js is built twice (Turbopack, webpack) and run by `next dev`: hard-linked
# copies, no second install.
cp -al "$work/fixtures/nextjs" "$work/fixtures/nextjs-webpack"
cp -al "$work/fixtures/nextjs" "$work/fixtures/nextjs-dev"
echo "  installed in $((SECONDS - started)) s"

step "publint (tarball contents)"
mkdir -p "$work/unpacked" && tar -xzf "$tgz" -C "$work/unpacked"
"$work/tools/node_modules/.bin/publint" run "$work/unpacked/package" --pack false --strict

step "@arethetypeswrong/cli (tarball, default profile, every entry point)"
# ./checkoutpage_bg.wasm included: it has types of its own
# (checkoutpage_bg.wasm.d.ts, node/wasm.d.cts), as TypeScript needs to resolve the subpath (issue 28).
"$work/tools/node_modules/.bin/attw" "$tgz" --format table

step "fixtures: Node, browsers, Vite, webpack, esbuild, rollup, rolldown, Bun, Deno, Jest, CSP, TypeScript, Next.js, Workers"
started=$SECONDS
# One process per file, run in parallel (the slow ones, Next.js and wrangler,
# mostly wait on their own child processes).
PACKAGING_WORK=$work SANDBOX_URL=$SANDBOX_URL node --test --test-reporter=spec --test-concurrency=4 \
  tests/packaging/nextjs.test.mjs tests/packaging/worker.test.mjs \
  tests/packaging/bundlers.test.mjs tests/packaging/fixtures.test.mjs tests/packaging/testing-kit.test.mjs \
  tests/packaging/forms.test.mjs tests/packaging/workers.test.mjs
echo "  fixtures ran in $((SECONDS - started)) s"

step "packaging tests passed (${SECONDS} s in all)"
