// Fixtures for the places that failed before the wasm was inlined: browser
// bundles by esbuild, rollup (+ node-resolve), rolldown and `bun build`
// (none of them emits a separate .wasm); esbuild Node bundles (ESM, and CJS,
// which cannot hold top-level await); `bun build --target=bun` run by Bun;
// Deno without --allow-read; Jest 30 + jsdom (no TextDecoder, no fetch); a
// page under a strict Content Security Policy; strict TypeScript consumers.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";

import {
  SANDBOX,
  TIMEOUT,
  check,
  fixture,
  inBrowser,
  join,
  newCustomer,
  run,
  serve,
  useBrowser,
} from "./harness.mjs";

const getBrowser = useBrowser();
const bin = (name, tool) => join(fixture(name), "node_modules/.bin", tool);
const LONG = { timeout: 180_000 };

/** Runs a command in a fixture and prints its output when it fails. */
async function sh(name, file, args, options = {}) {
  try {
    return await run(file, args, { cwd: fixture(name), maxBuffer: 1 << 26, ...options });
  } catch (error) {
    throw new Error(`${file} ${args.join(" ")} failed:\n${error.stdout ?? ""}\n${error.stderr ?? ""}`, { cause: error });
  }
}

describe("browser bundles (no bundler configuration, no wasm file emitted)", { concurrency: true }, () => {
  const builds = {
    esbuild: [bin("bundlers", "esbuild"), ["src/page.js", "--bundle", "--format=esm", "--outdir=dist-esbuild"]],
    rollup: [bin("bundlers", "rollup"), ["-c"]],
    rolldown: [bin("bundlers", "rolldown"), ["src/page.js", "--dir", "dist-rolldown"]],
    bun: [bin("bundlers", "bun"), ["build", "src/page.js", "--target=browser", "--outdir=dist-bun"]],
  };
  for (const [tool, [file, args]] of Object.entries(builds)) {
    test(`${tool}: the bundled page works`, LONG, async (t) => {
      await sh("bundlers", file, args);
      const page = `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
        <script type="module" src="/dist-${tool}/page.js"></script>`;
      const server = await serve({ "/": fixture("bundlers") }, { "/index.html": page });
      try {
        await inBrowser(t, `${server.url}/index.html`, tool, { worker: false });
      } finally {
        server.close();
      }
    });
  }
});

test("Vite library mode as Vite's docs configure it (es + umd; es + cjs): builds, the UMD runs in a page, the CJS in Node", LONG, async () => {
  // Issue 28, point 2: a team's library bundling the SDK (fixtures/vite/lib/);
  // top-level await in the main entry made both builds fail (INVALID_TLA_FORMAT).
  const vite = bin("vite", "vite");
  await sh("vite", vite, ["build", "--config", "vite.lib.config.js"], { env: { ...process.env, NO_COLOR: "1" } });
  await sh("vite", vite, ["build", "--config", "vite.lib-cjs.config.js"], { env: { ...process.env, NO_COLOR: "1" } });
  const probe = 'const lib = require("./dist-lib-cjs/fixture-vite.cjs"); console.log(JSON.stringify([lib.problems({ email: "not-an-email" }), typeof lib.teamClient("http://127.0.0.1:9").updateCustomer]));';
  const { stdout } = await sh("vite", process.execPath, ["-e", probe]);
  assert.deepEqual(JSON.parse(stdout), [["email"], "function"]);
  const umd = readFileSync(join(fixture("vite"), "dist-lib/fixture-vite.umd.cjs"), "utf8");
  const page = `<!doctype html><title>pending</title><script src="/team-client.umd.js"></script>
    <script>document.title = JSON.stringify([TeamClient.problems({ email: "not-an-email" }), typeof TeamClient.teamClient("http://127.0.0.1:9").updateCustomer]);</script>`;
  const server = await serve({}, { "/index.html": page, "/team-client.umd.js": umd });
  const tab = await getBrowser().newPage();
  try {
    const problems = [];
    tab.on("pageerror", (e) => problems.push(String(e)));
    await tab.goto(`${server.url}/index.html`);
    await tab.waitForFunction(() => document.title !== "pending", null, { timeout: 30_000 });
    assert.deepEqual(problems, []);
    assert.deepEqual(JSON.parse(await tab.title()), [["email"], "function"]);
  } finally {
    await tab.close();
    server.close();
  }
});

describe("Node bundles and runtimes", { concurrency: true }, () => {
  for (const format of ["esm", "cjs"]) {
    test(`esbuild --platform=node --format=${format}: the bundle runs in Node`, LONG, async (t) => {
      const out = `dist-node/main.${format === "esm" ? "mjs" : "cjs"}`;
      const args = ["src/node-main.js", "--bundle", "--platform=node", `--format=${format}`, `--outfile=${out}`];
      await sh("bundlers", bin("bundlers", "esbuild"), args);
      const { id } = await newCustomer({ email: "x@example.com" });
      const runtime = `esbuild-node-${format}`;
      const { stdout } = await sh("bundlers", process.execPath, [out, SANDBOX, id, runtime]);
      await check(t, JSON.parse(stdout), runtime, id);
    });
  }

  test("bun build --target=bun: the output runs in Bun", LONG, async (t) => {
    const bun = bin("bundlers", "bun");
    await sh("bundlers", bun, ["build", "src/node-main.js", "--target=bun", "--outfile=dist-bun-run/main.js"]);
    const { id } = await newCustomer({ email: "x@example.com" });
    const { stdout } = await sh("bundlers", bun, ["dist-bun-run/main.js", SANDBOX, id, "bun"]);
    await check(t, JSON.parse(stdout), "bun", id);
  });

  test("Deno 2 without --allow-read", LONG, async (t) => {
    const { id } = await newCustomer({ email: "x@example.com" });
    const { stdout } = await sh(
      "deno",
      bin("deno", "deno"),
      ["run", "--no-lock", "--no-prompt", "--allow-net=127.0.0.1", "main.mjs", SANDBOX, id],
      { env: { ...process.env, DENO_NO_UPDATE_CHECK: "1", DENO_DIR: join(fixture("deno"), ".deno") } },
    );
    const result = JSON.parse(stdout);
    assert.match(result.entry, /checkoutpage-client\/node\.js$/);
    await check(t, result, "deno", id);
  });

  test("Jest 30 + jsdom: imports, validates, a missing fetch fails at once; the test kit's example", LONG, async () => {
    await sh("jest", bin("jest", "jest"), ["--ci", "--colors=false"]);
  });
});

describe("a strict Content Security Policy", { concurrency: true }, () => {
  const open = async (csp) => {
    const server = await serve({ "/": fixture("browser") }, {}, { "content-security-policy": csp });
    const page = await getBrowser().newPage();
    try {
      await page.goto(`${server.url}/csp.html`);
      await page.waitForFunction(() => window.ready === true, null, { timeout: 30_000 });
      return await page.evaluate(() => window.outcome);
    } finally {
      await page.close();
      server.close();
    }
  };

  test("script-src 'self' 'wasm-unsafe-eval': both entries load", TIMEOUT, async () => {
    const outcome = await open("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'");
    assert.deepEqual(outcome, { main: { ok: true, validate: ["email"] }, init: { ok: true, validate: ["email"] } });
  });

  test("script-src 'self': a CheckoutPageError saying to add 'wasm-unsafe-eval'", TIMEOUT, async () => {
    const outcome = await open("default-src 'self'; script-src 'self'");
    for (const entry of ["main", "init"]) {
      const result = outcome[entry];
      assert.equal(result.ok, false, entry);
      assert.equal(result.name, "CheckoutPageError", JSON.stringify(result));
      assert.equal(result.kind, "environment");
      assert.equal(result.isError, true);
      assert.match(result.message, /Add 'wasm-unsafe-eval' to the script-src directive/);
    }
  });
});

test("strict TypeScript consumers (exactOptionalPropertyTypes; Node-only lib, skipLibCheck false)", LONG, async () => {
  const tsc = bin("typescript", "tsc");
  await sh("typescript", tsc, ["-p", "tsconfig.strict.json"]);
  await sh("typescript", tsc, ["-p", "tsconfig.node.json"]);
});
