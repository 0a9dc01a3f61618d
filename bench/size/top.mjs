// The largest items of a wasm module: each function body (by its name in the
// name section) and each data segment, in bytes, plus totals per section and
// per crate (the first path segment of the demangled name). No twiggy needed.
// Usage: node bench/size/top.mjs <named.wasm> [shipped bytes] [n]
//   (prints Markdown; names come from a copy built with `wasm-opt -g`)
import { readFileSync } from "node:fs";

const [file, shippedArg, nArg] = process.argv.slice(2);
const bytes = readFileSync(file);
const shipped = Number(shippedArg) || bytes.length;
const n = Number(nArg) || 25;
let pos = 8;
const leb = () => {
  let result = 0, shift = 0, b;
  do { b = bytes[pos++]; result += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
  return result;
};
const str = () => { const len = leb(); const s = bytes.toString("utf8", pos, pos + len); pos += len; return s; };
const sections = [];
let importedFuncs = 0;
const bodies = []; // [funcIndex, size]
const segments = [];
const names = new Map();
while (pos < bytes.length) {
  const id = bytes[pos++];
  const size = leb();
  const start = pos;
  const end = pos + size;
  let name = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "datacount"][id] ?? `#${id}`;
  if (id === 0) {
    const custom = str();
    name = `custom "${custom}"`;
    if (custom === "name") {
      while (pos < end) {
        const sub = bytes[pos++];
        const subSize = leb();
        const subEnd = pos + subSize;
        if (sub === 1) {
          const count = leb();
          for (let i = 0; i < count; i++) { const idx = leb(); names.set(idx, str()); }
        }
        pos = subEnd;
      }
    }
  } else if (id === 2) {
    const count = leb();
    for (let i = 0; i < count; i++) {
      str(); str();
      const kind = bytes[pos++];
      if (kind === 0) { leb(); importedFuncs++; }
      else if (kind === 1) { pos++; const f = leb(); leb(); if (f & 1) leb(); }
      else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); }
      else if (kind === 3) { pos++; pos++; }
      else if (kind === 4) { pos++; leb(); }
    }
  } else if (id === 10) {
    const count = leb();
    for (let i = 0; i < count; i++) { const s = leb(); bodies.push([importedFuncs + i, s]); pos += s; }
  } else if (id === 11) {
    const count = leb();
    for (let i = 0; i < count; i++) {
      const segStart = pos;
      const flags = leb();
      if (flags === 2) leb();
      if (flags !== 1) { while (bytes[pos] !== 0x0b) pos++; pos++; }
      const len = leb();
      pos += len;
      segments.push({ i, bytes: pos - segStart });
    }
  }
  sections.push({ name, bytes: end - start });
  pos = end;
}
const demangle = (s) => s.replace(/::h[0-9a-f]{16}$/, "").replace(/\[[0-9a-f]{16}\]/g, "");
const items = [
  ...bodies.map(([idx, size]) => ({ name: demangle(names.get(idx) ?? `func[${idx}]`), bytes: size })),
  ...segments.map((s) => ({ name: `data segment ${s.i}`, bytes: s.bytes })),
].sort((a, b) => b.bytes - a.bytes);
const pct = (b) => ((100 * b) / shipped).toFixed(1);
console.log("| # | Bytes | % of shipped wasm | Item |\n|---:|---:|---:|---|");
items.slice(0, n).forEach((it, i) => console.log(`| ${i + 1} | ${it.bytes} | ${pct(it.bytes)} | \`${it.name.replace(/\|/g, "\\|")}\` |`));
console.log("\nBy section (the name section is only in the measured copy):\n\n| Section | Bytes | % |\n|---|---:|---:|");
for (const s of sections) console.log(`| ${s.name} | ${s.bytes} | ${pct(s.bytes)} |`);
// Code by origin: the crate (or wasm-bindgen shim) each function comes from.
const byCrate = new Map();
for (const [idx, size] of bodies) {
  const raw = demangle(names.get(idx) ?? "?");
  let crate = raw.match(/^<?(?:&(?:mut )?)?([a-z_][a-z0-9_]*)::/)?.[1] ?? (/shim|externref|__wbg|__wbindgen/.test(raw) ? "(wasm-bindgen shims and exports)" : "(other)");
  if (crate === "checkoutpage") crate = `checkoutpage::${raw.split("::")[1] ?? ""}`;
  if (crate === "checkoutpage::wasm") crate = `checkoutpage::wasm::${raw.split("::")[2] ?? ""}`;
  byCrate.set(crate, (byCrate.get(crate) ?? 0) + size);
}
console.log("\nCode by origin (function bodies, by the demangled name's leading path; generic code is counted where it was instantiated only when its name says so):\n\n| Origin | Bytes | % |\n|---|---:|---:|");
for (const [c, b] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`| \`${c}\` | ${b} | ${pct(b)} |`);
