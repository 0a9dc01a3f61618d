// Entry point of the package: loads and instantiates the WebAssembly module
// once (top-level await), then exposes the generated bindings. Module graphs
// that cannot hold top-level await use `checkoutpage-client/init` instead.
import { init } from "./init.js";

await init();

export * from "./checkoutpage.js";
