#!/usr/bin/env bash
# Compares the generated public types (pkg/checkoutpage.d.ts, built by
# scripts/build-pkg.sh) with the committed reference tests/api/checkoutpage.d.ts.
# Exit 1 with a unified diff when they differ; `--update` accepts the change.
# (pkg/node/checkoutpage.d.cts is checked against the same text at build time.)
# The init API lists the module's internal exports, some named with a symbol
# hash that changes with any code change; those hashes are masked.
set -euo pipefail
cd "$(dirname "$0")/../.."
generated=pkg/checkoutpage.d.ts
reference=tests/api/checkoutpage.d.ts
[ -f "$generated" ] || { echo "error: $generated missing: run scripts/build-pkg.sh" >&2; exit 1; }
mask() { sed -E 's/__h[0-9a-f]{16}\b/__h<hash>/g' "$1"; }
if [ "${1:-}" = --update ]; then
  mask "$generated" > "$reference"
  echo "updated $reference"
  exit 0
fi
if ! diff -u --label "$reference (committed)" --label "$generated (built)" "$reference" <(mask "$generated"); then
  echo >&2
  echo "error: the package's public types changed. If intended, run: bash tests/api/check-dts.sh --update" >&2
  exit 1
fi
echo "$generated matches $reference"
