// Entry without top-level await: `import { init } from "checkoutpage-client/init"`
// and `await init()` once before using anything else. For module graphs that
// cannot contain top-level await (e.g. Vite's default classic-worker bundles).
// The wasm is inlined; `init(input)` also accepts what wasm-bindgen's own
// init accepts (a URL, a Response, bytes or a WebAssembly.Module) for those
// who serve `checkoutpage-client/checkoutpage_bg.wasm` themselves.
import { loadAsync } from "./load.js";

let ready;

/**
 * Loads and instantiates the WebAssembly module, once; later calls return
 * the same promise.
 */
export function init(input) {
  ready ??= loadAsync(input);
  return ready;
}

export * from "./api.js";
export { initSync } from "./checkoutpage.js";
