// @ts-check
// The decoder of an inline WebAssembly module (not shipped as is): the build
// (npm/inline-wasm.mjs) bundles it with esbuild, together with fflate's
// inflateSync, into each `wasm-bytes.js` (and through it the CommonJS bundles) beside the
// module's bytes, raw-deflated and base64-encoded. Type-checked with
// `tsc -p npm` (scripts/test.sh).
//
// fflate (MIT, https://github.com/101arrowz/fflate): inflateSync only, about
// 2 KB gzip; synchronous, so initSync works too; no eval, no worker.
import { inflateSync } from "fflate";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/**
 * The bytes of a base64 text: the platform's decoder where there is one,
 * by hand otherwise (no atob needed).
 * @param {string} text standard base64, padded
 * @returns {Uint8Array<ArrayBuffer>}
 */
export function base64(text) {
  /** @type {{ fromBase64?: (text: string) => Uint8Array<ArrayBuffer> }} */
  const bytes = /** @type {any} */ (Uint8Array);
  if (typeof bytes.fromBase64 === "function") return bytes.fromBase64(text);
  /** @type {{ from?: (text: string, encoding: string) => Uint8Array } | undefined} */
  const buffer = /** @type {any} */ (globalThis).Buffer;
  if (typeof buffer?.from === "function") return new Uint8Array(buffer.from(text, "base64"));
  const lookup = new Uint8Array(128);
  for (let i = 0; i < 64; i++) lookup[ALPHABET.charCodeAt(i)] = i;
  const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n =
      (lookup[text.charCodeAt(i)] << 18) |
      (lookup[text.charCodeAt(i + 1)] << 12) |
      (lookup[text.charCodeAt(i + 2)] << 6) |
      lookup[text.charCodeAt(i + 3)];
    out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

/**
 * The deflated bytes, inflated by fflate: the fallback wherever the runtime
 * has no inflater.
 * @param {Uint8Array} packed raw deflate
 * @param {number} size the inflated length in bytes
 * @returns {Uint8Array}
 */
export function inflate(packed, size) {
  return inflateSync(packed, { out: new Uint8Array(size) });
}

/**
 * Node's zlib where the runtime exposes it without an import
 * (`process.getBuiltinModule`: Node 20.16+, Bun, Deno), else `undefined`.
 * @returns {{ inflateRawSync(data: Uint8Array): Uint8Array } | undefined}
 */
function nodeZlib() {
  return /** @type {any} */ (globalThis).process?.getBuiltinModule?.("zlib");
}

/**
 * The module's bytes, synchronously: Node's own zlib where it is at hand,
 * fflate otherwise. The native inflater matters at cold start: fflate runs
 * in the JS interpreter there.
 * @param {string} text the raw-deflated module, base64-encoded
 * @param {number} size the module's length in bytes
 * @returns {Uint8Array}
 */
export function decodeSync(text, size) {
  const packed = base64(text);
  try {
    const zlib = nodeZlib();
    if (zlib) return new Uint8Array(zlib.inflateRawSync(packed));
  } catch {
    // fflate below
  }
  return inflate(packed, size);
}

/**
 * The same, asynchronously: Node's zlib where it is at hand (as above:
 * Node's web streams load slowly at cold start), else the platform's
 * DecompressionStream where it takes deflate-raw (browsers; then a Response
 * streaming the bytes, so that WebAssembly.instantiateStreaming compiles
 * while it inflates), else fflate.
 * @param {string} text the raw-deflated module, base64-encoded
 * @param {number} size the module's length in bytes
 * @returns {Promise<Uint8Array | Response>}
 */
export async function decodeAsync(text, size) {
  if (/** @type {any} */ (globalThis).process?.getBuiltinModule) return decodeSync(text, size);
  const packed = base64(text);
  try {
    const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    return new Response(stream, { headers: { "content-type": "application/wasm" } });
  } catch {
    return decodeSync(text, size);
  }
}
