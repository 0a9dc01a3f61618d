// Entry without top-level await: `import { init } from "checkoutpage-client/init"`
// and `await init()` once before using anything else. For module graphs that
// cannot contain top-level await (e.g. Vite's default classic-worker bundles).
// The wasm is inlined; `init(input)` also accepts what wasm-bindgen's own
// init accepts (a URL, a Response, bytes or a WebAssembly.Module) for those
// who serve `checkoutpage-client/checkoutpage_bg.wasm` themselves.
// Every export is guarded (npm/ready.js): used before the module is loaded,
// it throws a CheckoutPageError that says to `await init()`.
import { loadAsync } from "./load.js";
import { loading } from "./ready.js";

let ready;

/**
 * Loads and instantiates the WebAssembly module, once; later calls return
 * the same promise.
 */
export function init(input) {
  ready ??= loading(loadAsync(input));
  return ready;
}

export * from "./api-init.js";
export { initSync } from "./ready.js";
