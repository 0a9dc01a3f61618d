// Issue 28, point 1: a module Worker, SharedWorker and Service Worker that
// import the main entry statically (handlers set after the import, no
// handshake) each answer the first message the page posts, in headless
// Chromium and in Firefox ESR (fixtures/browser/workers.html). Before the
// main entry stopped using top-level await, the Worker and the SharedWorker
// never answered and the Service Worker could not be started.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { runIn } from "../js/webdriver.mjs";
import { fixture, serve, useBrowser } from "./harness.mjs";

const getBrowser = useBrowser();
const ANSWER = { client: "function", params: ["email"] };
const EXPECTED = { worker: ANSWER, sharedWorker: ANSWER, serviceWorker: ANSWER };

let server;
before(async () => {
  server = await serve({ "/": fixture("browser") });
});
after(() => server?.close());

test("Chromium: module Worker, SharedWorker and Service Worker importing the main entry answer at once", { timeout: 60_000 }, async () => {
  const page = await getBrowser().newPage();
  try {
    await page.goto(`${server.url}/workers.html`);
    await page.waitForFunction(() => document.title !== "pending", null, { timeout: 30_000 });
    assert.deepEqual(JSON.parse(await page.title()), EXPECTED);
  } finally {
    await page.close();
  }
});

test("Firefox: module Worker, SharedWorker and Service Worker importing the main entry answer at once", { timeout: 120_000 }, async () => {
  const { agent, result } = await runIn("Firefox", `${server.url}/workers.html`);
  assert.match(agent, /Firefox\//);
  assert.deepEqual(result, EXPECTED);
});
