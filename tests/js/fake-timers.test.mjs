// Test fake timers (Jest's default `jest.useFakeTimers()`, @sinonjs/fake-timers)
// replace the global queueMicrotask with one that runs only when the test
// advances time. The package's calls must settle regardless, and the module
// must keep working after real timers are back: the futures queue of js-sys
// used the global queueMicrotask and, once one task was held, never ran
// another. Its own process (node --test runs one per file), as a failure
// wedges the module for the rest of the process. Node and headless Chromium.
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { test } from "node:test";

import { scenarioPage, useChromium } from "./chromium.mjs";

const pkg = new URL("../../pkg/", import.meta.url);

// Runs in Node and in the page (passed as source): a client whose fetch
// answers at once, called while queueMicrotask is faked, then after.
async function scenario({ CheckoutPageClient }) {
  const body = (name) =>
    JSON.stringify({ data: { id: "6650a1b2c3d4e5f601234568", email: "a@b.co", sellerId: "s", createdAt: "2024-01-01T00:00:00.000Z", updatedAt: "2024-01-01T00:00:00.000Z", name } });
  const client = new CheckoutPageClient({
    apiKey: "sk_test_sandbox",
    dangerouslyAllowBrowser: true,
    // A Response-like (which the client accepts): the platform's Response
    // would schedule its own work with the faked queueMicrotask.
    fetch: async (_url, init) => {
      const text = body(JSON.parse(init.body).name);
      return { status: 200, ok: true, headers: { get: (name) => (name.toLowerCase() === "content-type" ? "application/json" : null) }, text: async () => text };
    },
  });
  const within = (promise) =>
    Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve("did not settle within 2 s"), 2000))]);
  const realQueueMicrotask = globalThis.queueMicrotask;
  const held = [];
  // A fake clock that is never advanced (bounded, should anything loop on it).
  globalThis.queueMicrotask = (task) => {
    if (held.push(task) > 1000) throw new Error("queueMicrotask called over 1000 times");
  };
  let faked;
  try {
    faked = await within(client.updateCustomer("6650a1b2c3d4e5f601234568", { name: "faked" }).then((c) => c.name, (e) => String(e)));
  } finally {
    globalThis.queueMicrotask = realQueueMicrotask;
  }
  const real = await within(client.updateCustomer("6650a1b2c3d4e5f601234568", { name: "real" }).then((c) => c.name, (e) => String(e)));
  return { faked, real, held: held.length };
}

const expected = { faked: "faked", real: "real", held: 0 };

test("Node: calls settle while queueMicrotask is faked, and after", async () => {
  const main = await import(new URL("index.js", pkg));
  assert.deepEqual(await scenario(main), expected);
});

const chromium = useChromium({
  routes: { "/pkg/": fileURLToPath(pkg) },
  pages: { "/": scenarioPage("fake timers", ["/pkg/index.js"]) },
});

test("headless Chromium: calls settle while queueMicrotask is faked, and after", async () => {
  assert.deepEqual((await chromium.run(scenario)).out, expected);
});
