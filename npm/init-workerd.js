// `checkoutpage-client/init` under the `workerd` export condition: as
// workerd.js (the .wasm imported as a module, which wrangler precompiles),
// with the `init()` of the /init entry, for code shared with other runtimes.
// Its exports are guarded as those of init.js (npm/ready.js).
import wasmModule from "./checkoutpage_bg.wasm";
import { explain } from "./explain.js";
import { initSync, loading } from "./ready.js";

let ready;

/** Instantiates the module (once); later calls return the same promise. */
export function init() {
  ready ??= loading(
    new Promise((resolve) => {
      initSync({ module: wasmModule });
      resolve();
    }).catch((error) => {
      throw explain(error);
    }),
  );
  return ready;
}

export * from "./api-init.js";
export { initSync } from "./ready.js";
