// The guarded client methods (CLIENT_METHODS in src/wasm/boundary.rs, kept
// by hand) against the exports: every method the generated CheckoutPageClient
// class has, in the ESM and the CommonJS entry, rejects with a
// CheckoutPageError on a freed client instead of wasm-bindgen's synchronous
// "null pointer passed to rust"; a method added without its guard fails here.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";

import * as esm from "../../pkg/index.js";

const require = createRequire(import.meta.url);
const cjs = require("../../pkg/node/checkoutpage.cjs");

/**
 * The prototype's public methods: all but the constructor, `free` (guarded
 * apart: safe twice) and wasm-bindgen's internals (`__destroy_into_raw`).
 */
function clientMethods(CheckoutPageClient) {
  return Object.getOwnPropertyNames(CheckoutPageClient.prototype)
    .filter((name) => name !== "constructor" && name !== "free" && !name.startsWith("__"))
    .filter((name) => typeof Object.getOwnPropertyDescriptor(CheckoutPageClient.prototype, name).value === "function")
    .sort();
}

for (const [entry, { CheckoutPageClient, CheckoutPageError }] of [
  ["ESM", esm],
  ["CommonJS", cjs],
]) {
  test(`${entry}: every client method rejects with a CheckoutPageError on a freed client`, async () => {
    const methods = clientMethods(CheckoutPageClient);
    // At least the documented calls (tests/api/checkoutpage.d.ts): the list is read, not empty.
    for (const name of ["getCustomer", "updateCustomer", "updateCustomers"]) assert.ok(methods.includes(name), name);
    for (const name of methods) {
      const client = new CheckoutPageClient({ baseUrl: "http://127.0.0.1:9" });
      client.free();
      let result;
      assert.doesNotThrow(() => {
        result = client[name]("0123456789abcdef01234567", { name: "x" });
      }, `${name} on a freed client throws synchronously (not guarded: add it to CLIENT_METHODS)`);
      assert.ok(result instanceof Promise, `${name} returns a promise`);
      const error = await result.then(
        () => assert.fail(`${name} on a freed client resolved`),
        (e) => e,
      );
      assert.ok(error instanceof CheckoutPageError, `${name}: ${error}`);
      assert.equal(error.kind, "validation");
      assert.match(error.errors[0].message, /client was freed/);
      // free() twice stays harmless.
      client.free();
    }
  });
}
