// Used by scripts/build-pkg.sh (not shipped), after the main entries are
// built: `checkoutpage-client/rules`, the rules without the client (validate,
// normalise, diff, apply, the Standard Schema objects and the patch's JSON
// Schema) in their own, smaller WebAssembly module: the crate built without
// its `client` feature. It mirrors the main entry's layout in <pkg>/rules/,
// so the main entry's loaders (npm/load.js, npm/explain.js, npm/index.js,
// npm/node.js, npm/workerd.js) are used as they are:
//
//   <pkg>/rules/checkoutpage.js        wasm-bindgen web glue; its JavaScript snippets are the
//                                      main entry's own files (../snippets/, checked identical),
//                                      so CheckoutPageError is one class for both entries
//   <pkg>/rules/checkoutpage_bg.wasm   the module as a file, for workerd
//   <pkg>/rules/wasm-bytes.js          the module deflated, as base64, + decoder (npm/inline-wasm.mjs)
//   <pkg>/rules/api.js, api.d.ts       the public API (no init internals)
//   <pkg>/rules/index.js, index.d.ts   the entry: synchronous load (npm/index.js)
//   <pkg>/rules/workerd.js             the .wasm imported as a module (npm/workerd.js)
//   <pkg>/rules/checkoutpage.cjs, .d.cts   `require`'s entry: esbuild's CommonJS bundle of node.js
//
// Usage: node npm/build-rules.mjs <pkg>
import { copyFileSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

import { buildSync } from "esbuild";

import { injectGlobals } from "./glue.mjs";
import { writeWasmBytes } from "./inline-wasm.mjs";

const [pkg] = process.argv.slice(2);
if (!pkg) throw new Error("usage: build-rules.mjs <pkg>");
const out = join(pkg, "rules");
const npm = (name) => new URL(`./${name}`, import.meta.url).pathname;
function fail(message) {
  console.error(`error: build-rules: ${message}`);
  process.exit(1);
}
function replaceOnce(text, from, to, where) {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + from.length) >= 0) fail(`${where}: expected exactly one \`${from}\``);
  return text.slice(0, at) + to + text.slice(at + from.length);
}
const files = (dir) =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));

// 1. The wasm inline, as the main entry carries its own.
const { bytes, base64: b64Length } = await writeWasmBytes(
  join(out, "checkoutpage_bg.wasm"),
  join(out, "wasm-bytes.js"),
  "rules/checkoutpage_bg.wasm (the rules-only entry)",
  fail,
);

// 2. The snippets: the main entry's files, byte for byte (the same crate
// and sources), so the glue imports those and the copies go.
for (const file of files(join(out, "snippets"))) {
  const main = join(pkg, relative(out, file));
  let same = false;
  try {
    same = readFileSync(main).equals(readFileSync(file));
  } catch {}
  if (!same) fail(`${relative(pkg, file)} differs from the main entry's ${relative(pkg, main)}`);
}
rmSync(join(out, "snippets"), { recursive: true });
const gluePath = join(out, "checkoutpage.js");
let glueText = readFileSync(gluePath, "utf8");
// (Named imports in single quotes; the import object's namespace imports,
// `import * as import1 from "./snippets/..."`, in double quotes.)
const snippetImports = glueText.match(/ from (['"])\.\/snippets\//g) ?? [];
if (snippetImports.length === 0) fail("expected the glue to import its snippets");
glueText = glueText.replace(/ from (['"])\.\/snippets\//g, " from $1../snippets/");
// Every entry passes the module: the glue's fallback URL is dead code (as in
// npm/build-entries.mjs).
glueText = replaceOnce(
  glueText,
  "module_or_path = new URL('checkoutpage_bg.wasm', import.meta.url);",
  'throw new Error("checkoutpage-client/rules: init needs the module (the entries always pass it)");',
  "rules/checkoutpage.js",
);
writeFileSync(gluePath, glueText);

// 3. TextDecoder/TextEncoder with the main entry's fallback (Jest + jsdom).
const glue = await injectGlobals(gluePath, npm("rules/glue-globals.js"), fail);
if (!/^import \{[^}]*\bTextDecoder\b[^}]*\} from "\.\.\/text-codec\.js";$/m.test(glue)) fail("rules/checkoutpage.js: TextDecoder was not injected");
if (/\bqueueMicrotask\(/.test(glue)) fail("rules/checkoutpage.js calls queueMicrotask: inject it as npm/glue-globals.js does");

// 4. The public API, in JS and in the types, as npm/build-entries.mjs makes the main one's.
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
for (const name of ["validateCustomerPatch", "normalizeCustomerPatch", "diffCustomer", "applyCustomerPatch", "createCustomerPatchSchema", "createCustomerDraftSchema", "customerPatchJsonSchema", "CheckoutPageError"]) {
  if (!exported.has(name)) fail(`the rules glue does not export ${name}`);
}
for (const name of ["CheckoutPageClient", "mergeCustomer"]) {
  if (exported.has(name)) fail(`the rules glue exports ${name}: the module was built with the client`);
}
const names = [...exported].sort();
writeFileSync(
  join(out, "api.js"),
  `// Generated by npm/build-rules.mjs: the public API of the rules glue (no init internals).\nexport { ${names.join(", ")} } from "./checkoutpage.js";\n`,
);
let dts = readFileSync(join(out, "checkoutpage.d.ts"), "utf8");
dts = replaceOnce(dts, "export let CheckoutPageError: unknown;\n", "", "rules/checkoutpage.d.ts");
const cut = dts.indexOf("\nexport type InitInput = ");
if (cut < 0) fail("expected `export type InitInput` in rules/checkoutpage.d.ts");
const api = `${dts.slice(0, cut).replace(/\n+$/, "")}\n`;
writeFileSync(join(out, "api.d.ts"), api);
rmSync(join(out, "checkoutpage.d.ts"));
rmSync(join(out, "checkoutpage_bg.wasm.d.ts"));

// 5. The loaders and entries: the main entry's, as they are.
for (const name of ["load.js", "explain.js", "index.js", "index.d.ts", "node.js", "workerd.js"]) copyFileSync(npm(name), join(out, name));

// 6. The CommonJS entry: node.js with everything it imports, one file.
const cjsPath = join(out, "checkoutpage.cjs");
const { warnings } = buildSync({
  entryPoints: [join(out, "node.js")],
  outfile: cjsPath,
  bundle: true,
  format: "cjs",
  platform: "neutral",
  banner: { js: '/* @ts-self-types="./checkoutpage.d.cts" */\n// Generated by npm/build-rules.mjs (esbuild) from node.js: checkoutpage-client/rules for `require`.' },
  logOverride: { "duplicate-object-key": "silent" },
  logLevel: "silent",
});
if (warnings.length) fail(`esbuild (rules/checkoutpage.cjs): ${warnings.map((w) => w.text).join("; ")}`);
const cjs = readFileSync(cjsPath, "utf8");
if (/\bimport\.meta\b|^\s*(import|export)\s|\brequire\(/m.test(cjs)) fail("rules/checkoutpage.cjs is not self-contained CommonJS");
writeFileSync(join(out, "checkoutpage.d.cts"), `/// <reference lib="esnext.disposable" />\n${api}`);
rmSync(join(out, "node.js"));
console.log(`built ${out}/: ${bytes} bytes of wasm (inline, deflated, as ${b64Length} characters of base64); public exports: ${names.join(", ")}`);
