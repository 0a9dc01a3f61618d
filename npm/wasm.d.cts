// Types of `require("checkoutpage-client/checkoutpage_bg.wasm")` (see
// ../checkoutpage_bg.wasm.d.ts): a `WebAssembly.Module` where a bundler compiles `.wasm`
// imports; `require.resolve` gives the file's path.
declare const wasmModule: typeof globalThis extends { WebAssembly: { Module: { prototype: infer T } } } ? T : unknown;
export = wasmModule;
