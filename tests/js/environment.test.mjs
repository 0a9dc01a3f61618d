// Issue 22 as a user meets it: nothing in the caller's environment can
// redirect a request, leak the key or wipe an address (and, L1-L5, nothing
// of issue 24's listCustomers and iterable bulk items either). The same scenario
// runs in Node (in a child process, so that its polluted prototype stays
// there) and in a page in headless Chromium, against two recording servers
// on 127.0.0.1: the API, and another origin that must never hear anything.
//   1. Object.prototype polluted with every key the package or fetch reads;
//   2. Maps, Sets, Dates, class instances... in address and shipping;
//   3. a custom fetch whose text() keeps a leading BOM;
//   5. redirects, to another origin and to the same one.
// (Point 4, the response size cap, is measured inside the module by the
// wasm suites: tests/wasm_support/responses.rs.)
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";

import { useChromium } from "./chromium.mjs";

const KEY = "sk_test_environment";
const ID = (tail) => `65f0c0ffee${tail.padStart(14, "0")}`;
const ADDRESS = { line1: "Keizersgracht 1", city: "Amsterdam", country: "NL" };

// Every key the package reads from a caller's object or fetch reads from its
// init, and what a polluted prototype would hold there.
const POLLUTED_KEYS = [
  "fetch", "dispatcher", "redirect", "credentials", "mode", "signal", "onProgress", "patch",
  "customerId", "headers", "body", "method", "toJSON", "cache", "integrity", "keepalive",
  "referrer", "referrerPolicy", "priority", "window", "duplex", "apiKey", "baseUrl",
  "timeoutMs", "maxRetries", "requestsPerMinute", "validation", "concurrency",
  "dangerouslyAllowBrowser", "cause", "address", "shipping", "email", "name", "0",
];

// Node's fetch (undici 6 in Node 20) reads these from objects and arrays of
// its own (its dispatch options, its request queue), through
// Object.prototype: polluted, they break every fetch of the process,
// whatever the caller passes (README, "Prototype pollution"), and its
// Agent calls JSON.stringify on options of its own (so a polluted toJSON).
// With Node's fetch they are left out; the package itself is shown immune
// to them with a fetch option.
const NODE_FETCH_CANNOT_SURVIVE = ["signal", "body", "0", "toJSON"];

// The non-plain values of point 2, by name; each is refused wherever it is.
const NON_PLAIN = [
  "Map", "Set", "WeakMap", "WeakSet", "Date", "RegExp", "Uint8Array", "Float64Array",
  "DataView", "ArrayBuffer", "Promise", "Error", "StringObject", "classWithGetters",
  "classWithoutFields", "nonEnumerable", "inherited",
];
const PLACES = ["address", "shipping", "shipping.address", "address.line1", ""];

// Runs in Node (as a child) and in the page. Returns plain data only.
const SCENARIO = `
async function scenario(sdk, api, other, key, ID, fetchCannotSurvive) {
  const { CheckoutPageClient, CheckoutPageError, validateCustomerPatch } = sdk;
  const settle = (p) => Promise.resolve(p).then(
    (value) => ({ ok: true, name: value && value.name, id: value && value.id }),
    (e) => ({
      ok: false,
      isError: e instanceof CheckoutPageError,
      kind: e.kind,
      status: e.status,
      message: String(e.message),
      errors: (e.errors || []).map((x) => ({ param: x.param, code: x.code ?? null })),
      ownCause: Object.getOwnPropertyDescriptor(e, "cause") !== undefined,
    }),
  );
  const options = { apiKey: key, baseUrl: api, dangerouslyAllowBrowser: true, maxRetries: 2 };
  const ADDRESS = ${JSON.stringify(ADDRESS)};
  const out = {};

  // The trial of issue 22 (notes: F1-F6), with fetch options answering
  // without a network, so that Node and the page run the same; first, while
  // Node's own fetch (which reads Array.prototype[0] in its request queue)
  // has no connection yet.
  const stored = (id) => new Response('{"data":{"id":"' + id + '","email":"a@example.com","name":"Stored"}}', { status: 200 });
  const idOf = (url) => url.split("/").pop().split("?")[0];

  // F1. An accessor at Array.prototype[0]: a bulk job neither hands its
  // items or results to the setter nor reads the getter's forgery.
  {
    let sent = "";
    let setterCalls = 0;
    const c = new CheckoutPageClient({ ...options, fetch: async (url, init) => {
      sent += init.method + " " + idOf(url) + " " + init.body + ";";
      // Not a Response: Node's own (undici) builds arrays of its own, which
      // the polluted Array.prototype[0] breaks whatever the client does.
      const text = '{"data":{"id":"' + idOf(url) + '","email":"a@example.com","name":"Stored"}}';
      return { status: 200, headers: { get: () => null }, text: async () => text };
    } });
    Object.defineProperty(Array.prototype, 0, { configurable: true,
      set() { setterCalls += 1; },
      get() { return { customerId: ID("dead"), patch: { email: "attacker@evil.test" } }; } });
    let results;
    try {
      results = await c.updateCustomers([{ customerId: ID("21"), patch: { name: "Grace" } }], {});
    } finally {
      delete Array.prototype[0];
    }
    out.arrayAccessor = {
      sent, setterCalls, length: results.length,
      ownFirst: Object.getOwnPropertyDescriptor(results, 0) !== undefined,
      first: results[0] && [results[0].customerId, results[0].ok],
    };
  }

  // F2. A polluted Object.prototype.then never sees the client's internal
  // response (which holds the body) and cannot forge it.
  {
    const c = new CheckoutPageClient({ ...options, fetch: async (url) => stored(idOf(url)) });
    let stolen = 0;
    function evilThen(resolve) {
      delete Object.prototype.then;
      if (Object.getOwnPropertyDescriptor(this, "text") && Object.getOwnPropertyDescriptor(this, "status")) {
        stolen += 1;
        resolve({ status: 200, type: "basic", body: null, headers: { get: () => null },
          text: () => Promise.resolve('{"data":{"id":"' + ID("22") + '","email":"a@example.com","name":"FORGED"}}') });
      } else {
        resolve(this);
      }
      queueMicrotask(() => Object.defineProperty(Object.prototype, "then", { configurable: true, value: evilThen }));
    }
    Object.defineProperty(Object.prototype, "then", { configurable: true, value: evilThen });
    let got;
    try {
      got = await settle(c.getCustomer(ID("22")));
    } finally {
      delete Object.prototype.then;
    }
    out.pollutedThen = { got, stolen };
  }

  // F3. Setters and getters on Object.prototype for every field of an
  // error, a bulk result and a progress report: none is set through them.
  {
    const FIELDS = ["kind", "status", "errors", "body", "requestId", "retryAfterMs",
      "customerId", "ok", "customer", "error", "done", "total", "failed"];
    const received = new Set();
    // Not a Response: Node's own breaks with these keys polluted.
    const text = '{"errors":[{"param":"email","message":"Email already in use","value":"grace@customer.test"}]}';
    const c = new CheckoutPageClient({ ...options, maxRetries: 0, fetch: async () => ({
      status: 400, headers: { get: (name) => (name === "x-request-id" ? "req-1" : null) }, text: async () => text }) });
    let error;
    let bulk;
    const progress = [];
    for (const name of FIELDS) {
      Object.defineProperty(Object.prototype, name, { configurable: true,
        set() { received.add(name); }, get() { return "FORGED"; } });
    }
    try {
      error = await c.updateCustomer(ID("23"), { email: "grace@customer.test" }).catch((e) => e);
      bulk = await c.updateCustomers([{ customerId: ID("24"), patch: { name: "x" } }],
        { onProgress: (p) => { progress[progress.length] = [p.done, p.total, p.failed]; } });
    } finally {
      for (const name of FIELDS) delete Object.prototype[name];
    }
    const r = bulk[0];
    out.accessors = {
      received: [...received],
      error: [error.kind, error.status, error.requestId, error.retryAfterMs, error.errors?.length ?? null, typeof error.body],
      bulk: [r.customerId, r.ok, r.error && r.error.kind, r.error && r.error.status],
      progress,
    };
  }

  // F4. A server, proxy or gateway that echoes the key: it appears in no
  // error, its stack or its JSON (message, errors, body, requestId, a
  // redirect's target), for single calls and bulk items.
  {
    const secret = "sk_live_TOPSECRET123";
    const answers = {
      [ID("401")]: [401, { "content-type": "application/json" }, (auth) => JSON.stringify({ error: "unauthorized", message: "Invalid key " + auth })],
      [ID("400")]: [400, { "content-type": "application/json" }, (auth) => JSON.stringify({ status: 400, message: "bad", errors: [{ param: auth, message: auth, value: { [auth]: [auth] } }] })],
      [ID("403")]: [403, { "content-type": "text/html" }, (auth) => "<html><title>Forbidden " + auth + "</title></html>"],
      [ID("500")]: [500, { "content-type": "text/plain", "x-request-id": "req " + secret }, (auth) => "upstream: " + auth],
      [ID("307")]: [307, { location: "https://evil.test/?key=" + secret }, () => ""],
    };
    const c = new CheckoutPageClient({ ...options, apiKey: secret, maxRetries: 0, fetch: async (url, init) => {
      const [status, headers, body] = answers[idOf(url)];
      const auth = init.headers.Authorization;
      return new Response(status === 307 ? null : body(auth), { status, headers });
    } });
    const leaks = (e) => [JSON.stringify(e), String(e.stack), String(e.message), JSON.stringify(e.body), JSON.stringify(e.errors)]
      .some((text) => text.includes("TOPSECRET"));
    out.echoedKey = {};
    for (const id of Object.keys(answers)) {
      const e = await c.getCustomer(id).catch((e) => e);
      out.echoedKey[id.slice(-3)] = { kind: e.kind, status: e.status, leaks: leaks(e) };
    }
    const bulk = await c.updateCustomers(Object.keys(answers).map((customerId) => ({ customerId, patch: { name: "x" } })));
    out.echoedKeyBulk = bulk.map((r) => r.ok || leaks(r.error));
  }

  // F6. A redirect, within the origin, to a URL with credentials: refused
  // as http (fetch would refuse the URL), without them, not retried.
  {
    let calls = 0;
    const c = new CheckoutPageClient({ ...options, fetch: async (url) => {
      calls += 1;
      return new Response(null, { status: 307, headers: { location: api.replace("://", "://user:pw@") + "/v1/customers/" + ID("26") } });
    } });
    const e = await settle(c.updateCustomer(ID("26"), { name: "x" }));
    out.userinfoRedirect = { kind: e.kind, status: e.status, credentials: /user:|:pw@/.test(e.message), calls };
  }

  // L. listCustomers and updateCustomers over an iterable (issue 24), under
  // the same trial: params and options read as own properties, page fields
  // defined (never set), no internal object inheriting a polluted then, the
  // key redacted from a page the client cannot read.
  {
    const page = (ids, hasMore) => '{"data":[' + ids.map((id) => '{"id":"' + id + '","email":"a@example.com","sellerId":"s","createdAt":"2024-01-01T00:00:00Z","updatedAt":"2024-01-01T00:00:00Z"}').join(",") + '],"total":3,"has_more":' + hasMore + "}";
    const listed = [];
    const lister = (answer) => async (url, init) => {
      listed.push(init.method + " " + url.replace(api, ""));
      const text = answer(url);
      return { status: 200, headers: { get: () => null }, text: async () => text };
    };
    const firstPage = () => page([ID("31"), ID("32")], true);
    const list = new CheckoutPageClient({ ...options, fetch: lister((url) => (url.includes("starting_after") ? page([ID("33")], false) : firstPage())) });
    out.list = {};

    // L1. Every name of the list call on a polluted Object.prototype.
    const LIST_KEYS = { search: "evil", limit: 1, startingAfter: ID("dead"), endingBefore: ID("beef"), locale: "nl", signal: AbortSignal.abort() };
    for (const [k, v] of Object.entries(LIST_KEYS)) Object.prototype[k] = v;
    try {
      const none = await list.listCustomers();
      const empty = await list.listCustomers({}, {});
      const iterated = [];
      for await (const c of list.listCustomers({ search: "ada" })) iterated.push(c.id);
      const refused = await list.listCustomers({ limit: 0 }).catch((e) => e);
      out.list.polluted = {
        listed: listed.splice(0),
        pages: [none.data.length, empty.data.length, none.hasNextPage()],
        iterated,
        refused: [refused.kind, refused.errors[0].param, refused.errors[0].message],
      };
    } finally {
      for (const k of Object.keys(LIST_KEYS)) delete Object.prototype[k];
    }

    // L2. A polluted then: it never sees (nor forges) a page's internal
    // data or an item pulled from an iterable.
    let stolen = 0;
    function evilThen(resolve) {
      delete Object.prototype.then;
      const own = (k) => Object.getOwnPropertyDescriptor(this, k) !== undefined;
      if (own("hasMore") && own("next")) {
        stolen += 1;
        resolve({ ...this, data: [{ id: ID("dead"), email: "forged@evil.test" }], next: null, previous: null });
      } else if (own("value") && own("done") && this.value && typeof this.value === "object") {
        stolen += 1;
        resolve({ done: false, value: { customerId: ID("dead"), patch: { email: "attacker@evil.test" } } });
      } else {
        resolve(this);
      }
      queueMicrotask(() => Object.defineProperty(Object.prototype, "then", { configurable: true, value: evilThen }));
    }
    let sentBulk = "";
    const bulkClient = new CheckoutPageClient({ ...options, fetch: async (url, init) => {
      sentBulk += init.method + " " + idOf(url) + ";";
      const text = '{"data":{"id":"' + idOf(url) + '","email":"a@example.com","name":"Stored"}}';
      return { status: 200, headers: { get: () => null }, text: async () => text };
    } });
    Object.defineProperty(Object.prototype, "then", { configurable: true, value: evilThen });
    let thenPage, thenBulk;
    try {
      thenPage = await list.listCustomers({ limit: 2 }).then((p) => p.data.map((c) => c.id), (e) => e.kind);
      thenBulk = await bulkClient.updateCustomers(new Set([{ customerId: ID("34"), patch: { name: "Set" } }])).then((r) => r.map((x) => x.customerId), (e) => e.kind);
    } finally {
      delete Object.prototype.then;
    }
    listed.splice(0);
    out.list.pollutedThen = { thenPage, thenBulk, sentBulk, stolen };

    // L3. Setters and getters on Object.prototype for every field of a page
    // (and an iterable's error's cause): none is set through them.
    const FIELDS = ["data", "total", "hasMore", "params", "nextPageParams", "previousPageParams", "cause", "done", "error"];
    const received = new Set();
    for (const name of FIELDS) {
      Object.defineProperty(Object.prototype, name, { configurable: true,
        set() { received.add(name); }, get() { return "FORGED"; } });
    }
    let fields, broke, fromSet;
    try {
      const p = await list.listCustomers({ limit: 2 });
      fields = [p.data.length, p.total, p.hasMore, p.params.limit, p.nextPageParams.startingAfter, p.previousPageParams];
      async function* breaks() { throw new RangeError("source broke"); }
      broke = await bulkClient.updateCustomers(breaks()).catch((e) => e);
      broke = [broke.kind, Object.getOwnPropertyDescriptor(broke, "cause")?.value?.message ?? null];
      fromSet = (await bulkClient.updateCustomers(new Set([{ customerId: ID("35"), patch: { name: "Set" } }]))).map((r) => [r.customerId, r.ok]);
    } finally {
      for (const name of FIELDS) delete Object.prototype[name];
    }
    listed.splice(0);
    out.list.accessors = { received: [...received], fields, broke, fromSet };

    // L5. An iterator on a polluted Object.prototype does not make a plain
    // object (one item passed without its array) a list of the attacker's items.
    let sentIterable = "";
    const mistaken = new CheckoutPageClient({ ...options, fetch: async (url, init) => {
      sentIterable += init.method + " " + idOf(url) + ";";
      return { status: 200, headers: { get: () => null }, text: async () => '{"data":{"id":"x"}}' };
    } });
    Object.prototype[Symbol.iterator] = function* () { yield { customerId: ID("dead"), patch: { email: "attacker@evil.test" } }; };
    let single;
    try {
      single = await mistaken.updateCustomers({ customerId: ID("36"), patch: { name: "One" } }).then((r) => r.length, (e) => [e.kind, e.errors[0].param]);
    } finally {
      delete Object.prototype[Symbol.iterator];
    }
    out.list.pollutedIterator = { single, sent: sentIterable };

    // L4. A page the client cannot read, echoing the key: the error holds it nowhere.
    const secret = "sk_live_TOPSECRET123";
    const echo = new CheckoutPageClient({ ...options, apiKey: secret, maxRetries: 0, fetch: async (url, init) => {
      const auth = init.headers.Authorization;
      const text = JSON.stringify({ data: "not a list", echo: auth });
      return { status: 200, headers: { get: (name) => (name === "x-request-id" ? "req " + auth : null) }, text: async () => text };
    } });
    const e = await echo.listCustomers().catch((e) => e);
    out.list.echoedKey = { kind: e.kind, leaks: [JSON.stringify(e), String(e.stack), String(e.message), JSON.stringify(e.body), String(e.requestId)].some((t) => t.includes("TOPSECRET")) };
  }

  // 1. A polluted Object.prototype, as one bad deep merge leaves it.
  const called = [];
  const spy = (name, result) => function () { called.push(name); return result; };
  const attacker = { email: "attacker@evil.test" };
  const POLLUTED = {
    fetch: spy("fetch", undefined),
    dispatcher: { dispatch: spy("dispatcher.dispatch", false) },
    redirect: "follow", credentials: "include", mode: "no-cors", signal: AbortSignal.abort(),
    onProgress: spy("onProgress"), patch: attacker, customerId: ID("dead"),
    headers: { authorization: "Bearer stolen", "x-evil": "1" }, body: JSON.stringify(attacker),
    method: "DELETE", toJSON: spy("toJSON", attacker), cache: "only-if-cached",
    integrity: "sha256-AAAA", keepalive: true, referrer: other, referrerPolicy: "unsafe-url",
    priority: "low", window: {}, duplex: "half", apiKey: "sk_stolen", baseUrl: other,
    timeoutMs: 1, maxRetries: 1000, requestsPerMinute: 1, validation: "off", concurrency: 999,
    dangerouslyAllowBrowser: true, cause: "polluted", address: { line1: "Evil 1" },
    shipping: { name: "Evil" }, email: attacker.email, name: "Evil",
    0: { customerId: ID("dead"), patch: attacker },
  };
  out.pollutedKeys = Object.keys(POLLUTED);
  // With the runtime's own fetch: every key but those that runtime's fetch
  // itself reads from objects of its own (Node's undici: signal and body).
  const pollute = (keys) => { for (const k of keys) Object.prototype[k] = POLLUTED[k]; };
  const unpollute = () => { for (const k of Object.keys(POLLUTED)) delete Object.prototype[k]; };
  pollute(out.pollutedKeys.filter((k) => !fetchCannotSurvive.includes(k)));
  try {
    const client = new CheckoutPageClient(options);
    out.update = await settle(client.updateCustomer(ID("1"), { name: "Ada", address: { ...ADDRESS } }, {}));
    out.updateWithoutOptions = await settle(client.updateCustomer(ID("2"), { name: "Bo" }));
    out.get = await settle(client.getCustomer(ID("3"), {}));
    const items = [{ customerId: ID("4") }, { patch: { name: "Cy" } }, { customerId: ID("5"), patch: { name: "Di" } }];
    items.length = 4; // a hole at 3
    const bulk = await client.updateCustomers(items, {});
    out.bulk = bulk.map((r) => ({ customerId: r.customerId, ok: r.ok, kind: r.ok ? null : r.error.kind }));
    out.validate = validateCustomerPatch({ name: "Ada" }).map((p) => p.param);
    out.invalid = await settle(client.updateCustomer(42, { name: "x" }, {}));
  } finally {
    unpollute();
  }
  out.called = called.splice(0);

  // Every key, with a client whose fetch option answers without a network:
  // what the package hands to fetch, and how it reads the answer.
  const seen = [];
  const fakeFetch = async (url, init) => {
    const own = (o, k) => Object.getOwnPropertyDescriptor(o, k) !== undefined;
    seen.push({
      url,
      initPrototype: Object.getPrototypeOf(init) === null ? null : "inherited",
      headersPrototype: Object.getPrototypeOf(init.headers) === null ? null : "inherited",
      method: init.method,
      body: own(init, "body") ? init.body : null, // absent: it has no prototype to inherit from
      redirect: init.redirect,
      aborted: init.signal.aborted,
      dispatcher: own(init, "dispatcher") ? "own" : init.dispatcher === undefined ? null : "inherited",
      headers: Object.keys(init.headers).sort(),
    });
    const id = url.split("/").pop();
    // (Not JSON.stringify: that would call the polluted toJSON itself.)
    return new Response('{"data":{"id":"' + id + '","email":"a@example.com","name":"Stored"}}', { status: 200 });
  };
  pollute(out.pollutedKeys);
  try {
    const client = new CheckoutPageClient({ ...options, fetch: fakeFetch });
    out.fakeUpdate = await settle(client.updateCustomer(ID("11"), { name: "Ada" }, {}));
    out.fakeGet = await settle(client.getCustomer(ID("12")));
    const bulk = await client.updateCustomers([{ customerId: ID("13") }, { customerId: ID("14"), patch: { name: "Di" } }], {});
    out.fakeBulk = bulk.map((r) => r.ok);
  } finally {
    unpollute();
  }
  out.fakeSeen = seen;
  out.fakeCalled = called.splice(0);

  // 2. Values JSON would send as {} (or lose), in address and shipping.
  class Address {
    #line1; #city;
    constructor(line1, city) { this.#line1 = line1; this.#city = city; }
    get line1() { return this.#line1; }
    get city() { return this.#city; }
    toJSON() { return { line1: this.#line1, city: this.#city, country: "NL" }; }
  }
  class WithGetters { #line1 = ADDRESS.line1; get line1() { return this.#line1; } }
  class WithoutFields { #line1 = ADDRESS.line1; }
  const make = {
    Map: () => new Map(Object.entries(ADDRESS)), Set: () => new Set([ADDRESS.line1]),
    WeakMap: () => new WeakMap([[{}, 1]]), WeakSet: () => new WeakSet(), Date: () => new Date(0),
    RegExp: () => /Keizersgracht/, Uint8Array: () => new Uint8Array([1, 2]),
    Float64Array: () => new Float64Array(2), DataView: () => new DataView(new ArrayBuffer(2)),
    ArrayBuffer: () => new ArrayBuffer(2), Promise: () => Promise.resolve(ADDRESS),
    Error: () => new Error("x"), StringObject: () => new String(ADDRESS.line1),
    classWithGetters: () => new WithGetters(), classWithoutFields: () => new WithoutFields(),
    // (F5) own data that is not enumerable; data inherited from a prototype.
    nonEnumerable: () => Object.defineProperties({}, { line1: { value: ADDRESS.line1 }, city: { value: ADDRESS.city } }),
    inherited: () => Object.assign(Object.create({ country: "NL", line1: ADDRESS.line1 }), { city: ADDRESS.city }),
  };
  const place = (where, value) => {
    switch (where) {
      case "address": return { address: value };
      case "shipping": return { shipping: value };
      case "shipping.address": return { shipping: { name: "Ada", address: value } };
      case "address.line1": return { address: { ...ADDRESS, line1: value } };
      default: return value;
    }
  };
  const client = new CheckoutPageClient(options);
  out.nonPlain = {};
  for (const [name, value] of Object.entries(make)) {
    for (const where of ${JSON.stringify(PLACES)}) {
      const validated = validateCustomerPatch(place(where, value())).map((p) => ({ param: p.param, code: p.code ?? null }));
      const sent = await settle(client.updateCustomer(ID("6"), place(where, value())));
      out.nonPlain[name + " at " + (where || "the patch")] = { validated, sent };
    }
  }
  out.domainClass = {
    validated: validateCustomerPatch({ address: new Address(ADDRESS.line1, ADDRESS.city) }),
    sent: await settle(client.updateCustomer(ID("7"), { address: new Address(ADDRESS.line1, ADDRESS.city), shipping: { address: new Address(ADDRESS.line1, ADDRESS.city) } })),
  };

  // 3. A custom fetch whose text() keeps a leading BOM.
  const bomFetch = async (url, init) => {
    const response = await fetch(url, init);
    const text = await response.text();
    return { status: response.status, headers: response.headers, text: async () => "\\uFEFF" + text };
  };
  const bomClient = new CheckoutPageClient({ ...options, fetch: bomFetch });
  out.bom200 = await settle(bomClient.updateCustomer(ID("8"), { name: "Ada" }));
  out.bom400 = await settle(bomClient.updateCustomer(ID("400"), { name: "Ada" }));

  // 5. Redirects: to another origin (status 30x from ID("7" + status)) and
  // within the API's origin (ID("5307")).
  for (const status of [301, 302, 303, 307, 308]) {
    out["redirect" + status] = await settle(client.updateCustomer(ID("7" + status), { name: "Ada", address: { ...ADDRESS } }));
  }
  out.sameOrigin307 = await settle(client.updateCustomer(ID("5307"), { name: "Ada" }));

  out.userinfoServerRedirect = await settle(client.updateCustomer(ID("9307"), { name: "x" }));
  return out;
}`;

// The API (CORS open, as the real one is to pages) and the other origin.
function recorder(answer) {
  const log = [];
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const cors = {
        "access-control-allow-origin": "*",
        "access-control-allow-headers": "authorization, content-type, accept",
        "access-control-allow-methods": "GET, PATCH, POST, PUT, DELETE",
        "access-control-expose-headers": "location",
      };
      const url = new URL(req.url, "http://x");
      log.push({
        method: req.method,
        path: url.pathname + url.search,
        authorization: req.headers.authorization ?? null,
        evil: req.headers["x-evil"] ?? null,
        body,
      });
      if (req.method === "OPTIONS") return res.writeHead(204, cors).end();
      answer(req, url, body, (status, headers, text) => res.writeHead(status, { ...cors, ...headers }).end(text));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ url: `http://127.0.0.1:${server.address().port}`, log, close: () => server.close() }),
    ),
  );
}

let api, other, API_URL, OTHER_URL;
before(async () => {
  other = await recorder((req, url, body, send) =>
    send(200, { "content-type": "application/json" }, JSON.stringify({ data: { id: ID("dead"), email: "a@example.com", name: "stolen" } })),
  );
  api = await recorder((req, url, body, send) => {
    const id = url.pathname.split("/").pop();
    const json = { "content-type": "application/json" };
    const redirect = /^65f0c0ffee0+([579])(30\d)$/.exec(id);
    if (redirect && !url.searchParams.has("followed")) {
      const [, where, status] = redirect;
      const location = {
        7: `${other.url}/steal/${id}`,
        5: `/v1/customers/${id}?followed=1`,
        9: `${api.url.replace("://", "://user:pw@")}/v1/customers/${id}?followed=1`,
      }[where];
      return send(Number(status), { location }, "");
    }
    if (id === ID("400")) {
      return send(400, json, JSON.stringify({
        status: 400, type: "invalid_request_error", message: "Invalid request",
        errors: [{ param: "email", message: "Invalid email", value: "x" }],
      }));
    }
    send(200, json, JSON.stringify({ data: { id, email: "a@example.com", name: "Stored", ...(body ? JSON.parse(body) : {}) } }));
  });
  API_URL = api.url;
  OTHER_URL = other.url;
});
after(() => {
  for (const server of [api, other]) server?.close();
});

// CHECKOUTPAGE_PKG: another build to run against (such as the previous
// commit's, to see these tests fail there).
const PKG = process.env.CHECKOUTPAGE_PKG
  ? new URL(`file://${process.env.CHECKOUTPAGE_PKG.replace(/\/?$/, "/")}`)
  : new URL("../../pkg/", import.meta.url);

/** Runs the scenario in a Node child process (its event loop free for the servers). */
function inNode() {
  const script = `${SCENARIO}
    const sdk = await import(${JSON.stringify(new URL("index.js", PKG).href)});
    const out = await scenario(sdk, ${JSON.stringify(api.url)}, ${JSON.stringify(other.url)}, ${JSON.stringify(KEY)}, ${ID.toString()}, ${JSON.stringify(NODE_FETCH_CANNOT_SURVIVE)});
    console.log(JSON.stringify(out));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script]);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    const timer = setTimeout(() => child.kill(), 120_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`the child exited ${code}: ${stderr}`));
      resolve(JSON.parse(stdout.trim().split("\n").pop()));
    });
  });
}

const chromium = useChromium({
  routes: { "/pkg/": fileURLToPath(PKG) },
  pages: {
    "/": `<!doctype html><title>environment</title><script type="module">
        import * as sdk from "/pkg/index.js";
        ${SCENARIO}
        window.scenario = (api, other, key) => scenario(sdk, api, other, key, ${ID.toString()}, []);
        window.ready = true;
      </script>`,
  },
});

async function inChromium() {
  const { out, errors } = await chromium.inPage("/", (page) =>
    page.evaluate(([a, o, k]) => window.scenario(a, o, k), [api.url, other.url, KEY]),
  );
  assert.deepEqual(errors, [], "no page error");
  return out;
}

/** One run of the scenario per runtime, with what the two servers heard. */
const runs = {};
function ran(runtime) {
  runs[runtime] ??= (async () => {
    const previous = Object.values(runs).filter((r) => r !== runs[runtime]);
    await Promise.allSettled(previous);
    api.log.length = 0;
    other.log.length = 0;
    const out = await (runtime === "Node" ? inNode() : inChromium());
    return { out, api: [...api.log], other: [...other.log], inBrowser: runtime === "Chromium" };
  })();
  return runs[runtime];
}

const to = (log, id) => log.filter((r) => r.method !== "OPTIONS" && r.path.includes(id));

/** 1. A polluted prototype changes nothing the package sends or calls. */
function pollution({ out, api, other }) {
  assert.deepEqual(out.pollutedKeys.sort(), [...POLLUTED_KEYS].sort(), "every key was polluted");
  assert.deepEqual(out.called, [], "nothing on the prototype was called");
  assert.deepEqual(out.fakeCalled, [], "nothing on the prototype was called (fetch option)");
  for (const r of api.filter((r) => r.method !== "OPTIONS")) {
    assert.equal(r.evil, null, "no header from the prototype");
    assert.equal(r.authorization, `Bearer ${KEY}`, `the key, and only it, on ${r.method} ${r.path}`);
  }
  assert.deepEqual(other, [], "the other origin heard nothing");
  assert.deepEqual(out.update, { ok: true, name: "Ada", id: ID("1") });
  assert.deepEqual(to(api, ID("1")).map((r) => [r.method, JSON.parse(r.body)]), [
    ["PATCH", { name: "Ada", address: ADDRESS }],
  ]);
  assert.deepEqual(out.updateWithoutOptions, { ok: true, name: "Bo", id: ID("2") });
  assert.deepEqual(to(api, ID("2")).map((r) => [r.method, r.body]), [["PATCH", '{"name":"Bo"}']]);
  assert.deepEqual(out.get, { ok: true, name: "Stored", id: ID("3") });
  assert.deepEqual(to(api, ID("3")).map((r) => [r.method, r.body]), [["GET", ""]]);
  assert.deepEqual(out.bulk, [
    { customerId: ID("4"), ok: false, kind: "validation" },
    { customerId: "", ok: false, kind: "validation" },
    { customerId: ID("5"), ok: true, kind: null },
    { customerId: "", ok: false, kind: "validation" },
  ]);
  assert.deepEqual(to(api, ID("4")), [], "an item without a patch sends nothing");
  assert.deepEqual(to(api, ID("dead")), [], "nothing for the prototype's customerId");
  assert.deepEqual(to(api, ID("5")).map((r) => r.body), ['{"name":"Di"}']);
  assert.deepEqual(out.validate, []);
  assert.equal(out.invalid.kind, "validation");
  assert.equal(out.invalid.ownCause, false, "no cause from the prototype");
  assert.deepEqual(out.fakeUpdate, { ok: true, name: "Stored", id: ID("11") });
  assert.deepEqual(out.fakeGet, { ok: true, name: "Stored", id: ID("12") });
  assert.deepEqual(out.fakeBulk, [false, true]);
  const init = (method, id, body) => ({
    url: `${API_URL}/v1/customers/${ID(id)}`,
    initPrototype: null,
    headersPrototype: null,
    method,
    body,
    redirect: "manual",
    aborted: false,
    dispatcher: null,
    headers: body === null ? ["Accept", "Authorization"] : ["Accept", "Authorization", "Content-Type"],
  });
  assert.deepEqual(out.fakeSeen, [
    init("PATCH", "11", '{"name":"Ada"}'),
    init("GET", "12", null),
    init("PATCH", "14", '{"name":"Di"}'),
  ]);
}

/** 2. Non-plain values are refused wherever they are; toJSON() is used. */
function nonPlain({ out, api }) {
  for (const name of NON_PLAIN) {
    for (const where of PLACES) {
      const at = `${name} at ${where || "the patch"}`;
      const { validated, sent } = out.nonPlain[at];
      const refused = (p) => p.param === where && p.code === "unsupported_value";
      assert.ok(validated.some(refused), `${at}: validateCustomerPatch says ${JSON.stringify(validated)}`);
      assert.equal(sent.ok, false, `${at} is not sent`);
      assert.equal(sent.kind, "validation", at);
      assert.ok(sent.errors.some(refused), at);
    }
  }
  assert.deepEqual(to(api, ID("6")), [], "no non-plain value was sent");
  assert.deepEqual(out.domainClass.validated, [], "a class with toJSON() is read through it");
  assert.equal(out.domainClass.sent.ok, true, JSON.stringify(out.domainClass.sent));
  assert.deepEqual(to(api, ID("7")).map((r) => JSON.parse(r.body)), [
    { address: ADDRESS, shipping: { address: ADDRESS } },
  ]);
}

/** 3. One leading BOM is ignored. */
function bom({ out }) {
  assert.deepEqual(out.bom200, { ok: true, name: "Ada", id: ID("8") });
  assert.equal(out.bom400.kind, "bad_request");
  assert.deepEqual(out.bom400.errors, [{ param: "email", code: null }], "the API's field errors are kept");
}

/** 5. A redirect to another origin is never followed; same-origin ones are (not in browsers). */
function redirects({ out, api, other, inBrowser }) {
  assert.deepEqual(other, [], "the other origin heard nothing (not even a preflight)");
  for (const status of [301, 302, 303, 307, 308]) {
    const error = out[`redirect${status}`];
    assert.equal(error.ok, false, `a ${status} to another origin is not followed`);
    assert.equal(error.kind, "http", `${status}`);
    if (inBrowser) {
      assert.equal(error.status, null, "a browser hides the redirect");
      assert.match(error.message, /redirect/);
    } else {
      assert.equal(error.status, status);
      assert.ok(error.message.includes(String(status)), error.message);
      assert.ok(error.message.includes(`${OTHER_URL}/steal/${ID(`7${status}`)}`), error.message);
    }
    assert.equal(to(api, ID(`7${status}`)).length, 1, `a ${status} is not retried`);
  }
  const same = to(api, ID("5307"));
  if (inBrowser) {
    assert.equal(out.sameOrigin307.kind, "http", "a browser hides even a same-origin redirect");
    assert.equal(same.length, 1, "and it is not retried");
  } else {
    assert.deepEqual(out.sameOrigin307, { ok: true, name: "Ada", id: ID("5307") });
    assert.deepEqual(same.map((r) => [r.method, r.path.endsWith("?followed=1"), r.body]), [
      ["PATCH", false, '{"name":"Ada"}'],
      ["PATCH", true, '{"name":"Ada"}'],
    ]);
  }
}

/** The trial of issue 22, F1, F2, F3, F4 and F6 (F5 is in NON_PLAIN, point 2). */
const TRIAL = {
  "F1. an accessor at Array.prototype[0] neither receives a bulk item or result nor forges one": ({ out }) =>
    assert.deepEqual(out.arrayAccessor, {
      sent: `PATCH ${ID("21")} {"name":"Grace"};`,
      setterCalls: 0,
      length: 1,
      ownFirst: true,
      first: [ID("21"), true],
    }),
  "F2. a polluted Object.prototype.then never sees the internal response nor forges it": ({ out }) =>
    assert.deepEqual(out.pollutedThen, { got: { ok: true, name: "Stored", id: ID("22") }, stolen: 0 }),
  "F3. Object.prototype's setters receive no error, result or progress field, its getters forge none": ({ out }) =>
    assert.deepEqual(out.accessors, {
      received: [],
      error: ["bad_request", 400, "req-1", null, 1, "object"],
      bulk: [ID("24"), false, "bad_request", 400],
      progress: [[1, 1, 1]],
    }),
  "F4. a key the server echoes appears in no error, stack or JSON": ({ out }) => {
    for (const [status, seen] of Object.entries(out.echoedKey)) {
      assert.equal(seen.leaks, false, `the key in the error of a ${status}: ${JSON.stringify(seen)}`);
      assert.equal(seen.status, Number(status), status);
    }
    assert.deepEqual(out.echoedKeyBulk, [false, false, false, false, false], "bulk items' errors");
  },
  "L1. listCustomers reads its params and options as own properties only": ({ out }) => {
    const first = "GET /v1/customers/";
    assert.deepEqual(out.list.polluted, {
      listed: [first, first, first + "?search=ada", first + "?search=ada&starting_after=" + ID("32")],
      pages: [2, 2, true],
      iterated: [ID("31"), ID("32"), ID("33")],
      refused: ["validation", "limit", "Expected an integer from 1 to 100 (customers per page)"],
    });
  },
  "L2. a polluted then never sees a page's internal data or an iterable's item": ({ out }) =>
    assert.deepEqual(out.list.pollutedThen, {
      thenPage: [ID("31"), ID("32")],
      thenBulk: [ID("34")],
      sentBulk: `PATCH ${ID("34")};`,
      stolen: 0,
    }),
  "L3. Object.prototype's setters receive no page field, its getters forge none": ({ out }) =>
    assert.deepEqual(out.list.accessors, {
      received: [],
      fields: [2, 3, true, 2, ID("32"), null],
      broke: ["aborted", "source broke"],
      fromSet: [[ID("35"), true]],
    }),
  "L5. an iterator only a polluted Object.prototype holds makes nothing iterable": ({ out }) =>
    assert.deepEqual(out.list.pollutedIterator, { single: ["validation", "items"], sent: "" }),
  "L4. a key echoed in a page the client cannot read appears in no error": ({ out }) =>
    assert.deepEqual(out.list.echoedKey, { kind: "invalid_response", leaks: false }),
  "F6. a redirect to a URL with credentials is http, without them, not retried": ({ out, api, inBrowser }) => {
    assert.deepEqual(out.userinfoRedirect, { kind: "http", status: 307, credentials: false, calls: 1 });
    const e = out.userinfoServerRedirect;
    assert.equal(e.ok, false);
    assert.equal(e.kind, "http", JSON.stringify(e));
    assert.equal(e.status, inBrowser ? null : 307, "a browser hides the redirect");
    assert.doesNotMatch(e.message, /user:|:pw@/);
    assert.equal(to(api, ID("9307")).length, 1, "not retried, not followed");
  },
};

for (const runtime of ["Node", "Chromium"]) {
  for (const [name, check] of Object.entries(TRIAL)) {
    test(`${runtime}: trial ${name}`, async () => check(await ran(runtime)));
  }
  test(`${runtime}: 1. a polluted Object.prototype changes nothing sent or called`, async () =>
    pollution(await ran(runtime)));
  test(`${runtime}: 2. a Map, Date, class instance... in address or shipping is refused, never sent as {}`, async () =>
    nonPlain(await ran(runtime)));
  test(`${runtime}: 3. a leading BOM is ignored`, async () => bom(await ran(runtime)));
  test(`${runtime}: 5. a redirect to another origin is never followed`, async () =>
    redirects(await ran(runtime)));
}
