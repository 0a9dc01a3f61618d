// Entry without top-level await: `import { init } from "checkoutpage-client/init"`
// and `await init()` once before using anything else. For module graphs that
// cannot contain top-level await (e.g. Vite's default classic-worker bundles).
// The main entry (index.js) is this module plus `await init()`.
import wasmInit, { initSync } from "./checkoutpage.js";

let ready;

/**
 * Loads and instantiates the WebAssembly module, once; later calls return
 * the same promise.
 */
export function init() {
  ready ??= load();
  return ready;
}

async function load() {
  const wasmUrl = new URL("./checkoutpage_bg.wasm", import.meta.url);
  if (wasmUrl.protocol === "file:") {
    // Node (and other runtimes whose fetch cannot read file: URLs).
    const fs = "node:fs/promises";
    const { readFile } = await import(/* @vite-ignore */ /* webpackIgnore: true */ fs);
    initSync({ module: await readFile(wasmUrl) });
  } else {
    await wasmInit({ module_or_path: wasmUrl });
  }
}

export * from "./checkoutpage.js";
