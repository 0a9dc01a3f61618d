// The package's public types are generated from the Rust sources by
// wasm-bindgen and tsify; this entry only re-exports them.
export * from "./checkoutpage.js";
