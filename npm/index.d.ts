// The package's public types are generated from the Rust sources by
// wasm-bindgen and tsify; this entry only re-exports them.
// The generated classes implement `Symbol.dispose` (`using client = ...`),
// whose type lives in this lib; referencing it keeps projects on older `lib`
// settings compiling without `skipLibCheck`.
/// <reference lib="esnext.disposable" />
export * from "./checkoutpage.js";
