// Used by scripts/build-pkg.sh (not shipped), after wasm-bindgen, wasm-opt and
// build-node-cjs.mjs: makes every entry carry the wasm inline, so no bundler,
// server renderer or runtime has to locate a separate file (see
// tests/packaging/README.md for the measurements behind this choice).
//
//   <pkg>/wasm-bytes.js, <pkg>/node/wasm-bytes.cjs   the wasm deflated, as base64, + a decoder
//   <pkg>/api.js, <pkg>/api.d.ts                      the public API only (no
//                                                     wasm-bindgen init internals)
//   <pkg>/checkoutpage.js, <pkg>/node/checkoutpage.cjs
//       glue with a TextDecoder/TextEncoder fallback (Jest + jsdom) and, for
//       the CommonJS one, the inline bytes instead of a file read
//   <pkg>/explain.js                                  imports the real errors.js snippet
//
// Usage: node npm/build-entries.mjs <pkg dir>
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateRawSync } from "node:zlib";

import { buildSync } from "esbuild";

const [pkg] = process.argv.slice(2);
if (!pkg) throw new Error("usage: build-entries.mjs <pkg>");

function fail(message) {
  console.error(`error: build-entries: ${message}`);
  process.exit(1);
}
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
function replaceOnce(text, from, to, where) {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + from.length) >= 0) fail(`${where}: expected exactly one \`${from}\``);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

// 1. The wasm, inline: raw-deflated (gzip -9 of base64 text is about 28 %
// larger than of the binary; base64 of deflated bytes barely compresses
// further, so the entry ships about the .wasm's own gzip size), then base64,
// a plain string every bundler, minifier and runtime handles. Decoded by hand
// (no atob/Buffer needed) and inflated by fflate's inflateSync, bundled in
// here at build time (about 2 KB gzip; synchronous, so initSync works too;
// no eval, no worker). bench/OPTIMISATIONS.md has the numbers.
const wasm = readFileSync(join(pkg, "checkoutpage_bg.wasm"));
const packed = deflateRawSync(wasm, { level: 9 });
const b64 = packed.toString("base64");
const inflater = buildSync({
  stdin: { contents: 'export { inflateSync } from "fflate";', resolveDir: dirname(fileURLToPath(import.meta.url)), loader: "js" },
  bundle: true,
  minify: true,
  format: "iife",
  globalName: "FFLATE",
  platform: "neutral",
  write: false,
  logLevel: "error",
}).outputFiles[0].text.trim();
if (/\bWorker\b|new Function|\beval\(/.test(inflater)) fail("the bundled inflater uses workers or eval");
const decoder = `
// fflate ${JSON.parse(readFileSync(new URL("../node_modules/fflate/package.json", import.meta.url), "utf8")).version} (MIT, https://github.com/101arrowz/fflate): inflateSync only.
${inflater}
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function base64(text) {
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(text);
  if (typeof globalThis.Buffer?.from === "function") return new Uint8Array(globalThis.Buffer.from(text, "base64"));
  const lookup = new Uint8Array(128);
  for (let i = 0; i < 64; i++) lookup[ALPHABET.charCodeAt(i)] = i;
  const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n =
      (lookup[text.charCodeAt(i)] << 18) |
      (lookup[text.charCodeAt(i + 1)] << 12) |
      (lookup[text.charCodeAt(i + 2)] << 6) |
      lookup[text.charCodeAt(i + 3)];
    out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

/** The deflated bytes, inflated by fflate: the fallback wherever the runtime has no inflater. */
function inflate(packed) {
  return FFLATE.inflateSync(packed, { out: new Uint8Array(${wasm.length}) });
}

/**
 * The WebAssembly module's bytes (${wasm.length}), synchronously: Node's own
 * zlib where the runtime exposes it without an import (process.getBuiltinModule:
 * Node 20.16+, Bun, Deno), fflate otherwise. The native inflater matters at
 * cold start: fflate runs in the JS interpreter there.
 */
function wasmBytes() {
  const packed = base64(WASM);
  try {
    const zlib = globalThis.process?.getBuiltinModule?.("zlib");
    if (zlib) return new Uint8Array(zlib.inflateRawSync(packed));
  } catch {}
  return inflate(packed);
}

/**
 * The same, asynchronously: Node's zlib where it is at hand (as above: Node's
 * web streams load slowly at cold start), else the platform's
 * DecompressionStream where it takes deflate-raw (browsers; then a Response
 * streaming the bytes), else fflate.
 */
async function wasmBytesAsync() {
  if (globalThis.process?.getBuiltinModule) return wasmBytes();
  const packed = base64(WASM);
  try {
    const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    // A Response, so that WebAssembly.instantiateStreaming compiles while it inflates.
    return new Response(stream, { headers: { "content-type": "application/wasm" } });
  } catch {
    return wasmBytes();
  }
}
`;
const header = "// Generated by npm/build-entries.mjs: checkoutpage_bg.wasm, raw-deflated and base64-encoded.\n";
const esm = `${header}const WASM = "${b64}";\n${decoder}\nexport { wasmBytes, wasmBytesAsync };\n`;
const probe = `${esm}\nexport { WASM, base64, inflate };\n`;
writeFileSync(join(pkg, "wasm-bytes.js"), esm);
writeFileSync(
  join(pkg, "node", "wasm-bytes.cjs"),
  `${header}"use strict";\nconst WASM = "${b64}";\n${decoder}\nmodule.exports = { wasmBytes, wasmBytesAsync };\n`,
);
// The round trip, checked at build time.
{
  const check = await import(`data:text/javascript;base64,${Buffer.from(probe).toString("base64")}`);
  if (!wasm.equals(Buffer.from(check.wasmBytes()))) fail("wasm-bytes.js does not give back the .wasm");
  const viaStream = await check.wasmBytesAsync();
  if (!wasm.equals(Buffer.from(viaStream instanceof Response ? await viaStream.arrayBuffer() : viaStream))) {
    fail("wasm-bytes.js does not give back the .wasm (async)");
  }
  if (!wasm.equals(Buffer.from(check.inflate(check.base64(check.WASM))))) fail("wasm-bytes.js: fflate does not give back the .wasm");
}

// 2. explain.js imports the errors.js snippet wasm-bindgen copied (same class
// the wasm throws, so instanceof works for load errors too).
const errors = walk(join(pkg, "snippets")).filter((f) => /\/js\/errors\.js$/.test(f));
if (errors.length !== 1) fail(`expected one snippets/**/js/errors.js, found ${errors.length}`);
const errorsPath = `./${relative(pkg, errors[0])}`;
const explainPath = join(pkg, "explain.js");
writeFileSync(explainPath, replaceOnce(readFileSync(explainPath, "utf8"), `"./errors.js"`, JSON.stringify(errorsPath), "explain.js"));
const cjsErrors = walk(join(pkg, "node", "snippets")).filter((f) => /\/js\/errors\.cjs$/.test(f));
if (cjsErrors.length !== 1) fail(`expected one node/snippets/**/js/errors.cjs, found ${cjsErrors.length}`);
const cjsErrorsPath = `./${relative(join(pkg, "node"), cjsErrors[0])}`;

// 3. The ESM glue: TextDecoder/TextEncoder through the fallback module.
const gluePath = join(pkg, "checkoutpage.js");
let glue = readFileSync(gluePath, "utf8");
if (!/\bnew TextDecoder\b/.test(glue)) fail("expected the ESM glue to create a TextDecoder");
if (/^import .*text-codec/m.test(glue)) fail("the ESM glue already imports text-codec.js");
glue = `import { TextDecoder, TextEncoder } from "./text-codec.js";\n${glue}`;
// Every entry passes the module (inline bytes, a URL of its own, or the
// caller's input), so the glue's fallback URL is dead code; left in, it makes
// bundlers (Vite, Turbopack) emit an unused copy of the .wasm.
glue = replaceOnce(
  glue,
  "module_or_path = new URL('checkoutpage_bg.wasm', import.meta.url);",
  'throw new Error("checkoutpage-client: init needs the module (the entries always pass it)");',
  "checkoutpage.js",
);
writeFileSync(gluePath, glue);

// 4. The public API: every export of the glue but wasm-bindgen's init
// internals (initSync, the default init), in JS and in the types.
const exported = new Set();
for (const m of glue.matchAll(/^export (?:async )?(?:function|class|const|let) ([A-Za-z_$][\w$]*)/gm)) exported.add(m[1]);
for (const m of glue.matchAll(/^export \{([^}]*)\}/gm)) {
  for (const part of m[1].split(",")) {
    const name = part.trim().split(/\s+as\s+/).pop();
    if (name) exported.add(name);
  }
}
exported.delete("initSync");
exported.delete("default");
if (!exported.has("CheckoutPageClient") || !exported.has("CheckoutPageError")) {
  fail(`unexpected glue exports: ${[...exported].join(", ")}`);
}
const names = [...exported].sort();
writeFileSync(
  join(pkg, "api.js"),
  `// Generated by npm/build-entries.mjs: the public API of the glue (no init internals).\nexport { ${names.join(", ")} } from "./checkoutpage.js";\n`,
);
const dts = readFileSync(join(pkg, "checkoutpage.d.ts"), "utf8");
const cut = dts.indexOf("\nexport type InitInput = ");
if (cut < 0) fail("expected `export type InitInput` in checkoutpage.d.ts");
const api = `${dts.slice(0, cut).replace(/\n+$/, "")}\n`;
// Under exactOptionalPropertyTypes an optional field must also take
// `undefined` (the runtime treats it as omitted): every `name?: T` of the
// public types says so (tsify attribute `type = "T | undefined"`).
// (Method parameters, `options?: T): R;`, are not properties: skipped.)
const strict = [...api.matchAll(/\b(\w+)\?: ([^;]*);/g)].filter(
  ([, , type]) => !/\| undefined$/.test(type) && !/\): /.test(type),
);
if (strict.length) {
  fail(`optional fields without \`| undefined\` (add it to their tsify type): ${strict.map((m) => m[1]).join(", ")}`);
}
writeFileSync(join(pkg, "api.d.ts"), api);

// 5. The CommonJS glue: the inline bytes instead of reading the file, the
// codec fallback, and load failures as CheckoutPageError.
const cjsPath = join(pkg, "node", "checkoutpage.cjs");
let cjs = readFileSync(cjsPath, "utf8");
cjs = replaceOnce(
  cjs,
  "const wasmPath = require('path').join(__dirname, '..', 'checkoutpage_bg.wasm');",
  "",
  "checkoutpage.cjs",
);
cjs = replaceOnce(
  cjs,
  "const wasmBytes = require('fs').readFileSync(wasmPath);",
  "const wasmBytes = require('./wasm-bytes.cjs').wasmBytes();",
  "checkoutpage.cjs",
);
cjs = replaceOnce(
  cjs,
  "const wasmModule = new WebAssembly.Module(wasmBytes);",
  `const wasmModule = (() => {
  const { checkWebAssembly, explain } = require("./explain.cjs");
  try {
    checkWebAssembly();
    return new WebAssembly.Module(wasmBytes);
  } catch (error) {
    throw explain(error);
  }
})();`,
  "checkoutpage.cjs",
);
if (/require\('(fs|path|util)'\)/.test(cjs)) fail("the CommonJS glue still requires a Node built-in");
if (!/\bnew TextDecoder\b/.test(cjs)) fail("expected the CommonJS glue to create a TextDecoder");
cjs = cjs.replace(/^("use strict";\n)?/, (s) => `${s}const { TextDecoder, TextEncoder } = require("./text-codec.cjs");\n`);
writeFileSync(cjsPath, cjs);
// explain.js as CommonJS (one text for every load error message).
let explainCjs = readFileSync(explainPath, "utf8");
explainCjs = replaceOnce(
  explainCjs,
  `import { CheckoutPageError } from ${JSON.stringify(errorsPath)};`,
  `const { CheckoutPageError } = require(${JSON.stringify(cjsErrorsPath)});`,
  "explain.js",
);
explainCjs = explainCjs.replace(/^export function /gm, "function ");
if (/^\s*(import|export)\b/m.test(explainCjs)) fail("explain.js: cannot convert to CommonJS");
writeFileSync(
  join(pkg, "node", "explain.cjs"),
  `"use strict";\n${explainCjs}\nmodule.exports = { checkWebAssembly, explain };\n`,
);
const codec = readFileSync(join(pkg, "text-codec.js"), "utf8").replace(
  /\nexport \{ TextDecoder, TextEncoder \};\n$/,
  "\nmodule.exports = { TextDecoder, TextEncoder };\n",
);
if (/^export /m.test(codec)) fail("text-codec.js: cannot convert to CommonJS");
writeFileSync(join(pkg, "node", "text-codec.cjs"), `"use strict";\n${codec}`);
console.log(`inlined ${wasm.length} bytes of wasm as ${b64.length} characters of base64; public exports: ${names.join(", ")}`);
