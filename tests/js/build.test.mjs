// The build itself (scripts/build-pkg.sh): an unoptimised package cannot ship.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { test } from "node:test";

test("a missing wasm-opt fails the build, first, saying what to do", () => {
  const root = new URL("../../", import.meta.url).pathname;
  const run = spawnSync("bash", ["scripts/build-pkg.sh"], {
    cwd: root,
    env: { ...process.env, WASM_OPT: "/nonexistent/wasm-opt" },
    encoding: "utf8",
    timeout: 60_000,
  });
  assert.notEqual(run.status, 0, run.stdout);
  assert.match(run.stderr, /error: \/nonexistent\/wasm-opt not found: run npm ci/);
  // Nothing was built or removed: pkg/ (built before this test) is intact.
  assert.ok(existsSync(new URL("../../pkg/package.json", import.meta.url)));
  assert.doesNotMatch(run.stderr + run.stdout, /Compiling|Finished/);
});
