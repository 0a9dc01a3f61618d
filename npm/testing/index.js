// checkoutpage-client/testing: the Checkout Page API imitated in-process, for
// users' own tests. Its own WebAssembly module (inline, ./wasm-bytes.js), the
// same imitation the repository's sandbox server runs; never loaded by the
// main entry. Types and documentation: ./index.d.ts.
import { FakeApiCore, seedCustomers as seedCustomersJson, initModule } from "./fake_api.js";

const BASE_URL = "https://api.checkoutpage.com";

let seeds;
let loaded = false;
/** The seed fixtures (fresh copies); after a createFakeApi() resolved. */
function seedCustomers() {
  if (!loaded) {
    throw new Error("checkoutpage-client/testing: seedCustomers() needs the kit loaded: call it after `await createFakeApi()`");
  }
  seeds ??= JSON.parse(seedCustomersJson());
  return structuredClone(seeds);
}

const sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener?.("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
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

const FAULTS = new Set(["rateLimit", "serverError", "validationError", "html502", "malformed200", "wrongShape200", "delay", "networkError", "status", "raw"]);

/** Converts a documented `Fault` into the imitation's JSON fault shape. */
function faultJson(fault) {
  if (fault === null || typeof fault !== "object" || !FAULTS.has(fault.kind)) {
    throw new TypeError(`checkoutpage-client/testing: a fault must be an object whose kind is one of ${[...FAULTS].join(", ")}; got ${JSON.stringify(fault)}`);
  }
  switch (fault.kind) {
    case "rateLimit":
      return { status: 429, retryAfter: fault.retryAfter ?? 0, ...(fault.message ? { message: fault.message } : {}) };
    case "validationError":
      return { status: 400, message: fault.message ?? "Validation failed", errors: fault.errors ?? [] };
    case "serverError":
      return { status: fault.status ?? 500, ...(fault.message ? { message: fault.message } : {}) };
    case "status":
      return {
        status: fault.status,
        ...(fault.retryAfter != null ? { retryAfter: fault.retryAfter } : {}),
        ...(fault.message ? { message: fault.message } : {}),
        ...(fault.errors ? { errors: fault.errors } : {}),
      };
    case "html502":
      return { html502: true };
    case "malformed200":
      return { malformed200: true };
    case "wrongShape200":
      return { wrongShape200: true };
    case "delay":
      return { delayMs: fault.ms };
    case "networkError":
      return { drop: true };
    case "raw":
      return { raw: { status: fault.status, contentType: fault.contentType, body: fault.body } };
  }
}

function parseReply(json, what) {
  const reply = JSON.parse(json);
  const body = reply.body ? JSON.parse(reply.body) : null;
  if (reply.status >= 400) {
    const detail = (body?.errors ?? []).map((e) => `${e.param}: ${e.message}`).join("; ");
    throw new TypeError(`checkoutpage-client/testing: ${what}: ${body?.message ?? reply.status}${detail ? ` (${detail})` : ""}`);
  }
  return body;
}

class FakeApi {
  #core;
  #now;
  #baseUrl;

  constructor(core, options) {
    this.#core = core;
    this.#now = options.now ?? Date.now;
    this.#baseUrl = options.baseUrl;
    this.fetch = this.fetch.bind(this);
    this.handle = this.handle.bind(this);
    const api = this;
    this.customers = {
      add(fields) {
        return parseReply(core.addCustomer(JSON.stringify(fields ?? {}), api.#now()), "customers.add").data;
      },
      get(id) {
        const json = core.getCustomer(String(id));
        return json === undefined ? undefined : JSON.parse(json);
      },
      list() {
        return JSON.parse(core.listCustomers());
      },
      reset() {
        core.reset();
      },
    };
  }

  /** Base URL the fake answers (any origin is answered; this is for building URLs in tests). */
  get baseUrl() {
    return this.#baseUrl;
  }

  fail(target, ...faults) {
    const customerId = target === "*" || target?.next ? "*" : String(target?.customerId ?? target);
    const list = faults.flat().map(faultJson);
    parseReply(this.#core.addFaults(JSON.stringify({ customerId, faults: list })), "fail");
  }

  clearFaults(customerId) {
    this.#core.clearFaults(customerId === undefined ? undefined : String(customerId));
  }

  setRateLimit(perMinute) {
    parseReply(this.#core.setConfig(JSON.stringify({ rateLimitPerMinute: perMinute ?? null })), "setRateLimit");
  }

  reset() {
    this.#core.reset();
  }

  get requests() {
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
    this.#core.clearRequests();
  }

  async #answer(method, url, headers, body, signal) {
    const parsed = new URL(url, this.#baseUrl);
    const path = parsed.pathname + parsed.search;
    const pairs = JSON.stringify(headers);
    let resume = false;
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const outcome = JSON.parse(this.#core.handle(method, path, pairs, body, this.#now(), resume));
      if (outcome.kind === "reply") return outcome;
      if (outcome.kind === "networkError") {
        throw new TypeError("fetch failed (checkoutpage-client/testing: injected network failure)");
      }
      await sleep(outcome.ms, signal);
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
    return this.fetch(request);
  }

  async fulfill(route) {
    const request = route.request();
    const body = request.postDataBuffer?.() ?? null;
    let reply;
    try {
      reply = await this.#answer(request.method(), request.url(), Object.entries(await request.allHeaders()), body ? new Uint8Array(body) : new Uint8Array(0));
    } catch (error) {
      if (error instanceof TypeError) return route.abort("failed");
      throw error;
    }
    return route.fulfill({ status: reply.status, headers: Object.fromEntries(reply.headers), body: reply.body });
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
  if (options.now !== undefined && typeof options.now !== "function") {
    throw new TypeError("checkoutpage-client/testing: options.now must be a function returning ms since the Unix epoch");
  }
  await initModule();
  loaded = true;
  const keys = options.keys === undefined ? undefined : Object.fromEntries(Object.entries(options.keys).map(([k, v]) => [k, v === "readOnly" ? "readOnly" : v === "readWrite" ? "readWrite" : String(v)]));
  const core = new FakeApiCore(
    JSON.stringify({
      customers: options.customers ?? null,
      keys: keys ?? null,
      rateLimitPerMinute: options.rateLimitPerMinute ?? null,
      idSeed: options.idSeed ?? 0,
    }),
  );
  return new FakeApi(core, { now: options.now, baseUrl: options.baseUrl ?? BASE_URL });
}

const SANDBOX_KEY = "sk_test_sandbox";
const READONLY_KEY = "sk_test_readonly";

export { createFakeApi, seedCustomers, SANDBOX_KEY, READONLY_KEY };
