# Sourced by the test and demo scripts: starts the sandbox on 127.0.0.1 and
# exports SANDBOX_URL; the server is stopped when the calling script exits.
# Usage: start_sandbox [sandbox flags...]

start_sandbox() {
  local bin=target/debug/checkoutpage-sandbox log
  cargo build -q -p checkoutpage-sandbox
  log=$(mktemp)
  "$bin" --host 127.0.0.1 "$@" >"$log" 2>&1 &
  SANDBOX_PID=$!
  trap 'kill "$SANDBOX_PID" 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do
    SANDBOX_URL=$(sed -n 's/^sandbox listening on //p' "$log")
    [ -n "$SANDBOX_URL" ] && break
    kill -0 "$SANDBOX_PID" 2>/dev/null || break
    sleep 0.1
  done
  if [ -z "$SANDBOX_URL" ]; then
    echo "error: the sandbox did not start:" >&2
    cat "$log" >&2
    return 1
  fi
  export SANDBOX_URL
  echo "sandbox: $SANDBOX_URL"
}
