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

/**
 * Makes the client's methods reject with a CheckoutPageError (kind
 * "validation") when called without their client, as in
 * `const f = client.updateCustomer; f(...)`, or on a freed client, instead of
 * a TypeError from inside the generated glue. Patches the class of `client`
 * (once) and then frees `client`, a throwaway instance made for this.
 */
export function guardMethods(client) {
  const proto = Object.getPrototypeOf(client);
  for (const name of ["updateCustomer", "updateCustomers"]) {
    const method = proto[name];
    if (typeof method !== "function") continue;
    const guarded = function (...args) {
      let bound = false;
      try {
        bound = this instanceof proto.constructor && Boolean(this.__wbg_ptr);
      } catch {
        bound = false;
      }
      if (bound) return method.apply(this, args);
      const message =
        `${name} was called without its client (or on a freed one): call it as ` +
        `client.${name}(...), or bind it first: client.${name}.bind(client)`;
      return Promise.reject(
        new CheckoutPageError(message, {
          kind: "validation",
          errors: [{ param: "", message, value: null }],
        }),
      );
    };
    Object.defineProperty(guarded, "name", { value: name });
    Object.defineProperty(proto, name, { value: guarded, writable: true, configurable: true });
  }
  client.free();
}
