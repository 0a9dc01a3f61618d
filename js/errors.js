// The one JavaScript class of the package: every failure of the client is a
// CheckoutPageError, created by the Rust boundary (src/wasm/boundary.rs).

// Shared by every copy of this file in a process (the ESM and the CommonJS
// builds of the package, two versions in one bundle): `instanceof` checks
// this brand, so an error from one copy is an instance of the other's class.
const BRAND = Symbol.for("checkoutpage-client.CheckoutPageError");

/** A failed Checkout Page call. See `kind` for what went wrong. */
export class CheckoutPageError extends Error {
  constructor(message, details) {
    const d = details || {};
    super(message, d.cause === undefined ? undefined : { cause: d.cause });
    this.kind = d.kind;
    this.status = d.status ?? null;
    this.errors = d.errors ?? [];
    this.body = d.body ?? null;
    this.requestId = d.requestId ?? null;
    this.retryAfterMs = d.retryAfterMs ?? null;
  }

  /** True for a CheckoutPageError from any copy of the package. */
  static [Symbol.hasInstance](value) {
    return (
      value !== null &&
      (typeof value === "object" || typeof value === "function") &&
      value[BRAND] === true
    );
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
Object.defineProperty(CheckoutPageError.prototype, BRAND, { value: true });
