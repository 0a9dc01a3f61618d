// Used by npm/build-entries.mjs and npm/build-testing.mjs (not shipped): gives
// wasm-bindgen's ESM glue the globals of `inject` (an ES module; each global the
// glue names and it exports becomes an import of it), with esbuild. Every other
// import of the glue (its snippets) and of the inject module stays as written.
import { readFileSync, writeFileSync } from "node:fs";

import { build } from "esbuild";

/** Rewrites the glue at `gluePath` in place; `fail(message)` ends the build. */
export async function injectGlobals(gluePath, inject, fail) {
  const glue = readFileSync(gluePath, "utf8");
  const selfTypes = glue.match(/^\/\* @ts-self-types="[^"]*" \*\/$/m)?.[0];
  const { outputFiles, warnings } = await build({
    entryPoints: [gluePath],
    inject: [inject],
    bundle: true,
    format: "esm",
    platform: "neutral",
    write: false,
    outfile: gluePath,
    banner: selfTypes ? { js: selfTypes } : {},
    plugins: [
      {
        name: "keep-imports",
        setup: (b) =>
          b.onResolve({ filter: /^\.\.?\// }, (a) => (a.kind === "entry-point" ? undefined : { path: a.path, external: true })),
      },
    ],
    // wasm-bindgen's import object names a snippet module once per import
    // (later keys win, all the same module): not ours to change.
    logOverride: { "duplicate-object-key": "silent" },
    logLevel: "silent",
  });
  if (warnings.length) fail(`esbuild (${gluePath}): ${warnings.map((w) => w.text).join("; ")}`);
  writeFileSync(gluePath, outputFiles[0].text);
  return outputFiles[0].text;
}
