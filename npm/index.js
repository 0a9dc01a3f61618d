// Entry point for browsers, bundlers and workers (the `default` export
// condition): the wasm is inlined (./wasm-bytes.js), instantiated
// asynchronously with top-level await, so once the import resolves everything
// is ready. Module graphs that cannot hold top-level await use
// `checkoutpage-client/init`; `require` gets the CommonJS build.
import { loadAsync } from "./load.js";

await loadAsync();

export * from "./api.js";
