// Issue 16: the test kit checkoutpage-client/testing from the packed tarball,
// as users would run it (fixtures/testing-kit): Vitest with the fake's
// `fetch`, an msw 2 handler set in Node (the client on the global fetch), and
// Playwright (playwright-core, the system Chromium) with the fake behind
// page.route. Each shows a success, a server validation error mapped to a
// field, and a 429 retried through. (The Jest example runs with the Jest
// fixture, bundlers.test.mjs.) No server is involved.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { fixture, join, run } from "./harness.mjs";

const LONG = { timeout: 180_000 };
const dir = fixture("testing-kit");

async function sh(file, args) {
  try {
    return await run(file, args, { cwd: dir, maxBuffer: 1 << 26, env: { ...process.env, NO_COLOR: "1" } });
  } catch (error) {
    throw new Error(`${file} ${args.join(" ")} failed:\n${error.stdout ?? ""}\n${error.stderr ?? ""}`, { cause: error });
  }
}

describe("checkoutpage-client/testing from the tarball", { concurrency: true }, () => {
  test("Vitest: the README example (fetch option)", LONG, async () => {
    const { stdout } = await sh(join(dir, "node_modules/.bin/vitest"), ["run"]);
    assert.match(stdout, /3 passed/);
  });

  test("msw 2 in Node: http.all handing requests to api.handle", LONG, async () => {
    const { stdout } = await sh(process.execPath, ["msw.mjs"]);
    assert.deepEqual(JSON.parse(stdout.trim().split("\n").pop()), { ok: true, requests: 1 });
  });

  test("Playwright: a page using the SDK, the fake behind page.route", LONG, async () => {
    const { stdout } = await sh(process.execPath, ["playwright.mjs"]);
    const result = JSON.parse(stdout.trim().split("\n").pop());
    assert.equal(result.ok, true);
    assert.match(result.userAgent, /Chrome/);
  });
});
