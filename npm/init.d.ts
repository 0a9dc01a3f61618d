// Types of the `checkoutpage-client/init` entry: the package's API plus
// `init()`, which must be awaited once before anything else is used.
/// <reference lib="esnext.disposable" />
export * from "./checkoutpage.js";

/**
 * Loads and instantiates the WebAssembly module. Await it once before using
 * anything else from `checkoutpage-client/init`; later calls return the same
 * promise. (The main `checkoutpage-client` entry does this by itself, with
 * top-level await.)
 */
export declare function init(): Promise<void>;
