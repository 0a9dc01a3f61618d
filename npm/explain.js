// Shared by every ESM entry (not a public entry): every failure to load or
// compile the WebAssembly module as a CheckoutPageError that says what to do.
// Kept apart from load.js so the workerd entry does not pull in the inline bytes.
import { CheckoutPageError } from "./checkoutpage.js";

/** Throws a CheckoutPageError when the runtime has no WebAssembly at all. */
export function checkWebAssembly() {
  if (typeof WebAssembly !== "object" || WebAssembly === null) {
    throw new CheckoutPageError(
      "checkoutpage-client needs WebAssembly, which this runtime does not provide " +
        "(globalThis.WebAssembly is missing). Run it in a runtime with WebAssembly " +
        "(browsers, Node >= 18, Deno, Bun, Cloudflare Workers) or, in a test " +
        "environment, expose the host's WebAssembly global.",
      { kind: "environment" },
    );
  }
}

/** Any load or compile failure as a CheckoutPageError saying what to do. */
export function explain(error) {
  if (error instanceof CheckoutPageError) return error;
  const text = String(error && error.message ? error.message : error);
  let message;
  if (/disallowed by embedder/i.test(text)) {
    message =
      "checkoutpage-client could not compile its WebAssembly module: this runtime forbids " +
      "compiling WebAssembly from bytes (as Cloudflare Workers do). Let the bundler resolve the " +
      "package's `workerd` export condition (wrangler does by default), which imports the .wasm " +
      `as a module. (The runtime said: ${text})`;
  } else if (/disallowed on the main thread/i.test(text)) {
    message =
      "checkoutpage-client could not compile its WebAssembly module: this browser refuses to " +
      "compile a module this size synchronously on the main thread (older Chromium-based " +
      "browsers did). Import `checkoutpage-client/init` instead and `await init()` once before " +
      `using it: it compiles asynchronously. (The browser said: ${text})`;
  } else if (/Content Security Policy|unsafe-eval/i.test(text)) {
    message =
      "checkoutpage-client could not compile its WebAssembly module: the page's " +
      "Content Security Policy forbids it. Add 'wasm-unsafe-eval' to the script-src " +
      "directive (for example `script-src 'self' 'wasm-unsafe-eval'`); it allows " +
      "WebAssembly only, not JavaScript eval. " +
      `(The runtime said: ${text})`;
  } else {
    message = `checkoutpage-client could not load its WebAssembly module: ${text}`;
  }
  return new CheckoutPageError(message, { kind: "environment" });
}
