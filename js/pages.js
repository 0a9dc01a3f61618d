// Pages of `listCustomers`, as users of Stainless-generated SDKs (openai-node)
// know them: the call returns a promise of the first page that is also an
// async iterable over every customer across pages. Every decision (what to
// send, the cursors of the next and previous pages, errors) is the Rust
// core's; `fetchPage(params, queued)` is the client's call, which resolves
// to `{data, total, hasMore, params, next, previous, onward, requestId}`
// (`next`/`previous`: the query of that page, or null; `onward`: the one
// iteration goes on with, in the direction the query pages; it has no
// prototype) or rejects with a CheckoutPageError.
//
// Nothing a polluted prototype holds takes part (issue 22): a page's fields
// are defined as its own properties (a setter on Object.prototype never
// receives them, a getter there never forges them), and every descriptor
// has no prototype (a polluted `get` or `set` would turn it into an accessor).

const { create } = Object;
const { defineProperty } = Reflect;

/** Defines `object`'s own property `key` as `value` (`enumerable` or not). */
function own(object, key, value, enumerable = true) {
  const descriptor = create(null);
  descriptor.value = value;
  descriptor.writable = true;
  descriptor.enumerable = enumerable;
  descriptor.configurable = true;
  defineProperty(object, key, descriptor);
}

/**
 * A promise of the page fetched with `params`, iterable with `for await`
 * over every customer from that page on. Iteration takes later pages from
 * the client's pacer without a wait limit (its rate limit paces it), and
 * stops fetching when the loop ends (`break`, `return`, a throw).
 */
export function pagePromise(fetchPage, params, queued) {
  const promise = fetchPage(params, queued).then((raw) => new CustomerPage(fetchPage, raw));
  own(
    promise,
    Symbol.asyncIterator,
    async function* customers() {
      yield* await promise;
    },
    false,
  );
  return promise;
}

/**
 * What a `CheckoutPageClient` method returns without its client (freed, or
 * called unbound) instead of a rejected promise, by method name
 * (`guardFreedClient`, js/errors.js): `listCustomers` returns its page
 * promise, rejected with the error, and iterable like any other (a loop
 * over it throws the error; nothing is left unhandled).
 */
export function refusedResults() {
  const refused = create(null);
  refused.listCustomers = (error) => pagePromise(() => Promise.reject(error), null, false);
  return refused;
}

/** One page of customers, newest first. */
class CustomerPage {
  #fetchPage;
  #onward;

  constructor(fetchPage, raw) {
    this.#fetchPage = fetchPage;
    this.#onward = raw.onward;
    // The customers of this page, as the API sent them.
    own(this, "data", raw.data);
    // How many customers match the query, across every page.
    own(this, "total", raw.total);
    // Whether customers exist beyond this page, in the direction paged.
    own(this, "hasMore", raw.hasMore);
    // The query this page was fetched with (package names).
    own(this, "params", raw.params);
    // The query of the next (older) page, or null when there is none.
    own(this, "nextPageParams", raw.next);
    // The query of the previous (newer) page, or null when there is none.
    own(this, "previousPageParams", raw.previous);
    // The reply's x-request-id (for support), or null.
    own(this, "requestId", raw.requestId);
  }

  hasNextPage() {
    return this.nextPageParams !== null;
  }

  hasPreviousPage() {
    return this.previousPageParams !== null;
  }

  /** The next (older) page; rejects with a `validation` error at the end. */
  getNextPage() {
    return pagePromise(this.#fetchPage, this.nextPageParams, false);
  }

  /** The previous (newer) page; rejects with a `validation` error at the start. */
  getPreviousPage() {
    return pagePromise(this.#fetchPage, this.previousPageParams, false);
  }

  /**
   * This page and every later one, fetched as the loop asks for them: the
   * next (older) pages, or for a page fetched with `endingBefore` the
   * previous (newer) ones, the direction its query pages in.
   */
  async *iterPages() {
    let page = this;
    for (;;) {
      yield page;
      if (page.#onward === null) return;
      page = await pagePromise(page.#fetchPage, page.#onward, true);
    }
  }

  /** Every customer of this page and of every later one. */
  async *[Symbol.asyncIterator]() {
    for await (const page of this.iterPages()) {
      yield* page.data;
    }
  }
}
