// Used by scripts/build-pkg.sh (not shipped): turns wasm-bindgen's
// `--target nodejs` output (CommonJS glue that loads the wasm synchronously
// with fs, plus ES-module JS snippets) into the package's `require` entry:
//
//   <pkg>/node/checkoutpage.cjs    the glue, reading ../checkoutpage_bg.wasm
//   <pkg>/node/checkoutpage.d.cts  its types (the generated .d.ts)
//   <pkg>/node/snippets/**/*.cjs   the snippets, converted to CommonJS
//
// The package is `"type": "module"`, so every CommonJS file must end in .cjs.
// The wasm binary is shared with the ESM build (build-pkg.sh checks that both
// wasm-bindgen runs emitted the same binary).
//
// Usage: node npm/build-node-cjs.mjs <wasm-bindgen nodejs out dir> <pkg dir>
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

const [src, pkg] = process.argv.slice(2);
if (!src || !pkg) throw new Error("usage: build-node-cjs.mjs <nodejs-out> <pkg>");
const out = join(pkg, "node");
const NAME = "checkoutpage";

function fail(message) {
  console.error(`error: build-node-cjs: ${message}`);
  process.exit(1);
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

// 1. Snippets: `export class|function|const|let|var X` -> local + module.exports.
// Snippets with imports or other export forms are refused loudly, so a new
// snippet shape is noticed at build time, not by users.
const snippetDir = join(src, "snippets");
let snippets = [];
try {
  snippets = walk(snippetDir).filter((f) => f.endsWith(".js"));
} catch {
  // no snippets
}
for (const file of snippets) {
  const text = readFileSync(file, "utf8");
  const names = [];
  const body = text.replace(
    /^export\s+(class|function\*?|async\s+function|const|let|var)\s+([A-Za-z_$][\w$]*)/gm,
    (_, kind, name) => {
      names.push(name);
      return `${kind} ${name}`;
    },
  );
  const leftover = body.match(/^\s*(import\b|export\b).*$/m);
  if (leftover) fail(`${file}: cannot convert "${leftover[0].trim()}" to CommonJS`);
  if (names.length === 0) fail(`${file}: no exports found`);
  const target = join(out, relative(src, file)).replace(/\.js$/, ".cjs");
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, `"use strict";\n${body}\nmodule.exports = { ${names.join(", ")} };\n`);
}

// 2. The glue.
let glue = readFileSync(join(src, `${NAME}.js`), "utf8");
const snippetRequire = /require\(String\.raw`(\.\/snippets\/[^`]+)\.js`\)/g;
glue = glue.replace(snippetRequire, (_, path) => `require(String.raw\`${path}.cjs\`)`);
// Functions the wasm imports straight from a snippet (no glue shim) are
// required by plain string; the import map keeps the .js names.
const directRequire = /require\("(\.\/snippets\/[^"]+)\.js"\)/g;
glue = glue.replace(directRequire, (_, path) => `require("${path}.cjs")`);
if (/require\(("|String\.raw`)\.\/snippets\/[^"`]+\.js/.test(glue)) {
  fail("a snippet is still required by its .js name");
}
const wasmPath = "const wasmPath = `${__dirname}/" + NAME + "_bg.wasm`;";
if (!glue.includes(wasmPath)) fail(`expected \`${wasmPath}\` in the nodejs glue`);
glue = glue.replace(wasmPath, "const wasmPath = require('path').join(__dirname, '..', '" + NAME + "_bg.wasm');");
glue = glue.replace(`/* @ts-self-types="./${NAME}.d.ts" */`, `/* @ts-self-types="./${NAME}.d.cts" */`);
if (/\bimport\.meta\b|^\s*export\s/m.test(glue)) fail("the nodejs glue is not CommonJS");
writeFileSync(join(out, `${NAME}.cjs`), glue);

// 3. Types: the generated .d.ts (placeholder line already removed by the
// caller), plus the lib reference that index.d.ts carries for the ESM entry.
const dts = readFileSync(join(src, `${NAME}.d.ts`), "utf8");
writeFileSync(
  join(out, `${NAME}.d.cts`),
  `/// <reference lib="esnext.disposable" />\n${dts}`,
);
console.log(`built ${out}/: ${NAME}.cjs, ${NAME}.d.cts, ${snippets.length} snippet(s)`);
