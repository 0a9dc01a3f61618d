// What each package entry ships: the files of its module graph (static
// imports and requires followed from the entry, the .wasm counted where it is
// a separate file), raw, gzip -9 and brotli (quality 11) bytes, each file
// compressed alone and summed (as served over HTTP, one file per request).
// Also the cost of inlining: the .wasm alone vs the base64 module carrying it.
// Usage: node bench/size/entries.mjs <pkg dir>  (prints a Markdown section)
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const pkg = resolve(process.argv[2] ?? "pkg");
const size = (bytes) => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length,
});

/** Every file reachable from `entry` by relative import/export/require. */
function graph(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (file.endsWith(".wasm")) return;
    const text = readFileSync(file, "utf8");
    const specs = [
      ...text.matchAll(/^\s*(?:import|export)\b[^;]*?from\s*["']([^"']+)["']/gms),
      ...text.matchAll(/^\s*import\s*["']([^"']+)["']/gm),
      ...text.matchAll(/require\((?:String\.raw`([^`]+)`|["']([^"']+)["'])\)/g),
      ...text.matchAll(/new URL\(["']([^"']+)["'],\s*import\.meta\.url\)/g),
    ].map((m) => m[1] ?? m[2]);
    for (const spec of specs) if (spec.startsWith(".")) visit(join(dirname(file), spec));
  };
  visit(join(pkg, entry));
  return [...seen];
}

const manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));
const entries = [];
for (const [subpath, conditions] of Object.entries(manifest.exports)) {
  if (typeof conditions !== "object") continue;
  for (const [condition, target] of Object.entries(conditions)) {
    entries.push({ name: `\`${subpath}\` ${condition}`, file: target.default });
  }
}

const rows = [];
for (const { name, file } of entries) {
  const files = graph(file);
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) {
    const s = size(readFileSync(f));
    for (const k of Object.keys(total)) total[k] += s[k];
  }
  const wasm = files.some((f) => f.endsWith(".wasm")) ? "separate .wasm" : "inline (base64)";
  // (the web glue's own `new URL("checkoutpage_bg.wasm", import.meta.url)`
  // default is never used by the inline entries, which always pass the bytes)
  rows.push(`| ${name} | \`${file.replace(/^\.\//, "")}\` | ${files.length} | ${wasm} | ${total.raw} | ${total.gzip} | ${total.brotli} |`);
}
const wasm = size(readFileSync(join(pkg, "checkoutpage_bg.wasm")));
const inline = size(readFileSync(join(pkg, "wasm-bytes.js")));
const pct = (a, b) => `${a >= b ? "+" : ""}${(((a - b) / b) * 100).toFixed(1)} %`;
console.log(`## What each entry ships

Files reachable from each \`exports\` target (static imports and requires),
each compressed alone and summed; bytes.

| Entry (condition) | File | Files | wasm | Raw | gzip -9 | brotli 11 |
|---|---|---:|---|---:|---:|---:|
${rows.join("\n")}

## The cost of inlining the wasm

| | Raw | gzip -9 | brotli 11 |
|---|---:|---:|---:|
| \`checkoutpage_bg.wasm\` (separate file) | ${wasm.raw} | ${wasm.gzip} | ${wasm.brotli} |
| \`wasm-bytes.js\` (base64 + decoder, inline) | ${inline.raw} | ${inline.gzip} | ${inline.brotli} |
| difference | ${pct(inline.raw, wasm.raw)} | ${pct(inline.gzip, wasm.gzip)} | ${pct(inline.brotli, wasm.brotli)} |
`);
void relative;
