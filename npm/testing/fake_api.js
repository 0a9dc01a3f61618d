// The test kit's module for the ESM entry (testing/index.js): loaded once,
// asynchronously (Chromium refuses to compile large modules synchronously on
// the main thread), from the inline bytes (testing/wasm-bytes.js, built by
// npm/inline-wasm.mjs).
import __wbg_init, { FakeApiCore, seedCustomers } from "./fake_api_glue.js";
import { wasmBytesAsync } from "./wasm-bytes.js";

let loading;
/** Instantiates the module (once); resolves when it is ready. */
function initModule() {
  return (loading ??= wasmBytesAsync()
    .then((bytes) => __wbg_init({ module_or_path: bytes }))
    .then(() => undefined));
}

export { FakeApiCore, seedCustomers, initModule };
