# Sourced by the test and demo scripts: starts a sandbox on 127.0.0.1 and
# exports its URL in the named variable; every sandbox started this way is
# stopped when the calling script exits.
# Usage: start_sandbox VAR [sandbox flags...]   e.g. start_sandbox SANDBOX_URL --port 0

SANDBOX_PIDS=()
trap 'kill "${SANDBOX_PIDS[@]}" 2>/dev/null || true' EXIT

start_sandbox() {
  local var=$1 bin=target/debug/checkoutpage-sandbox log url="" pid
  shift
  cargo build -q -p checkoutpage-sandbox
  log=$(mktemp)
  "$bin" --host 127.0.0.1 "$@" >"$log" 2>&1 &
  pid=$!
  SANDBOX_PIDS+=("$pid")
  for _ in $(seq 1 100); do
    url=$(sed -n 's/^sandbox listening on //p' "$log")
    [ -n "$url" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ -z "$url" ]; then
    echo "error: the sandbox did not start:" >&2
    cat "$log" >&2
    return 1
  fi
  export "$var=$url"
  echo "sandbox ($var): $url $*"
}
