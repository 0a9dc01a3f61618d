#!/usr/bin/env bash
# Builds the demo dashboard into www/dist: the npm package first if pkg/ is
# missing, then www/'s dependencies (npm ci against www/package-lock.json,
# skipped when node_modules already matches it), then `vite build`.
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

node_modules/.bin/vite build --logLevel warn
echo "built www/dist/: $(find dist -type f | wc -l) files"
