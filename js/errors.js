// The one JavaScript class of the package: every failure of the client is a
// CheckoutPageError, created by the Rust boundary (src/wasm/boundary.rs).

/** A failed Checkout Page call. See `kind` for what went wrong. */
export class CheckoutPageError extends Error {
  constructor(message, details) {
    super(message);
    const d = details || {};
    this.kind = d.kind;
    this.status = d.status ?? null;
    this.errors = d.errors ?? [];
    this.body = d.body ?? null;
    this.requestId = d.requestId ?? null;
    this.retryAfterMs = d.retryAfterMs ?? null;
  }

  /** Plain data for logs: everything except the stack. */
  toJSON() {
    return {
      name: this.name,
      message: this.message,
      kind: this.kind,
      status: this.status,
      errors: this.errors,
      body: this.body,
      requestId: this.requestId,
      retryAfterMs: this.retryAfterMs,
    };
  }
}

Object.defineProperty(CheckoutPageError.prototype, "name", {
  value: "CheckoutPageError",
  writable: true,
  configurable: true,
});
