// `checkoutpage-client/init` under the `workerd` export condition: as
// workerd.js (the .wasm imported as a module, which wrangler precompiles),
// with the `init()` of the /init entry, for code shared with other runtimes.
import wasmModule from "./checkoutpage_bg.wasm";
import { initSync } from "./checkoutpage.js";
import { explain } from "./explain.js";

let ready;

/** Instantiates the module (once); later calls return the same promise. */
export function init() {
  ready ??= new Promise((resolve) => {
    initSync({ module: wasmModule });
    resolve();
  }).catch((error) => {
    throw explain(error);
  });
  return ready;
}

export * from "./checkoutpage.js";
