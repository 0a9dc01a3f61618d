// Browser bundles, as users would ship them: esbuild (--bundle --minify,
// platform browser, ESM) of the small apps in ./apps, gzip -9 of what the
// page loads. The SDK twice: its main entry (the `default` condition, wasm
// inline as base64) and its `webpack` entry (wasm a separate file, counted
// beside the JS), each for an app using the client and for one that only
// validates. Against them, a hand-written fetch client alone, with zod 4 and
// with valibot 1 (bench/comparators/). Prints a Markdown section and writes
// bench/out/sizes.json (read by bench/run.mjs for goal 1).
// Usage: node bench/size/bundles.mjs [pkg dir]
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

import { build } from "esbuild";

import { COUNTRIES, LIMITS } from "../rules-data.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const pkg = resolve(process.argv[2] ?? join(here, "../../pkg"));
const out = join(here, "../out/bundles");
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "node_modules"), { recursive: true });
symlinkSync(pkg, join(out, "node_modules/checkoutpage-client"));

// The rule data module reads the Rust sources with fs; a browser bundle gets
// the same data as literals.
const rulesData = {
  name: "rules-data",
  setup(b) {
    b.onLoad({ filter: /rules-data\.mjs$/ }, () => ({
      contents: `export const COUNTRIES = ${JSON.stringify(COUNTRIES)};\nexport const LIMITS = ${JSON.stringify(LIMITS)};\n`,
      loader: "js",
    }));
  },
};

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
async function bundle(app, name, conditions = []) {
  const outfile = join(out, `${name}.js`);
  await build({
    entryPoints: [join(here, "apps", app)],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    conditions,
    nodePaths: [join(out, "node_modules")],
    outfile,
    plugins: [rulesData],
    logLevel: "error",
  });
  const js = readFileSync(outfile);
  // The separate .wasm of the webpack entry stays a `new URL(..., import.meta.url)`.
  const wasm = /new URL\("[^"]*checkoutpage_bg\.wasm"/.test(readFileSync(outfile, "utf8"))
    ? readFileSync(join(pkg, "checkoutpage_bg.wasm"))
    : null;
  return {
    name,
    jsRaw: js.length,
    jsGzip: gz(js),
    wasmRaw: wasm?.length ?? 0,
    wasmGzip: wasm ? gz(wasm) : 0,
    gzip: gz(js) + (wasm ? gz(wasm) : 0),
  };
}

const rows = [
  await bundle("sdk-client.mjs", "sdk-main"),
  await bundle("sdk-validate.mjs", "sdk-main-validate-only"),
  await bundle("sdk-rules.mjs", "sdk-rules"),
  await bundle("sdk-client.mjs", "sdk-separate-wasm", ["webpack"]),
  await bundle("sdk-validate.mjs", "sdk-separate-wasm-validate-only", ["webpack"]),
  await bundle("fetch.mjs", "fetch"),
  await bundle("fetch-zod.mjs", "fetch-zod"),
  await bundle("fetch-valibot.mjs", "fetch-valibot"),
  await bundle("zod-only.mjs", "zod-only"),
];
const label = {
  "sdk-main": "SDK, main entry (wasm inline as base64): client + validation",
  "sdk-main-validate-only": "SDK, main entry: an app that only validates",
  "sdk-rules": "SDK, rules-only entry (`checkoutpage-client/rules`, wasm inline): a form's validate, schema and diff",
  "sdk-separate-wasm": "SDK, `webpack` entry (separate .wasm): client + validation",
  "sdk-separate-wasm-validate-only": "SDK, `webpack` entry: an app that only validates",
  fetch: "hand-written fetch client, no validation",
  "fetch-zod": "hand-written fetch client + zod 4",
  "fetch-valibot": "hand-written fetch client + valibot 1",
  "zod-only": "zod 4 schema alone (loaded by the Chromium cold start)",
};
writeFileSync(join(here, "../out/sizes.json"), JSON.stringify(Object.fromEntries(rows.map((r) => [r.name, r])), null, 2));
console.log(`## Browser bundles (esbuild --bundle --minify, platform browser; gzip -9 bytes)

| App | JS raw | JS gzip | .wasm gzip (separate file) | **total gzip** |
|---|---:|---:|---:|---:|
${rows.map((r) => `| ${label[r.name]} | ${r.jsRaw} | ${r.jsGzip} | ${r.wasmGzip || "—"} | **${r.gzip}** |`).join("\n")}

The main entry carries the wasm inside the JS (base64, decoded at load); the
\`webpack\` entry keeps it a separate file, which gzip compresses better.`);
