// The items of `updateCustomers` given as an iterable or an async iterable
// (a Set, a generator, `listCustomers(...)` mapped by an async generator):
// pulled one at a time, as the Rust bulk job asks for them. Never throws:
// what the source throws comes back as `{ error }`.

/**
 * A source over `value`'s items, or `undefined` when `value` is neither
 * iterable nor async iterable. `next()` resolves to `{ done: true }`,
 * `{ done: false, value }` or `{ error }`; `close()` lets the source clean up
 * (its `return()`), as a `for await` loop left early does.
 */
export function itemSource(value) {
  if (value === null || (typeof value !== "object" && typeof value !== "function")) return undefined;
  let iterator;
  try {
    const asyncIterator = value[Symbol.asyncIterator];
    const syncIterator = value[Symbol.iterator];
    if (typeof asyncIterator === "function") iterator = asyncIterator.call(value);
    else if (typeof syncIterator === "function") iterator = syncIterator.call(value);
    else return undefined;
  } catch (error) {
    return { next: () => Promise.resolve({ error }), close() {} };
  }
  let finished = false;
  return {
    next() {
      if (finished) return Promise.resolve({ done: true });
      try {
        return Promise.resolve(iterator.next()).then(
          (result) => {
            if (result === null || typeof result !== "object") {
              finished = true;
              return { error: new TypeError("The items' iterator returned a non-object result") };
            }
            if (result.done) finished = true;
            return result.done ? { done: true } : { done: false, value: result.value };
          },
          (error) => {
            finished = true;
            return { error };
          },
        );
      } catch (error) {
        finished = true;
        return Promise.resolve({ error });
      }
    },
    close() {
      if (finished) return;
      finished = true;
      try {
        Promise.resolve(iterator.return?.()).catch(() => {});
      } catch {
        // A throwing return() changes nothing for the job.
      }
    },
  };
}
