// Shared by the ESM entries that carry the wasm inline (not a public entry):
// the bytes come from ./wasm-bytes.js (generated at build time), so no
// bundler, server renderer or runtime has to locate a separate file.
import { initSync, default as wasmInit } from "./checkoutpage.js";
import { checkWebAssembly, explain } from "./explain.js";
import { wasmBytes, wasmBytesAsync } from "./wasm-bytes.js";

/** Instantiates the module synchronously (Node, Deno, Bun; any worker). */
export function loadSync() {
  try {
    checkWebAssembly();
    initSync({ module: wasmBytes() });
  } catch (error) {
    throw explain(error);
  }
}

/** Instantiates the module asynchronously (browsers' main thread included). */
export async function loadAsync(input) {
  try {
    checkWebAssembly();
    await wasmInit({ module_or_path: input ?? (await wasmBytesAsync()) });
  } catch (error) {
    throw explain(error);
  }
}

