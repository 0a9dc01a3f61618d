/**
 * The outcome of one item of `updateCustomers`: the customer as stored, or
 * the error that item ended in.
 */
export type BulkResult =
  | { customerId: string; ok: true; customer: Customer }
  | { customerId: string; ok: false; error: CheckoutPageError };

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
  hasNextPage(): boolean;
  hasPreviousPage(): boolean;
  /** The next (older) page; rejects with kind `"validation"` when there is none. */
  getNextPage(): PagePromise;
  /** The previous (newer) page; rejects with kind `"validation"` when there is none. */
  getPreviousPage(): PagePromise;
  /** This page and every later one. */
  iterPages(): AsyncGenerator<CustomerPage, void, undefined>;
}

/**
 * What `listCustomers` returns: a promise of the first page that is also an
 * async iterable over every matching customer across pages
 * (`for await (const customer of client.listCustomers({ search: "ada" }))`),
 * paced at the client's rate limit; breaking out of the loop stops fetching,
 * and the call's `signal` aborts it.
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
