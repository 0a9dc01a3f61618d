// The built package as a page loads it (main entry and test kit, each with its
// wasm inline and inflated by the platform's DecompressionStream) in Firefox
// and WebKit, driven over WebDriver like the wasm-bindgen browser suite
// (scripts/test-browsers.sh; drivers installed by scripts/setup.sh). Chromium
// runs the same kind of page in browser-page.test.mjs and testing-kit.test.mjs.
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";

import { serve } from "./static-server.mjs";

const pkg = fileURLToPath(new URL("../../pkg/", import.meta.url));
const GRACE = "6650a1b2c3d4e5f601234568";
const PAGE = `<!doctype html><title>pending</title>
<script type="module">
  try {
    const { CheckoutPageClient, CheckoutPageError, validateCustomerPatch } = await import("/pkg/index.js");
    const { createFakeApi, SANDBOX_KEY } = await import("/pkg/testing/index.js");
    const api = await createFakeApi();
    const client = new CheckoutPageClient({ apiKey: SANDBOX_KEY, fetch: api.fetch, dangerouslyAllowBrowser: true });
    const saved = await client.updateCustomer("${GRACE}", { name: "Engine" });
    api.fail("${GRACE}", { kind: "validationError", errors: [{ param: "email", message: "Email already in use" }] });
    const refused = await client.updateCustomer("${GRACE}", { email: "taken@example.com" }).catch((e) => e);
    api.fail("${GRACE}", { kind: "rateLimit", retryAfter: 0 });
    await client.updateCustomer("${GRACE}", { phone: "+1 555 0100" });
    document.title = JSON.stringify({
      name: saved.name,
      refused: [refused instanceof CheckoutPageError, refused.errors?.[0]?.param],
      problems: validateCustomerPatch({ email: "x" }).map((p) => p.code),
      statuses: api.requests.map((r) => r.status),
    });
  } catch (e) {
    document.title = JSON.stringify({ error: String((e && e.stack) || e) });
  }
</script>`;
const EXPECTED = { name: "Engine", refused: [true, "email"], problems: ["invalid_email"], statuses: [200, 400, 429, 200] };

function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function geckodriver() {
  try {
    return execFileSync("sh", ["-c", "command -v geckodriver"], { encoding: "utf8" }).trim();
  } catch {
    return `${process.env.HOME}/.cargo/bin/geckodriver`;
  }
}

const ENGINES = {
  Firefox: (port) => ({
    command: geckodriver(),
    args: [`--port=${port}`],
    capabilities: { "moz:firefoxOptions": { binary: "/usr/bin/firefox-esr", args: ["-headless"] } },
  }),
  // WebKitGTK's MiniBrowser needs a display: Xvfb, as in test-browsers.sh.
  WebKit: (port) => ({ command: "xvfb-run", args: ["-a", "/usr/bin/WebKitWebDriver", `--port=${port}`], capabilities: {} }),
};

/** Opens the page in `engine` over WebDriver and returns its title once the scenario has run. */
async function runIn(engine, url) {
  const port = await freePort();
  const { command, args, capabilities } = ENGINES[engine](port);
  if (command !== "xvfb-run" && !existsSync(command)) throw new Error(`no WebDriver at ${command}: run bash scripts/setup.sh`);
  // Its own process group, so that xvfb-run's Xvfb and driver stop with it.
  const driver = spawn(command, args, { stdio: "ignore", detached: true });
  const exited = new Promise((resolve) => driver.once("exit", resolve));
  const call = async (method, path, body) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body && JSON.stringify(body),
    });
    return (await response.json()).value;
  };
  try {
    let session;
    for (let i = 0; i < 150 && !session?.sessionId; i++) {
      session = await call("POST", "/session", { capabilities: { alwaysMatch: capabilities } }).catch(() => undefined);
      if (!session?.sessionId) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.ok(session?.sessionId, `${engine}: no WebDriver session`);
    const id = session.sessionId;
    try {
      await call("POST", `/session/${id}/url`, { url });
      const agent = await call("POST", `/session/${id}/execute/sync`, { script: "return navigator.userAgent", args: [] });
      let title = "pending";
      for (let i = 0; i < 300 && title === "pending"; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        title = await call("GET", `/session/${id}/title`);
      }
      return { agent, result: JSON.parse(title) };
    } finally {
      await call("DELETE", `/session/${id}`).catch(() => undefined);
    }
  } finally {
    try {
      process.kill(-driver.pid, "SIGTERM");
    } catch {
      driver.kill();
    }
    await exited;
  }
}

let server;
before(async () => {
  server = await serve({ "/pkg/": pkg }, { "/": PAGE });
});
after(() => server?.close());

test("Firefox: the package and its test kit load in a page and run", { timeout: 120_000 }, async () => {
  const { agent, result } = await runIn("Firefox", `${server.url}/`);
  assert.match(agent, /Firefox\//);
  assert.deepEqual(result, EXPECTED);
});

test("WebKit: the package and its test kit load in a page and run", { timeout: 120_000 }, async () => {
  const { agent, result } = await runIn("WebKit", `${server.url}/`);
  assert.match(agent, /AppleWebKit\/.*Safari\//);
  assert.doesNotMatch(agent, /Chrome\//);
  assert.deepEqual(result, EXPECTED);
});
