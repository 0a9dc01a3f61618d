// Makes a freed CheckoutPageClient fail like any other call: wasm-bindgen's
// generated methods throw "null pointer passed to rust" synchronously once
// `free()` (or `using`) has released the Rust object, and a second `free()`
// throws too. Applied once to the generated class's prototype by the Rust
// start function (src/wasm/boundary.rs).

/**
 * Wraps `proto[name]` for every name in `methods` so that on a freed client
 * it returns a promise rejected with `freedError()` instead of throwing, and
 * makes `free()` (and `Symbol.dispose`) safe to call twice.
 */
export function guardFreedClient(proto, methods, freedError) {
  const isFreed = (client) => !client || !client.__wbg_ptr;
  for (const name of methods) {
    const method = proto[name];
    if (typeof method !== "function") continue;
    Object.defineProperty(proto, name, {
      value: {
        [name](...args) {
          if (isFreed(this)) return Promise.reject(freedError());
          return method.apply(this, args);
        },
      }[name],
      writable: true,
      configurable: true,
    });
  }
  const free = proto.free;
  if (typeof free !== "function") return;
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
