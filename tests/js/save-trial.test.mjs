// The new-user trial of issue 26 (saveCustomer, mergeCustomer), from the
// built pkg/ against the test kit's fake API, in Node (ESM and CommonJS)
// and in headless Chromium. One scenario runs everywhere and returns plain
// data; each part failed on the package before the fix:
// - F2: a draft whose `id` is another customer's was saved onto the loaded
//   customer; now one `validation` problem at `id` (at `current` for
//   mergeCustomer's current customer), nothing sent;
// - F3: an unknown or mistyped draft field (`companyname`, `address.zip`,
//   `shipping.adress`) or a wrong type is a `validation` problem for
//   saveCustomer and mergeCustomer alike (issue 25's rule), never dropped;
// - F4: a partial `address` or `shipping.address` in a draft keeps the
//   lines it leaves out (it cleared them), in saveCustomer, mergeCustomer
//   and diffCustomer alike; `null` still empties a line;
// - two saves of one customer through one client at once take turns: the
//   second's GET follows the first's PATCH, both edits are kept, the same
//   line edited twice is a conflict; a save aborted while it waits sends
//   nothing; another customer's save is not held up;
// - report.differences names what someone else changed between the GET and
//   the PATCH, nested shipping.address lines and cleared fields included;
// - a 2xx reply the save cannot use (not a customer, another customer) ends
//   it with invalid_response, the API key redacted as in getCustomer.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { test } from "node:test";

import { scenarioPage, useChromium } from "./chromium.mjs";

const pkg = new URL("../../pkg/", import.meta.url);

/** The scenario every environment runs; returns plain data. */
async function scenario({ CheckoutPageClient, diffCustomer, mergeCustomer }, { createFakeApi, SANDBOX_KEY }) {
  const ADA = "6650a1b2c3d4e5f601234567";
  const LINUS = "6650a1b2c3d4e5f601234569";
  const api = await createFakeApi();
  const client = new CheckoutPageClient({ apiKey: SANDBOX_KEY, fetch: api.fetch, dangerouslyAllowBrowser: true, requestsPerMinute: 100_000 });
  const out = {};
  const plain = (value) => JSON.parse(JSON.stringify(value));
  const problems = (error) => (error?.errors ?? []).map((e) => [e.param, e.code]);
  // Each part runs on its own: one that throws is recorded, not the end.
  const part = async (name, body) => {
    try {
      await body();
    } catch (e) {
      out[name] = { threw: String(e) };
      api.reset();
    }
  };
  const thrown = (f) => {
    try {
      f();
      return null;
    } catch (e) {
      return e;
    }
  };

  // F2: a draft of another customer.
  await part("otherCustomer", async () => {
    const ada = await client.getCustomer(ADA), linus = await client.getCustomer(LINUS);
    api.clearRequests();
    const saved = await client.saveCustomer(ada, { ...linus, name: "Who?" }).then(() => null, (e) => e);
    out.otherCustomer = {
      kind: saved?.kind,
      problems: problems(saved),
      value: saved?.errors?.[0]?.value,
      requests: api.requests.length,
      stored: api.customers.get(ADA).name,
      mergeDraft: problems(thrown(() => mergeCustomer(ada, ada, { ...linus }))),
      mergeCurrent: problems(thrown(() => mergeCustomer(ada, linus, { ...ada, name: "Ada K." }))),
      withoutId: mergeCustomer(ada, ada, { name: "Ada K." }).patch,
    };
  });
  // F3: keys a patch cannot carry, and wrong types.
  await part("unknownFields", async () => {
    const ada = await client.getCustomer(ADA);
    api.clearRequests();
    const refused = async (draft) => problems(await client.saveCustomer(ada, draft).then(() => null, (e) => e));
    out.unknownFields = {
      top: await refused({ ...ada, companyname: "Acme" }),
      hint: /`companyName`/.test((await client.saveCustomer(ada, { ...ada, companyname: "Acme" }).catch((e) => e)).errors?.[0]?.message),
      address: await refused({ ...ada, address: { ...ada.address, zip: "1015 CJ" } }),
      shipping: await refused({ ...ada, shipping: { ...ada.shipping, adress: { city: "Utrecht" } } }),
      type: await refused({ ...ada, phone: 31201234567 }),
      merge: problems(thrown(() => mergeCustomer(ada, ada, { ...ada, companyname: "Acme" }))),
      mergeNested: problems(thrown(() => mergeCustomer(ada, ada, { address: { zip: "1015 CJ" } }))),
      requests: api.requests.length,
    };
  });
  // F4: a partial address (and shipping.address) keeps the other lines, with a
  // colleague's edit of another line in between.
  await part("partial", async () => {
    const ada = await client.getCustomer(ADA);
    api.customers.update(ADA, { address: { ...ada.address, line2: "4th floor" } });
    const { customer, report } = await client.saveCustomer(ada, {
      address: { city: "Haarlem" },
      shipping: { address: { city: "Utrecht" } },
    });
    out.partial = {
      address: customer.address,
      shipping: customer.shipping,
      mine: report.mine,
      theirs: report.theirs,
      diff: diffCustomer(ada, { address: { city: "Haarlem" } }),
      merge: mergeCustomer(ada, ada, { address: { line2: null } }).patch,
      cleared: diffCustomer(ada, { address: null }),
    };
    api.reset();
  });
  // Two saves of one customer at once through one client (a double click,
  // two tabs of one app), another customer's alongside, and one aborted
  // while it waits for its turn.
  await part("together", async () => {
    const ada = await client.getCustomer(ADA), linus = await client.getCustomer(LINUS);
    api.clearRequests();
    const controller = new AbortController();
    const saves = [
      client.saveCustomer(ada, { ...ada, address: { ...ada.address, line2: "4th floor" } }),
      client.saveCustomer(ada, { ...ada, address: { ...ada.address, city: "Haarlem" } }),
      client.saveCustomer(ada, { ...ada, phone: "+31 6 1234 5678" }, { signal: controller.signal }),
      client.saveCustomer(ada, { ...ada, address: { ...ada.address, line2: "5th floor" } }),
      client.saveCustomer(linus, { ...linus, name: "Linus C. Pauling" }),
    ];
    controller.abort();
    const [first, second, aborted, third, elsewhere] = await Promise.allSettled(saves);
    out.together = {
      order: api.requests.map((r) => `${r.method} ${r.customerId === ADA ? "ada" : "linus"}`),
      stored: api.customers.get(ADA).address,
      first: first.value?.report.concurrent,
      second: second.status === "fulfilled" ? plain(second.value.report) : String(second.reason),
      aborted: aborted.reason?.kind,
      third: third.reason?.kind,
      thirdConflicts: third.reason?.conflicts?.map((c) => c.param),
      phone: api.customers.get(ADA).phone,
      elsewhere: elsewhere.value?.customer.name,
    };
    api.reset();
  });
  // The report's differences: someone else's edits between the GET and the
  // PATCH, a nested shipping.address line and a cleared field among them.
  await part("differences", async () => {
    const ada = await client.getCustomer(ADA);
    api.clearRequests();
    const shipping = { ...ada.shipping, address: { ...ada.shipping.address, city: "Utrecht" } };
    api.fail(ADA, { kind: "delay", ms: 0 }, { kind: "concurrentEdit", patch: { shipping, phone: null, email: "Ada@Example.COM" } });
    const { report } = await client.saveCustomer(ada, { ...ada, companyName: "Difference Engines Ltd" });
    out.differences = report.differences;
    api.reset();
  });
  // Noticed on the way: a 2xx reply the save cannot use (not a customer, the
  // key echoed; another customer) ends it with invalid_response, redacted.
  await part("replies", async () => {
    const ada = await client.getCustomer(ADA);
    const raw = (data) => ({ kind: "raw", status: 200, contentType: "application/json", body: JSON.stringify({ data }) });
    const outcome = async (...faults) => {
      api.clearRequests();
      api.fail(ADA, ...faults);
      const error = await client.saveCustomer(ada, { ...ada, name: "Ada K." }).then(() => null, (e) => e);
      const shown = JSON.stringify({ message: error?.message, body: error?.body, errors: error?.errors });
      return [error?.kind, shown.includes(SANDBOX_KEY), api.requests.map((r) => r.method).join(" ")];
    };
    out.replies = [
      await outcome(raw({ id: "x", name: 5, note: `Bearer ${SANDBOX_KEY}` })),
      await outcome(raw({ id: LINUS, email: "linus@example.org" })),
      await outcome({ kind: "delay", ms: 0 }, raw({ id: SANDBOX_KEY, email: "linus@example.org" })),
    ];
    api.reset();
  });
  return out;
}

function check(out) {
  assert.deepEqual(out.otherCustomer, {
    kind: "validation",
    problems: [["id", "invalid_input"]],
    value: "6650a1b2c3d4e5f601234569",
    requests: 0,
    stored: "Ada Lovelace",
    mergeDraft: [["id", "invalid_input"]],
    mergeCurrent: [["current", "invalid_input"]],
    withoutId: { name: "Ada K." },
  });
  assert.deepEqual(out.unknownFields, {
    top: [["companyname", "unknown_field"]],
    hint: true,
    address: [["address.zip", "unknown_field"]],
    shipping: [["shipping.adress", "unknown_field"]],
    type: [["phone", "invalid_type"]],
    merge: [["companyname", "unknown_field"]],
    mergeNested: [["address.zip", "unknown_field"]],
    requests: 0,
  });
  const address = { line1: "Keizersgracht 123", line2: "3rd floor", city: "Amsterdam", state: "Noord-Holland", postalCode: "1015 CJ", country: "NL" };
  assert.deepEqual(out.partial, {
    address: { ...address, line2: "4th floor", city: "Haarlem" },
    shipping: {
      name: "Ada Lovelace",
      phone: "+31 20 123 4567",
      address: { line1: "Prinsengracht 263", city: "Utrecht", postalCode: "1016 GV", country: "NL" },
    },
    mine: ["address.city", "shipping.address.city"],
    theirs: ["address.line2"],
    diff: { address: { ...address, city: "Haarlem" } },
    merge: { address: { line1: "Keizersgracht 123", city: "Amsterdam", state: "Noord-Holland", postalCode: "1015 CJ", country: "NL" } },
    cleared: { address: null },
  });
  assert.deepEqual(out.together.order, ["GET ada", "GET linus", "PATCH ada", "PATCH linus", "GET ada", "PATCH ada", "GET ada"]);
  assert.deepEqual(out.together.stored, { ...address, line2: "4th floor", city: "Haarlem" });
  assert.equal(out.together.first, false);
  assert.equal(typeof out.together.second, "object", out.together.second);
  assert.equal(out.together.second.concurrent, true, "the second save saw the first's result");
  assert.deepEqual(out.together.second.theirs, ["address.line2"]);
  assert.deepEqual(out.together.second.mine, ["address.city"]);
  assert.equal(out.together.aborted, "aborted");
  assert.equal(out.together.third, "conflict");
  assert.deepEqual(out.together.thirdConflicts, ["address.line2"]);
  assert.equal(out.together.phone, "+31 20 123 4567", "the aborted save sent nothing");
  assert.equal(out.together.elsewhere, "Linus C. Pauling");
  assert.deepEqual(out.differences, ["email", "phone", "shipping.address.city"]);
  assert.deepEqual(out.replies, [
    ["invalid_response", false, "GET"],
    ["invalid_response", false, "GET"],
    ["invalid_response", false, "GET PATCH"],
  ]);
}

test("Node ESM: the trial's findings, each closed", async () => {
  const main = await import(new URL("node.js", pkg));
  const kit = await import(new URL("testing/index.js", pkg));
  check(await scenario(main, kit));
});

test("Node CommonJS: the same", async () => {
  const require = createRequire(import.meta.url);
  const main = require(fileURLToPath(new URL("node/checkoutpage.cjs", pkg)));
  const kit = require(fileURLToPath(new URL("testing/index.cjs", pkg)));
  check(await scenario(main, kit));
});

const chromium = useChromium({
  routes: { "/pkg/": fileURLToPath(pkg) },
  pages: { "/": scenarioPage("save trial", ["/pkg/index.js", "/pkg/testing/index.js"]) },
});

test("headless Chromium: the same scenario in a page", async () => {
  const { out, errors } = await chromium.run(scenario);
  assert.deepEqual(errors, []);
  check(out);
});
