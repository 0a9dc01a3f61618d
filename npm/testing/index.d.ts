/**
 * `checkoutpage-client/testing`: a fake of the Checkout Page customer API
 * that runs in-process (Node, browsers, workers, Jest, Vitest), for testing
 * your own code that uses `checkoutpage-client`. It is the same imitation
 * (one Rust implementation) as the repository's sandbox server: the `{ data }`
 * envelope, both error body shapes, keys, rate limits and faults behave
 * alike. The main entry never loads it; it has its own WebAssembly module.
 *
 * ```ts
 * import { CheckoutPageClient } from "checkoutpage-client";
 * import { createFakeApi, SANDBOX_KEY } from "checkoutpage-client/testing";
 *
 * const api = await createFakeApi();
 * const client = new CheckoutPageClient({ apiKey: SANDBOX_KEY, fetch: api.fetch });
 * api.fail("6650a1b2c3d4e5f601234568", { kind: "rateLimit", retryAfter: 0 });
 * await client.updateCustomer("6650a1b2c3d4e5f601234568", { name: "Grace" }); // retried through the 429
 * ```
 * @packageDocumentation
 */

// Generated from the customer field table (fields/src/lib.rs) by fields/src/typescript.rs; do not edit.
/** A customer as the API returns it (documented fields; unknown fields are kept). */
export interface FakeCustomer {
  /** The customer's id (a 24-hex ObjectId). */
  id: string;
  /** Full name. */
  name?: string;
  /** Company name. */
  companyName?: string;
  /** Email address, stored trimmed and lowercased. Every customer has one: it cannot be cleared. */
  email?: string;
  /** Phone number. */
  phone?: string;
  /** Email address for invoices (stored trimmed and lowercased). */
  billingEmail?: string;
  /** Billing address; a patch replaces it whole. */
  address?: Record<string, string>;
  /** Shipping details; a patch replaces them whole. */
  shipping?: { name?: string; phone?: string; address?: Record<string, string> };
  /** Tax id (VAT number, EIN, ...). */
  taxId?: string;
  /** Tax id type, Stripe-style (`eu_vat`, `us_ein`, ...). */
  taxIdType?: string;
  /** The store (seller) the customer belongs to. */
  sellerId?: string;
  /** The linked Stripe customer. */
  stripeCustomerId?: string;
  /** Creation time, RFC 3339. UTC, with milliseconds. */
  createdAt?: string;
  /** Last update time, RFC 3339. UTC, with milliseconds; advances on every successful PATCH. */
  updatedAt?: string;
  /** Fields the documented model does not know survive. */
  [field: string]: unknown;
}
// End of the generated `FakeCustomer`.

/** What a key may do: `readOnly` keys get 403 `forbidden` on PATCH. */
export type FakeKeyAccess = "readWrite" | "readOnly";

/** Options of {@link createFakeApi}. */
export interface FakeApiOptions {
  /**
   * Starting customers; default: {@link seedCustomers}. `reset()` returns to these. Each needs an `id`, 24 hex
   * characters as the API gives them (a MongoDB ObjectId; stored lower-case, as the API writes it), and an `email`,
   * and is stored as the API would have stored it: documented fields type-checked like a PATCH, `email` trimmed and
   * lower-cased, `sellerId`/`createdAt`/`updatedAt` filled in when absent, undocumented fields kept. A bad customer
   * (an id that is not 24 hex characters included) or a repeated id rejects `createFakeApi` with a `TypeError`
   * naming it and the field.
   */
  customers?: FakeCustomer[];
  /** Valid keys and their access; default `{ sk_test_sandbox: "readWrite", sk_test_readonly: "readOnly" }`. Any other key is a 401. */
  keys?: Record<string, FakeKeyAccess>;
  /** Per-key limit in requests per minute, a positive integer (token bucket, continuous refill); over it, 429 with `Retry-After` in whole seconds. Default: no limit. */
  rateLimitPerMinute?: number | null;
  /** The clock, in ms since the Unix epoch (drives `updatedAt`, the rate limit and log times); default `Date.now`. Pass your own for deterministic tests. A request while it returns anything but a finite number rejects with a `TypeError`. */
  now?: () => number;
  /** Origin relative URLs are resolved against; default `https://api.checkoutpage.com`. Requests to any origin are answered by path. */
  baseUrl?: string;
  /** Varies the ids given to customers added without one (deterministic per seed); default 0. */
  idSeed?: number;
}

/**
 * A fault, consumed by one request (see {@link FakeApi.fail}):
 * - `rateLimit`: 429 `rate_limit` with `Retry-After: retryAfter` (whole seconds ≥ 0, or an HTTP-date string; default 0 so the client retries at once);
 * - `validationError`: 400 `validation_error` with these `errors` (what only the server can refuse, e.g. an email already in use);
 * - `serverError`: `status` (default 500) with the `{status, type, message, errors}` body;
 * - `status`: any status ≥ 200 with the API's error body (401 uses `{error, message}`), `Retry-After` when given;
 * - `html502`: 502 with an nginx HTML page; `malformed200`: 200 with truncated JSON;
 *   `wrongShape200`: 200 with JSON that is not a customer;
 * - `raw`: exactly this status, content type and body;
 * - `delay`: wait `ms` milliseconds (0 to 2^31−1), then answer normally (an aborted signal ends the wait);
 * - `concurrentEdit`: someone else saves `patch` (a `PATCH` body, checked as the API would; `updatedAt` moves) just
 *   before this request; then the request is answered normally. Queue it for the second request of a
 *   `saveCustomer` (`api.fail(id, { kind: "delay", ms: 0 }, { kind: "concurrentEdit", patch })`) to land an edit in
 *   the window between its `GET` and its `PATCH`;
 * - `networkError`: no response: `fetch` rejects with a `TypeError`, `handle` resolves to `Response.error()` (what
 *   msw and a Service Worker's `respondWith` treat as a network failure; Cloudflare Workers refuse to return it, so
 *   there the runtime answers its own 500: use `api.fetch` inside the worker to see a network failure), `fulfill`
 *   aborts the route.
 *
 * `fail` throws a `TypeError` at once for a fault it cannot answer (an unknown kind or field, a status outside
 * 200–599, a header value with a line break or outside Latin-1, a delay out of range), never at request time.
 */
export type FakeFault =
  | { kind: "rateLimit"; retryAfter?: number | string; message?: string }
  | { kind: "validationError"; errors: { param: string; message: string; value?: unknown }[]; message?: string }
  | { kind: "serverError"; status?: number; message?: string }
  | { kind: "status"; status: number; retryAfter?: number | string; message?: string; errors?: { param: string; message: string; value?: unknown }[] }
  | { kind: "html502" }
  | { kind: "malformed200" }
  | { kind: "wrongShape200" }
  | { kind: "raw"; status: number; contentType?: string; body: string }
  | { kind: "delay"; ms: number }
  | { kind: "networkError" }
  | { kind: "concurrentEdit"; patch: Record<string, unknown> };

/** One request the fake received, for assertions. */
export interface FakeRequest {
  /** Upper-case method. */
  method: string;
  /** Path without the query, still percent-encoded (`/v1/customers/6650…`). */
  path: string;
  /** Path and query as received. */
  url: string;
  /** Decoded `:customerId`, when the path is a customer's. */
  customerId?: string;
  /** Header names (lower case) and values. */
  headers: Record<string, string>;
  /** The body as text. */
  body?: string;
  /** The body parsed as JSON, when it is JSON. */
  json?: unknown;
  /** The status answered; absent for a network failure (or a preflight). */
  status?: number;
  /** Arrival time, ms since the Unix epoch (from `options.now`). */
  at: number;
}

/** The fake's customer table. */
export interface FakeCustomers {
  /**
   * Adds a customer (fields as the API would return them, checked as for {@link FakeApiOptions.customers}; `id`
   * generated when absent, `createdAt`/`updatedAt` now). With no `fields`, a customer like those of
   * `add(count)`: `customer<n>@example.com` named `Customer <n>`, `n` the number of customers already stored.
   * Throws a `TypeError` naming the field when the id is not 24 hex characters or is taken (in any case), `email`
   * is missing, a documented field has the wrong type, or `fields` is not an object.
   */
  add(fields?: Partial<FakeCustomer>): FakeCustomer;
  /**
   * Adds `count` customers (0 to 100 000) in order, so the last is the newest
   * in `GET /v1/customers/`: each `customer<i>@example.com` named `Customer <i>`,
   * overridden by `each` (fields, or `(i) => fields`). All of them or none: a
   * customer refused (a `TypeError` as `add` throws, naming its index) or an
   * `each` that throws leaves the store as it was. Time and memory grow
   * linearly: 100 000 customers take a second or two (`bench/kit-scaling.mjs`).
   */
  add(count: number, each?: Partial<FakeCustomer> | ((i: number) => Partial<FakeCustomer>)): FakeCustomer[];
  /**
   * Someone else changes this customer now: `patch` (a `PATCH` body) is checked and applied as the API would, and
   * `updatedAt` moves, without a request in the log, a fault consumed or the rate limit touched. Call it between your
   * code's load and its save to test a conflict-aware save (`client.saveCustomer`). Returns the customer as stored;
   * throws a `TypeError` for an unknown customer or a patch the API would refuse.
   */
  update(id: string, patch: Record<string, unknown>): FakeCustomer;
  /** The customer now, or `undefined`. Ids compare as the API's do: 24 hex characters in any case name one customer. */
  get(id: string): FakeCustomer | undefined;
  /** Every customer, by id. */
  list(): FakeCustomer[];
  /** Back to the starting customers (faults, log and rate limit are kept; see {@link FakeApi.reset}). A request in flight (held by a `delay`) fails with a `TypeError` rather than write to the fresh store. */
  reset(): void;
}

/** A minimal Playwright `Route` (only what {@link FakeApi.fulfill} uses). */
export interface RouteLike {
  request(): {
    method(): string;
    url(): string;
    allHeaders(): Promise<Record<string, string>>;
    postDataBuffer(): Uint8Array | null;
  };
  fulfill(response: { status: number; headers: Record<string, string>; body: string }): Promise<void>;
  abort(errorCode?: string): Promise<void>;
}

/** A fake Checkout Page API; create it with {@link createFakeApi}. */
export interface FakeApi {
  /**
   * A `fetch` to give the client (`new CheckoutPageClient({ apiKey, fetch: api.fetch })`).
   * Answers `GET`/`PATCH /v1/customers/:customerId`, `GET /v1/customers/` (the list) and `OPTIONS` preflights
   * at any origin. Ids compare as ObjectIds: 24 hex characters in any case name one customer, in the path and in
   * the list's cursors. A cursor (`starting_after`, `ending_before`) pages from its customer's place in the
   * newest-first order, whether or not that customer matches `search`; one that names no customer is a 400
   * `validation_error` on its parameter (`"No such customer"`). Each request costs time independent of the store's
   * size, but for a `search`, which scans it once to count `total`. Rejects with a `TypeError` for a `networkError`
   * fault, and
   * with the signal's reason when the signal aborts. Where there is no global
   * `Response` (Jest + jsdom) it resolves to a Response-like object with
   * `status`, `ok`, `headers.get`, `text()` and `json()`, which the client accepts.
   */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** The same as a `(Request) => Promise<Response>` handler: msw `http.all(url, ({ request }) => api.handle(request))`, a Service Worker, a Workers `fetch`. */
  handle(request: Request): Promise<Response>;
  /** Answers a Playwright route: `await page.route("https://api.checkoutpage.com/**", (route) => api.fulfill(route))`. A `networkError` fault aborts it. */
  fulfill(route: RouteLike): Promise<void>;
  /** The customer table. */
  readonly customers: FakeCustomers;
  /**
   * Queues faults, consumed in order, one per request: for one customer
   * (`api.fail(customerId, ...)`), or for the next requests whatever the
   * customer (`api.fail("*", ...)` or `api.fail({ next: true }, ...)`; a
   * customer's own faults come first). Throws a `TypeError` for an unknown fault.
   */
  fail(target: string | { customerId: string } | { next: true }, ...faults: (FakeFault | FakeFault[])[]): void;
  /** Drops the queued faults of one customer (or `"*"`), or all. */
  clearFaults(customerId?: string): void;
  /** Changes the per-key limit (requests per minute; `null` for none); buckets start full. */
  setRateLimit(perMinute: number | null): void;
  /** Back to the starting state: customers, no faults, empty log, the starting rate limit. A request in flight (held by a `delay`) fails at once with a `TypeError` rather than write to the fresh store; note that a client may then retry it, as it would a dropped connection, so for isolated tests create a fake and a client per test, or await every call. */
  reset(): void;
  /** The requests received so far, oldest first (fresh copies). */
  readonly requests: FakeRequest[];
  /** Empties the request log. */
  clearRequests(): void;
  /** The origin relative URLs are resolved against. */
  readonly baseUrl: string;
}

/**
 * Creates a fake of the API with its own customers, keys, faults and log.
 * Resolves once the kit's WebAssembly module is loaded (inline; no file to
 * serve). Rejects with a `TypeError` naming the option for a bad or unknown
 * option (including a bad customer in `customers`).
 */
export function createFakeApi(options?: FakeApiOptions): Promise<FakeApi>;

/** The seed customers of a fresh fake (and of the sandbox server): ids `6650a1b2c3d4e5f601234567` (full profile), `…68` (email only), `…69` (with `metadata`), `…6a` (non-ASCII). Fresh copies. Throws an `Error` before the first {@link createFakeApi} has resolved (the module is not loaded yet). */
export function seedCustomers(): FakeCustomer[];

/** The default read-write key, `"sk_test_sandbox"`. */
export const SANDBOX_KEY: "sk_test_sandbox";
/** The default read-only key, `"sk_test_readonly"`. */
export const READONLY_KEY: "sk_test_readonly";
