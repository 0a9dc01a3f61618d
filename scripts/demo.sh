#!/usr/bin/env bash
# The demo dashboard, offline: installs what is missing, builds the package
# and www/, then serves www/dist from a local sandbox whose /proxy route adds
# the secret key server-side. Ctrl-C stops it.
# Usage: bash scripts/demo.sh            (PORT=8080 bash scripts/demo.sh for another port)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/sandbox.sh

bash scripts/setup.sh
bash scripts/build-pkg.sh
bash scripts/build-www.sh

start_sandbox SANDBOX_URL --port "${PORT:-4010}" --static-dir www/dist

cat <<MSG

  ┌──────────────────────────────────────────────────────────────
  │ Dashboard: $SANDBOX_URL/
  │
  │ Customers: ?id=6650a1b2c3d4e5f601234567 (default), …568, …569, …56a
  │ Reset the sandbox data: curl -X POST $SANDBOX_URL/__sandbox/reset
  │ Press Ctrl-C to stop.
  └──────────────────────────────────────────────────────────────

MSG
wait
