// Compiles every ```ts snippet of README.md against the built package with
// the same strict settings as check.ts (strict, exactOptionalPropertyTypes,
// skipLibCheck false): each snippet becomes tests/types/.readme/snippet-N.ts,
// with "checkoutpage-client" mapped to pkg/ and `process.env` declared (the
// snippets are written for Node; the root project has no @types/node).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "../..");
const out = join(here, ".readme");
const readme = readFileSync(join(root, "README.md"), "utf8");
const snippets = [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
if (snippets.length === 0) throw new Error("README.md has no ```ts snippet");

rmSync(out, { recursive: true, force: true });
mkdirSync(out);
const files = snippets.map((code, i) => {
  const file = `snippet-${i + 1}.ts`;
  const prelude = "declare const process: { env: Record<string, string | undefined> };\nexport {};\n";
  writeFileSync(join(out, file), prelude + code);
  return file;
});
writeFileSync(
  join(out, "tsconfig.json"),
  JSON.stringify(
    {
      extends: "../tsconfig.json",
      compilerOptions: {
        noUnusedLocals: false,
        baseUrl: ".",
        paths: { "checkoutpage-client": ["../../../pkg/index.d.ts"], "checkoutpage-client/init": ["../../../pkg/init.d.ts"], "checkoutpage-client/testing": ["../../../pkg/testing/index.d.ts"], "checkoutpage-client/rules": ["../../../pkg/rules/index.d.ts"] },
      },
      files,
    },
    null,
    2,
  ),
);
execFileSync(join(root, "node_modules/.bin/tsc"), ["-p", out], { stdio: "inherit" });
console.log(`README.md: ${files.length} TypeScript snippet(s) compile`);
