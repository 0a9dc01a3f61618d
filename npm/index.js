// Entry point of the package: loads and instantiates the WebAssembly module
// once (top-level await), then exposes the generated bindings.
import init, { initSync } from "./checkoutpage.js";

const wasmUrl = new URL("./checkoutpage_bg.wasm", import.meta.url);

if (wasmUrl.protocol === "file:") {
  // Node (and other runtimes whose fetch cannot read file: URLs).
  const fs = "node:fs/promises";
  const { readFile } = await import(/* @vite-ignore */ /* webpackIgnore: true */ fs);
  initSync({ module: await readFile(wasmUrl) });
} else {
  await init({ module_or_path: wasmUrl });
}

export * from "./checkoutpage.js";
