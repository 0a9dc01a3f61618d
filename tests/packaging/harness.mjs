// Shared by the packaging test files (*.test.mjs here): scripts/test-packaging.sh
// prepares $PACKAGING_WORK (a copy of the fixtures with `npm ci` done and the
// tarball installed). Each fixture updates a fresh sandbox customer, checks a
// 404 is a CheckoutPageError, and calls validateCustomerPatch({ email: "not-an-email" }).
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { after, before } from "node:test";
import { promisify } from "node:util";

import { launch } from "../js/chromium.mjs";
import { KEY, SANDBOX, newCustomer, stored } from "../js/sandbox.mjs";
import { serve } from "../js/static-server.mjs";

const WORK = process.env.PACKAGING_WORK;
if (!WORK) throw new Error("PACKAGING_WORK is not set: run scripts/test-packaging.sh");
const ALLOW_MISSING_VALIDATE = process.env.PACKAGING_ALLOW_MISSING_VALIDATE === "1";
export const fixture = (name) => join(WORK, "fixtures", name);
export const run = promisify(execFile);
// A budget for one fixture (build + browser), not a speed check: a webpack
// production build alone took over 60 s on this 2-core machine under load
// (load average 18), so 60 s failed a working build.
export const TIMEOUT = { timeout: 180_000 };
export { SANDBOX, KEY, newCustomer, serve, spawn, join };

let browser;
/** Launches headless Chromium for the calling test file (once). */
export function useBrowser() {
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });
  return () => browser;
}

/** Checks one scenario result (see fixtures/*\/scenario.js). */
export async function check(t, result, runtime, id) {
  assert.equal(result.customer.id, id);
  assert.equal(result.customer.companyName, `From ${runtime}`);
  assert.deepEqual(result.customer, await stored(id));
  assert.deepEqual(result.notFound, { isError: true, kind: "not_found" });
  if (result.validate === "not exported" && ALLOW_MISSING_VALIDATE) {
    t.diagnostic(`${runtime}: validateCustomerPatch is not exported by the package (tolerated)`);
    return;
  }
  assert.ok(Array.isArray(result.validate), `validateCustomerPatch: ${JSON.stringify(result.validate)}`);
  assert.ok(result.validate.length > 0, "validateCustomerPatch returned no errors for a bad email");
  for (const error of result.validate) {
    assert.deepEqual(Object.keys(error).sort(), ["code", "message", "param", "severity", "value"]);
    assert.equal(typeof error.param, "string");
    assert.equal(typeof error.message, "string");
    assert.ok(["error", "warning"].includes(error.severity), JSON.stringify(error));
  }
  assert.ok(result.validate.some((e) => e.param === "email"), JSON.stringify(result.validate));
}

/** The exports of checkoutpage-client/rules. */
export const RULES_EXPORTS = [
  "CheckoutPageError",
  "CustomerSchemaRules",
  "applyCustomerPatch",
  "createCustomerDraftSchema",
  "createCustomerPatchSchema",
  "customerPatchJsonSchema",
  "diffCustomer",
  "normalizeCustomerPatch",
  "validateCustomerPatch",
];

/** Checks what a fixture's rules scenario (fixtures/*\/rules.*) returned. */
export function checkRules(result) {
  assert.deepEqual(result.exports, RULES_EXPORTS);
  assert.deepEqual(result.validate, ["email"]);
  // The email differs only by normalisation: not a change.
  assert.deepEqual(result.diff, { name: "Ada" });
  assert.deepEqual(result.schema, ["unknown_field"]);
  assert.deepEqual(result.error.slice(0, 1), [true]);
  assert.equal(result.error.at(-1), "validation");
  // Where both entries are imported, one error class (branded) for both.
  if (result.error.length === 3) assert.equal(result.error[1], true);
}

/** Runs a Node fixture script and returns its JSON output. */
export async function node(name, script, runtime) {
  const { id } = await newCustomer({ email: "x@example.com" });
  const { stdout } = await run(process.execPath, [script], {
    cwd: fixture(name),
    env: { ...process.env, SANDBOX_URL: SANDBOX, CUSTOMER_ID: id },
  });
  return { id, result: JSON.parse(stdout) };
}

/**
 * Opens `url`, runs the scenario in the page and (unless `worker: false`) in
 * a module worker, then through each of `also` (more functions of the page,
 * e.g. a worker importing the main entry).
 */
export async function inBrowser(t, url, runtime, { worker = true, also = [] } = {}) {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  // (the 404 of the not-found check is logged by Chromium as a console error)
  page.on("console", (m) => {
    if (m.type() === "error" && !/^Failed to load resource/.test(m.text())) problems.push(m.text());
  });
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.ready === true, null, { timeout: 30_000 });
    const scenarios = [[runtime, "run"]];
    if (worker) scenarios.push([`${runtime} worker`, "runInWorker"]);
    for (const fn of also) scenarios.push([`${runtime} ${fn}`, fn]);
    for (const [where, fn] of scenarios) {
      const { id } = await newCustomer({ email: "x@example.com" });
      // A page the dev server reloads (below) has neither `ready` nor `fn`
      // until its script runs again: wait for both before each call.
      const call = async () => {
        await page.waitForFunction((fn) => window.ready === true && typeof window[fn] === "function", fn, {
          timeout: 30_000,
        });
        return page.evaluate(([fn, args]) => window[fn](args), [fn, { sandbox: SANDBOX, key: KEY, id, runtime: where }]);
      };
      let result;
      try {
        result = await call();
      } catch (error) {
        // The Vite dev server reloads the page once when it first meets a
        // dependency its start-up scan missed (here: the worker's import of
        // checkoutpage-client/init). Standard Vite behaviour: retry once.
        if (!/Execution context was destroyed|is not a function/.test(error.message)) throw error;
        t.diagnostic(`${where}: the page reloaded (dev server dependency optimisation); retrying`);
        result = await call();
      }
      await check(t, result, where, id);
    }
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
}

/**
 * Fails on build warnings (blocks of lines starting at a line matching
 * `pattern`, up to the next blank line), except the tolerated one about a
 * missing validateCustomerPatch export.
 */
export function assertNoWarnings(t, output, pattern) {
  const blocks = output
    .split(/\n\s*\n/)
    .flatMap((block) => {
      const lines = block.split("\n");
      const start = lines.findIndex((l) => pattern.test(l));
      return start < 0 ? [] : [lines.slice(start).join("\n")];
    });
  const relevant = ALLOW_MISSING_VALIDATE ? blocks.filter((b) => !/validateCustomerPatch/.test(b)) : blocks;
  if (blocks.length) t.diagnostic(blocks.join("\n"));
  assert.deepEqual(relevant, [], output);
}

export function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

