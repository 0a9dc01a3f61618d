// Entry point for browsers, bundlers and workers (the `default` export
// condition): the wasm is inlined (./wasm-bytes.js) and instantiated
// synchronously while this module evaluates, with no top-level await, so:
// - a module Worker, SharedWorker or Service Worker that imports it runs its
//   own top level at once and receives its first message or `connect`
//   (top-level await held the worker's top level while the browser delivered
//   them, and a Service Worker may not contain it at all);
// - bundles in any format build (Vite library mode's `umd` and `cjs`,
//   classic-script workers), as node.js does for Node.
// Browsers compile a module this size synchronously on the main thread too
// (Chromium, Firefox and WebKit are tested); a failure is a CheckoutPageError
// that says what to do. `checkoutpage-client/init` still loads asynchronously
// (and takes a URL of the .wasm) for those who want that.
import { loadSync } from "./load.js";

loadSync();

export * from "./api.js";
