// Used by scripts/build-pkg.sh (not shipped), after wasm-bindgen and
// wasm-opt: makes every entry carry the wasm inline, so no bundler, server
// renderer or runtime has to locate a separate file (see
// tests/packaging/README.md for the measurements behind this choice), and
// builds the CommonJS entry with esbuild.
//
//   <pkg>/wasm-bytes.js                the wasm deflated, as base64, + a decoder
//   <pkg>/api.js, <pkg>/api.d.ts       the public API only (no wasm-bindgen init internals)
//   <pkg>/checkoutpage.js              glue with a TextDecoder/TextEncoder fallback (Jest + jsdom)
//   <pkg>/explain.js                   imports the real errors.js snippet
//   <pkg>/node/checkoutpage.cjs        `require`'s entry: esbuild's CommonJS bundle of node.js
//                                      (the ESM Node entry: the wasm instantiated synchronously)
//   <pkg>/node/checkoutpage.d.cts      its types (api.d.ts)
//
// Usage: node npm/build-entries.mjs <pkg dir>
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

import { buildSync } from "esbuild";

import { writeWasmBytes } from "./inline-wasm.mjs";

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

// 1. The wasm, inline (npm/inline-wasm.mjs, shared with the test kit).
const wasm = readFileSync(join(pkg, "checkoutpage_bg.wasm"));
const { base64: b64Length } = await writeWasmBytes(
  join(pkg, "checkoutpage_bg.wasm"),
  join(pkg, "wasm-bytes.js"),
  "checkoutpage_bg.wasm",
  fail,
);

// 2. explain.js imports the errors.js snippet wasm-bindgen copied (same class
// the wasm throws, so instanceof works for load errors too).
const errors = walk(join(pkg, "snippets")).filter((f) => /\/js\/errors\.js$/.test(f));
if (errors.length !== 1) fail(`expected one snippets/**/js/errors.js, found ${errors.length}`);
const errorsPath = `./${relative(pkg, errors[0])}`;
const explainPath = join(pkg, "explain.js");
writeFileSync(explainPath, replaceOnce(readFileSync(explainPath, "utf8"), `"./errors.js"`, JSON.stringify(errorsPath), "explain.js"));

// The futures queue of js-sys schedules its run with the global
// `queueMicrotask`, looked up at each call. Test fake timers (Jest's default
// `jest.useFakeTimers()`, @sinonjs/fake-timers) replace it with one that runs
// only when the test advances time: the queue then stays "scheduled" forever
// and every later call of the module never settles, even after real timers
// are back. Promise jobs cannot be faked, so the glue gets its own
// queueMicrotask on them (a module-scope binding shadowing the global).
const MICROTASKS = `// Promise jobs, not the global queueMicrotask, which test fake timers replace (npm/build-entries.mjs).
const queueMicrotask = (task) => void Promise.resolve().then(task);
`;
function ownMicrotasks(text, where) {
  const calls = text.match(/\bqueueMicrotask\(arg0\);/g) ?? [];
  if (calls.length !== 1) fail(`${where}: expected the glue to call the global queueMicrotask once, found ${calls.length}`);
  if (/\b(const|let|var|function) queueMicrotask\b/.test(text)) fail(`${where}: the glue already declares queueMicrotask`);
  return text.replace(/^("use strict";\n)?/, (head) => `${head}${MICROTASKS}`);
}

// 3. The ESM glue: TextDecoder/TextEncoder through the fallback module.
const gluePath = join(pkg, "checkoutpage.js");
let glue = readFileSync(gluePath, "utf8");
if (!/\bnew TextDecoder\b/.test(glue)) fail("expected the ESM glue to create a TextDecoder");
if (/^import .*text-codec/m.test(glue)) fail("the ESM glue already imports text-codec.js");
glue = `import { TextDecoder, TextEncoder } from "./text-codec.js";\n${ownMicrotasks(glue, "checkoutpage.js")}`;
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

// 5. The CommonJS entry: node.js (the ESM entry for Node: the inline wasm
// instantiated synchronously, load failures explained) with everything it
// imports, bundled by esbuild; one copy of the glue, the snippets and
// CheckoutPageError inside it. Its types are the public API's.
const cjsPath = join(pkg, "node", "checkoutpage.cjs");
const { warnings } = buildSync({
  entryPoints: [join(pkg, "node.js")],
  outfile: cjsPath,
  bundle: true,
  format: "cjs",
  platform: "neutral",
  banner: { js: '/* @ts-self-types="./checkoutpage.d.cts" */\n// Generated by npm/build-entries.mjs (esbuild) from node.js: the package for `require`.' },
  // wasm-bindgen's import object names a snippet module once per import
  // (later keys win, all the same module): not ours to change.
  logOverride: { "duplicate-object-key": "silent" },
  logLevel: "silent",
});
if (warnings.length) fail(`esbuild (node/checkoutpage.cjs): ${warnings.map((w) => w.text).join("; ")}`);
const cjs = readFileSync(cjsPath, "utf8");
if (/\bimport\.meta\b|^\s*(import|export)\s|\brequire\(/m.test(cjs)) fail("node/checkoutpage.cjs is not self-contained CommonJS");
writeFileSync(join(pkg, "node", "checkoutpage.d.cts"), `/// <reference lib="esnext.disposable" />\n${api}`);
console.log(`inlined ${wasm.length} bytes of wasm as ${b64Length} characters of base64 (deflated); public exports: ${names.join(", ")}`);
