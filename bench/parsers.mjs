// Run by scripts/bench-parsers.sh: the builds in bench/out/parsers/<name>,
// each loaded with its own glue, validateCustomerPatch timed on the valid
// and the invalid patch of bench/run.mjs in interleaved rounds. Prints Markdown.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

import { fmt, interleavedOpsPerSecond } from "./harness.mjs";
import { invalidPatch, validPatch } from "./fixtures.mjs";

const names = process.argv.slice(2);
const builds = {};
for (const name of names) {
  const dir = new URL(`./out/parsers/${name}/`, import.meta.url);
  const glue = await import(new URL("checkoutpage.js", dir).href);
  const bytes = readFileSync(new URL("checkoutpage_bg.wasm", dir));
  glue.initSync({ module: bytes });
  builds[name] = { glue, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}
const run = (patch) =>
  interleavedOpsPerSecond(Object.fromEntries(names.map((n) => [n, () => builds[n].glue.validateCustomerPatch(patch)])));
const valid = run(validPatch);
const invalid = run(invalidPatch);
console.log("| parser | wasm bytes | gzip -9 | valid patch (ops/s) | invalid patch (ops/s) |");
console.log("| --- | ---: | ---: | ---: | ---: |");
for (const n of names) {
  const b = builds[n];
  console.log(`| ${n} | ${b.raw} | ${b.gzip} | ${fmt(valid[n])} | ${fmt(invalid[n])} |`);
}
