// The built package (pkg/, with the wasm-opt-optimised module) imported from
// Node as ESM, exactly as a user would, calling the sandbox.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";

import { CheckoutPageClient, CheckoutPageError } from "../../pkg/index.js";
import { KEY, SANDBOX, newCustomer, requestsFor, stored } from "./sandbox.mjs";

const client = new CheckoutPageClient({ apiKey: KEY, baseUrl: SANDBOX });

test("the package ships a wasm-opt-optimised module that loads", async () => {
  const bytes = await readFile(new URL("../../pkg/checkoutpage_bg.wasm", import.meta.url));
  assert.ok(WebAssembly.validate(bytes));
  // The release profile plus wasm-opt strip the name section: no debug names.
  const module = await WebAssembly.compile(bytes);
  assert.equal(WebAssembly.Module.customSections(module, "name").length, 0);
});

test("the inlined wasm (deflated, base64) gives back the .wasm by every path: zlib, DecompressionStream, fflate", async () => {
  const bytes = await readFile(new URL("../../pkg/checkoutpage_bg.wasm", import.meta.url));
  const inline = await import("../../pkg/wasm-bytes.js");
  const B = Buffer; // the test takes Buffer away below
  const asBytes = async (out) => B.from(out instanceof Response ? await out.arrayBuffer() : out);
  // Node: zlib through process.getBuiltinModule, sync and async.
  assert.ok(bytes.equals(B.from(inline.wasmBytes())));
  assert.ok(bytes.equals(await asBytes(await inline.wasmBytesAsync())));
  const { getBuiltinModule } = process;
  const { DecompressionStream } = globalThis;
  try {
    // A browser: no getBuiltinModule; DecompressionStream, as a Response.
    // (Node 20's DecompressionStream has no deflate-raw: then fflate, as in old browsers.)
    process.getBuiltinModule = undefined;
    let rawDeflate = true;
    try {
      new DecompressionStream("deflate-raw");
    } catch {
      rawDeflate = false;
    }
    const streamed = await inline.wasmBytesAsync();
    assert.equal(streamed instanceof Response, rawDeflate);
    if (rawDeflate) assert.equal(streamed.headers.get("content-type"), "application/wasm");
    assert.ok(bytes.equals(await asBytes(streamed)));
    // An old browser: DecompressionStream without deflate-raw (it throws): fflate.
    globalThis.DecompressionStream = class {
      constructor() {
        throw new TypeError("Unsupported compression format: 'deflate-raw'");
      }
    };
    assert.ok(bytes.equals(await asBytes(await inline.wasmBytesAsync())));
    // No Buffer either (browsers without Uint8Array.fromBase64): the
    // hand-written base64 decoder. (Node's own streams need Buffer, so only
    // the synchronous path runs without it.)
    globalThis.Buffer = undefined;
    const decoded = inline.wasmBytes();
    globalThis.Buffer = B;
    assert.ok(bytes.equals(B.from(decoded)));
  } finally {
    process.getBuiltinModule = getBuiltinModule;
    globalThis.DecompressionStream = DecompressionStream;
    globalThis.Buffer = B;
  }
});

test("updateCustomer resolves to the stored customer", async () => {
  const { id } = await newCustomer({ name: "Before" });
  const customer = await client.updateCustomer(id, {
    name: "Grace Hopper",
    email: " Grace@Example.com",
    shipping: { name: "Grace", address: { city: "Arlington", country: "US" } },
  });
  assert.equal(customer.id, id);
  assert.equal(customer.email, "grace@example.com");
  assert.equal(customer.shipping.address.city, "Arlington");
  assert.deepEqual(customer, await stored(id));
});

test("a 404 rejects with a CheckoutPageError", async () => {
  const error = await client.updateCustomer("0000000000000000000000ff", { name: "x" }).catch((e) => e);
  assert.ok(error instanceof CheckoutPageError);
  assert.ok(error instanceof Error);
  assert.equal(error.name, "CheckoutPageError");
  assert.equal(error.kind, "not_found");
  assert.equal(error.status, 404);
  assert.equal(error.message, "Customer not found");
  assert.equal(error.body.type, "not_found");
  assert.match(error.stack, /CheckoutPageError: Customer not found/);
  assert.match(String(error), /^CheckoutPageError: Customer not found$/);
});

test("a wrong key rejects as authentication and never shows the key", async () => {
  const secret = "sk_test_do_not_print_me";
  const wrong = new CheckoutPageClient({ apiKey: secret, baseUrl: SANDBOX });
  const { id } = await newCustomer();
  const error = await wrong.updateCustomer(id, { name: "x" }).catch((e) => e);
  assert.equal(error.kind, "authentication");
  assert.equal(error.status, 401);
  for (const text of [String(error), error.stack, JSON.stringify(error), JSON.stringify(error.body)]) {
    assert.ok(!text.includes(secret), text);
  }
});

test("an empty patch rejects before anything is sent", async () => {
  const { id } = await newCustomer();
  for (const patch of [{}, { name: undefined }]) {
    const error = await client.updateCustomer(id, patch).catch((e) => e);
    assert.ok(error instanceof CheckoutPageError);
    assert.equal(error.kind, "validation");
    assert.equal(error.status, null);
  }
  assert.deepEqual(await requestsFor(id), []);
});

test("no global fetch: a CheckoutPageError of kind environment at once, nothing retried or sent", async () => {
  const { id } = await newCustomer({ name: "Before" });
  const fetch = globalThis.fetch;
  delete globalThis.fetch;
  let error;
  const started = performance.now();
  try {
    // Retries would take over a second (backoff from 0.5 s).
    error = await client.updateCustomer(id, { name: "After" }, { maxRetries: 2 }).catch((e) => e);
  } finally {
    globalThis.fetch = fetch;
  }
  assert.ok(performance.now() - started < 250, `took ${performance.now() - started} ms`);
  assert.ok(error instanceof CheckoutPageError);
  assert.equal(error.kind, "environment");
  assert.equal(error.status, null);
  assert.match(error.message, /no global fetch/);
  assert.match(error.message, /Node 18 or later/);
  assert.deepEqual(await requestsFor(id), []);
});

test("load failures are CheckoutPageErrors that say what to do (CSP, no WebAssembly, no synchronous compile on the main thread)", async () => {
  const { explain, checkWebAssembly } = await import("../../pkg/explain.js");
  const csp = explain(
    new WebAssembly.CompileError(
      "WebAssembly.instantiate(): Refused to compile or instantiate WebAssembly module because 'unsafe-eval' is not an allowed source of script in the following Content Security Policy directive: \"script-src 'self'\"",
    ),
  );
  assert.ok(csp instanceof CheckoutPageError);
  assert.equal(csp.kind, "environment");
  assert.match(csp.message, /Add 'wasm-unsafe-eval' to the script-src directive/);
  // The main entry compiles synchronously (issue 28); a browser that refuses
  // that on its main thread (Chromium's old limit) is told to use /init.
  const mainThread = explain(
    new RangeError(
      "WebAssembly.Module(): WebAssembly.Module is disallowed on the main thread, if the buffer size is larger than 4KB. Use WebAssembly.compile, or compile on a worker thread.",
    ),
  );
  assert.ok(mainThread instanceof CheckoutPageError);
  assert.equal(mainThread.kind, "environment");
  assert.match(mainThread.message, /Import `checkoutpage-client\/init` instead and `await init\(\)`/);
  const saved = globalThis.WebAssembly;
  delete globalThis.WebAssembly;
  try {
    assert.throws(checkWebAssembly, (e) => e instanceof CheckoutPageError && /needs WebAssembly/.test(e.message));
  } finally {
    globalThis.WebAssembly = saved;
  }
});
