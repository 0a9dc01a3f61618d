// The items of `updateCustomers` given as an iterable or an async iterable
// (a Set, a generator, `listCustomers(...)` mapped by an async generator):
// pulled one at a time, as the Rust bulk job asks for them. Never throws:
// what the source throws comes back as `{ error }`. A pull never outlasts
// the job's signal: it ends `{ aborted: true }` when the signal fires,
// whether or not the source ever answers.

import { subscribeAbort } from "./abort.js";
//
// Nothing a polluted prototype holds takes part: an iterator method found
// only on an Object.prototype (of any realm) does not make a plain object
// iterable, an iterator result's `done` and `value` are read as its own
// properties, and what `next()` resolves to has no prototype (so a polluted
// `then` never sees an item, nor forges one).

const { create, getOwnPropertyDescriptor, getPrototypeOf } = Object;
const { apply } = Reflect;
const PromiseCtor = Promise;
const resolved = (value) => PromiseCtor.resolve(value);
const hasOwn = (object, key) => getOwnPropertyDescriptor(object, key) !== undefined;
const own = (object, key) => (hasOwn(object, key) ? object[key] : undefined);

// An Object.prototype (of any realm): no prototype of its own, and its own
// `hasOwnProperty` and `isPrototypeOf` (as js/json.js tells them).
const isObjectPrototype = (proto) =>
  getPrototypeOf(proto) === null && hasOwn(proto, "hasOwnProperty") && hasOwn(proto, "isPrototypeOf");

/** `value[symbol]`, unless only an Object.prototype holds it (a polluted one). */
function iteratorMethod(value, symbol) {
  for (let holder = value, depth = 0; holder !== null && depth < 256; holder = getPrototypeOf(holder), depth++) {
    if (hasOwn(holder, symbol)) return isObjectPrototype(holder) ? undefined : holder[symbol];
  }
  return undefined;
}

/** `{ done: true }`, `{ done: false, value }` or `{ error }`, without a prototype. */
function outcome(key, value, done) {
  const out = create(null);
  out[key] = value;
  if (key === "value") out.done = done;
  return out;
}
const DONE = () => outcome("done", true);

/**
 * `pull`, or `{ aborted: true }` (without a prototype) as soon as `signal`
 * (if any) fires; the listener is gone once either has happened.
 */
function unlessAborted(pull, signal) {
  if (!signal) return pull;
  if (signal.aborted) return resolved(outcome("aborted", true));
  return new PromiseCtor((resolve) => {
    const unsubscribe = subscribeAbort(signal, () => resolve(outcome("aborted", true)));
    pull.then((result) => {
      unsubscribe();
      resolve(result);
    });
  });
}

/**
 * A source over `value`'s items, or `undefined` when `value` is neither
 * iterable nor async iterable. `next(signal)` resolves to `{ done: true }`,
 * `{ done: false, value }` or `{ error }`, or to `{ aborted: true }` once
 * `signal` fires (objects without a prototype); `close()` lets the source
 * clean up (its `return()`), as a `for await` loop left early does.
 */
export function itemSource(value) {
  if (value === null || (typeof value !== "object" && typeof value !== "function")) return undefined;
  let iterator;
  let isAsync = false;
  try {
    const asyncIterator = iteratorMethod(value, Symbol.asyncIterator);
    const syncIterator = iteratorMethod(value, Symbol.iterator);
    if (typeof asyncIterator === "function") {
      iterator = apply(asyncIterator, value, []);
      isAsync = true;
    } else if (typeof syncIterator === "function") iterator = apply(syncIterator, value, []);
    else return undefined;
  } catch (error) {
    return { next: () => resolved(outcome("error", error)), close() {} };
  }
  let finished = false;
  const fail = (error) => {
    finished = true;
    return outcome("error", error);
  };
  const settle = (result) => {
    if (result === null || typeof result !== "object") {
      return fail(new TypeError("The items' iterator returned a non-object result"));
    }
    if (own(result, "done")) {
      finished = true;
      return DONE();
    }
    return outcome("value", own(result, "value"), false);
  };
  return {
    next(signal) {
      if (finished) return resolved(DONE());
      if (signal?.aborted) return resolved(outcome("aborted", true));
      let result;
      try {
        result = iterator.next();
        // A sync iterator's result is settled here: never resolved as a
        // promise, so no `then` is looked up on it.
        if (!isAsync) return resolved(settle(result));
        return unlessAborted(resolved(result).then(settle, fail), signal);
      } catch (error) {
        return resolved(fail(error));
      }
    },
    close() {
      if (finished) return;
      finished = true;
      try {
        resolved(iterator.return?.()).catch(() => {});
      } catch {
        // A throwing return() changes nothing for the job.
      }
    },
  };
}
