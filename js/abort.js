// The transport's JS side: one "abort" listener per AbortSignal, however many
// calls wait on it; the timers of waits and attempts; the cross-realm signal
// check; and a custom `fetch` raced against the attempt's signal, its result
// read into a well-formed response.
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
 * One attempt's AbortController: aborted after `timeoutMs`, or when
 * `signal` (if any) aborts. `done()` clears the timer and the listener and
 * says whether the timer fired.
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
    done() {
      clearTimeout(timer);
      unsubscribe();
      return timedOut;
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

/**
 * Calls a custom `fetch` (the client's `fetch` option) for one attempt, and
 * gives the transport a well-formed response whatever the function does:
 * - the call is raced against the attempt's `init.signal`, so the attempt's
 *   timeout and the caller's abort end it even when the function ignores the
 *   signal (or never settles), as they do with the global `fetch`;
 * - the result is read here, once: a numeric `status` from 100 to 599, the
 *   `text()` of the body (a string), and the headers the transport reads
 *   (`retry-after`, `x-request-id`, `content-type`, each a string or null),
 *   into a plain Response-like object. Anything else (a throwing getter, a
 *   `text()` that gives a number) rejects, which the transport reports as a
 *   network error, never an exception from inside the module.
 */
export async function callFetch(fetch, url, init) {
  const signal = init.signal;
  let unsubscribe = () => {};
  const aborted = new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else unsubscribe = subscribeAbort(signal, () => reject(signal.reason));
  });
  try {
    const result = await Promise.race([Promise.resolve().then(() => fetch(url, init)), aborted]);
    const status = result.status;
    if (typeof status !== "number" || !Number.isInteger(status) || status < 100 || status > 599) {
      throw new TypeError("fetch resolved to a Response without a valid numeric status");
    }
    const values = new Map();
    for (const name of ["retry-after", "x-request-id", "content-type"]) {
      const value = result.headers.get(name);
      if (value !== null && value !== undefined) values.set(name, String(value));
    }
    const text = await Promise.race([Promise.resolve().then(() => result.text()), aborted]);
    if (typeof text !== "string") throw new TypeError("the Response's text() did not give a string");
    return {
      status,
      headers: { get: (name) => values.get(String(name).toLowerCase()) ?? null },
      text: () => Promise.resolve(text),
    };
  } finally {
    unsubscribe();
  }
}
