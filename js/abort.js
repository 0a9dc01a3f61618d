// The transport's JS side: one "abort" listener per AbortSignal, however many
// calls wait on it; the timers of waits and attempts; the cross-realm signal
// check; a custom `fetch` raced against the attempt's signal, its result read
// into a well-formed response; and a response body read no further than the
// cap the core sets (src/response_guard.rs).
//
// A signal shared by many concurrent calls (a page's navigation controller, a
// request-scoped signal in a server) would otherwise get one listener per
// call and wait, and Node prints MaxListenersExceededWarning past 10. Here
// the first subscriber adds the one listener, later ones join a set, and the
// last to leave removes the listener again: nothing is left on the signal.

const subscribers = new WeakMap();

/**
 * Calls `callback` once when `signal` aborts. Returns a function that
 * unsubscribes (idempotent). Works with signals of any realm: only
 * `addEventListener`/`removeEventListener` are used.
 */
export function subscribeAbort(signal, callback) {
  let entry = subscribers.get(signal);
  if (entry === undefined) {
    const callbacks = new Set();
    const listener = () => {
      subscribers.delete(signal);
      signal.removeEventListener("abort", listener);
      for (const fire of callbacks) {
        try {
          fire();
        } catch {
          // A waiter's wake-up never throws; ignore to wake the others.
        }
      }
      callbacks.clear();
    };
    entry = { callbacks, listener };
    subscribers.set(signal, entry);
    signal.addEventListener("abort", listener);
  }
  const { callbacks, listener } = entry;
  // A fresh function per subscription, so the same callback may wait twice.
  const token = () => callback();
  callbacks.add(token);
  return () => {
    if (!callbacks.delete(token) || callbacks.size > 0) return;
    if (subscribers.get(signal) === entry) {
      subscribers.delete(signal);
      signal.removeEventListener("abort", listener);
    }
  };
}

/**
 * Resolves after `ms` milliseconds, or as soon as `signal` (if any) aborts;
 * the timer and the listener are gone by then. The transport's waits.
 */
export function sleep(ms, signal) {
  return new Promise((resolve) => {
    let unsubscribe = () => {};
    const wake = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(wake, ms);
    if (signal) unsubscribe = subscribeAbort(signal, wake);
  });
}

/**
 * Where a save waits for its turn (the client's save of the same customer
 * before it to end): `opened` resolves when `open()` is called, or as soon
 * as `signal` (if any) aborts; the listener is gone by then.
 */
export function gate(signal) {
  let open;
  const opened = new Promise((resolve) => {
    const unsubscribe = signal ? subscribeAbort(signal, resolve) : () => {};
    open = () => {
      unsubscribe();
      resolve();
    };
  });
  return { opened, open };
}

/**
 * One attempt's AbortController: aborted after `timeoutMs`, or when
 * `signal` (if any) aborts. `timedOut` says whether the timer fired;
 * `done()` clears the timer and the listener.
 */
export function attemptController(timeoutMs, signal) {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const unsubscribe = signal ? subscribeAbort(signal, () => controller.abort()) : () => {};
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    done() {
      clearTimeout(timer);
      unsubscribe();
    },
  };
}

/**
 * Whether `value` is an AbortSignal of any realm (an iframe's, a `vm`
 * context's): checked by its interface, not its constructor, like `fetch`.
 */
export function isAbortSignal(value) {
  try {
    return (
      value !== null &&
      typeof value === "object" &&
      typeof value.aborted === "boolean" &&
      typeof value.addEventListener === "function" &&
      typeof value.removeEventListener === "function" &&
      Object.prototype.toString.call(value) === "[object AbortSignal]"
    );
  } catch {
    // A Proxy whose traps throw, or a revoked one: not a signal.
    return false;
  }
}

// What callFetch read of each response it made: the text, or the number of
// bytes read once past the cap.
const alreadyRead = new WeakMap();

/**
 * Calls a custom `fetch` (the client's `fetch` option) for one attempt, and
 * gives the transport a well-formed response whatever the function does:
 * - the call is raced against the attempt's `init.signal`, so the attempt's
 *   timeout and the caller's abort end it even when the function ignores the
 *   signal (or never settles), as they do with the global `fetch`;
 * - the result is read here, once: a numeric `status` from 100 to 599 (or an
 *   opaque redirect, status 0, in a browser), the body (see `readBody`: at
 *   most `maxBytes`, not read at all when its `Content-Length` says more),
 *   and the headers the transport reads (`retry-after`, `x-request-id`,
 *   `content-type`, `content-length`, `location`, each a string or null),
 *   into a plain Response-like object. Anything else (a throwing getter, a
 *   `text()` that gives a number) rejects, which the transport reports as a
 *   network error, never an exception from inside the module.
 */
export async function callFetch(fetch, url, init, maxBytes) {
  const signal = init.signal;
  let unsubscribe = () => {};
  const aborted = new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else unsubscribe = subscribeAbort(signal, () => reject(signal.reason));
  });
  try {
    const result = await Promise.race([Promise.resolve().then(() => fetch(url, init)), aborted]);
    const status = result.status;
    const type = result.type === "opaqueredirect" ? "opaqueredirect" : "basic";
    const valid = typeof status === "number" && Number.isInteger(status) && status >= 100 && status <= 599;
    if (!valid && type !== "opaqueredirect") {
      throw new TypeError("fetch resolved to a Response without a valid numeric status");
    }
    const values = new Map();
    for (const name of ["retry-after", "x-request-id", "content-type", "content-length", "location"]) {
      const value = result.headers.get(name);
      if (value !== null && value !== undefined) values.set(name, String(value));
    }
    // Not read at all when it declares more than the client reads.
    const declared = Number(values.get("content-length"));
    const body =
      type === "opaqueredirect" || declared > maxBytes
        ? (cancelBody(result), "")
        : await Promise.race([readBody(result, maxBytes), aborted]);
    // No prototype (nor for its headers): this async function resolves its
    // promise with it, and a `then` on a polluted Object.prototype would
    // otherwise be called with it, read the body and forge the response.
    const headers = Object.create(null);
    headers.get = (name) => values.get(String(name).toLowerCase()) ?? null;
    const response = Object.create(null);
    response.status = valid ? status : 0;
    response.type = type;
    response.body = null;
    response.headers = headers;
    response.text = () => Promise.resolve(body);
    alreadyRead.set(response, body);
    return response;
  } finally {
    unsubscribe();
  }
}

/**
 * A response's body as text, read at most `maxBytes` far: the number of
 * bytes read instead once that is passed (the rest is cancelled, nothing of
 * it kept). Reads the `body` stream when there is one (decoded as UTF-8
 * like `text()`, bad bytes as U+FFFD, but a leading BOM kept), else
 * `text()`, whose string counts its length. Rejects when neither gives text.
 */
export async function readBody(response, maxBytes) {
  // callFetch's plain response: read already, within the cap.
  if (alreadyRead.has(response)) return alreadyRead.get(response);
  const body = response.body;
  if (body !== null && typeof body === "object" && typeof body.getReader === "function") {
    const reader = body.getReader();
    // The BOM is kept: the core drops one (src/response_guard.rs).
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    let bytes = 0;
    let text = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > maxBytes) {
        reader.cancel().catch(() => {});
        return bytes;
      }
      text += decoder.decode(value, { stream: true });
    }
    return text + decoder.decode();
  }
  const text = await response.text();
  if (typeof text !== "string") throw new TypeError("the Response's text() did not give a string");
  return text.length > maxBytes ? text.length : text;
}

/** Drops a response's body unread (a refused redirect or a body over the cap). */
export function cancelBody(response) {
  try {
    const body = response.body;
    if (body !== null && typeof body === "object" && typeof body.cancel === "function") {
      body.cancel().catch(() => {});
    }
  } catch {
    // Nothing to release.
  }
}

// Every member of a RequestInit, at fetch's own default, except those the
// transport sets (method, headers, body, signal, redirect). Set explicitly
// because Node's fetch (undici) copies the init into a plain object of its
// own and reads every member it left out through Object.prototype, where a
// polluted prototype would supply `window`, `mode`, `credentials`, ...
const INIT_DEFAULTS = [
  ["body", null],
  ["referrer", "about:client"],
  ["referrerPolicy", ""],
  ["mode", "cors"],
  ["credentials", "same-origin"],
  ["cache", "default"],
  ["integrity", ""],
  ["keepalive", false],
  ["priority", "auto"],
  ["window", null],
];
const NODE_DISPATCHER = Symbol.for("undici.globalDispatcher.1");
const ownMember = (object, key) => Object.getOwnPropertyDescriptor(object, key) !== undefined;

/**
 * In Node (whose fetch, undici, is the one that reads an init through a
 * prototype of its own), completes a null-prototype init with every member
 * fetch reads, at its default, so that none is looked up on a polluted
 * Object.prototype; for the global fetch also its `dispatcher`: the
 * process's global one (undici's shared symbol; created by a first
 * `Request` if no fetch ran yet), which is what fetch uses anyway, but found
 * without a prototype lookup. A custom `fetch` gets no `dispatcher`: choosing
 * one is its business. Elsewhere the init is left as it is: browsers, Deno
 * and Bun read the init itself, which has no prototype, and Cloudflare
 * Workers refuse members they do not implement (`mode`, `cache`, ...).
 */
export function completeInit(init, url, globalFetch) {
  const versions = typeof process === "object" && process !== null ? process.versions : undefined;
  if (versions === null || typeof versions !== "object" || !ownMember(versions, "undici")) return init;
  for (const [key, value] of INIT_DEFAULTS) if (!ownMember(init, key)) init[key] = value;
  if (globalFetch) {
    if (globalThis[NODE_DISPATCHER] === undefined && typeof Request === "function") {
      try {
        new Request(url, init);
      } catch {
        // No dispatcher to find; fetch reports what is wrong.
      }
    }
    const dispatcher = globalThis[NODE_DISPATCHER];
    if (dispatcher !== undefined) init.dispatcher = dispatcher;
  }
  return init;
}

/** `location` resolved against `base` by the platform's URL parser, or undefined. */
export function resolveUrl(location, base) {
  try {
    return new URL(location, base).href;
  } catch {
    return undefined;
  }
}
