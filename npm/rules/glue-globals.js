// Globals wasm-bindgen's glue for the rules-only entry (rules/checkoutpage.js)
// reads, given to it instead by esbuild's `inject` (npm/build-rules.mjs): the
// host's TextDecoder/TextEncoder, or the main entry's fallback where it has
// none (Jest's jsdom environment; ../text-codec.js). The rules run no
// futures, so the glue has no queueMicrotask to replace.
export { TextDecoder, TextEncoder } from "../text-codec.js";
