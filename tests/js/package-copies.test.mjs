// Issue 14, inputs 7, 8 and 9, at the package level in Node: a freed
// client, one signal shared by many calls, and the ESM and CommonJS copies of
// the package loaded into one process.
import assert from "node:assert/strict";
import { getEventListeners } from "node:events";
import { createRequire } from "node:module";
import { test } from "node:test";

import * as esm from "../../pkg/index.js";
import { KEY, SANDBOX, newCustomer } from "./sandbox.mjs";

const require = createRequire(import.meta.url);
const cjs = require("../../pkg/node/checkoutpage.cjs");

test("instanceof CheckoutPageError holds across the ESM and CommonJS copies (input 9)", async () => {
  assert.notEqual(esm.CheckoutPageError, cjs.CheckoutPageError, "really two copies");
  const options = { apiKey: KEY, baseUrl: SANDBOX, maxRetries: 0 };
  const fromEsm = await new esm.CheckoutPageClient(options).updateCustomer("0000000000000000000000ff", { name: "x" }).catch((e) => e);
  const fromCjs = await new cjs.CheckoutPageClient(options).updateCustomer("0000000000000000000000ff", { name: "x" }).catch((e) => e);
  for (const error of [fromEsm, fromCjs]) {
    assert.equal(error.kind, "not_found");
    assert.ok(error instanceof esm.CheckoutPageError, "instance of the ESM class");
    assert.ok(error instanceof cjs.CheckoutPageError, "instance of the CommonJS class");
    assert.ok(error instanceof Error);
  }
  let thrown;
  try {
    new cjs.CheckoutPageClient({ baseUrl: "http://example.com" });
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown instanceof esm.CheckoutPageError);
  // Nothing else is mistaken for one.
  for (const other of [new Error("x"), null, undefined, {}, "CheckoutPageError", Object.create(Error.prototype)]) {
    assert.equal(other instanceof esm.CheckoutPageError, false);
    assert.equal(other instanceof cjs.CheckoutPageError, false);
  }
});

test("a freed client rejects with a CheckoutPageError, and free() twice is harmless (input 7)", async () => {
  for (const { CheckoutPageClient, CheckoutPageError } of [esm, cjs]) {
    const client = new CheckoutPageClient({ apiKey: KEY, baseUrl: SANDBOX });
    client.free();
    assert.doesNotThrow(() => client.free());
    for (const call of [
      () => client.updateCustomer("6650a1b2c3d4e5f601234567", { name: "x" }),
      () => client.getCustomer("6650a1b2c3d4e5f601234567"),
      () => client.updateCustomers([]),
    ]) {
      let promise;
      assert.doesNotThrow(() => (promise = call()), "no synchronous throw");
      const error = await promise.then(
        () => assert.fail("resolved"),
        (e) => e,
      );
      assert.ok(error instanceof CheckoutPageError, String(error));
      assert.equal(error.kind, "validation");
      assert.match(error.message, /freed/);
    }
    // `using` disposes the same way.
    const disposed = new CheckoutPageClient({ apiKey: KEY, baseUrl: SANDBOX });
    disposed[Symbol.dispose]?.();
    assert.doesNotThrow(() => disposed.free());
  }
});

test("every method of CheckoutPageClient is guarded against a freed client, as the exports list them", async () => {
  for (const { CheckoutPageClient, CheckoutPageError } of [esm, cjs]) {
    const methods = Object.getOwnPropertyNames(CheckoutPageClient.prototype).filter(
      (name) => name !== "constructor" && name !== "free" && !name.startsWith("__"),
    );
    assert.deepEqual(methods.sort(), ["getCustomer", "listCustomers", "saveCustomer", "updateCustomer", "updateCustomers"]);
    const client = new CheckoutPageClient({ apiKey: KEY, baseUrl: SANDBOX });
    client.free();
    for (const name of methods) {
      let promise;
      assert.doesNotThrow(() => (promise = client[name]()), `${name}: no synchronous throw`);
      const error = await promise.then(
        () => assert.fail(`${name} resolved`),
        (e) => e,
      );
      assert.ok(error instanceof CheckoutPageError, `${name}: ${error}`);
      assert.match(error.message, /freed/);
    }
  }
});

test("100 concurrent calls on one signal: no listener warning, none left behind (input 8)", async () => {
  const { id } = await newCustomer();
  const client = new esm.CheckoutPageClient({ apiKey: KEY, baseUrl: SANDBOX, requestsPerMinute: 100_000 });
  const warnings = [];
  const onWarning = (warning) => warnings.push(warning);
  process.on("warning", onWarning);
  try {
    const controller = new AbortController();
    const calls = Array.from({ length: 100 }, (_, i) =>
      client.updateCustomer(id, { name: `n${i}` }, { signal: controller.signal }),
    );
    assert.ok(getEventListeners(controller.signal, "abort").length <= 1);
    await Promise.all(calls);
    assert.equal(getEventListeners(controller.signal, "abort").length, 0, "no listener left behind");
    // Aborting many waiting calls at once still reaches every one of them.
    const slow = new esm.CheckoutPageClient({ apiKey: KEY, baseUrl: SANDBOX, requestsPerMinute: 1 });
    await slow.updateCustomer(id, { name: "first" });
    const queued = Array.from({ length: 15 }, () =>
      slow.updateCustomer(id, { name: "queued" }, { signal: controller.signal, timeoutMs: 1_000_000 }),
    );
    controller.abort(new Error("shutting down"));
    for (const error of await Promise.all(queued.map((p) => p.catch((e) => e)))) {
      assert.equal(error.kind, "aborted");
      assert.equal(error.cause.message, "shutting down");
    }
    assert.equal(getEventListeners(controller.signal, "abort").length, 0);
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off("warning", onWarning);
  }
  assert.deepEqual(
    warnings.map((w) => `${w.name}: ${w.message}`),
    [],
  );
});
