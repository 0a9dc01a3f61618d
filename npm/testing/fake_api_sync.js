// The test kit's module for the CommonJS entry (testing/index.cjs, which
// npm/build-testing.mjs bundles with esbuild from testing/index.js with this
// file in place of ./fake_api.js): instantiated synchronously on require.
import { FakeApiCore, initSync, seedCustomers } from "./fake_api_glue.js";
import { wasmBytes } from "./wasm-bytes.js";

initSync({ module: wasmBytes() });

/** Resolves at once: the module was instantiated on require. */
const initModule = () => Promise.resolve();

export { FakeApiCore, seedCustomers, initModule };
