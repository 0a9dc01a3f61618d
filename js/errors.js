// The one JavaScript class of the package: every failure of the client is a
// CheckoutPageError, created by the Rust shell (src/wasm/errors.rs).

// Shared by every copy of this file in a process (the ESM and the CommonJS
// builds of the package, two versions in one bundle): `instanceof` checks
// this brand, so an error from one copy is an instance of the other's class.
const BRAND = Symbol.for("checkoutpage-client.CheckoutPageError");

const { create } = Object;
const { defineProperty } = Reflect;

// An own, enumerable, writable data property, as an assignment would make
// on a clean prototype; its descriptor has no prototype to be polluted.
function own(object, key, value) {
  const descriptor = create(null);
  descriptor.value = value;
  descriptor.writable = true;
  descriptor.enumerable = true;
  descriptor.configurable = true;
  defineProperty(object, key, descriptor);
}

/** A failed Checkout Page call. See `kind` for what went wrong. */
export class CheckoutPageError extends Error {
  constructor(message, details) {
    const d = details || {};
    super(message, d.cause === undefined ? undefined : { cause: d.cause });
    // Own data properties, defined (never `this.kind = ...`, which a setter
    // on a polluted Object.prototype would receive, and its getter forge).
    own(this, "kind", d.kind);
    own(this, "status", d.status ?? null);
    own(this, "errors", d.errors ?? []);
    own(this, "body", d.body ?? null);
    own(this, "requestId", d.requestId ?? null);
    own(this, "retryAfterMs", d.retryAfterMs ?? null);
    own(this, "conflicts", d.conflicts ?? []);
    own(this, "current", d.current ?? null);
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
      conflicts: this.conflicts,
      current: this.current,
    };
  }
}

Object.defineProperty(CheckoutPageError.prototype, "name", {
  value: "CheckoutPageError",
  writable: true,
  configurable: true,
});
Object.defineProperty(CheckoutPageError.prototype, BRAND, { value: true });

// The guard for calls without a live client: wasm-bindgen's generated methods
// throw "null pointer passed to rust" synchronously once `free()` (or `using`)
// has released the Rust object, or when called unbound, and a second `free()`
// throws too. Applied once to the generated class's prototype by the Rust
// start function or the first constructor (src/wasm/client.rs).

/**
 * Wraps every method of `sample`'s class (each returns a promise; the
 * constructor, `free` and wasm-bindgen's `__` internals aside) so that on a
 * freed client it returns a promise rejected with `freedError()` instead of
 * throwing (or, for a method `refused` names, what `refused[name](error)`
 * returns: `listCustomers`' page promise), makes `free()` (and
 * `Symbol.dispose`) safe to call twice, and frees `sample`, an instance
 * made only to reach the class.
 */
export function guardFreedClient(sample, freedError, refused) {
  const proto = Object.getPrototypeOf(sample);
  const isFreed = (client) => !client || !client.__wbg_ptr;
  const methods = Object.getOwnPropertyNames(proto).filter(
    (name) => name !== "constructor" && name !== "free" && !name.startsWith("__"),
  );
  for (const name of methods) {
    const method = proto[name];
    if (typeof method !== "function") continue;
    Object.defineProperty(proto, name, {
      value: {
        [name](...args) {
          if (isFreed(this)) {
            // `refused` has no prototype: only its own methods are found.
            const refuse = refused?.[name];
            return refuse ? refuse(freedError()) : Promise.reject(freedError());
          }
          return method.apply(this, args);
        },
      }[name],
      writable: true,
      configurable: true,
    });
  }
  const free = proto.free;
  if (typeof free !== "function") return;
  free.call(sample);
  const safeFree = {
    free() {
      if (!isFreed(this)) free.call(this);
    },
  }.free;
  Object.defineProperty(proto, "free", { value: safeFree, writable: true, configurable: true });
  if (typeof Symbol.dispose === "symbol" && proto[Symbol.dispose] === free) {
    Object.defineProperty(proto, Symbol.dispose, {
      value: safeFree,
      writable: true,
      configurable: true,
    });
  }
}
