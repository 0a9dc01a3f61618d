// Next.js 16 app router, no configuration: a client component that validates
// while rendering (on the server, then in the browser), a route handler and
// a server action updating against the sandbox; built with Turbopack (the
// default) and with webpack (`next build --webpack`, in a hard-linked copy),
// each served by `next start` and loaded in headless Chromium; and the same
// page under `next dev` (Turbopack), in a third hard-linked copy. A route
// handler on the edge runtime runs the scenario too, and nothing (build or
// server) logs wasm-bindgen's `application/wasm` MIME warning (issue 28,
// point 5: under --webpack the edge route resolved webpack.js, whose fetched
// Response, from the edge sandbox's realm, Node's instantiateStreaming
// refused, and the glue blamed the MIME type).
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  KEY,
  SANDBOX,
  check,
  fixture,
  freePort,
  join,
  newCustomer,
  run,
  spawn,
  useBrowser,
} from "./harness.mjs";

const getBrowser = useBrowser();
const ENV = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NO_COLOR: "1" };

describe("Next.js 16", { concurrency: true }, () => {
  for (const [dir, bundler, args] of [
    ["nextjs", "turbopack", ["build"]],
    ["nextjs-webpack", "webpack", ["build", "--webpack"]],
  ]) {
    test(`next build (${bundler}) + next start: page, route handler, server action`, { timeout: 300_000 }, async (t) => {
      const cwd = fixture(dir);
      const next = join(cwd, "node_modules/.bin/next");
      let built;
      try {
        built = await run(next, args, { cwd, env: ENV, maxBuffer: 1 << 26 });
      } catch (error) {
        throw new Error(`next ${args.join(" ")} failed:\n${error.stdout}\n${error.stderr}`);
      }
      assertNoMimeWarning(built.stdout + built.stderr);
      await serveAndCheck(t, cwd, ["start"], `next-${bundler}`);
    });
  }

  test("next dev (Turbopack): page, route handler, server action", { timeout: 300_000 }, async (t) => {
    await serveAndCheck(t, fixture("nextjs-dev"), ["dev"], "next-dev");
  });
});

/** Runs `next <command>`, loads the page, runs the route handler and the server action. */
async function serveAndCheck(t, cwd, command, label) {
  const next = join(cwd, "node_modules/.bin/next");
  const port = await freePort();
  const server = spawn(next, [...command, "-p", String(port), "-H", "127.0.0.1"], {
    cwd,
    env: ENV,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout.on("data", (d) => (output += d));
  server.stderr.on("data", (d) => (output += d));
  const page = await getBrowser().newPage();
  try {
    const url = `http://127.0.0.1:${port}/`;
    let html;
    // (next dev compiles the page on the first request: allow a minute)
    for (let i = 0; ; i++) {
      try {
        const response = await fetch(url);
        html = await response.text();
        assert.equal(response.status, 200, `${html}\n${output}`);
        break;
      } catch (error) {
        if (i > 300 || error.code === "ERR_ASSERTION") throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    // Server rendering ran the package: the validation result is in the HTML.
    assert.match(html, /<p id="validation">email<\/p>/);
    const problems = [];
    page.on("pageerror", (e) => problems.push(String(e)));
    await page.goto(url);
    await page.waitForFunction(() => window.ready === true, null, { timeout: 30_000 });
    assert.deepEqual(await page.evaluate(() => window.validate().map((e) => e.param)), ["email"]);
    for (const fn of ["runRoute", "runEdgeRoute", "runAction"]) {
      const { id } = await newCustomer({ email: "x@example.com" });
      const runtime = `${label}-${fn}`;
      const result = await page.evaluate(([fn, args]) => window[fn](args), [fn, { sandbox: SANDBOX, key: KEY, id, runtime }]);
      await check(t, result, runtime, id);
    }
    assert.deepEqual(problems, []);
    assertNoMimeWarning(output);
  } finally {
    await page.close();
    server.kill();
  }
}

/** Fails on wasm-bindgen's warning about the `application/wasm` MIME type. */
function assertNoMimeWarning(output) {
  assert.doesNotMatch(output, /application\/wasm/, output);
}
