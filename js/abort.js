// One "abort" listener per AbortSignal, however many calls wait on it.
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
