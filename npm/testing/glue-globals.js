// Globals wasm-bindgen's glue for the test kit (testing/fake_api_glue.js)
// reads, given to it instead by esbuild's `inject` (npm/build-testing.mjs):
// the host's TextDecoder/TextEncoder, or the main entry's fallback where it has
// none (Jest's jsdom environment; ../text-codec.js).
export { TextDecoder, TextEncoder } from "../text-codec.js";
