// Checks the public part of a generated .d.ts (default: pkg/checkoutpage.d.ts):
//  1. no `any` in public signatures (wasm-bindgen's InitOutput interface, the
//     raw wasm exports, is excluded);
//  2. every exported declaration, and every member of an exported class or
//     interface, has a JSDoc comment (members wasm-bindgen generates itself,
//     `free()` and `[Symbol.dispose]()`, and its init API are excluded).
// Exit 1 on any `any`; missing JSDoc is listed as a warning, and fails too
// with --strict-jsdoc.
// Usage: node tests/api/check-types.mjs [--strict-jsdoc] [file.d.ts]
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const strictDoc = args.includes("--strict-jsdoc");
const file = args.find((a) => !a.startsWith("--")) ?? new URL("../../pkg/checkoutpage.d.ts", import.meta.url).pathname;
const lines = readFileSync(file, "utf8").split("\n");

// wasm-bindgen's init API for the web target: not documented from Rust.
const INIT_API = new Set(["InitInput", "InitOutput", "SyncInitInput", "initSync", "__wbg_init"]);
const GENERATED_MEMBERS = [/^free\(\): void;$/, /^\[Symbol\.dispose\]\(\): void;$/];

const anyProblems = [];
const docProblems = [];
let inComment = false;
let lastWasDoc = false; // the previous non-blank line closed a /** */ comment
let container = null; // { name, skip } while inside an exported class/interface
let depth = 0;

lines.forEach((raw, index) => {
  const where = `${file}:${index + 1}`;
  const line = raw.trim();
  if (inComment) {
    if (line.includes("*/")) {
      inComment = false;
      lastWasDoc = true;
    }
    return;
  }
  if (line.startsWith("/**")) {
    if (!line.includes("*/")) inComment = true;
    else lastWasDoc = true;
    return;
  }
  if (line.startsWith("/*") || line.startsWith("//")) {
    if (line.startsWith("/*") && !line.includes("*/")) inComment = true;
    return;
  }
  if (line === "") return;

  const code = line.replace(/\/\*.*?\*\//g, "").replace(/\/\/.*$/, "");
  const skip = container?.skip ?? false;
  const decl = code.match(
    /^export\s+(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(class|interface|type|function|const|let|var|enum)\s+([A-Za-z_$][\w$]*)/,
  );

  if (depth === 0 && decl) {
    const [, kind, name] = decl;
    const isInit = INIT_API.has(name);
    if (!isInit && /\bany\b/.test(code)) anyProblems.push(`${where}: ${line}`);
    if (!isInit && !lastWasDoc) docProblems.push(`${where}: ${kind} ${name}`);
    if ((kind === "class" || kind === "interface") && code.includes("{") && !code.includes("}")) {
      container = { name, skip: isInit };
    }
  } else if (depth === 1 && container) {
    if (!skip && /\bany\b/.test(code)) anyProblems.push(`${where}: ${container.name}: ${line}`);
    const generated = GENERATED_MEMBERS.some((re) => re.test(code));
    if (!skip && !generated && code !== "}" && !lastWasDoc) {
      docProblems.push(`${where}: ${container.name}.${code.replace(/[(:;].*$/, "")}`);
    }
  } else if (!container || !skip) {
    // continuation lines of a multi-line type (unions, object types)
    if (/\bany\b/.test(code) && !(container?.skip)) anyProblems.push(`${where}: ${line}`);
  }
  depth += (code.match(/\{/g) ?? []).length - (code.match(/\}/g) ?? []).length;
  if (depth === 0) container = null;
  lastWasDoc = false;
});

if (anyProblems.length) {
  console.error(`\`any\` in public signatures of ${file}:\n  ${anyProblems.join("\n  ")}`);
}
if (docProblems.length) {
  const label = strictDoc ? "error" : "warning";
  console.error(`${label}: exported declarations without a JSDoc comment:\n  ${docProblems.join("\n  ")}`);
}
if (anyProblems.length || (strictDoc && docProblems.length)) process.exit(1);
console.log(`${file}: no \`any\` in public signatures` + (docProblems.length ? "" : "; every export has JSDoc"));
