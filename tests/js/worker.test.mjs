// Issue 22, point 6: the README's module Worker, run as written in headless
// Chromium. Its order (the handler set first, the package imported inside it)
// answers a message posted the moment the worker starts. Since issue 28 the
// main entry has no top-level await, so the other order (a static import,
// then the handler) answers it too (it used to lose it).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";

import { useChromium } from "./chromium.mjs";

const PKG = new URL("../../pkg/", import.meta.url);
const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const ID = "65f0c0ffee0000000000abcd";

/** The README's worker snippet (an indented ```js block that starts "// worker.js"). */
function readmeWorker() {
  const block = /^( *)```js\n((?:\1.*\n)*?)\1```$/gm;
  for (const [, indent, body] of README.matchAll(block)) {
    const code = body.split("\n").map((line) => line.slice(indent.length)).join("\n");
    if (code.startsWith("// worker.js")) return code.replaceAll('"checkoutpage-client"', '"/pkg/index.js"');
  }
  throw new Error("README.md has no ```js block starting with // worker.js");
}

const STATIC_FIRST = `import { CheckoutPageClient } from "/pkg/index.js";
self.onmessage = async ({ data }) => {
  const client = new CheckoutPageClient({ baseUrl: data.baseUrl });
  self.postMessage(await client.getCustomer(data.customerId));
};`;

let api;
before(async () => {
  const server = createServer((req, res) => {
    const cors = { "access-control-allow-origin": "*", "access-control-allow-headers": "accept, content-type" };
    if (req.method === "OPTIONS") return res.writeHead(204, cors).end();
    const id = req.url.split("/").pop();
    res.writeHead(200, { ...cors, "content-type": "application/json" });
    res.end(JSON.stringify({ data: { id, email: "worker@example.com", name: "From the worker" } }));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  api = { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
});
after(() => api?.close());
const chromium = useChromium({
  routes: { "/pkg/": fileURLToPath(PKG) },
  pages: {
    "/": "<!doctype html><title>worker</title>",
    "/readme-worker.js": readmeWorker(),
    "/static-first.js": STATIC_FIRST,
  },
});

/** Starts `script` as a module Worker, posts at once, and waits up to `ms` for a reply. */
async function firstReply(script, ms) {
  const { out: reply, errors } = await chromium.inPage(
    "/",
    (page) =>
      page.evaluate(
        ([script, baseUrl, customerId, ms]) =>
          new Promise((resolve) => {
            const worker = new Worker(script, { type: "module" });
            worker.onmessage = ({ data }) => resolve(data);
            worker.onerror = (e) => resolve({ error: String(e.message) });
            worker.postMessage({ baseUrl, customerId });
            setTimeout(() => resolve(null), ms);
          }),
        [script, api.url, ID, ms],
      ),
    { ready: false },
  );
  assert.deepEqual(errors, []);
  return reply;
}

test("Chromium: the README's module Worker answers a message posted as it starts", async () => {
  assert.deepEqual(await firstReply("/readme-worker.js", 15_000), { id: ID, email: "worker@example.com", name: "From the worker" });
});

test("Chromium: a Worker that imports the package before setting onmessage answers that message too", async () => {
  assert.deepEqual(await firstReply("/static-first.js", 15_000), { id: ID, email: "worker@example.com", name: "From the worker" });
});
