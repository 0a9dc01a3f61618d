// Launches Debian's Chromium headless through playwright-core (no browser is
// ever downloaded), with the flags this machine needs as root; and the
// harness the browser tests share: a static server on 127.0.0.1 and one
// browser per test file, pages that collect their uncaught errors, and
// everything closed whether the test passed or not.
import { after, before } from "node:test";
import { chromium } from "playwright-core";

import { serve } from "./static-server.mjs";

export const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
}

/**
 * A page for a scenario written once and run in Node and in the page: it
 * imports each of `modules` (URLs on the static server) as a namespace and
 * defines `window.run(source)`, which evaluates a function's source and
 * calls it with those namespaces, in order; then sets `window.ready`.
 */
export function scenarioPage(title, modules) {
  const names = modules.map((_, i) => `m${i}`);
  const imports = modules.map((url, i) => `  import * as ${names[i]} from ${JSON.stringify(url)};\n`).join("");
  return `<!doctype html><title>${title}</title>
<script type="module">
${imports}  window.run = async (source) => (0, eval)("(" + source + ")")(${names.join(", ")});
  window.ready = true;
</script>`;
}

/**
 * Registers node:test hooks on the file (or on the `describe` it is called
 * in): before its tests, serves `routes` and `pages` with `headers` on
 * 127.0.0.1 (static-server.mjs) and launches Chromium; after them, closes
 * both. Returns:
 * - `url()`: the static server's origin;
 * - `inPage(path, fn, { ready = true })`: opens a new page collecting its
 *   uncaught errors (`pageerror`), goes to `path` on the server, waits for
 *   `window.ready === true` (unless `ready` is false), and resolves
 *   `{ out, errors }`, `out` what `fn(page, run)` resolved; `run(scenario)`
 *   evaluates `window.run(scenario source)` in the page (`scenarioPage`).
 *   The page is closed in every case;
 * - `run(scenario, path = "/")`: `inPage` running the one scenario.
 * Page errors are returned, not asserted: each test asserts them itself.
 */
export function useChromium({ routes = {}, pages = {}, headers = {} } = {}) {
  let server, browser;
  before(async () => {
    server = await serve(routes, pages, headers);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });
  async function inPage(path, fn, { ready = true } = {}) {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    try {
      await page.goto(`${server.url}${path}`);
      if (ready) await page.waitForFunction(() => window.ready === true);
      const run = (scenario) => page.evaluate((source) => window.run(source), scenario.toString());
      const out = await fn(page, run);
      return { out, errors };
    } finally {
      await page.close();
    }
  }
  return {
    url: () => server.url,
    inPage,
    run: (scenario, path = "/") => inPage(path, (_, run) => run(scenario)),
  };
}
