#!/usr/bin/env bash
# Installs everything the tests and the demo need, idempotently: the wasm32
# Rust target, wasm-bindgen-cli at the exact version in Cargo.lock, the three
# browser engines the browser suite runs in with their WebDriver servers
# (Debian's Chromium + ChromeDriver, Firefox ESR + geckodriver, WebKitGTK's
# MiniBrowser + WebKitWebDriver, and Xvfb for WebKit), and the npm tooling from
# package-lock.json. A piece that cannot be installed is an error.
set -euo pipefail
cd "$(dirname "$0")/.."

rustup target list --installed | grep -qx wasm32-unknown-unknown \
  || rustup target add wasm32-unknown-unknown

version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$version" ] \
  || [ "$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}')" != "$version" ]; then
  # Not --locked: one of its locked dependencies is not on this registry.
  cargo install -q wasm-bindgen-cli --version "$version"
fi

# Each engine's binaries and the Debian package that provides them.
browser_pieces=(
  /usr/bin/chromium:chromium
  /usr/bin/chromedriver:chromium-driver
  /usr/bin/firefox-esr:firefox-esr
  /usr/bin/WebKitWebDriver:webkit2gtk-driver
  '/usr/lib/*/webkit2gtk-4.1/MiniBrowser:libwebkit2gtk-4.1-0'
  /usr/bin/xvfb-run:xvfb
  /usr/bin/xauth:xauth
)
present() { # a path, possibly a glob
  local file
  for file in $1; do [ -x "$file" ] && return 0; done
  return 1
}
missing=()
for piece in "${browser_pieces[@]}"; do
  present "${piece%%:*}" || missing+=("${piece#*:}")
done
# geckodriver is not packaged by Debian; crates.io has it (a few minutes to
# build, so it builds while apt downloads).
gecko_build=
if ! command -v geckodriver >/dev/null && [ ! -x "$HOME/.cargo/bin/geckodriver" ]; then
  cargo install -q geckodriver --version 0.37.1 &
  gecko_build=$!
fi
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ -n "$gecko_build" ]; then wait "$gecko_build" || true; fi
if ! command -v geckodriver >/dev/null && [ ! -x "$HOME/.cargo/bin/geckodriver" ]; then
  echo "error: geckodriver is missing after cargo install geckodriver" >&2
  exit 1
fi
for piece in "${browser_pieces[@]}"; do
  if ! present "${piece%%:*}"; then
    echo "error: ${piece%%:*} is missing after installing ${piece#*:}" >&2
    exit 1
  fi
done

if [ ! -d node_modules ] || ! npm ls --silent >/dev/null 2>&1; then
  npm ci --no-audit --no-fund
fi
