// Entry point under the `workerd` export condition (Cloudflare Workers,
// wrangler, miniflare): Workers forbid compiling WebAssembly from bytes at run
// time, so the wasm is imported as a module, which wrangler's bundler turns
// into a precompiled WebAssembly.Module, as other wasm packages ship it.
import wasmModule from "./checkoutpage_bg.wasm";
import { initSync } from "./checkoutpage.js";
import { explain } from "./explain.js";

try {
  initSync({ module: wasmModule });
} catch (error) {
  throw explain(error);
}

export * from "./api.js";
