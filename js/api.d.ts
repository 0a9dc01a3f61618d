
/**
 * Every failure of the client: `kind` says what went wrong, `status` is the
 * HTTP status when a response arrived, `errors` lists field problems in the
 * API's own shape, `body` is the whole parsed response body.
 */
export class CheckoutPageError extends Error {
  /** Created by the client only. */
  private constructor();
  /** Always `"CheckoutPageError"`. */
  readonly name: "CheckoutPageError";
  /** What went wrong. */
  readonly kind: ErrorKind;
  /** The HTTP status, or `null` when no response arrived. */
  readonly status: number | null;
  /** Field-level problems, from client-side validation or the API. */
  readonly errors: FieldError[];
  /** The whole parsed response body (or `null`), extra properties included. */
  readonly body: unknown;
  /** The `x-request-id` response header, when present. */
  readonly requestId: string | null;
  /**
   * How long to wait before trying again, in milliseconds, on `rate_limit`
   * errors: the server's `Retry-After`, or the rest of the client's pause
   * when a call was refused without sending anything.
   */
  readonly retryAfterMs: number | null;
  /**
   * For `aborted` and `timeout` errors caused by the call's `signal`: the
   * signal's `reason` (as passed to `controller.abort(reason)`).
   */
  readonly cause?: unknown | undefined;
}

/**
 * A problem `validateCustomerPatch` found: a `FieldError` whose `code` and
 * `severity` are always set.
 */
export type ValidationProblem = FieldError & { code: ProblemCode; severity: Severity };

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
