// Types of `checkoutpage-client/checkoutpage_bg.wasm` (replacing wasm-bindgen's
// list of the raw instance exports: build-pkg.sh), the binary itself, for
// those who serve, precompile or bundle it (pass it to `init()` or
// `initSync()` of `checkoutpage-client/init`). Where a bundler imports a
// `.wasm` as a compiled module (wrangler and Cloudflare Workers, as this
// package's `workerd` entry does) its default export is a
// `WebAssembly.Module`; elsewhere take its URL (`import.meta.resolve`, Vite's
// `?url`). No DOM lib needed: `unknown` where the project declares no
// WebAssembly.
declare const wasmModule: typeof globalThis extends { WebAssembly: { Module: { prototype: infer T } } } ? T : unknown;
export default wasmModule;
