// The package's public types are generated from the Rust sources by
// wasm-bindgen and tsify (api.d.ts: the public API without wasm-bindgen's
// init internals, which live under `checkoutpage-client/init`). They need no
// DOM lib: a Node-only project with `skipLibCheck: false` checks them.
// The generated classes implement `Symbol.dispose` (`using client = ...`),
// whose type lives in this lib; referencing it keeps projects on older `lib`
// settings compiling without `skipLibCheck`.
/// <reference lib="esnext.disposable" />
export * from "./api.js";
