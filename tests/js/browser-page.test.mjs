// The built package imported by a plain <script type="module"> page in
// headless Chromium (no bundler), calling the sandbox across origins.
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { test } from "node:test";

import { useChromium } from "./chromium.mjs";
import { KEY, SANDBOX, newCustomer, stored } from "./sandbox.mjs";

const PAGE = `<!doctype html><title>pkg</title>
<script type="module">
  import { CheckoutPageClient, CheckoutPageError } from "/pkg/index.js";
  window.run = async (sandbox, key, id) => {
    const client = new CheckoutPageClient({ apiKey: key, baseUrl: sandbox, dangerouslyAllowBrowser: true });
    const customer = await client.updateCustomer(id, { companyName: "From the page", address: { city: "Delft", country: "NL" } });
    const missing = await client.updateCustomer("0000000000000000000000ff", { name: "x" }).catch((e) => e);
    let refused = null;
    try { new CheckoutPageClient({ apiKey: key, baseUrl: sandbox }); } catch (e) { refused = e; }
    // Issue 14, input 7: a freed client rejects; free() twice is harmless.
    const freed = new CheckoutPageClient({ baseUrl: sandbox });
    freed.free();
    let freedResult;
    try {
      freed.free();
      const error = await freed.getCustomer(id).catch((e) => e);
      freedResult = { isError: error instanceof CheckoutPageError, kind: error.kind, message: error.message };
    } catch (e) {
      freedResult = { threw: String(e) };
    }
    return {
      freed: freedResult,
      customer,
      missing: { isError: missing instanceof CheckoutPageError && missing instanceof Error, kind: missing.kind, status: missing.status },
      refused: { kind: refused?.kind, param: refused?.errors?.[0]?.param },
      userAgent: navigator.userAgent,
    };
  };
  window.ready = true;
</script>`;

const chromium = useChromium({ routes: { "/pkg/": fileURLToPath(new URL("../../pkg/", import.meta.url)) }, pages: { "/": PAGE } });

test("a browser page imports the package and updates a customer", async () => {
  const { id } = await newCustomer();
  const { out: result, errors } = await chromium.inPage("/", (page) =>
    page.evaluate(([sandbox, key, id]) => window.run(sandbox, key, id), [SANDBOX, KEY, id]),
  );
  assert.deepEqual(errors, []);
  assert.match(result.userAgent, /Chrome/);
  assert.equal(result.customer.companyName, "From the page");
  assert.deepEqual(result.customer, await stored(id));
  assert.deepEqual(result.missing, { isError: true, kind: "not_found", status: 404 });
  assert.deepEqual(result.refused, { kind: "validation", param: "apiKey" });
  assert.equal(result.freed.threw, undefined, "no synchronous throw");
  assert.equal(result.freed.isError, true);
  assert.equal(result.freed.kind, "validation");
  assert.match(result.freed.message, /freed/);
});
