// Issue 26: the conflict-aware save (`client.saveCustomer`) and the pure
// merge (`mergeCustomer`) from the built pkg/, against the test kit's fake
// API, in Node (ESM and CommonJS) and in headless Chromium. The same
// scenario runs everywhere and returns plain data:
// - the two tabs: disjoint edits of one address are both kept (the
//   old `updateCustomer(diffCustomer(...))` loses the first, shown too);
// - someone else changed the same field between load and save (the kit's
//   `customers.update`): a `conflict` error with `{param, base, theirs,
//   mine}` and the current customer, nothing sent; `onConflict` "mine" and
//   "theirs";
// - an edit landing between the save's GET and PATCH (the kit's
//   `concurrentEdit` fault) is reported in `report.differences`;
// - a bad draft is refused before any request.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { test } from "node:test";

import { scenarioPage, useChromium } from "./chromium.mjs";

const pkg = new URL("../../pkg/", import.meta.url);

/** The scenario every environment runs; returns plain data. */
async function scenario({ CheckoutPageClient, CheckoutPageError, diffCustomer, mergeCustomer }, { createFakeApi, SANDBOX_KEY }) {
  const ADA = "6650a1b2c3d4e5f601234567";
  const api = await createFakeApi();
  const client = new CheckoutPageClient({ apiKey: SANDBOX_KEY, fetch: api.fetch, dangerouslyAllowBrowser: true, requestsPerMinute: 100_000 });
  const out = {};
  const methods = () => api.requests.map((r) => r.method);
  const plain = (value) => JSON.parse(JSON.stringify(value));

  // 1. The example, the old way: the second save puts line2 back.
  {
    const a = await client.getCustomer(ADA), b = await client.getCustomer(ADA);
    await client.updateCustomer(ADA, diffCustomer(a, { ...a, address: { ...a.address, line2: "4th floor" } }));
    await client.updateCustomer(ADA, diffCustomer(b, { ...b, address: { ...b.address, city: "Haarlem" } }));
    out.oldWay = api.customers.get(ADA).address;
    api.reset();
  }
  // 2. The same two tabs with saveCustomer: both edits kept.
  {
    const a = await client.getCustomer(ADA), b = await client.getCustomer(ADA);
    api.clearRequests();
    const first = await client.saveCustomer(a, { ...a, address: { ...a.address, line2: "4th floor" } });
    const second = await client.saveCustomer(b, { ...b, address: { ...b.address, city: "Haarlem" } });
    out.twoTabs = {
      stored: api.customers.get(ADA).address,
      returned: second.customer.address,
      first: plain(first.report),
      second: plain(second.report),
      methods: methods(),
      body: api.requests.at(-1).json,
    };
  }
  // 3. Someone else changed the same field (and another) between load and save.
  {
    const loaded = await client.getCustomer(ADA);
    api.customers.update(ADA, { name: "Ada K.", phone: "+31 20 000 0000" });
    api.clearRequests();
    const draft = { ...loaded, name: "Ada Lovelace-King" };
    const refused = await client.saveCustomer(loaded, draft).catch((e) => e);
    out.conflict = {
      isError: refused instanceof CheckoutPageError,
      kind: refused.kind,
      conflicts: plain(refused.conflicts),
      current: refused.current?.name,
      errors: refused.errors.map((e) => e.param),
      json: plain(refused).conflicts?.length,
      methods: methods(),
      stored: api.customers.get(ADA).name,
    };
    const mine = await client.saveCustomer(loaded, draft, { onConflict: "mine" });
    out.mineWins = { name: mine.customer.name, phone: mine.customer.phone, report: plain(mine.report) };
    api.customers.update(ADA, { name: "Ada K." });
    const theirs = await client.saveCustomer(mine.customer, { ...mine.customer, name: "Countess" }, { onConflict: "theirs" });
    out.theirsWin = { name: theirs.customer.name, sent: theirs.report.sent, conflicts: theirs.report.conflicts.length };
    // The pure merge, as the dashboard uses it to offer a choice per field.
    const merged = mergeCustomer(loaded, refused.current, draft, { onConflict: "theirs" });
    out.merge = { draftName: merged.draft.name, draftPhone: merged.draft.phone, conflicts: merged.conflicts.map((c) => c.param), patch: merged.patch };
    const badOption = await client.saveCustomer(loaded, draft, { onConflict: "ours" }).catch((e) => e);
    out.badOption = { kind: badOption.kind, param: badOption.errors?.[0]?.param };
  }
  // 4. Someone else's save lands between the save's GET and its PATCH.
  {
    const loaded = await client.getCustomer(ADA);
    api.clearRequests();
    api.fail(ADA, { kind: "delay", ms: 0 }, { kind: "concurrentEdit", patch: { phone: "+44 20 7946 0000" } });
    const saved = await client.saveCustomer(loaded, { ...loaded, companyName: "Difference Engines Ltd" });
    out.window = { differences: saved.report.differences, phone: saved.customer.phone, company: saved.customer.companyName, methods: methods() };
  }
  // 5. Nothing to send, and a bad draft refused before any request.
  {
    const loaded = await client.getCustomer(ADA);
    api.clearRequests();
    const same = await client.saveCustomer(loaded, { ...loaded });
    out.nothing = { sent: same.report.sent, methods: methods() };
    api.clearRequests();
    const bad = await client.saveCustomer(loaded, { ...loaded, name: "Ada\u0007" }).catch((e) => e);
    out.bad = { kind: bad.kind, param: bad.errors?.[0]?.param, requests: api.requests.length };
    // An emptied email is refused as diffCustomer refuses it (the API cannot
    // clear it: the save would silently keep the old one), in the locale asked.
    api.clearRequests();
    const emptied = await client.saveCustomer(loaded, { ...loaded, email: "  " }).catch((e) => e);
    const german = await client.saveCustomer(loaded, { ...loaded, email: "" }, { locale: "de" }).catch((e) => e);
    let merged = null;
    try {
      mergeCustomer(loaded, loaded, { ...loaded, email: null });
    } catch (e) {
      merged = e.errors?.[0]?.code;
    }
    out.emailEmptied = {
      kind: emptied.kind,
      param: emptied.errors?.[0]?.param,
      code: emptied.errors?.[0]?.code,
      german: german.errors?.[0]?.message,
      merge: merged,
      requests: api.requests.length,
    };
  }
  return out;
}

function check(out) {
  // The old way lost line2 (back to the seed's "3rd floor"): the bug.
  assert.equal(out.oldWay.line2, "3rd floor");
  assert.equal(out.oldWay.city, "Haarlem");
  // saveCustomer keeps both.
  assert.equal(out.twoTabs.stored.line2, "4th floor");
  assert.equal(out.twoTabs.stored.city, "Haarlem");
  assert.deepEqual(out.twoTabs.returned, out.twoTabs.stored);
  assert.equal(out.twoTabs.first.concurrent, false);
  assert.deepEqual(out.twoTabs.first.mine, ["address.line2"]);
  assert.equal(out.twoTabs.second.concurrent, true);
  assert.deepEqual(out.twoTabs.second.mine, ["address.city"]);
  assert.deepEqual(out.twoTabs.second.theirs, ["address.line2"]);
  assert.deepEqual(out.twoTabs.second.conflicts, []);
  assert.deepEqual(out.twoTabs.second.differences, []);
  assert.deepEqual(out.twoTabs.methods, ["GET", "PATCH", "GET", "PATCH"]);
  // The complete address, as the API requires, and nothing else.
  assert.deepEqual(Object.keys(out.twoTabs.body), ["address"]);
  assert.deepEqual(out.twoTabs.second.sent, out.twoTabs.body);
  // A conflict: nothing sent, everything needed to choose.
  assert.equal(out.conflict.isError, true);
  assert.equal(out.conflict.kind, "conflict");
  assert.deepEqual(out.conflict.conflicts, [{ param: "name", base: "Ada Lovelace", theirs: "Ada K.", mine: "Ada Lovelace-King" }]);
  assert.equal(out.conflict.current, "Ada K.");
  assert.deepEqual(out.conflict.errors, ["name"]);
  assert.equal(out.conflict.json, 1, "toJSON keeps the conflicts");
  assert.deepEqual(out.conflict.methods, ["GET"]);
  assert.equal(out.conflict.stored, "Ada K.");
  // Mine wins; their phone is kept.
  assert.equal(out.mineWins.name, "Ada Lovelace-King");
  assert.equal(out.mineWins.phone, "+31 20 000 0000");
  assert.deepEqual(out.mineWins.report.theirs, ["phone"]);
  assert.deepEqual(out.mineWins.report.conflicts.map((c) => c.param), ["name"]);
  assert.deepEqual(out.mineWins.report.sent, { name: "Ada Lovelace-King" });
  // Theirs win: nothing left to send.
  assert.equal(out.theirsWin.name, "Ada K.");
  assert.equal(out.theirsWin.sent, null);
  assert.equal(out.theirsWin.conflicts, 1);
  assert.deepEqual(out.merge, { draftName: "Ada K.", draftPhone: "+31 20 000 0000", conflicts: ["name"], patch: {} });
  assert.deepEqual(out.badOption, { kind: "validation", param: "onConflict" });
  // The window: their phone is kept by the server and reported.
  assert.deepEqual(out.window.differences, ["phone"]);
  assert.equal(out.window.phone, "+44 20 7946 0000");
  assert.equal(out.window.company, "Difference Engines Ltd");
  assert.deepEqual(out.window.methods, ["GET", "PATCH"]);
  assert.deepEqual(out.nothing, { sent: null, methods: ["GET"] });
  assert.deepEqual(out.bad, { kind: "validation", param: "name", requests: 0 });
  assert.deepEqual(out.emailEmptied, {
    kind: "validation",
    param: "email",
    code: "email_required",
    german: "Eine E-Mail-Adresse ist erforderlich: sie kann nicht gelöscht werden",
    merge: "email_required",
    requests: 0,
  });
}

test("Node ESM: saveCustomer merges, refuses conflicts, reports the window", async () => {
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
  pages: { "/": scenarioPage("save", ["/pkg/index.js", "/pkg/testing/index.js"]) },
});

test("headless Chromium: the same scenario in a page", async () => {
  const { out, errors } = await chromium.run(scenario);
  assert.deepEqual(errors, []);
  check(out);
});
