// Trial 24's findings against the client (/work/trial24/REPORT.md: F2-F8,
// F11, F13), from the built pkg/, in Node and in headless Chromium: each
// scenario below failed on the package the trial tested.
// - F2: an iterable that throws rejects updateCustomers with every taken
//   item's result on the error (`results`), not only `cause`;
// - F3: aborting while the iterable is awaited settles the call at once
//   and closes the iterable;
// - F4: listCustomers on a freed or unbound client is its page promise:
//   async-iterable, rejected with the CheckoutPageError, nothing unhandled;
// - F5, F6: a customer without id or email, or with a lone surrogate, in a
//   page or getCustomer's reply, is invalid_response naming the field;
// - F7: onProgress reports items refused before sending, and the total;
// - F8: iterating an endingBefore query goes on towards newer customers;
// - F11: an unknown list parameter echoes its value and hints the name;
// - F13: a page has its reply's request id.
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { test } from "node:test";

import { scenarioPage, useChromium } from "./chromium.mjs";

const pkg = new URL("../../pkg/", import.meta.url);

/** Every finding's scenario; returns plain data. */
async function scenario({ CheckoutPageClient, CheckoutPageError }, { createFakeApi, SANDBOX_KEY }) {
  const out = {};
  const api = await createFakeApi({ customers: [] });
  const options = { apiKey: SANDBOX_KEY, fetch: api.fetch, dangerouslyAllowBrowser: true, requestsPerMinute: 100_000 };
  const client = new CheckoutPageClient(options);
  const customers = api.customers.add(10, (i) => ({ name: `C${i}` })); // C9 is the newest
  const shape = (e) => ({ isError: e instanceof CheckoutPageError, kind: e?.kind });

  // F2: the iterable throws after five items: the error carries their results.
  async function* fiveThenThrow() {
    for (const c of customers.slice(0, 5)) yield { customerId: c.id, patch: { companyName: "Acme" } };
    throw new Error("upstream page failed");
  }
  const thrown = await client.updateCustomers(fiveThenThrow()).catch((e) => e);
  out.f2 = {
    ...shape(thrown),
    cause: thrown.cause?.message,
    results: thrown.results?.map((r) => [r.customerId, r.ok, r.customer?.companyName]),
    expected: customers.slice(0, 5).map((c) => [c.id, true, "Acme"]),
    isArray: Array.isArray(thrown.results),
    stored: api.customers.list().filter((c) => c.companyName === "Acme").length,
  };

  // F3: an async iterable that never answers its second next(): the abort
  // settles the call and calls its return().
  {
    let returned = 0;
    let nexts = 0;
    const iterable = {
      [Symbol.asyncIterator]() {
        return {
          next: () =>
            ++nexts === 1
              ? Promise.resolve({ done: false, value: { customerId: customers[0].id, patch: { name: "x" } } })
              : new Promise(() => {}),
          return: () => {
            returned++;
            return Promise.resolve({ done: true });
          },
        };
      },
    };
    const controller = new AbortController();
    const progress = [];
    const started = Date.now();
    const job = client.updateCustomers(iterable, { signal: controller.signal, onProgress: (p) => progress.push({ ...p }) });
    // Once the first item is done, abort while the second pull waits.
    while (progress.length === 0 && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 5));
    controller.abort(new Error("user cancelled"));
    const abortedAt = Date.now();
    const settled = await Promise.race([
      job.then((r) => ({ resolved: r.map((x) => x.ok) }), (e) => ({ rejected: e.kind })),
      new Promise((r) => setTimeout(() => r({ pending: true }), 2000)),
    ]);
    out.f3 = { settled, returned, ms: Date.now() - abortedAt, lastProgress: progress.at(-1) };
    // An async generator as f03 wrote it: settled too (its `finally` runs
    // only when its own await settles: the language queues return()).
    const controller2 = new AbortController();
    async function* hangs() {
      yield { customerId: customers[1].id, patch: { name: "y" } };
      await new Promise(() => {});
    }
    setTimeout(() => controller2.abort(), 100);
    out.f3.generator = await Promise.race([
      client.updateCustomers(hangs(), { signal: controller2.signal }).then((r) => r.map((x) => x.ok), (e) => e.kind),
      new Promise((r) => setTimeout(() => r("pending"), 2000)),
    ]);
  }

  // F4: a freed client's listCustomers is a page promise, iterable, rejected.
  {
    const freed = new CheckoutPageClient(options);
    const page = await freed.listCustomers({ limit: 1 });
    freed.free();
    let looped = null;
    try {
      for await (const _ of freed.listCustomers()) looped = "yielded";
    } catch (e) {
      looped = shape(e);
    }
    const awaited = await freed.listCustomers().catch(shape);
    const unbound = client.listCustomers;
    let unboundLoop = null;
    try {
      for await (const _ of unbound()) unboundLoop = "yielded";
    } catch (e) {
      unboundLoop = shape(e);
    }
    const nextOfFreed = await page.getNextPage().catch(shape);
    const iterFreed = await (async () => {
      try {
        for await (const _ of page.iterPages()) continue;
      } catch (e) {
        return shape(e);
      }
      return "ended";
    })();
    out.f4 = { looped, awaited, unboundLoop, nextOfFreed, iterFreed, hasNext: page.hasNextPage() };
  }

  // F5, F6, F13: replies as a server might send them.
  {
    const valid = (id, extra = "") =>
      `{"id":"${id}","email":"a@b.example","sellerId":"s","createdAt":"2024-01-01T00:00:00.000Z","updatedAt":"2024-01-01T00:00:00.000Z"${extra}}`;
    const id = "6650a1b2c3d4e5f601234567";
    let reply = "";
    let requestId = null;
    const fetch = async () =>
      new Response(reply, { status: 200, headers: { "content-type": "application/json", ...(requestId ? { "x-request-id": requestId } : {}) } });
    const raw = new CheckoutPageClient({ apiKey: "sk_test_trial24", fetch, dangerouslyAllowBrowser: true });
    const failure = async (call) => {
      const e = await call().catch((x) => x);
      return { ...shape(e), message: e.message };
    };
    const page = (items) => `{"data":[${items.join(",")}],"total":${items.length},"has_more":false}`;
    reply = page([valid(id), '{"id":"x"}']);
    const noEmail = await failure(() => raw.listCustomers());
    reply = `{"data":{"id":"${id}","sellerId":"s"}}`;
    const noEmailGet = await failure(() => raw.getCustomer(id));
    reply = page([`{"email":"a@b.example"}`]);
    const noId = await failure(() => raw.listCustomers());
    reply = page([`{"id":"${id}","email":"a@b.example"}`]);
    const serverFieldsMissing = (await raw.listCustomers()).data.length;
    reply = page([valid(id, ',"name":"Zo\\ud83d"')]);
    const lone = await failure(() => raw.listCustomers());
    reply = `{"data":${valid(id, ',"address":{"city":"\\udc00x"}')}}`;
    const loneGet = await failure(() => raw.getCustomer(id));
    reply = page([valid(id, ',"name":"Zo\\ud83d\\ude00"')]);
    const pair = (await raw.listCustomers()).data[0].name;
    out.f5 = { noEmail, noEmailGet, noId, serverFieldsMissing };
    out.f6 = { lone, loneGet, pair };
    reply = page([valid(id)]);
    requestId = "req_123";
    const withId = await raw.listCustomers();
    requestId = null;
    const withoutId = await raw.listCustomers();
    out.f13 = {
      requestId: withId.requestId,
      own: Object.keys(withId).includes("requestId"),
      none: withoutId.requestId,
      kitPage: Object.keys(await client.listCustomers({ limit: 1 })).includes("requestId"),
    };
  }

  // F7: onProgress for items refused before sending, and the final total.
  {
    const bad = { customerId: "bad id", patch: {} };
    const good = (name) => ({ customerId: customers[2].id, patch: { name } });
    const run = async (items) => {
      const calls = [];
      await client.updateCustomers(items, { onProgress: (p) => calls.push(`${p.done}/${p.total}/${p.failed}`) });
      return calls;
    };
    out.f7 = {
      array: await run([bad, bad, bad]),
      asyncBad: await run((async function* () { yield bad; yield bad; yield bad; })()),
      mixed: await run((async function* () { yield good("a"); yield bad; yield bad; yield good("b"); })()),
    };
  }

  // F8: an endingBefore query iterates towards the newer customers (a
  // store of its own: the scenarios above renamed some customers).
  {
    const store = await createFakeApi({ customers: [] });
    const lister = new CheckoutPageClient({ ...options, fetch: store.fetch });
    const cs = store.customers.add(10, (i) => ({ name: `C${i}` })); // C9 is the newest
    const names = async (params) => {
      const seen = [];
      for await (const c of lister.listCustomers(params)) seen.push(c.name);
      return seen;
    };
    const pages = [];
    for await (const p of (await lister.listCustomers({ endingBefore: cs[4].id, limit: 2 })).iterPages()) {
      pages.push(p.data.map((c) => c.name));
    }
    const first = await lister.listCustomers({ endingBefore: cs[4].id, limit: 2 });
    out.f8 = {
      backwards: await names({ endingBefore: cs[4].id, limit: 2 }),
      forwards: await names({ startingAfter: cs[6].id, limit: 2 }),
      pages,
      // getNextPage() still means the older page.
      next: (await first.getNextPage()).data.map((c) => c.name),
    };
  }

  // F11: an unknown list parameter: its value and the nearest name.
  {
    const problem = async (params) => (await client.listCustomers(params).catch((e) => e)).errors[0];
    out.f11 = {
      wire: await problem({ starting_after: customers[0].id }),
      secret: await problem({ apiKey: "sk_live_not_echoed" }),
      expectedValue: customers[0].id,
    };
  }
  return out;
}

/** Each finding's assertions, run apart: a failure names every finding that failed. */
const CHECKS = {
  f2(out) {
    assert.deepEqual(
      { isError: out.f2.isError, kind: out.f2.kind, cause: out.f2.cause, isArray: out.f2.isArray, stored: out.f2.stored },
      { isError: true, kind: "aborted", cause: "upstream page failed", isArray: true, stored: 5 },
    );
    assert.deepEqual(out.f2.results, out.f2.expected, "every written item, in input order");
  },
  f3(out) {
    assert.deepEqual(out.f3.settled, { resolved: [true] }, "the item done stays ok; nothing else was taken");
    assert.equal(out.f3.returned, 1, "the iterable is closed");
    assert.ok(out.f3.ms < 1000, `settled ${out.f3.ms} ms after the abort`);
    assert.deepEqual(out.f3.lastProgress, { done: 1, total: 1, failed: 0 });
    assert.deepEqual(out.f3.generator, [true]);
  },
  f4(out) {
    const validation = { isError: true, kind: "validation" };
    assert.deepEqual(out.f4, {
      looped: validation,
      awaited: validation,
      unboundLoop: validation,
      nextOfFreed: validation,
      iterFreed: validation,
      hasNext: true,
    });
  },
  f5(out) {
    for (const [name, field] of [["noEmail", "`email`"], ["noEmailGet", "`email`"], ["noId", "`id`"]]) {
      assert.equal(out.f5[name].kind, "invalid_response", name);
      assert.ok(out.f5[name].message.includes(field), `${name}: ${out.f5[name].message}`);
    }
    assert.ok(out.f5.noEmail.message.includes("data[1]"), out.f5.noEmail.message);
    assert.equal(out.f5.serverFieldsMissing, 1, "sellerId, createdAt, updatedAt missing: tolerated");
  },
  f6(out) {
    assert.equal(out.f6.lone.kind, "invalid_response");
    assert.ok(out.f6.lone.message.includes("`data[0].name`"), out.f6.lone.message);
    assert.ok(out.f6.lone.message.includes("lone surrogate"), out.f6.lone.message);
    assert.equal(out.f6.loneGet.kind, "invalid_response");
    assert.ok(out.f6.loneGet.message.includes("`data.address.city`"), out.f6.loneGet.message);
    assert.equal(out.f6.pair, "Zo\u{1F600}");
  },
  f7(out) {
    assert.deepEqual(out.f7.array, ["3/3/3"], "refused up front: one report");
    assert.deepEqual(out.f7.asyncBad, ["1/null/1", "2/null/2", "3/null/3", "3/3/3"]);
    const dones = out.f7.mixed.map((c) => Number(c.split("/")[0]));
    assert.deepEqual([...new Set(dones)].sort(), [1, 2, 3, 4], `every item reported: ${out.f7.mixed}`);
    assert.deepEqual(dones, [...dones].sort((a, b) => a - b), `${out.f7.mixed}`);
    assert.equal(out.f7.mixed.at(-1), "4/4/2");
    for (const calls of Object.values(out.f7)) {
      assert.ok(calls.every((c, i) => c !== calls[i - 1]), `a call only when progress changed: ${calls}`);
    }
  },
  f8(out) {
    assert.deepEqual(out.f8.backwards, ["C6", "C5", "C8", "C7", "C9"], "newer than the cursor, each once");
    assert.deepEqual(out.f8.forwards, ["C5", "C4", "C3", "C2", "C1", "C0"]);
    assert.deepEqual(out.f8.pages, [["C6", "C5"], ["C8", "C7"], ["C9"]]);
    assert.deepEqual(out.f8.next, ["C4", "C3"]);
  },
  f11(out) {
    assert.equal(out.f11.wire.param, "starting_after");
    assert.equal(out.f11.wire.value, out.f11.expectedValue);
    assert.equal(out.f11.wire.code, "unknown_field");
    assert.equal(out.f11.wire.severity, "error");
    assert.match(out.f11.wire.message, /did you mean `startingAfter`\?/);
    assert.equal(out.f11.secret.param, "apiKey");
    assert.equal(out.f11.secret.value, null, "a value that may be a secret is not echoed");
  },
  f13(out) {
    assert.deepEqual(out.f13, { requestId: "req_123", own: true, none: null, kitPage: true });
  },
};

function check(out) {
  const failed = [];
  for (const [finding, assertions] of Object.entries(CHECKS)) {
    try {
      assertions(out);
    } catch (error) {
      failed.push(`${finding.toUpperCase()}: ${error.message}`);
    }
  }
  assert.deepEqual(failed, []);
}

test("Node: trial 24's client findings", async () => {
  const unhandled = [];
  const onUnhandled = (e) => unhandled.push(String(e?.kind ?? e));
  process.on("unhandledRejection", onUnhandled);
  try {
    const main = await import(new URL("node.js", pkg));
    const kit = await import(new URL("testing/index.js", pkg));
    check(await scenario(main, kit));
    await new Promise((r) => setTimeout(r, 50));
  } finally {
    process.off("unhandledRejection", onUnhandled);
  }
  assert.deepEqual(unhandled, [], "no unhandled rejection (F4)");
});

// The page records unhandled rejections before the modules load (F4).
const PAGE = scenarioPage("trial 24", ["/pkg/index.js", "/pkg/testing/index.js"]).replace(
  '<script type="module">\n',
  '<script type="module">\n  window.unhandled = [];\n  addEventListener("unhandledrejection", (e) => window.unhandled.push(String(e.reason?.kind ?? e.reason)));\n',
);
const chromium = useChromium({ routes: { "/pkg/": fileURLToPath(pkg) }, pages: { "/": PAGE } });

test("headless Chromium: the same findings in a page", async () => {
  const { out, errors } = await chromium.inPage("/", async (page, run) => {
    check(await run(scenario));
    await page.waitForTimeout(50);
    return page.evaluate(() => window.unhandled);
  });
  assert.deepEqual(out, [], "no unhandled rejection (F4)");
  assert.deepEqual(errors, []);
});
