// checkoutpage-client/init before its init() has finished (issue 25 trial
// F16, issue 25c): every export throws a CheckoutPageError of kind
// "environment" saying to `await init()`, not a bare TypeError, in Node and
// in headless Chromium; initSync loads the module as init() does.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";

import { launch } from "./chromium.mjs";
import { scenario } from "./init-scenario.mjs";
import { serve } from "./static-server.mjs";

const PAGE = `<!doctype html><title>init</title><link rel="icon" href="data:,">
<script type="module">
  import * as sdk from "/pkg/init.js";
  import { scenario } from "/tests/js/init-scenario.mjs";
  window.run = () => scenario(sdk);
  window.ready = true;
</script>`;

function check(r) {
  for (const [phase, says] of [
    ["before", /was called before the WebAssembly module of checkoutpage-client\/init was loaded\. Call `await init\(\)` once, before using anything else/],
    ["pending", /init\(\) has not finished yet\. Await the promise it returns \(`await init\(\)`\)/],
  ]) {
    for (const [name, result] of Object.entries(r[phase])) {
      const what = `${phase} ${name}`;
      assert.equal(result.isCheckoutPageError, true, `${what}: ${JSON.stringify(result)}`);
      assert.equal(result.isTypeError, false, what);
      assert.equal(result.name, "CheckoutPageError", what);
      assert.equal(result.kind, "environment", what);
      assert.deepEqual(result.errors, [], what);
      assert.match(result.message, says, what);
      assert.equal(result.cause, "TypeError", what);
    }
  }
  assert.match(r.before.newClient.message, /^new CheckoutPageClient\(\) was called before/);
  assert.match(r.before.createCustomerPatchSchema.message, /^createCustomerPatchSchema\(\) was called before/);
  assert.deepEqual(r.errorClass, { returned: "object" });
  assert.deepEqual(r.after, {
    createCustomerPatchSchema: { returned: "object" },
    createCustomerDraftSchema: { returned: "object" },
    customerPatchJsonSchema: { returned: "object" },
    validateCustomerPatch: { returned: "object" },
    diffCustomer: { returned: "object" },
    newClient: { returned: "object" },
  });
  assert.equal(r.instance, true);
  assert.equal(r.schemaIssue, "email_required");
}

describe("checkoutpage-client/init used before init()", () => {
  test("in Node", async () => {
    check(await scenario(await import("../../pkg/init.js")));
  });

  test("in Node, initSync loads the module as init() does", () => {
    const init = new URL("../../pkg/init.js", import.meta.url).href;
    const bytes = new URL("../../pkg/checkoutpage_bg.wasm", import.meta.url);
    const code = `
      import { readFileSync } from "node:fs";
      const sdk = await import(${JSON.stringify(init)});
      let before;
      try { sdk.validateCustomerPatch({}); } catch (e) { before = [e.name, e.kind]; }
      sdk.initSync({ module: readFileSync(new URL(${JSON.stringify(bytes.href)})) });
      console.log(JSON.stringify({ before, after: sdk.validateCustomerPatch({ name: 5 })[0].code }));`;
    const printed = execFileSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8" });
    assert.deepEqual(JSON.parse(printed), { before: ["CheckoutPageError", "environment"], after: "invalid_type" });
  });

  describe("in headless Chromium", () => {
    let server, browser;
    before(async () => {
      const root = fileURLToPath(new URL("../../", import.meta.url));
      server = await serve({ "/pkg/": `${root}pkg/`, "/tests/js/": `${root}tests/js/` }, { "/": PAGE });
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
      server?.close();
    });
    test("the init entry", async () => {
      const page = await browser.newPage();
      const problems = [];
      page.on("pageerror", (e) => problems.push(String(e)));
      await page.goto(`${server.url}/`);
      await page.waitForFunction(() => window.ready === true);
      check(await page.evaluate(() => window.run()));
      assert.deepEqual(problems, []);
    });
  });
});
