// The test kit's module under the `workerd` export condition (Cloudflare
// Workers, wrangler, miniflare), which forbids compiling WebAssembly from
// bytes at run time: the .wasm imported as a module, which wrangler
// precompiles (as the main entry's workerd.js does).
import __wbg_init, { FakeApiCore, seedCustomers } from "./fake_api_glue.js";
import wasmModule from "./fake_api_glue_bg.wasm";

let loading;
/** Instantiates the precompiled module (once); resolves when it is ready. */
function initModule() {
  return (loading ??= __wbg_init({ module_or_path: wasmModule }).then(() => undefined));
}

export { FakeApiCore, seedCustomers, initModule };
