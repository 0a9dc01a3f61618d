// Types of the `checkoutpage-client/init` entry: the package's API plus
// `init()`, which must be awaited once before anything else is used, and
// wasm-bindgen's init internals (InitInput, initSync) for those who load the
// wasm themselves. These reference DOM types (`RequestInfo`, `BufferSource`).
/// <reference lib="esnext.disposable" />
export * from "./checkoutpage.js";
import type { InitInput } from "./checkoutpage.js";

/**
 * Loads and instantiates the WebAssembly module. Await it once before using
 * anything else from `checkoutpage-client/init`; later calls return the same
 * promise. The wasm is carried inline; pass `input` (a URL, a `Response`,
 * bytes or a `WebAssembly.Module`, as wasm-bindgen's init takes it) only to
 * load `checkoutpage-client/checkoutpage_bg.wasm` from elsewhere. Rejects
 * with a `CheckoutPageError` of kind `"environment"` that says what to do
 * (for example, a Content Security Policy without `'wasm-unsafe-eval'`).
 * (The main `checkoutpage-client` entry does this by itself.)
 */
export declare function init(input?: InitInput | Promise<InitInput>): Promise<void>;
