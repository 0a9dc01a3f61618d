
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
   * For `conflict` errors (`saveCustomer`): each field someone else changed,
   * since the customer was loaded, to another value than the draft's, as
   * `{ param, base, theirs, mine }`. Empty for every other kind.
   */
  readonly conflicts: Conflict[];
  /** For `conflict` errors: the customer as stored now; `null` otherwise. */
  readonly current: Customer | null;
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

