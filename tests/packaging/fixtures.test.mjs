// Runs the original fixture projects with the packed package installed: Node
// ESM and CJS, a plain module-script page and module worker, Vite dev and
// build, webpack 5 (see harness.mjs for the shared checks).
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { test } from "node:test";

import {
  TIMEOUT,
  assertNoWarnings,
  check,
  checkRules,
  fixture,
  freePort,
  inBrowser,
  join,
  node,
  run,
  serve,
  spawn,
  useBrowser,
} from "./harness.mjs";

const getBrowser = useBrowser();

test("Node ESM: import resolves to node.js and works", TIMEOUT, async (t) => {
  const { id, result } = await node("node-esm", "index.mjs", "node-esm");
  assert.match(result.entry, /\/node_modules\/checkoutpage-client\/node\.js$/);
  await check(t, result, "node-esm", id);
});

test("Node CJS: require resolves to node/checkoutpage.cjs and works", TIMEOUT, async (t) => {
  const { id, result } = await node("node-cjs", "index.cjs", "node-cjs");
  assert.match(result.entry, /\/node_modules\/checkoutpage-client\/node\/checkoutpage\.cjs$/);
  await check(t, result, "node-cjs", id);
});

test("Node ESM and CJS: checkoutpage-client/rules resolves to its own entry and works", TIMEOUT, async () => {
  const esm = await node("node-esm", "rules.mjs", "node-esm");
  assert.match(esm.result.entry, /\/node_modules\/checkoutpage-client\/rules\/index\.js$/);
  checkRules(esm.result);
  const cjs = await node("node-cjs", "rules.cjs", "node-cjs");
  assert.match(cjs.result.entry, /\/node_modules\/checkoutpage-client\/rules\/checkoutpage\.cjs$/);
  checkRules(cjs.result);
});

test("plain <script type=module> page and module worker (no bundler)", TIMEOUT, async (t) => {
  const server = await serve({ "/": fixture("browser") });
  try {
    await inBrowser(t, `${server.url}/index.html`, "browser");
  } finally {
    server.close();
  }
});

test("Vite dev server (no config): page, module worker (/init), module worker importing the main entry, posted to at once", TIMEOUT, async (t) => {
  const port = await freePort();
  const vite = spawn(
    join(fixture("vite"), "node_modules/.bin/vite"),
    ["--host", "127.0.0.1", "--port", String(port), "--strictPort", "--clearScreen", "false"],
    { cwd: fixture("vite"), env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  vite.stdout.on("data", (d) => (output += d));
  vite.stderr.on("data", (d) => (output += d));
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`vite did not start:\n${output}`)), 30_000);
      vite.stdout.on("data", () => output.includes(`:${port}/`) && (clearTimeout(timer), resolve()));
      vite.on("exit", (code) => reject(new Error(`vite exited with ${code}:\n${output}`)));
    });
    await inBrowser(t, `http://127.0.0.1:${port}/`, "vite-dev", { also: ["runInMainEntryWorker"] });
    assertNoWarnings(t, output, /warn|error|\(!\)/i);
  } finally {
    vite.kill();
  }
});

test("Vite production build (no config), served statically: page, module worker (/init), module worker importing the main entry", TIMEOUT, async (t) => {
  const { stdout, stderr } = await run(join(fixture("vite"), "node_modules/.bin/vite"), ["build"], {
    cwd: fixture("vite"),
    env: { ...process.env, NO_COLOR: "1" },
  });
  assertNoWarnings(t, stdout + stderr, /warn|error|\(!\)/i);
  // The wasm is inline: no (unused) copy of it is emitted.
  const emitted = readdirSync(join(fixture("vite"), "dist"), { recursive: true }).map(String);
  assert.deepEqual(emitted.filter((f) => f.endsWith(".wasm")), []);
  const server = await serve({ "/": join(fixture("vite"), "dist") });
  try {
    await inBrowser(t, `${server.url}/index.html`, "vite-build", { also: ["runInMainEntryWorker"] });
    // checkoutpage-client/rules: its own chunk, its own module, inline.
    const tab = await getBrowser().newPage();
    try {
      await tab.goto(`${server.url}/index.html`);
      await tab.waitForFunction(() => window.ready === true, null, { timeout: 30_000 });
      checkRules(await tab.evaluate(() => window.runRules()));
    } finally {
      await tab.close();
    }
  } finally {
    server.close();
  }
});

test("webpack 5 production build (no config), served statically: page and module worker", TIMEOUT, async (t) => {
  const { stdout, stderr } = await run(
    join(fixture("webpack"), "node_modules/.bin/webpack"),
    ["--mode", "production"],
    { cwd: fixture("webpack"), env: { ...process.env, NO_COLOR: "1" } },
  );
  assertNoWarnings(t, stdout + stderr, /WARNING|ERROR/);
  // The `webpack` condition: the wasm is emitted as a separate asset.
  const emitted = readdirSync(join(fixture("webpack"), "dist"), { recursive: true }).map(String);
  assert.equal(emitted.filter((f) => f.endsWith(".wasm")).length, 1, emitted.join(", "));
  const server = await serve({ "/": fixture("webpack") });
  try {
    await inBrowser(t, `${server.url}/index.html`, "webpack");
  } finally {
    server.close();
  }
});
