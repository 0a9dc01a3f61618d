// Issue 24: `client.listCustomers(params?, options?)` from the built pkg/, in
// Node (ESM and CommonJS) and in headless Chromium, against the test kit's
// in-process imitation: the API's names on the wire, bad parameters refused
// before sending, pages (data, total, hasMore, next and previous), the
// vendor SDK's `customers.list` cases ported, `for await` over every customer
// across pages (stopping on break, honouring the signal, paced by the
// client's pacer), customers parsed as getCustomer parses one, the kit's
// `customers.add(count)`, and updateCustomers over an async iterable.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { test } from "node:test";

import { scenarioPage, useChromium } from "./chromium.mjs";

const pkg = new URL("../../pkg/", import.meta.url);

/** The scenario every environment runs; returns plain data. */
async function scenario({ CheckoutPageClient, CheckoutPageError }, { createFakeApi, SANDBOX_KEY }) {
  const api = await createFakeApi({ customers: [] });
  // Fast pacing: this scenario sends about 40 requests (pacing has its own test).
  const client = new CheckoutPageClient({ apiKey: SANDBOX_KEY, fetch: api.fetch, dangerouslyAllowBrowser: true, requestsPerMinute: 60_000 });
  const out = {};
  // A large store in one call: 45 customers, every third an "Ada".
  const added = api.customers.add(45, (i) => (i % 3 === 0 ? { name: `Ada ${i}`, email: `ada${i}@Example.com` } : {}));
  const newestFirst = added.map((c) => c.id).reverse();
  out.added = { count: added.length, newestFirst: newestFirst.length };

  // 1. The first page: the API's names on the wire, newest first.
  api.clearRequests();
  const first = await client.listCustomers({ limit: 10, search: "ADA" });
  out.first = {
    ids: first.data.map((c) => c.id),
    total: first.total,
    hasMore: first.hasMore,
    next: first.hasNextPage(),
    previous: first.hasPreviousPage(),
    url: api.requests[0].url,
    method: api.requests[0].method,
  };
  out.adaIds = newestFirst.filter((id) => api.customers.get(id).name.startsWith("Ada"));
  // 2. Next and previous pages.
  const second = await first.getNextPage();
  const back = await second.getPreviousPage();
  out.paging = {
    second: second.data.map((c) => c.id),
    secondHasPrevious: second.hasPreviousPage(),
    back: back.data.map((c) => c.id),
    nextUrl: api.requests[1].url,
    backUrl: api.requests[2].url,
  };
  const noPrevious = await first.getPreviousPage().catch((e) => e);
  out.noPrevious = { isError: noPrevious instanceof CheckoutPageError, kind: noPrevious.kind };

  // 3. Bad parameters refused before sending.
  api.clearRequests();
  const refusals = {};
  for (const [name, params] of Object.entries({
    zero: { limit: 0 },
    tooMany: { limit: 101 },
    fraction: { limit: 2.5 },
    cursor: { startingAfter: "abc" },
    both: { startingAfter: newestFirst[0], endingBefore: newestFirst[1] },
    unknown: { starting_after: newestFirst[0] },
    // Half an emoji: JSON would send U+FFFD, a search the caller never typed.
    surrogate: { search: "Ada \uD83D" },
  })) {
    const error = await client.listCustomers(params).catch((e) => e);
    const problem = error.errors?.[0] ?? {};
    refusals[name] = { isError: error instanceof CheckoutPageError, kind: error.kind, param: problem.param, code: problem.code, severity: problem.severity, hasValue: "value" in problem };
  }
  // Iterating a refused call throws the same error.
  let iterated = null;
  try {
    for await (const _ of client.listCustomers({ limit: 0 })) iterated = "yielded";
  } catch (e) {
    iterated = e.kind;
  }
  out.refusals = { ...refusals, iterated, sent: api.requests.length };
  // Issue 25's locale, as for the other calls: the client's, or the call's;
  // the problem keeps its code, param and value in every language.
  const shape = (e) => {
    const p = e.errors?.[0] ?? {};
    return { kind: e.kind, keys: Object.keys(p).sort().join(","), param: p.param, code: p.code, message: p.message, value: p.value };
  };
  const german = new CheckoutPageClient({ apiKey: SANDBOX_KEY, fetch: api.fetch, dangerouslyAllowBrowser: true, locale: "de-AT" });
  const firstFrench = await client.listCustomers({ limit: 40 }, { locale: "fr" });
  out.locale = {
    client: shape(await german.listCustomers({ limit: 0 }).catch((e) => e)),
    call: shape(await german.listCustomers({ startingAfter: "abc" }, { locale: "nl" }).catch((e) => e)),
    iterated: await (async () => {
      try {
        for await (const _ of client.listCustomers({ limit: 101 }, { locale: "es" }));
      } catch (e) {
        return shape(e);
      }
    })(),
    noSuchPage: shape(await firstFrench.getPreviousPage().catch((e) => e)),
    badLocale: shape(await client.listCustomers({}, { locale: 5 }).catch((e) => e)),
    sent: api.requests.length,
  };

  // 4. `for await` over every customer across pages, page by page.
  api.clearRequests();
  const all = [];
  for await (const customer of client.listCustomers({ limit: 7 })) all.push(customer.id);
  out.iteration = { sameOrder: JSON.stringify(all) === JSON.stringify(newestFirst), pages: api.requests.length };
  // Breaking out stops fetching.
  api.clearRequests();
  let seen = 0;
  for await (const _ of client.listCustomers({ limit: 5 })) {
    if (++seen === 6) break;
  }
  out.breaking = { seen, pages: api.requests.length };
  // The signal: aborting mid-iteration ends it with kind "aborted" and the reason as cause.
  const controller = new AbortController();
  let count = 0;
  const aborted = await (async () => {
    for await (const _ of client.listCustomers({ limit: 5 }, { signal: controller.signal })) {
      if (++count === 5) controller.abort("user left");
    }
  })().catch((e) => e);
  out.signal = { count, isError: aborted instanceof CheckoutPageError, kind: aborted.kind, cause: aborted.cause };
  // A page's own iteration continues from that page.
  const fromSecond = [];
  for await (const customer of second) fromSecond.push(customer.id);
  out.fromSecond = fromSecond.length;

  // 5. Pages are retried like any call: a 503 then the page.
  api.fail("*", { kind: "serverError", status: 503 });
  const retried = await client.listCustomers({ limit: 1 });
  out.retried = retried.data.length;
  // The API's own 400 for an unknown cursor, in the error shape.
  const unknown = await client.listCustomers({ startingAfter: "0123456789abcdef01234567" }).catch((e) => e);
  out.serverRefusal = { kind: unknown.kind, status: unknown.status, param: unknown.errors?.[0]?.param };

  // 6. Customers parsed as getCustomer parses one: unknown fields kept.
  api.customers.add({ email: "extra@example.com", loyalty: { tier: 2 } });
  const newest = (await client.listCustomers({ limit: 1 })).data[0];
  out.extra = newest.loyalty;

  // 7. updateCustomers over an async iterable: every Ada a search finds.
  const progress = [];
  async function* adas() {
    for await (const customer of client.listCustomers({ search: "ada", limit: 4 })) {
      yield { customerId: customer.id, patch: { companyName: "Analytical Engines" } };
    }
  }
  const results = await client.updateCustomers(adas(), { onProgress: (p) => progress.push({ ...p }) });
  out.bulk = {
    results: results.length,
    ok: results.every((r) => r.ok),
    stored: out.adaIds.every((id) => api.customers.get(id).companyName === "Analytical Engines"),
    lastProgress: progress.at(-1),
    // The total is unknown until the iterable has ended.
    totals: [...new Set(progress.slice(0, -1).map((p) => p.total))],
    progressCount: progress.length,
  };
  // A plain (sync) iterable works too.
  const fromSet = await client.updateCustomers(new Set([{ customerId: newestFirst[0], patch: { name: "From a Set" } }]));
  out.fromSet = fromSet.map((r) => r.ok);
  // An iterable that throws: the call rejects ("aborted", the thrown value as cause) after the items pulled.
  async function* breaks() {
    yield { customerId: newestFirst[0], patch: { name: "Before the throw" } };
    throw new RangeError("source broke");
  }
  const broke = await client.updateCustomers(breaks()).catch((e) => e);
  out.broke = { isError: broke instanceof CheckoutPageError, kind: broke.kind, cause: broke.cause?.message, stored: api.customers.get(newestFirst[0]).name };
  return out;
}

/**
 * The vendor SDK's `customers.list` unit tests (checkout-page/checkoutpage-api-sdk,
 * js/src/resources/customers/customers.test.ts, describe('list')), ported: a
 * `fetch` answers their mocked bodies and records what the client sent.
 */
async function vendorCases({ CheckoutPageClient }) {
  const customer = (n, extra = {}) => ({
    id: `6812fe6e9f39b6760576f01${n}`,
    email: `customer${n}@example.com`,
    name: `Customer ${n}`,
    sellerId: "seller123",
    createdAt: "2024-01-01T00:00:00.000Z",
    updatedAt: "2024-01-01T00:00:00.000Z",
    ...extra,
  });
  const out = {};
  const run = async (name, params, body) => {
    const sent = [];
    const fetch = async (url, init) => {
      sent.push({ url, method: init.method });
      return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
    };
    const client = new CheckoutPageClient({ apiKey: "sk_test_x", fetch, dangerouslyAllowBrowser: true });
    const page = await client.listCustomers(params);
    const url = new URL(sent[0].url);
    out[name] = {
      method: sent[0].method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      data: page.data,
      total: page.total,
      hasMore: page.hasMore,
    };
  };
  await run("defaults", {}, { data: [customer("c"), customer("d")], total: 2, has_more: false });
  await run("startingAfter", { limit: 10, startingAfter: "507f1f77bcf86cd799439011" }, { data: [customer("c")], total: 100, has_more: true });
  await run("endingBefore", { limit: 10, endingBefore: "507f1f77bcf86cd799439012" }, { data: [customer("c")], total: 100, has_more: false });
  await run("search", { search: "search@example.com", limit: 10 }, { data: [customer("a", { email: "search@example.com" })], total: 1, has_more: false });
  await run("empty", {}, { data: [], total: 0, has_more: false });
  const full = customer("e", {
    companyName: "Test Company",
    address: { line1: "123 Main St", line2: "Suite 100", city: "San Francisco", postalCode: "94105", country: "US" },
    shipping: { name: "Ship To", address: { line1: "456 Oak", city: "Los Angeles", postalCode: "90001", country: "US" } },
  });
  await run("allFields", { limit: 1 }, { data: [full], total: 1, has_more: false });
  return out;
}

function checkVendorCases(out) {
  for (const name of Object.keys(out)) {
    assert.equal(out[name].method, "GET", name);
    assert.equal(out[name].path, "/v1/customers/", name);
  }
  assert.deepEqual(out.defaults.query, {});
  assert.equal(out.defaults.data.length, 2);
  assert.deepEqual(out.startingAfter.query, { limit: "10", starting_after: "507f1f77bcf86cd799439011" });
  assert.deepEqual([out.startingAfter.hasMore, out.startingAfter.total], [true, 100]);
  assert.deepEqual(out.endingBefore.query, { limit: "10", ending_before: "507f1f77bcf86cd799439012" });
  assert.deepEqual([out.endingBefore.hasMore, out.endingBefore.total], [false, 100]);
  assert.deepEqual(out.search.query, { search: "search@example.com", limit: "10" });
  assert.equal(out.search.data[0].email, "search@example.com");
  assert.deepEqual([out.empty.data.length, out.empty.hasMore], [0, false]);
  assert.equal(out.allFields.data[0].companyName, "Test Company");
  assert.equal(out.allFields.data[0].address.line2, "Suite 100");
  assert.equal(out.allFields.data[0].shipping.address.city, "Los Angeles");
}

test("Node: the vendor SDK's customers.list tests, ported", async () => {
  checkVendorCases(await vendorCases(await import(new URL("node.js", pkg))));
});

function check(out) {
  assert.deepEqual(out.added, { count: 45, newestFirst: 45 });
  assert.equal(out.adaIds.length, 15);
  assert.deepEqual(out.first.ids, out.adaIds.slice(0, 10), "newest first, case-insensitive search");
  assert.equal(out.first.total, 15);
  assert.equal(out.first.hasMore, true);
  assert.equal(out.first.next, true);
  assert.equal(out.first.previous, false);
  assert.equal(out.first.method, "GET");
  assert.match(out.first.url, /\/v1\/customers\/\?search=ADA&limit=10$/);
  assert.deepEqual(out.paging.second, out.adaIds.slice(10));
  assert.equal(out.paging.secondHasPrevious, true);
  assert.deepEqual(out.paging.back, out.adaIds.slice(0, 10), "backwards: the same page");
  assert.match(out.paging.nextUrl, new RegExp(`starting_after=${out.adaIds[9]}$`));
  assert.match(out.paging.backUrl, new RegExp(`ending_before=${out.adaIds[10]}$`));
  assert.deepEqual(out.noPrevious, { isError: true, kind: "validation" });
  for (const [name, param] of Object.entries({ zero: "limit", tooMany: "limit", fraction: "limit", cursor: "startingAfter", both: "endingBefore", unknown: "starting_after", surrogate: "search" })) {
    const refusal = out.refusals[name];
    assert.equal(refusal.isError, true, name);
    assert.equal(refusal.kind, "validation", name);
    assert.equal(refusal.param, param, name);
    assert.equal(typeof refusal.code, "string", name);
    assert.equal(refusal.severity, "error", name);
    assert.equal(refusal.hasValue, true, name);
  }
  assert.equal(out.refusals.surrogate.code, "invalid_unicode");
  assert.equal(out.refusals.iterated, "validation");
  const problem = (param, code, message, value) => ({ kind: "validation", keys: "code,message,param,severity,value", param, code, message, value });
  // With the range, the id's length, the check to make (issue 25c).
  assert.deepEqual(out.locale.client, problem("limit", "invalid_input", "Erwartet wird eine ganze Zahl von 1 bis 100 (Kunden pro Seite)", 0));
  assert.deepEqual(out.locale.call, problem("startingAfter", "invalid_customer_id", "Een cursor is een klant-id: 24 hexadecimale tekens", "abc"));
  assert.deepEqual(out.locale.iterated, problem("limit", "invalid_input", "Se esperaba un entero de 1 a 100 (clientes por página)", 101));
  assert.deepEqual(out.locale.noSuchPage, problem("", "invalid_input", "Cette page n'existe pas : vérifiez d'abord hasNextPage() ou hasPreviousPage()", null));
  assert.equal(out.locale.badLocale.param, "locale");
  assert.equal(out.locale.sent, 1, "only the French first page was sent");
  assert.equal(out.refusals.sent, 0, "nothing sent");
  assert.deepEqual(out.iteration, { sameOrder: true, pages: 7 });
  assert.deepEqual(out.breaking, { seen: 6, pages: 2 });
  assert.equal(out.signal.count, 5);
  assert.equal(out.signal.isError, true);
  assert.equal(out.signal.kind, "aborted");
  assert.equal(out.signal.cause, "user left");
  assert.equal(out.fromSecond, 5);
  assert.equal(out.retried, 1);
  assert.deepEqual(out.serverRefusal, { kind: "bad_request", status: 400, param: "starting_after" });
  assert.deepEqual(out.extra, { tier: 2 });
  assert.equal(out.bulk.results, 15);
  assert.equal(out.bulk.ok, true);
  assert.equal(out.bulk.stored, true);
  assert.deepEqual(out.bulk.lastProgress, { done: 15, total: 15, failed: 0 });
  assert.ok(out.bulk.totals.includes(null), `null while pulling: ${out.bulk.totals}`);
  assert.ok(out.bulk.totals.every((t) => t === null || t === 15), `${out.bulk.totals}`);
  assert.ok(out.bulk.progressCount >= 15);
  assert.deepEqual(out.fromSet, [true]);
  assert.deepEqual(out.broke, { isError: true, kind: "aborted", cause: "source broke", stored: "Before the throw" });
}

test("Node ESM: listCustomers pages, iterates, refuses bad parameters; updateCustomers takes an async iterable", async () => {
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

test("iteration is paced by the client's requestsPerMinute", async () => {
  const main = await import(new URL("node.js", pkg));
  const { createFakeApi, SANDBOX_KEY } = await import(new URL("testing/index.js", pkg));
  const api = await createFakeApi({ customers: [] });
  api.customers.add(14);
  // 600 a minute: one request every 100 ms after the pacer's burst of 10.
  const client = new main.CheckoutPageClient({ apiKey: SANDBOX_KEY, fetch: api.fetch, requestsPerMinute: 600 });
  let n = 0;
  for await (const _ of client.listCustomers({ limit: 1 })) n++;
  const times = api.requests.map((r) => r.at);
  assert.equal(n, 14);
  assert.equal(times.length, 14);
  assert.ok(times[13] - times[9] >= 300, `paced: ${times.map((t) => t - times[0])}`);
});

const chromium = useChromium({
  routes: { "/pkg/": fileURLToPath(pkg) },
  pages: { "/": scenarioPage("listCustomers", ["/pkg/index.js", "/pkg/testing/index.js"]) },
});

test("headless Chromium: the same scenario in a page", async () => {
  const { out: [out, vendor], errors } = await chromium.inPage("/", async (_, run) => [await run(scenario), await run(vendorCases)]);
  check(out);
  checkVendorCases(vendor);
  assert.deepEqual(errors, []);
});
