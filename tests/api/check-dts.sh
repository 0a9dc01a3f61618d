#!/usr/bin/env bash
# Compares the generated public types (pkg/checkoutpage.d.ts, built by
# scripts/build-pkg.sh) with the committed reference tests/api/checkoutpage.d.ts.
# Exit 1 with a unified diff when they differ; `--update` accepts the change.
# (pkg/node/checkoutpage.d.cts is checked against the same text at build time.)
set -euo pipefail
cd "$(dirname "$0")/../.."
generated=pkg/checkoutpage.d.ts
reference=tests/api/checkoutpage.d.ts
[ -f "$generated" ] || { echo "error: $generated missing: run scripts/build-pkg.sh" >&2; exit 1; }
if [ "${1:-}" = --update ]; then
  cp "$generated" "$reference"
  echo "updated $reference"
  exit 0
fi
if ! diff -u --label "$reference (committed)" --label "$generated (built)" "$reference" "$generated"; then
  echo >&2
  echo "error: the package's public types changed. If intended, run: bash tests/api/check-dts.sh --update" >&2
  exit 1
fi
echo "$generated matches $reference"
