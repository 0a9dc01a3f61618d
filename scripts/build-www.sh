#!/usr/bin/env bash
# Builds the demo dashboard into www/dist: the npm package first if pkg/ is
# missing, then www/'s dependencies (npm ci against www/package-lock.json,
# skipped when node_modules already matches it), then `tsc` and `vite build`.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f pkg/index.js ] || [ ! -f pkg/checkoutpage_bg.wasm ]; then
  bash scripts/build-pkg.sh
fi

cd www
if [ ! -f package-lock.json ]; then
  npm install --no-audit --no-fund
elif [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

# vite does not type-check; tsc does. The form's labels are keyed by the field
# table's names (src/customer-fields.ts, generated), so a field added to the
# table without its place in src/fields.ts fails here.
node_modules/.bin/tsc --noEmit -p .
node_modules/.bin/vite build --logLevel warn
echo "built www/dist/: $(find dist -type f | wc -l) files"
