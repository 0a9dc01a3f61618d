// Shared by the `checkoutpage-client/init` entries (init.js, init-workerd.js;
// not a public entry): whether the WebAssembly module is loaded yet, and the
// guard every export of those entries goes through (api-init.js, generated
// by npm/build-entries.mjs), so that a call made before `init()` has
// finished throws a CheckoutPageError saying what to do, not the glue's bare
// `TypeError: Cannot read properties of undefined`. The main entries load
// the module before they export anything and need no guard.
import { CheckoutPageError, initSync as glueInitSync } from "./checkoutpage.js";

// Intrinsics, taken once: a polluted prototype changes nothing here.
const { apply, construct } = Reflect;
const { create } = Object;
const ProxyOf = Proxy;
const TypeErrorClass = TypeError;

/** "idle" (no init() yet), "pending", "loaded" or "failed". */
let state = "idle";
let failure;

/** Follows `promise`, the loading of the module started by init(). */
export function loading(promise) {
  state = "pending";
  return promise.then(
    () => {
      state = "loaded";
    },
    (error) => {
      state = "failed";
      failure = error;
      throw error;
    },
  );
}

/** wasm-bindgen's initSync, noting that the module is loaded. */
export function initSync(module) {
  const exports = glueInitSync(module);
  state = "loaded";
  return exports;
}

function notReady(call, error) {
  call = `${call} was called before the WebAssembly module of checkoutpage-client/init was loaded`;
  let message;
  if (state === "pending") {
    message = `${call}: init() has not finished yet. Await the promise it returns (\`await init()\`) before using anything else.`;
  } else if (state === "failed") {
    const reason = failure && failure.message ? failure.message : String(failure);
    message = `${call}: init() failed, so nothing can be used (${reason}).`;
  } else {
    message = `${call}. Call \`await init()\` once, before using anything else (import { init } from "checkoutpage-client/init"), or import "checkoutpage-client", which loads the module by itself.`;
  }
  return new CheckoutPageError(message, { kind: "environment", cause: state === "failed" ? failure : error });
}

/**
 * `target` (an export of the glue: a function or a class) behind a Proxy
 * that turns the glue's `TypeError` of a call made before the module is
 * loaded into a CheckoutPageError of kind "environment" saying what to do.
 * Any other outcome passes through unchanged (so a module loaded by the
 * main entry in the same process serves these exports too).
 */
export function guard(target, name) {
  const explained = (error, call) =>
    state !== "loaded" && error instanceof TypeErrorClass ? notReady(call, error) : error;
  // No prototype: a polluted Object.prototype supplies no trap.
  const handler = create(null);
  handler.apply = (fn, self, args) => {
    try {
      return apply(fn, self, args);
    } catch (error) {
      throw explained(error, `${name}()`);
    }
  };
  handler.construct = (fn, args, newTarget) => {
    try {
      return construct(fn, args, newTarget);
    } catch (error) {
      throw explained(error, `new ${name}()`);
    }
  };
  return new ProxyOf(target, handler);
}
