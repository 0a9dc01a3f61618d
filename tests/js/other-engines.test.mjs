// The built package as a page loads it (main entry and test kit, each with its
// wasm inline; the main entry compiles it synchronously on the main thread)
// in Firefox and WebKit, driven over WebDriver (tests/js/webdriver.mjs) like
// the wasm-bindgen browser suite (scripts/test-browsers.sh; drivers installed
// by scripts/setup.sh). Chromium
// runs the same kind of page in browser-page.test.mjs and testing-kit.test.mjs.
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";

import { serve } from "./static-server.mjs";
import { runIn } from "./webdriver.mjs";

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
