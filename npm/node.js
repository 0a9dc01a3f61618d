// Entry point under the `node` export condition (Node, Deno, Bun, and
// server bundles such as Next.js, esbuild --platform=node): the inlined wasm
// is instantiated synchronously while the module evaluates, with no file
// read (Deno needs no --allow-read) and no top-level await (so bundlers can
// turn it into CommonJS).
import { loadSync } from "./load.js";

loadSync();

export * from "./api.js";
