// checkoutpage-client/testing: the Checkout Page API imitated in-process, for
// users' own tests. Its own WebAssembly module (inline, ./wasm-bytes.js), the
// same imitation the repository's sandbox server runs; never loaded by the
// main entry. Types and documentation: ./index.d.ts.
import { TextEncoder } from "../text-codec.js";
import { FakeApiCore, seedCustomers as seedCustomersJson, initModule } from "./fake_api.js";

const BASE_URL = "https://api.checkoutpage.com";

let loaded = false;
/** The seed fixtures (fresh copies); after a createFakeApi() resolved. */
function seedCustomers() {
  if (!loaded) {
    throw new Error("checkoutpage-client/testing: seedCustomers() needs the kit loaded: call it after `await createFakeApi()`");
  }
  // Fresh copies, parsed each time (no structuredClone: Jest + jsdom lacks it).
  return JSON.parse(seedCustomersJson());
}

/**
 * Waits `ms`, ended early by the signal (rejects with its reason) or by a
 * reset of the fake (`held` gets a function that rejects with its argument).
 */
const sleep = (ms, signal, held) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener?.("abort", onAbort);
      held.delete(wake);
    };
    const timer = setTimeout(() => {
      done();
      resolve();
    }, ms);
    const onAbort = () => {
      done();
      reject(signal.reason);
    };
    const wake = (error) => {
      done();
      reject(error);
    };
    held.add(wake);
    signal?.addEventListener?.("abort", onAbort, { once: true });
  });

function headerEntries(headers) {
  if (headers == null) return [];
  if (typeof headers.forEach === "function" && typeof headers.get === "function") {
    const out = [];
    headers.forEach((value, name) => out.push([String(name), String(value)]));
    return out;
  }
  if (Array.isArray(headers) || typeof headers[Symbol.iterator] === "function") {
    return [...headers].map(([name, value]) => [String(name), String(value)]);
  }
  return Object.entries(headers).map(([name, value]) => [String(name), String(value)]);
}

async function bodyBytes(body) {
  if (body == null) return new Uint8Array(0);
  if (typeof body === "string") return new TextEncoder().encode(body);
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (typeof body.arrayBuffer === "function") return new Uint8Array(await body.arrayBuffer());
  if (typeof body.getReader === "function" && typeof Response === "function") return new Uint8Array(await new Response(body).arrayBuffer());
  return new TextEncoder().encode(String(body));
}

/** A Response, or (where there is no global Response, e.g. Jest + jsdom) a Response-like object. */
function makeResponse(status, headerPairs, body) {
  const noBody = status === 204 || status === 304;
  if (typeof Response === "function") {
    return new Response(noBody ? null : body, { status, headers: headerPairs });
  }
  const map = new Map(headerPairs.map(([n, v]) => [n.toLowerCase(), v]));
  return {
    status,
    ok: status >= 200 && status < 300,
    statusText: "",
    headers: { get: (name) => map.get(String(name).toLowerCase()) ?? null, has: (name) => map.has(String(name).toLowerCase()), forEach: (fn) => map.forEach(fn) },
    text: () => Promise.resolve(body),
    json: () => Promise.resolve(JSON.parse(body)),
  };
}

/** A deep copy of plain JSON data. */
function copyJson(value) {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(copyJson);
  const out = {};
  for (const key of Object.keys(value)) out[key] = copyJson(value[key]);
  return out;
}

/** A request log entry the caller may change freely. */
function copyEntry(entry) {
  return { ...entry, headers: { ...entry.headers }, json: copyJson(entry.json) };
}

/** The failure of an injected `networkError` (a `TypeError`, as `fetch` rejects). */
class InjectedNetworkError extends TypeError {}

const PREFIX = "checkoutpage-client/testing";
/** What a header value cannot carry: control characters and anything outside Latin-1. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u0100-\uffff]/;
const MAX_DELAY_MS = 2 ** 31 - 1; // the largest setTimeout delay
const MAX_TIME_MS = 253402300799999; // 9999-12-31T23:59:59.999Z, the last RFC 3339 instant

/** Checks a `Retry-After` given to a fault: whole seconds ≥ 0, or an HTTP-date text. */
function checkRetryAfter(value, where) {
  if (value === undefined || value === null) return;
  if (typeof value === "number" ? Number.isSafeInteger(value) && value >= 0 : typeof value === "string" && !CONTROL.test(value) && (/^\d+$/.test(value) || !Number.isNaN(Date.parse(value)))) return;
  throw new TypeError(`${PREFIX}: ${where}.retryAfter must be whole seconds (an integer ≥ 0) or an HTTP-date string; got ${JSON.stringify(value)}`);
}

function checkText(value, what, where) {
  if (value === undefined) return;
  if (typeof value !== "string" || CONTROL.test(value)) {
    throw new TypeError(`${PREFIX}: ${where}.${what} must be a string of Latin-1 characters without control characters (it becomes a header or a message)`);
  }
}

/** Checks a fault's `status` (from `low` to 599; `undefined` allowed when `optional`). */
function checkStatus(value, low, where, optional = false) {
  if (value === undefined && optional) return;
  if (!Number.isInteger(value) || value < low || value > 599) {
    throw new TypeError(`${PREFIX}: ${where}.status must be an integer from ${low} to 599 (what a Response can carry); got ${JSON.stringify(value)}`);
  }
}

/**
 * The fields each fault kind takes besides `kind`: the kit module's own
 * declaration of its faults (testing/src/lib.rs, `FAULT_KINDS`, which a test
 * ties to index.d.ts `FakeFault`), read once the module is loaded.
 */
let faultFields;
const faultKinds = () => (faultFields ??= JSON.parse(FakeApiCore.faultKinds()));

/**
 * Checks a documented `Fault` before it is queued: its kind and fields (as
 * the module declares them), and what only JavaScript can check of their
 * values (header text, HTTP dates, numbers JSON cannot carry); returns a
 * plain copy. The module turns it into the imitation's fault (`addKitFaults`).
 */
function checkFault(fault) {
  const FAULT_FIELDS = faultKinds();
  if (fault === null || typeof fault !== "object" || !Object.hasOwn(FAULT_FIELDS, fault.kind)) {
    throw new TypeError(`checkoutpage-client/testing: a fault must be an object whose kind is one of ${Object.keys(FAULT_FIELDS).join(", ")}; got ${JSON.stringify(fault)}`);
  }
  const where = `fault ${fault.kind}`;
  const unknown = Object.keys(fault).filter((key) => key !== "kind" && !FAULT_FIELDS[fault.kind].includes(key));
  if (unknown.length) {
    throw new TypeError(`${PREFIX}: ${where} has no field ${unknown.map((k) => JSON.stringify(k)).join(", ")} (its fields: ${FAULT_FIELDS[fault.kind].join(", ") || "none"})`);
  }
  checkText(fault.message, "message", where);
  switch (fault.kind) {
    case "rateLimit":
      checkRetryAfter(fault.retryAfter, where);
      break;
    case "validationError":
      if (!Array.isArray(fault.errors)) throw new TypeError(`${PREFIX}: ${where}.errors must be an array of { param, message, value? }`);
      break;
    case "serverError":
      checkStatus(fault.status, 500, where, true);
      break;
    case "status":
      checkStatus(fault.status, 200, where);
      checkRetryAfter(fault.retryAfter, where);
      break;
    case "delay":
      if (typeof fault.ms !== "number" || !(fault.ms >= 0 && fault.ms <= MAX_DELAY_MS)) {
        throw new TypeError(`${PREFIX}: ${where}.ms must be a number of milliseconds from 0 to ${MAX_DELAY_MS} (to hold a request until the test aborts it, abort its signal); got ${String(fault.ms)}`);
      }
      break;
    case "concurrentEdit":
      if (fault.patch === null || typeof fault.patch !== "object" || Array.isArray(fault.patch) || !Object.keys(fault.patch).length) {
        throw new TypeError(`${PREFIX}: ${where}.patch must be a non-empty object of customer fields (what someone else saves); got ${JSON.stringify(fault.patch)}`);
      }
      break;
    case "raw":
      checkStatus(fault.status, 200, where);
      checkText(fault.contentType, "contentType", where);
      if (typeof fault.body !== "string") throw new TypeError(`${PREFIX}: ${where}.body must be a string`);
      break;
  }
  // A fresh copy of the fault's own fields: what the caller passed, read once.
  const copy = { kind: fault.kind };
  for (const key of FAULT_FIELDS[fault.kind]) if (fault[key] !== undefined) copy[key] = fault[key];
  return copy;
}

/** The TypeError for an error body of the API's shape. */
function refusal(body, what, status) {
  const detail = (body?.errors ?? []).map((e) => `${e.param}: ${e.message}`).join("; ");
  return new TypeError(`checkoutpage-client/testing: ${what}: ${body?.message ?? status}${detail ? ` (${detail})` : ""}`);
}

function parseReply(json, what) {
  const reply = JSON.parse(json);
  const body = reply.body ? JSON.parse(reply.body) : null;
  if (reply.status >= 400) throw refusal(body, what, reply.status);
  return body;
}

class FakeApi {
  #core;
  #now;
  #baseUrl;
  /** The parsed request log, until the next request or reset. */
  #log = null;
  /** Wakers of requests held by a `delay` (reset() fails them at once). */
  #held = new Set();

  constructor(core, options) {
    this.#core = core;
    this.#now = options.now ?? Date.now;
    this.#baseUrl = options.baseUrl;
    this.fetch = this.fetch.bind(this);
    this.handle = this.handle.bind(this);
    this.fulfill = this.fulfill.bind(this);
    for (const name of ["fail", "clearFaults", "setRateLimit", "reset", "clearRequests"]) this[name] = this[name].bind(this);
    const api = this;
    const isFields = (fields) => fields !== null && typeof fields === "object" && !Array.isArray(fields);
    // Adds the customers of `items` (checked as the API would have stored
    // them) in order, or none: one call into the module for any number.
    const addAll = (items, what) => {
      const body = JSON.parse(core.addCustomers(JSON.stringify(items), api.#time()));
      if (body.data === undefined) throw refusal(body, what);
      return body.data;
    };
    const defaults = (i) => ({ email: `customer${i}@example.com`, name: `Customer ${i}` });
    const addOne = (fields) => {
      if (fields === undefined) {
        // Nothing given: a customer like those of add(count), numbered by the store's size.
        return addAll([defaults(core.customerCount())], "customers.add()")[0];
      }
      if (!isFields(fields)) {
        throw new TypeError(`${PREFIX}: customers.add(fields) takes an object`);
      }
      return addAll([fields], "customers.add")[0];
    };
    // Large stores in one call: `count` customers, each `customer<i>@example.com`
    // named `Customer <i>` unless `each` (fields, or `(i) => fields`) says otherwise;
    // added in order, so the last is the newest; all of them or (on any error) none.
    const addMany = (count, each) => {
      if (!Number.isInteger(count) || count < 0 || count > 100_000) {
        throw new TypeError(`${PREFIX}: customers.add(count, each?) takes a whole number of customers from 0 to 100000`);
      }
      if (each !== undefined && typeof each !== "function" && !isFields(each)) {
        throw new TypeError(`${PREFIX}: customers.add(count, each?) takes fields or a function (i) => fields as each`);
      }
      const items = [];
      for (let i = 0; i < count; i++) {
        const extra = typeof each === "function" ? each(i) : each;
        if (extra !== undefined && !isFields(extra)) {
          throw new TypeError(`${PREFIX}: customers.add(count, each): each(${i}) did not return an object; none were added`);
        }
        items.push({ ...defaults(i), ...extra });
      }
      return count === 0 ? [] : addAll(items, "customers.add(count, each)");
    };
    this.customers = {
      add(fields, each) {
        if (typeof fields === "number") return addMany(fields, each);
        return addOne(fields);
      },
      update(id, patch) {
        if (patch === null || typeof patch !== "object" || Array.isArray(patch)) {
          throw new TypeError(`${PREFIX}: customers.update(id, patch) takes a patch object`);
        }
        return parseReply(core.editCustomer(String(id), JSON.stringify(patch), api.#time()), "customers.update").data;
      },
      get(id) {
        const json = core.getCustomer(String(id));
        return json === undefined ? undefined : JSON.parse(json);
      },
      list() {
        return JSON.parse(core.listCustomers());
      },
      reset() {
        core.resetCustomers();
        api.#release();
      },
    };
  }

  /** Base URL the fake answers (any origin is answered; this is for building URLs in tests). */
  get baseUrl() {
    return this.#baseUrl;
  }

  /** The clock, checked: ms since the Unix epoch. */
  #time() {
    const now = this.#now();
    if (typeof now !== "number" || !(now >= 0 && now <= MAX_TIME_MS)) {
      throw new TypeError(`${PREFIX}: options.now() must return ms since the Unix epoch, from 0 to ${MAX_TIME_MS} (years 1970 to 9999); got ${String(now)}`);
    }
    return now;
  }

  fail(target, ...faults) {
    let customerId;
    if (target === "*" || target?.next === true) customerId = "*";
    else if (typeof target === "string" && target !== "") customerId = target;
    else if (typeof target?.customerId === "string" && target.customerId !== "") customerId = target.customerId;
    else throw new TypeError(`${PREFIX}: fail(target, ...faults): target is a customer id, "*" (the next requests) or { customerId } / { next: true }; got ${String(target)}`);
    if (faults.flat().length === 0) throw new TypeError(`${PREFIX}: fail(target, ...faults) needs at least one fault`);
    const list = faults.flat().map(checkFault);
    parseReply(this.#core.addKitFaults(customerId, JSON.stringify(list)), "fail");
  }

  clearFaults(customerId) {
    this.#core.clearFaults(customerId === undefined ? undefined : String(customerId));
  }

  setRateLimit(perMinute) {
    checkRateLimit(perMinute, "setRateLimit(perMinute)");
    parseReply(this.#core.setConfig(JSON.stringify({ rateLimitPerMinute: perMinute ?? null })), "setRateLimit");
  }

  reset() {
    this.#log = null;
    this.#core.reset();
    this.#release();
  }

  /** Fails every request held by a delay, at once (they were sent before a reset). */
  #release() {
    const error = new InjectedNetworkError(`fetch failed (${PREFIX}: the fake was reset while this request was in flight)`);
    for (const wake of [...this.#held]) wake(error);
  }

  get requests() {
    this.#log ??= this.#readLog();
    return this.#log.map(copyEntry);
  }

  #readLog() {
    return JSON.parse(this.#core.requests()).map((entry) => {
      let json;
      if (entry.body != null) {
        try {
          json = JSON.parse(entry.body);
        } catch {
          json = undefined;
        }
      }
      const url = new URL(entry.path, "http://fake.invalid");
      return {
        method: entry.method,
        path: url.pathname,
        url: entry.path,
        customerId: url.pathname.match(/\/v1\/customers\/([^/]+)$/) ? decodeURIComponent(url.pathname.split("/").pop()) : undefined,
        headers: entry.headers,
        body: entry.body ?? undefined,
        json,
        status: entry.status ?? undefined,
        at: entry.at,
      };
    });
  }

  clearRequests() {
    this.#log = null;
    this.#core.clearRequests();
  }

  async #answer(method, url, headers, body, signal) {
    const parsed = new URL(url, this.#baseUrl);
    const path = parsed.pathname + parsed.search;
    const pairs = JSON.stringify(headers);
    let resume = false;
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const outcome = JSON.parse(this.#core.handle(method, path, pairs, body, this.#time(), resume));
      this.#log = null;
      if (outcome.kind === "reply") return outcome;
      if (outcome.kind === "networkError") {
        throw new InjectedNetworkError(`fetch failed (${PREFIX}: injected network failure)`);
      }
      await sleep(outcome.ms, signal, this.#held);
      resume = true;
    }
  }

  async fetch(input, init = {}) {
    const isRequest = input !== null && typeof input === "object" && typeof input.url === "string" && typeof input.method === "string";
    const url = isRequest ? input.url : String(input);
    const method = (init.method ?? (isRequest ? input.method : "GET")).toUpperCase();
    const headers = headerEntries(init.headers ?? (isRequest ? input.headers : undefined));
    const signal = init.signal ?? (isRequest ? input.signal : undefined);
    const body = await bodyBytes(init.body !== undefined ? init.body : isRequest && method !== "GET" && method !== "HEAD" ? await input.arrayBuffer() : undefined);
    const reply = await this.#answer(method, url, headers, body, signal);
    return makeResponse(reply.status, reply.headers, reply.body);
  }

  async handle(request) {
    try {
      return await this.fetch(request);
    } catch (error) {
      // A network failure as interception layers understand it: msw, a
      // Service Worker's respondWith and Playwright treat Response.error()
      // as "no response" (a thrown error would become a 500 under msw).
      if (error instanceof InjectedNetworkError && typeof Response === "function" && typeof Response.error === "function") {
        return Response.error();
      }
      throw error;
    }
  }

  async fulfill(route) {
    const request = route.request();
    const body = request.postDataBuffer?.() ?? null;
    let reply;
    try {
      reply = await this.#answer(request.method(), request.url(), Object.entries(await request.allHeaders()), body ? new Uint8Array(body) : new Uint8Array(0));
    } catch (error) {
      if (error instanceof InjectedNetworkError) return route.abort("failed");
      throw error;
    }
    return route.fulfill({ status: reply.status, headers: Object.fromEntries(reply.headers), body: reply.body });
  }
}

function checkRateLimit(value, where) {
  if (value === undefined || value === null) return;
  if (!Number.isSafeInteger(value) || value <= 0 || value > 0xffffffff) {
    throw new TypeError(`${PREFIX}: ${where} must be a positive integer (requests per minute) or null; got ${String(value)}`);
  }
}

/**
 * Creates a fake of the Checkout Page API; see index.d.ts.
 * @param {import("./index.d.ts").FakeApiOptions} [options]
 */
async function createFakeApi(options = {}) {
  if (options === null || typeof options !== "object") {
    throw new TypeError("checkoutpage-client/testing: createFakeApi(options) takes an object (or nothing)");
  }
  const known = ["customers", "keys", "rateLimitPerMinute", "now", "baseUrl", "idSeed"];
  const unknown = Object.keys(options).filter((key) => !known.includes(key));
  if (unknown.length) {
    throw new TypeError(`${PREFIX}: unknown option ${unknown.map((k) => JSON.stringify(k)).join(", ")} (options: ${known.join(", ")})`);
  }
  checkRateLimit(options.rateLimitPerMinute, "options.rateLimitPerMinute");
  if (options.idSeed !== undefined && !(Number.isSafeInteger(options.idSeed) && options.idSeed >= 0)) {
    throw new TypeError(`${PREFIX}: options.idSeed must be a non-negative integer`);
  }
  if (options.baseUrl !== undefined) {
    let url;
    try {
      url = new URL(String(options.baseUrl));
    } catch {
      url = null;
    }
    if (typeof options.baseUrl !== "string" || !url || !/^https?:$/.test(url.protocol)) {
      throw new TypeError(`${PREFIX}: options.baseUrl must be an absolute http(s) URL; got ${String(options.baseUrl)}`);
    }
  }
  if (options.now !== undefined && typeof options.now !== "function") {
    throw new TypeError("checkoutpage-client/testing: options.now must be a function returning ms since the Unix epoch");
  }
  await initModule();
  loaded = true;
  if (options.keys !== undefined) {
    if (options.keys === null || typeof options.keys !== "object") throw new TypeError(`${PREFIX}: options.keys must be an object of key → "readWrite" | "readOnly"`);
    const bad = Object.keys(options.keys).find((key) => !/^[\x21-\x7e]+$/.test(key));
    if (bad !== undefined) throw new TypeError(`${PREFIX}: options.keys: a key must be visible ASCII, as an Authorization header carries it; got ${JSON.stringify(bad)}`);
  }
  const keys = options.keys === undefined ? undefined : Object.fromEntries(Object.entries(options.keys).map(([k, v]) => [k, v === "readOnly" ? "readOnly" : v === "readWrite" ? "readWrite" : String(v)]));
  let core;
  try {
    core = newCore(options, keys);
  } catch (error) {
    throw new TypeError(`${PREFIX}: ${error?.message ?? error}`);
  }
  return new FakeApi(core, { now: options.now, baseUrl: options.baseUrl ?? BASE_URL });
}

function newCore(options, keys) {
  return new FakeApiCore(
    JSON.stringify({
      customers: options.customers ?? null,
      keys: keys ?? null,
      rateLimitPerMinute: options.rateLimitPerMinute ?? null,
      idSeed: options.idSeed ?? 0,
      nowMs: options.customers ? (options.now ?? Date.now)() : 0,
    }),
  );
}

const SANDBOX_KEY = "sk_test_sandbox";
const READONLY_KEY = "sk_test_readonly";

export { createFakeApi, seedCustomers, SANDBOX_KEY, READONLY_KEY };
