// @ts-check
// The source of each `wasm-bytes.js` (the main entry's and the test kit's; not
// shipped as is): npm/inline-wasm.mjs bundles it with esbuild, defining
// WASM_BASE64 as the module raw-deflated and base64-encoded and WASM_SIZE as
// its length, with the decoder (npm/wasm-decoder.js) and fflate's inflateSync.
import { decodeAsync, decodeSync } from "./wasm-decoder.js";

const WASM = WASM_BASE64;

/**
 * The WebAssembly module's bytes, synchronously (npm/wasm-decoder.js).
 * @returns {Uint8Array}
 */
export function wasmBytes() {
  return decodeSync(WASM, WASM_SIZE);
}

/**
 * The same, asynchronously: a Response streaming them where the platform
 * inflates (browsers), else the bytes.
 * @returns {Promise<Uint8Array | Response>}
 */
export function wasmBytesAsync() {
  return decodeAsync(WASM, WASM_SIZE);
}
