/**
 * The outcome of one item of `updateCustomers`: the customer as stored, or
 * the error that item ended in.
 */
export type BulkResult =
  | { customerId: string; ok: true; customer: Customer }
  | { customerId: string; ok: false; error: CheckoutPageError };

/** The client's own field of `CheckoutPageError` (merged with the class). */
export interface CheckoutPageError {
  /**
   * When `updateCustomers` rejects after items were taken (its iterable
   * threw: kind `"aborted"`; it held more than 100 000 items: kind
   * `"validation"`): the result of every item taken, in input order, as the
   * call would have resolved them, so that no write made goes unreported.
   * Absent on every other error (and not in `toJSON()`).
   */
  readonly results?: BulkResult[] | undefined;
}

/**
 * One page of `listCustomers`: customers newest first, as the API sent them
 * (unknown fields included). Iterating it with `for await` yields its
 * customers and those of every later page, fetched as the loop asks for them.
 */
export interface CustomerPage extends AsyncIterable<Customer> {
  /** The customers of this page (at most `limit`). */
  readonly data: Customer[];
  /** How many customers match the query, across every page. */
  readonly total: number;
  /** Whether customers exist beyond this page, in the direction paged. */
  readonly hasMore: boolean;
  /** The query this page was fetched with. */
  readonly params: ListParams;
  /** The query of the next (older) page, or `null` at the end. */
  readonly nextPageParams: ListParams | null;
  /** The query of the previous (newer) page, or `null` at the start. */
  readonly previousPageParams: ListParams | null;
  /** The reply's `x-request-id` (quote it to support), or `null` when it had none. */
  readonly requestId: string | null;
  /** Whether there is a next (older) page: `nextPageParams !== null`. */
  hasNextPage(): boolean;
  /** Whether there is a previous (newer) page: `previousPageParams !== null`. */
  hasPreviousPage(): boolean;
  /**
   * The next (older) page; rejects with kind `"validation"` when there is
   * none. One call, like `getCustomer`: it waits for a slot of the client's
   * rate limit (or a 429 pause) at most its `timeoutMs`, then rejects with
   * kind `"rate_limit"` and `retryAfterMs`, nothing sent; iterating
   * (`for await`, `iterPages()`) waits as long as the pacer needs.
   */
  getNextPage(): PagePromise;
  /** The previous (newer) page; rejects with kind `"validation"` when there is none (waits as `getNextPage()`). */
  getPreviousPage(): PagePromise;
  /**
   * This page and every later one, in the direction its query pages: the
   * next (older) pages, or, for a page fetched with `endingBefore`, the
   * previous (newer) ones (each page's customers newest first).
   */
  iterPages(): AsyncGenerator<CustomerPage, void, undefined>;
}

/**
 * What `listCustomers` returns: a promise of the first page that is also an
 * async iterable over every matching customer across pages
 * (`for await (const customer of client.listCustomers({ search: "ada" }))`),
 * paced at the client's rate limit; breaking out of the loop stops fetching,
 * and the call's `signal` aborts it. An `endingBefore` query iterates
 * towards newer customers (the pages before the cursor, one after the
 * other), any other query towards older ones. Bad parameters, or a freed
 * client, reject it (and a loop over it) with a `CheckoutPageError`.
 */
export type PagePromise = Promise<CustomerPage> & AsyncIterable<Customer>;

/**
 * What `saveCustomer` did besides saving: dotted params (`address.city`) in
 * the API's field order.
 */
export interface SaveReport {
  /** Whether the customer had changed since it was loaded (its `updatedAt` moved), so the save merged. */
  concurrent: boolean;
  /** The patch sent, or `null` when nothing was left to send (no `PATCH`). */
  sent: CustomerPatch | null;
  /** Fields only the draft changed: sent. */
  mine: string[];
  /** Fields someone else changed since loading: kept, not sent. */
  theirs: string[];
  /** Fields both changed to the same value. */
  both: string[];
  /** Fields both changed differently, settled by `onConflict` (`"mine"` or `"theirs"`). */
  conflicts: Conflict[];
  /**
   * Fields the server returned with another value than the save expected:
   * someone else's write between the save's `GET` and its `PATCH` (the API
   * cannot make the check atomic), or a rule of the server's. Dotted
   * (`shipping.address.city`), compared as stored. A write in that window
   * to a field the save sent (for `address` and `shipping`, any of their
   * lines) was overwritten by it, and cannot be listed.
   */
  differences: string[];
}

/** What `saveCustomer` resolves to. */
export interface SaveResult {
  /** The customer as stored (from the `PATCH`, or the `GET` when nothing was sent). */
  customer: Customer;
  /** What was merged, sent and found. */
  report: SaveReport;
}

/** What `mergeCustomer` returns. */
export interface MergeResult {
  /** What to send to turn the current customer into the merged one (`{}`: nothing). */
  patch: CustomerPatch;
  /** The merged customer's editable fields, every one present (`null` where empty). */
  draft: CustomerDraft;
  /** Fields only the draft changed. */
  mine: string[];
  /** Fields only the current customer changed. */
  theirs: string[];
  /** Fields both changed to the same value. */
  both: string[];
  /** Fields both changed differently (merged as `onConflict` says). */
  conflicts: Conflict[];
}
