// Entry under the `webpack` export condition (webpack 5 for the browser; its
// server builds match `node` or `require` first): webpack emits
// `new URL("./checkoutpage_bg.wasm", import.meta.url)` as an asset by itself,
// so the wasm ships as a separate file, which is about 3.9 KB smaller after
// gzip than the deflated base64 every other entry carries (105,611 against
// 109,565 bytes gzip -9, measured after issue 24's trial; bench/size/RESULTS.md has
// the current figures) and is compiled while it downloads. Top-level await.
import wasmInit from "./checkoutpage.js";
import { checkWebAssembly, explain } from "./explain.js";

try {
  checkWebAssembly();
  await wasmInit({ module_or_path: new URL("./checkoutpage_bg.wasm", import.meta.url) });
} catch (error) {
  throw explain(error);
}

export * from "./api.js";
