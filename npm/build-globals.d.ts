// Constants npm/inline-wasm.mjs defines when it bundles npm/wasm-bytes.src.js.

/** The WebAssembly module, raw-deflated and base64-encoded. */
declare const WASM_BASE64: string;
/** The WebAssembly module's length in bytes. */
declare const WASM_SIZE: number;
