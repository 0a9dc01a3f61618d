// JS-value fuzzer: hostile and unusual JavaScript values through the built
// package (pkg/, from `bash scripts/build-pkg.sh`) in Node, against a
// recording server on 127.0.0.1. See fuzz/README.md.
//
//   node fuzz/js-values.mjs [--seconds 120] [--seed 1]
//
// Values: random objects and arrays, known field names, getters (returning
// or throwing), Proxies with throwing traps, revoked Proxies, cycles, null
// prototypes, functions, symbols, bigints, NaN, huge strings, wide and deep
// values, changed after the call; objects JSON would lose (Map, Set, WeakMap,
// Date, RegExp, typed arrays, Promise, class instances with getters or no
// fields) and class instances with a toJSON(); and, in some rounds, an
// Object.prototype polluted with keys the package or fetch reads; objects
// with non-enumerable or inherited data; accessors (setters and getters) on
// Object.prototype and at Array.prototype[0], and a polluted `then`, which
// must never receive or forge an error, a bulk result or a progress report,
// nor see the client's internal response. Invariants
// checked on every call:
//   - nothing throws out of validateCustomerPatch (always an array of at most
//     101 `{param, message, value}` with short texts);
//   - every other export returns or throws a CheckoutPageError;
//   - updateCustomer / updateCustomers (with an array, an iterable or an
//     async iterable) and listCustomers return a promise without throwing,
//     and it settles (within 10 s) with a result or a CheckoutPageError;
//     iterating a listCustomers call yields customers or throws a
//     CheckoutPageError, and the query sent holds the search the params held
//     at call time;
//   - a request that was sent holds only what the patch held at call time
//     (the patch is mutated right after the call);
//   - no call takes longer than 3 s; no uncaught exception or unhandled
//     rejection reaches the process;
//   - `address` or `shipping` is never sent as {} unless the patch held a
//     plain {} there (a Map sent as {} would erase the stored address);
//   - with a polluted prototype (and a fetch option, so that Node's own
//     fetch, which reads some keys through it, stays out of it): nothing on
//     the prototype is ever called, fetch gets an init and headers without a
//     prototype, with the method, redirect and body the call implies, and no
//     request goes to a customer or with a body the caller did not pass.
// Exit status 1 when any invariant failed; failures are printed.

import { createServer } from "node:http";
import { isDeepStrictEqual } from "node:util";

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const seconds = arg("--seconds", 60);
let seed = arg("--seed", Date.now() % 1e9) >>> 0;
const startSeed = seed;

// Node loads its fetch (undici) lazily, on the first use of `fetch` or
// `Response`, and that load JSON.stringifies options of its own: were it to
// happen in a polluted round, a polluted toJSON would be called by Node, not
// by the package (README, "Prototype pollution"). Loaded now, before any.
void globalThis.Response;
void globalThis.fetch;

const sdk = await import(new URL("../pkg/index.js", import.meta.url));
const { CheckoutPageClient, CheckoutPageError } = sdk;

// A small, seeded PRNG (mulberry32), so a failing run can be replayed.
function random() {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n) => Math.floor(random() * n);
const pick = (list) => list[int(list.length)];
const chance = (p) => random() < p;

const FIELDS = [
  "name", "companyName", "email", "phone", "billingEmail", "address", "shipping", "taxId",
  "taxIdType", "line1", "line2", "city", "state", "postalCode", "country", "id", "createdAt",
  "__proto__", "constructor", "toJSON", "", "a.b", "nme",
];
const STRINGS = [
  "", " ", "Ada", "a@b.co", "A@B.CO ", "+31201234567", "NL", "nl", "1012 AB", "eu_vat",
  "NL123456789B01", "\u0000", "\n", "\ud800", "🎉", "x".repeat(300), "東京",
];

const failures = [];
const fail = (what, detail) => {
  failures.push({ what, detail: String(detail).slice(0, 500), seed: startSeed });
  if (failures.length <= 20) console.error(`FAIL ${what}: ${String(detail).slice(0, 300)}`);
};
process.on("uncaughtException", (e) => fail("uncaught exception", e && e.stack));
process.on("unhandledRejection", (e) => fail("unhandled rejection", e && e.stack));

function boom() {
  throw new Error("boom");
}

function hugeString() {
  return pick(["x", "\u0001", "é"]).repeat(pick([1e5, 3e5, 1e6, 1e7, 5e7]));
}

function value(depth) {
  const r = int(depth > 4 ? 10 : 23);
  switch (r) {
    case 0: return pick(STRINGS);
    case 1: return pick([0, -0, 1, 1.5, -1e308, 2 ** 53, NaN, Infinity, -Infinity]);
    case 2: return pick([true, false, null, undefined]);
    case 3: return pick(STRINGS) + pick(STRINGS);
    case 4: return chance(0.02) ? hugeString() : pick(STRINGS);
    case 5: return pick([Symbol("s"), 1n, () => 1, new Date(0), new Map([[1, 2]])]);
    case 21: return nonPlain(depth + 1);
    case 6: return String(int(1e6));
    case 7: return pick(STRINGS);
    case 8: return null;
    case 9: return undefined;
    case 10: case 11: case 12: return object(depth + 1);
    case 13: return array(depth + 1);
    case 14: return proxy(object(depth + 1));
    case 15: return revoked();
    case 16: return withGetter(object(depth + 1));
    case 17: return cyclic();
    case 18: return deep(pick([50, 65, 200, 5000]));
    case 19: return wide(pick([100, 5000, 30000, 100000]));
    case 20: return Object.assign(Object.create(null), object(depth + 1));
    default: return object(depth + 1);
  }
}

class WithGetters {
  #line1 = "Keizersgracht 1";
  get line1() {
    return this.#line1;
  }
}
class WithoutFields {
  #city = "Amsterdam";
}
class WithToJSON {
  #data;
  constructor(data) {
    this.#data = data;
  }
  toJSON() {
    return this.#data;
  }
}

/** Objects JSON.stringify would send as {} (or lose data of), and a toJSON class. */
function nonPlain(depth) {
  const entries = [["line1", "Keizersgracht 1"], ["city", "Amsterdam"], ["country", "NL"]];
  switch (int(16)) {
    case 0: return new Map(entries);
    case 1: return new Set(["Keizersgracht 1"]);
    case 2: return new WeakMap([[{}, 1]]);
    case 3: return new WeakSet();
    case 4: return new Date(int(2e12));
    case 5: return /Keizersgracht/g;
    case 6: return pick([new Uint8Array(3), new Float64Array(2), new DataView(new ArrayBuffer(4))]);
    case 7: return new ArrayBuffer(8);
    case 8: return Promise.resolve(Object.fromEntries(entries));
    case 9: return new WithGetters();
    case 10: return new WithoutFields();
    case 11: return pick([new String("Ada"), new Number(1), new Boolean(true), new Error("x")]);
    case 12: return Object.create({ get line1() { return "x"; } });
    // Own data that is not enumerable; data inherited from a prototype.
    case 13: return Object.defineProperties({}, Object.fromEntries(entries.map(([k, v]) => [k, { value: v, enumerable: chance(0.3) && k !== "line1" }])));
    case 14: return Object.assign(Object.create(Object.fromEntries(entries.slice(0, 2))), { country: "NL" });
    default: return new WithToJSON(chance(0.8) ? Object.fromEntries(entries) : value(depth));
  }
}

function object(depth) {
  const out = {};
  const n = int(6);
  for (let i = 0; i < n; i++) {
    const key = chance(0.7) ? pick(FIELDS) : `k${int(100)}`;
    Object.defineProperty(out, key, {
      value: value(depth),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

function array(depth) {
  return Array.from({ length: int(5) }, () => value(depth));
}

const TRAPS = ["ownKeys", "get", "getOwnPropertyDescriptor", "has", "getPrototypeOf"];
function proxy(target) {
  const handler = {};
  for (const trap of TRAPS) if (chance(0.3)) handler[trap] = boom;
  if (chance(0.2)) handler.get = (t, k) => (chance(0.5) ? Reflect.get(t, k) : pick([...STRINGS, 7, "523412", null]));
  if (chance(0.1)) handler.ownKeys = () => ["name", "name"];
  return new Proxy(target, handler);
}

function revoked() {
  const r = Proxy.revocable(chance(0.5) ? {} : [], {});
  r.revoke();
  return r.proxy;
}

function withGetter(target) {
  const key = pick(FIELDS);
  if (key === "__proto__") return target;
  let calls = 0;
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      calls += 1;
      if (chance(0.5)) throw new Error("getter");
      return calls > 1 ? () => 1 : pick(STRINGS);
    },
  });
  return target;
}

function cyclic() {
  const o = { name: "A" };
  o[pick(["address", "shipping", "x"])] = o;
  if (chance(0.5)) o.y = o;
  return o;
}

function deep(n) {
  let o = { city: "x" };
  for (let i = 0; i < n; i++) o = { address: o };
  return o;
}

function wide(n) {
  const o = {};
  for (let i = 0; i < n; i++) o[`k${i}`] = i;
  return o;
}

function patch() {
  switch (int(9)) {
    case 4: return { [pick(["address", "shipping"])]: chance(0.7) ? nonPlain(1) : { address: nonPlain(2) } };
    case 0: return value(0);
    case 1: return proxy(object(1));
    case 2: return revoked();
    case 3: return withGetter(object(1));
    default: return object(0);
  }
}

/**
 * Which of address, shipping (and their .address) may rightly be sent as {}
 * now: a plain, empty object, or one with a toJSON() (which may give {}).
 */
function emptyPlainFields(p) {
  const read = (o, k) => {
    try {
      return o !== null && typeof o === "object" ? o[k] : undefined;
    } catch {
      return undefined;
    }
  };
  const mayBeEmpty = (v) => {
    try {
      if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
      if (typeof read(v, "toJSON") === "function") return true;
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return false;
      // Own data that is not enumerable is data: never to be sent as {}.
      if (Object.getOwnPropertyNames(v).length !== Object.keys(v).length) return false;
      // Keys holding undefined are omitted; a getter may give anything.
      return Object.keys(v).every((k) => {
        const d = Object.getOwnPropertyDescriptor(v, k);
        return !d || "get" in d || d.value === undefined;
      });
    } catch {
      return false;
    }
  };
  const out = {};
  for (const field of ["address", "shipping"]) {
    const v = read(p, field);
    out[field] = mayBeEmpty(v);
    out[`${field}.address`] = mayBeEmpty(read(v, "address"));
  }
  return out;
}

/** A plain JSON-able copy of `v` at this moment, or undefined if it has none. */
function plainCopy(v) {
  try {
    const text = JSON.stringify(v);
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

const isPlainData = (v, depth = 0) => {
  try {
    return plainData(v, depth);
  } catch {
    return false; // a revoked Proxy or a throwing trap
  }
};
const plainData = (v, depth) => {
  if (depth > 40) return false;
  if (v === null || typeof v === "string" || typeof v === "boolean") return true;
  if (typeof v === "number") return Number.isFinite(v);
  if (typeof v !== "object" || Object.getPrototypeOf(v) !== Object.prototype) return false;
  return Object.keys(v).every((k) => {
    const d = Object.getOwnPropertyDescriptor(v, k);
    return d && "value" in d && (d.value === undefined || plainData(d.value, depth + 1));
  });
};

// The recording server: every PATCH body by customer id, answered 200.
const bodies = new Map();
// The list call's queries, as sent (issue 24).
const listQueries = [];
const listCustomer = (n) =>
  ({ id: n.toString(16).padStart(24, "0"), email: `c${n}@example.com`, sellerId: "s", createdAt: "2024-01-01T00:00:00Z", updatedAt: "2024-01-01T00:00:00Z" });
const server = createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    const url = new URL(req.url, "http://x");
    if (url.pathname === "/v1/customers/") {
      // Two pages of two customers: the first, then one after a cursor.
      listQueries.push(url.searchParams);
      const later = url.searchParams.has("starting_after") || url.searchParams.has("ending_before");
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ data: later ? [listCustomer(3), listCustomer(4)] : [listCustomer(1), listCustomer(2)], total: 4, has_more: !later }));
      return;
    }
    const id = decodeURIComponent(req.url.split("/").pop() || "");
    bodies.set(id, body);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ data: { id, email: "a@example.com", name: "stored" } }));
  });
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const baseUrl = `http://127.0.0.1:${server.address().port}`;
const client = new CheckoutPageClient({
  apiKey: "sk_test_fuzz",
  baseUrl,
  maxRetries: 0,
  timeoutMs: 5000,
  requestsPerMinute: 1_000_000,
});

let counter = 0;
const newId = () => (counter++).toString(16).padStart(24, "0");

function timed(what, f) {
  const started = performance.now();
  let result;
  try {
    result = f();
  } finally {
    const took = performance.now() - started;
    if (took > 3000) fail(`${what} took ${took.toFixed(0)} ms`, "");
  }
  return result;
}

function expectThrowsOnlyCheckoutPageError(what, f) {
  try {
    timed(what, f);
  } catch (e) {
    if (!(e instanceof CheckoutPageError)) fail(`${what} threw a non-CheckoutPageError`, e && e.stack);
  }
}

async function settles(what, promise) {
  let timer;
  const timeout = new Promise((r) => (timer = setTimeout(() => r("timeout"), 10_000)));
  const outcome = await Promise.race([
    promise.then(
      (v) => ({ ok: v }),
      (e) => ({ error: e }),
    ),
    timeout,
  ]);
  clearTimeout(timer);
  if (outcome === "timeout") fail(`${what} never settled`, "");
  else if ("error" in outcome && !(outcome.error instanceof CheckoutPageError))
    fail(`${what} rejected with a non-CheckoutPageError`, outcome.error && outcome.error.stack);
  return outcome;
}

function mutate(p) {
  try {
    for (const k of Object.keys(p)) delete p[k];
    p.companyName = null;
    p.email = "changed@example.com";
  } catch {
    // Proxies and frozen values may refuse.
  }
}

// Keys the package or fetch reads from objects, and hostile values for them.
const called = [];
const spy = (name) => function () {
  called.push(name);
  return { email: "attacker@evil.test" };
};
const POLLUTABLE = {
  fetch: () => spy("fetch"),
  dispatcher: () => ({ dispatch: spy("dispatcher.dispatch") }),
  redirect: () => "follow",
  credentials: () => "include",
  mode: () => "no-cors",
  signal: () => AbortSignal.abort(),
  onProgress: () => spy("onProgress"),
  patch: () => ({ email: "attacker@evil.test" }),
  customerId: () => "65f0c0ffee00000000000dead".slice(0, 24),
  headers: () => ({ authorization: "Bearer stolen" }),
  body: () => '{"email":"attacker@evil.test"}',
  method: () => "DELETE",
  toJSON: () => spy("toJSON"),
  window: () => ({}),
  referrer: () => "http://evil.test/",
  integrity: () => "sha256-AAAA",
  keepalive: () => true,
  cache: () => "only-if-cached",
  apiKey: () => "sk_stolen",
  baseUrl: () => "http://evil.test",
  validation: () => "off",
  timeoutMs: () => 1,
  cause: () => "polluted",
  address: () => ({ line1: "Evil 1" }),
  shipping: () => ({ name: "Evil" }),
  email: () => "attacker@evil.test",
  0: () => ({ customerId: "65f0c0ffee000000000dead0", patch: { email: "attacker@evil.test" } }),
};

const seenInits = [];
// No JSON.stringify here: a polluted toJSON would answer for it.
const recordingFetch = async (url, init) => {
  seenInits.push({ url, init, proto: Object.getPrototypeOf(init), headersProto: Object.getPrototypeOf(init.headers) });
  const id = String(url).split("/").pop();
  return new Response('{"data":{"id":"' + id + '","email":"a@example.com","name":"stored"}}', { status: 200 });
};
const recordingClient = new CheckoutPageClient({
  apiKey: "sk_test_fuzz",
  baseUrl,
  maxRetries: 0,
  requestsPerMinute: 1_000_000,
  fetch: recordingFetch,
});

let pollutedRounds = 0;
async function pollutedRound() {
  pollutedRounds += 1;
  const keys = Object.keys(POLLUTABLE).filter(() => chance(0.3));
  const id = newId();
  const fields = { name: pick(STRINGS.filter((x) => !/[\u0000-\u001f\ud800]/.test(x) && x.trim())) ?? "Ada" };
  if (chance(0.5)) fields.address = { line1: "Keizersgracht 1", city: "Amsterdam", country: "NL" };
  const expected = JSON.stringify(fields);
  const bulkId = newId();
  seenInits.length = 0;
  for (const k of keys) Object.prototype[k] = POLLUTABLE[k]();
  let outcomes;
  try {
    outcomes = await Promise.all([
      settles("polluted updateCustomer", recordingClient.updateCustomer(id, { ...fields }, chance(0.5) ? {} : undefined)),
      settles("polluted getCustomer", recordingClient.getCustomer(id, {})),
      settles("polluted updateCustomers", recordingClient.updateCustomers([{ customerId: bulkId }, { patch: { name: "x" } }], {})),
      Promise.resolve(sdk.validateCustomerPatch({ ...fields })),
    ]);
  } finally {
    for (const k of keys) delete Object.prototype[k];
  }
  const what = `with Object.prototype.{${keys.join(", ")}}`;
  if (called.length) fail(`the prototype's functions were called ${what}`, called.splice(0).join(", "));
  const [update, get, bulk, problems] = outcomes;
  if (!update || "error" in update) fail(`updateCustomer failed ${what}`, update && update.error && update.error.message);
  if (!get || "error" in get) fail(`getCustomer failed ${what}`, get && get.error && get.error.message);
  if (bulk && "ok" in bulk && bulk.ok.some((r) => r.ok)) fail(`an incomplete bulk item was sent ${what}`, "");
  if (!Array.isArray(problems) || problems.some((x) => x.severity === "error")) fail(`validation changed ${what}`, "");
  for (const { url, init, proto, headersProto } of seenInits) {
    if (proto !== null || headersProto !== null) fail(`fetch got an init with a prototype ${what}`, url);
    if (!String(url).startsWith(`${baseUrl}/v1/customers/${id}`)) fail(`a request went elsewhere ${what}`, url);
    if (init.redirect !== "manual") fail(`fetch got redirect ${init.redirect} ${what}`, url);
    if (init.signal.aborted) fail(`fetch got an aborted signal ${what}`, url);
    if (init.headers.Authorization !== "Bearer sk_test_fuzz") fail(`fetch got other credentials ${what}`, url);
    const body = Object.getOwnPropertyDescriptor(init, "body")?.value;
    if (init.method === "PATCH" ? body !== expected : init.method !== "GET" || body !== null)
      fail(`fetch got ${init.method} with ${body} instead of ${expected} ${what}`, url);
  }
  if (seenInits.length !== 2) fail(`expected 2 requests ${what}, got ${seenInits.length}`, "");
}

// Accessors on Object.prototype (for every field of an error, a bulk result
// and a progress report) and at Array.prototype[0], and a polluted `then`:
// none ever receives or forges what the client builds. The fetch option
// answers with plain objects (Node's own Response breaks with these).
const ACCESSOR_KEYS = ["kind", "status", "errors", "body", "requestId", "retryAfterMs",
  "customerId", "ok", "customer", "error", "done", "total", "failed"];
const plainFetch = async (url) => {
  const id = String(url).split("/").pop();
  const bad = id.endsWith("bad0");
  const text = bad
    ? '{"errors":[{"param":"email","message":"Email already in use","value":"x@y.test"}]}'
    : '{"data":{"id":"' + id + '","email":"a@example.com","name":"stored"}}';
  return { status: bad ? 400 : 200, headers: { get: () => null }, text: async () => text };
};
const accessorClient = new CheckoutPageClient({
  apiKey: "sk_test_fuzz", baseUrl, maxRetries: 0, requestsPerMinute: 1_000_000, fetch: plainFetch,
});
let accessorRounds = 0;
async function accessorRound() {
  accessorRounds += 1;
  const keys = ACCESSOR_KEYS.filter(() => chance(0.4));
  const onArray = chance(0.5);
  const onThen = chance(0.4);
  let received = "";
  let thenSawResponse = 0;
  let active = true;
  const forged = { customerId: "65f0c0ffee000000000dead0", patch: { email: "attacker@evil.test" } };
  const accessor = (target, key, getterValue) => Object.defineProperty(target, key, {
    configurable: true, set() { received += ` ${String(key)}`; }, get() { return getterValue; },
  });
  function evilThen(resolve) {
    delete Object.prototype.then;
    // The client's internal response (the fetch option's own answer has no `type`).
    const has = (k) => Object.getOwnPropertyDescriptor(this, k) !== undefined;
    if (has("text") && has("status") && has("type")) thenSawResponse += 1;
    resolve(this);
    // (Not queueMicrotask: Node's sets Array index 0 of its own.)
    Promise.resolve().then(() => {
      if (active) Object.defineProperty(Object.prototype, "then", { configurable: true, value: evilThen });
    });
  }
  const good = newId();
  const bad = newId().slice(0, 20) + "bad0";
  let updated, error, results;
  let progress = "";
  // Not an array: its index 0 would go to the polluted setter.
  const progressReports = new Map();
  for (const key of keys) accessor(Object.prototype, key, "FORGED");
  if (onArray) accessor(Array.prototype, 0, forged);
  if (onThen) Object.defineProperty(Object.prototype, "then", { configurable: true, value: evilThen });
  try {
    updated = await accessorClient.updateCustomer(good, { name: "Ada" }).catch((e) => e);
    error = await accessorClient.updateCustomer(bad, { email: "x@y.test" }).catch((e) => e);
    results = await accessorClient.updateCustomers(
      [{ customerId: good, patch: { name: "Bo" } }, { customerId: bad, patch: { name: "Cy" } }],
      { onProgress: (p) => { progress += "."; progressReports.set(progressReports.size, p); } },
    );
  } catch (e) {
    error = e;
  } finally {
    active = false;
    delete Object.prototype.then;
    for (const key of keys) delete Object.prototype[key];
    delete Array.prototype[0];
  }
  const what = `with accessors on Object.prototype.{${keys.join(", ")}}${onArray ? " and Array.prototype[0]" : ""}${onThen ? " and a polluted then" : ""}`;
  const own = (o, k) => o !== null && typeof o === "object" && Object.getOwnPropertyDescriptor(o, k) !== undefined;
  if (received) fail(`a prototype's setter received${received} ${what}`, "");
  if (thenSawResponse) fail(`a polluted then saw the internal response ${what}`, "");
  if (!updated || updated instanceof Error || updated.name !== "stored") fail(`updateCustomer failed ${what}`, updated && updated.message);
  if (!(error instanceof CheckoutPageError) || !own(error, "kind") || error.kind !== "bad_request" || error.status !== 400)
    fail(`the error was not a bad_request of its own ${what}`, error && error.kind);
  if (!Array.isArray(results) || results.length !== 2 || !own(results, 0) || !own(results, 1)) {
    fail(`bulk results were not two own items ${what}`, "");
  } else {
    const [a, b] = results;
    if (!own(a, "customerId") || a.customerId !== good || a.ok !== true) fail(`bulk result 0 was forged ${what}`, "");
    if (!own(b, "error") || b.ok !== false || b.error.kind !== "bad_request") fail(`bulk result 1 was forged ${what}`, "");
  }
  if (progress.length < 2 || [...progressReports.values()].some((p) => !own(p, "done") || !own(p, "total") || p.total !== 2))
    fail(`progress reports were not own data ${what}`, progress);
}

let executions = 0;
const deadline = Date.now() + seconds * 1000;
const customer = { id: "65f0c0ffee0000000000abcd", name: "A", email: "a@b.co" };
while (Date.now() < deadline) {
  executions += 1;
  const p = patch();
  // validateCustomerPatch never throws and always returns a capped array.
  try {
    const errors = timed("validateCustomerPatch", () => sdk.validateCustomerPatch(p));
    if (!Array.isArray(errors)) fail("validateCustomerPatch returned a non-array", errors);
    else {
      if (errors.length > 101) fail("more than 101 problems", errors.length);
      for (const e of errors) {
        if (typeof e.param !== "string" || typeof e.message !== "string")
          fail("malformed problem", JSON.stringify(e));
        else if (e.param.length > 300 || e.message.length > 300) fail("uncapped text", e.message.slice(0, 80));
      }
    }
  } catch (e) {
    fail("validateCustomerPatch threw", e && e.stack);
  }
  expectThrowsOnlyCheckoutPageError("normalizeCustomerPatch", () => sdk.normalizeCustomerPatch(p));
  expectThrowsOnlyCheckoutPageError("applyCustomerPatch", () =>
    sdk.applyCustomerPatch(chance(0.8) ? customer : value(0), p),
  );
  expectThrowsOnlyCheckoutPageError("diffCustomer", () =>
    sdk.diffCustomer(chance(0.8) ? customer : value(0), p),
  );
  expectThrowsOnlyCheckoutPageError("new CheckoutPageClient", () =>
    new CheckoutPageClient(chance(0.5) ? patch() : { baseUrl, timeoutMs: value(3), apiKey: value(3) }),
  );

  // updateCustomer: a promise, settled, sending only what was passed.
  const id = newId();
  const before = isPlainData(p) ? plainCopy(p) : undefined;
  const emptyPlain = emptyPlainFields(p);
  const options = chance(0.8) ? undefined : chance(0.5) ? patch() : { timeoutMs: value(3) };
  let promise;
  try {
    promise = timed("updateCustomer", () => client.updateCustomer(id, p, options));
  } catch (e) {
    fail("updateCustomer threw synchronously", e && e.stack);
  }
  mutate(p);
  if (promise) {
    const outcome = await settles("updateCustomer", promise);
    const sent = bodies.get(id);
    if (sent !== undefined) {
      if (before === undefined) {
        // Only plain data is compared; a hostile value that was sent must
        // at least have been accepted by validation at call time.
      } else {
        const body = JSON.parse(sent);
        for (const [k, v] of Object.entries(body)) {
          if (!(k in before) || !isDeepStrictEqual(JSON.parse(JSON.stringify(before[k])), v)) {
            if (k !== "address" && k !== "shipping")
              fail("sent something other than the call's patch", `${k}: ${JSON.stringify(v)} vs ${JSON.stringify(before[k])}`);
          }
        }
      }
      if (outcome && "error" in outcome) fail("a sent request rejected", outcome.error.message);
      const body = JSON.parse(sent);
      for (const field of ["address", "shipping"]) {
        if (isDeepStrictEqual(body[field], {}) && !emptyPlain[field])
          fail(`${field} sent as {} though the patch did not hold a plain {}`, String(p));
        if (body[field] && isDeepStrictEqual(body[field].address, {}) && !emptyPlain[`${field}.address`])
          fail(`${field}.address sent as {} though the patch did not hold a plain {}`, String(p));
      }
    }
  }

  // updateCustomers with hostile items.
  if (chance(0.2)) {
    const items = chance(0.5)
      ? [{ customerId: newId(), patch: patch() }, value(2)]
      : pick([revoked(), proxy([]), value(1), Object.defineProperty([], 0, { get: boom, enumerable: true })]);
    let bulk;
    try {
      bulk = timed("updateCustomers", () => client.updateCustomers(items, chance(0.7) ? undefined : patch()));
    } catch (e) {
      fail("updateCustomers threw synchronously", e && e.stack);
    }
    if (bulk) await settles("updateCustomers", bulk);
  }
  // listCustomers with hostile params and options: it returns without
  // throwing, settles with a page or a CheckoutPageError, and a query sent
  // holds the search the params held at call time; iterating it yields or
  // throws only CheckoutPageErrors.
  if (chance(0.2)) {
    const params = chance(0.6)
      ? { search: pick(["ada", "A\uD83D", value(1)]), limit: pick([2, 0, 101, 2.5, "10", value(1)]), ...(chance(0.3) ? { startingAfter: pick([newId(), value(1)]) } : {}) }
      : value(2);
    const search = isPlainData(params) ? plainCopy(params)?.search : undefined;
    const options = chance(0.7) ? undefined : chance(0.5) ? patch() : { timeoutMs: value(3), locale: value(1) };
    listQueries.length = 0;
    let listed;
    try {
      listed = timed("listCustomers", () => client.listCustomers(params, options));
    } catch (e) {
      fail("listCustomers threw synchronously", e && e.stack);
    }
    if (params !== null && typeof params === "object") mutate(params);
    if (listed) {
      const outcome = await settles("listCustomers", listed);
      if (outcome && "ok" in outcome) {
        const sent = listQueries[0];
        if (!sent) fail("listCustomers resolved without a request", "");
        else if (typeof search === "string" && sent.get("search") !== search)
          fail("listCustomers sent another search than the call's", `${sent.get("search")} vs ${search}`);
        if (!Array.isArray(outcome.ok.data)) fail("a page without data", String(outcome.ok));
        let n = 0;
        try {
          const run = (async () => {
            for await (const customer of listed) if (++n > 3 || typeof customer.id !== "string") break;
          })();
          await settles("iterating listCustomers", run.then(() => undefined));
        } catch (e) {
          fail("iterating listCustomers threw", e && e.stack);
        }
      }
    }
  }

  // updateCustomers over an iterable or async iterable of hostile items,
  // sometimes throwing: a promise that settles, never a throw.
  if (chance(0.1)) {
    const throws = chance(0.3);
    function* items() {
      yield { customerId: newId(), patch: patch() };
      yield value(2);
      if (throws) throw new Error("the source broke");
      yield { customerId: value(1), patch: value(2) };
    }
    const source = pick([items(), (async function* () { yield* items(); })(), new Set([value(1), { customerId: newId(), patch: patch() }])]);
    let bulk;
    try {
      bulk = timed("updateCustomers (iterable)", () => client.updateCustomers(source, chance(0.7) ? undefined : patch()));
    } catch (e) {
      fail("updateCustomers (iterable) threw synchronously", e && e.stack);
    }
    if (bulk) await settles("updateCustomers (iterable)", bulk);
  }

  // A polluted prototype, with a client whose fetch option records what it
  // is handed (Node's own fetch reads some keys through the prototype).
  if (chance(0.15)) await pollutedRound();
  if (chance(0.1)) await accessorRound();

  // Unbound methods.
  if (chance(0.05)) {
    const f = client.updateCustomer;
    try {
      await settles("unbound updateCustomer", f(newId(), { name: "x" }));
    } catch (e) {
      fail("unbound updateCustomer threw", e && e.stack);
    }
  }
}

server.close();
console.log(
  JSON.stringify({ seed: startSeed, seconds, executions, pollutedRounds, accessorRounds, requestsSent: bodies.size, failures: failures.length }),
);
process.exit(failures.length ? 1 : 0);
