// A Cloudflare Worker under `wrangler dev` (local workerd, nothing deployed):
// the package resolves its `workerd` export condition, no initSync needed.
import assert from "node:assert/strict";
import { test } from "node:test";

import { SANDBOX, check, fixture, freePort, join, newCustomer, spawn } from "./harness.mjs";

test("wrangler dev (local): the worker starts and runs the scenario", { timeout: 180_000 }, async (t) => {
  const cwd = fixture("worker");
  const port = await freePort();
  const wrangler = spawn(
    join(cwd, "node_modules/.bin/wrangler"),
    ["dev", "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(await freePort()), "--show-interactive-dev-session=false"],
    {
      cwd,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1", CI: "1", WRANGLER_LOG_PATH: join(cwd, ".wrangler-logs") },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  wrangler.stdout.on("data", (d) => (output += d));
  wrangler.stderr.on("data", (d) => (output += d));
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`wrangler did not start:\n${output}`)), 120_000);
      const poll = setInterval(() => {
        if (/Ready on/.test(output)) {
          clearInterval(poll);
          clearTimeout(timer);
          resolve();
        }
      }, 100);
      wrangler.on("exit", (code) => {
        clearInterval(poll);
        reject(new Error(`wrangler exited with ${code}:\n${output}`));
      });
    });
    const { id } = await newCustomer({ email: "x@example.com" });
    const response = await fetch(
      `http://127.0.0.1:${port}/?sandbox=${encodeURIComponent(SANDBOX)}&id=${encodeURIComponent(id)}`,
    );
    const result = await response.json();
    assert.equal(response.status, 200, `${JSON.stringify(result)}\n${output}`);
    await check(t, result, "workerd", id);
    // checkoutpage-client/init resolves its own workerd entry too.
    assert.deepEqual(result.viaInit.map((e) => e.param), ["email"]);

    // checkoutpage-client/testing resolves its workerd entry (the .wasm
    // imported, as Workers refuse compiling bytes): the client inside the
    // worker against the kit's fetch ...
    const kit = await fetch(`http://127.0.0.1:${port}/kit`);
    const kitResult = await kit.json();
    assert.equal(kit.status, 200, `${JSON.stringify(kitResult)}\n${output}`);
    assert.deepEqual(kitResult, {
      saved: "From the kit",
      refused: { kind: "bad_request", params: ["email"] },
      retried: "Retried",
      statuses: [200, 400, 429, 200],
    });
    // ... and the kit's handle as the worker's own fetch handler.
    const path = "/v1/customers/6650a1b2c3d4e5f601234568";
    const patched = await fetch(`http://127.0.0.1:${port}${path}`, {
      method: "PATCH",
      headers: { authorization: "Bearer sk_test_sandbox", "content-type": "application/json" },
      body: JSON.stringify({ email: "  Grace@Example.COM " }),
    });
    assert.equal(patched.status, 200);
    assert.equal((await patched.json()).data.email, "grace@example.com");
    const unauthorized = await fetch(`http://127.0.0.1:${port}${path}`);
    assert.equal(unauthorized.status, 401);
    assert.deepEqual(Object.keys(await unauthorized.json()).sort(), ["error", "message"]);
  } finally {
    wrangler.kill();
  }
});
