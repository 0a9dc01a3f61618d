// JS-value fuzzer: hostile and unusual JavaScript values through the built
// package (pkg/, from `bash scripts/build-pkg.sh`) in Node, against a
// recording server on 127.0.0.1. See fuzz/README.md.
//
//   node fuzz/js-values.mjs [--seconds 120] [--seed 1]
//
// Values: random objects and arrays, known field names, getters (returning
// or throwing), Proxies with throwing traps, revoked Proxies, cycles, null
// prototypes, functions, symbols, bigints, NaN, huge strings, wide and deep
// values, changed after the call. Invariants checked on every call:
//   - nothing throws out of validateCustomerPatch (always an array of at most
//     101 `{param, message, value}` with short texts);
//   - every other export returns or throws a CheckoutPageError;
//   - updateCustomer / updateCustomers return a promise without throwing, and
//     it settles (within 10 s) with a result or a CheckoutPageError;
//   - a request that was sent holds only what the patch held at call time
//     (the patch is mutated right after the call);
//   - no call takes longer than 3 s; no uncaught exception or unhandled
//     rejection reaches the process.
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
  const r = int(depth > 4 ? 10 : 22);
  switch (r) {
    case 0: return pick(STRINGS);
    case 1: return pick([0, -0, 1, 1.5, -1e308, 2 ** 53, NaN, Infinity, -Infinity]);
    case 2: return pick([true, false, null, undefined]);
    case 3: return pick(STRINGS) + pick(STRINGS);
    case 4: return chance(0.02) ? hugeString() : pick(STRINGS);
    case 5: return pick([Symbol("s"), 1n, () => 1, new Date(0), new Map([[1, 2]])]);
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
  switch (int(8)) {
    case 0: return value(0);
    case 1: return proxy(object(1));
    case 2: return revoked();
    case 3: return withGetter(object(1));
    default: return object(0);
  }
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
const server = createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    const id = decodeURIComponent(req.url.split("/").pop() || "");
    bodies.set(id, body);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ data: { id, name: "stored" } }));
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
  JSON.stringify({ seed: startSeed, seconds, executions, requestsSent: bodies.size, failures: failures.length }),
);
process.exit(failures.length ? 1 : 0);
