// Issue 13, point 1 as a user meets it: hostile values passed to the built
// package inside try/catch must not end the Node process (an uncaught
// exception from a microtask did), must settle every promise, and must not
// raise a page error in a browser. A separate `node` process runs the calls,
// so that a crash shows as its exit status.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { test } from "node:test";

import { useChromium } from "./chromium.mjs";

// Runs in Node (as a child) and in the page: every hostile call of the
// issue, each inside try/catch as a careful user would write it. Resolves to
// what each call ended in.
const SCENARIO = `
async function scenario(sdk) {
  const { CheckoutPageClient, CheckoutPageError } = sdk;
  const id = "65f0c0ffee0000000000abcd";
  const boom = () => { throw new Error("boom"); };
  const revoked = () => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; };
  const client = new CheckoutPageClient({ baseUrl: "http://127.0.0.1:9", maxRetries: 0 });
  const calls = {
    ownKeys: () => client.updateCustomer(id, new Proxy({ name: "x" }, { ownKeys: boom })),
    descriptor: () => client.updateCustomer(id, new Proxy({ name: "x" }, { getOwnPropertyDescriptor: boom })),
    revokedPatch: () => client.updateCustomer(id, revoked()),
    proxyOptions: () => client.updateCustomer(id, { name: "x" }, new Proxy({}, { ownKeys: boom })),
    throwingItems: () => client.updateCustomers(Object.defineProperty([], 0, { get: boom, enumerable: true })),
    revokedClientOptions: () => new CheckoutPageClient(revoked()),
    unbound: () => { const f = client.updateCustomer; return f(id, { name: "x" }); },
  };
  const out = {};
  for (const [name, call] of Object.entries(calls)) {
    try {
      const result = call();
      const settled = await Promise.race([
        Promise.resolve(result).then(() => "resolved", (e) => (e instanceof CheckoutPageError ? "CheckoutPageError" : "other: " + e)),
        new Promise((r) => setTimeout(() => r("unsettled"), 5000)),
      ]);
      out[name] = settled;
    } catch (e) {
      out[name] = e instanceof CheckoutPageError ? "CheckoutPageError" : "other: " + e;
    }
  }
  return out;
}`;

const EXPECTED = {
  ownKeys: "CheckoutPageError",
  descriptor: "CheckoutPageError",
  revokedPatch: "CheckoutPageError",
  proxyOptions: "CheckoutPageError",
  throwingItems: "CheckoutPageError",
  revokedClientOptions: "CheckoutPageError",
  unbound: "CheckoutPageError",
};

const PKG = new URL("../../pkg/", import.meta.url);

test("hostile values never end the Node process and every promise settles", () => {
  const script = `${SCENARIO}
    const sdk = await import(${JSON.stringify(new URL("index.js", PKG).href)});
    console.log(JSON.stringify(await scenario(sdk)));`;
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
    timeout: 60_000,
  });
  assert.equal(child.status, 0, `the process died: ${child.stderr}`);
  assert.deepEqual(JSON.parse(child.stdout.trim().split("\n").pop()), EXPECTED);
});

const chromium = useChromium({
  routes: { "/pkg/": fileURLToPath(PKG) },
  pages: {
    "/": `<!doctype html><title>hostile</title><script type="module">
        import * as sdk from "/pkg/index.js";
        ${SCENARIO}
        window.scenario = () => scenario(sdk);
        window.ready = true;
      </script>`,
  },
});

test("hostile values raise no page error in Chromium and every promise settles", async () => {
  const { out: result, errors } = await chromium.inPage("/", (page) => page.evaluate(() => window.scenario()));
  assert.deepEqual(result, EXPECTED);
  assert.deepEqual(errors, []);
});
