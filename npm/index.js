// Entry point for browsers, bundlers, workers and edge runtimes (the
// `default` and `edge-light` conditions): the inline wasm (./wasm-bytes.js)
// is instantiated synchronously while this module evaluates. No top-level
// await: a Worker, SharedWorker or Service Worker importing it gets its
// first message, and bundles in any format (umd, cjs, iife) build.
// `checkoutpage-client/init` compiles asynchronously.
import { loadSync } from "./load.js";

loadSync();

export * from "./api.js";
