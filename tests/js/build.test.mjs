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

// A module of `names.length` empty functions named `names`, with a name
// section: what scripts/check-wasm.mjs reads.
function namedModule(names) {
  const leb = (n) => { const out = []; do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b); } while (n); return out; };
  const str = (s) => { const b = [...Buffer.from(s)]; return [...leb(b.length), ...b]; };
  const section = (id, body) => [id, ...leb(body.length), ...body];
  const n = names.length;
  const nameMap = [...leb(n), ...names.flatMap((name, i) => [...leb(i), ...str(name)])];
  return Buffer.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 0, 0]),
    ...section(3, [...leb(n), ...names.map(() => 0)]),
    ...section(10, [...leb(n), ...names.flatMap(() => [2, 0, 0x0b])]),
    ...section(0, [...str("name"), 1, ...leb(nameMap.length), ...nameMap]),
  ]);
}

test("the build refuses a module with Rust's formatting code (scripts/check-wasm.mjs)", async () => {
  const { mkdtempSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "check-wasm-"));
  const check = (names) => {
    const file = join(dir, "m.wasm");
    writeFileSync(file, namedModule(names));
    return spawnSync(process.execPath, [new URL("../../scripts/check-wasm.mjs", import.meta.url).pathname, file, "m"], { encoding: "utf8" });
  };
  // The standard library's panic runtime alone passes.
  const runtime = ["core[c5930c85a12de822]::fmt::write", "<u32 as core[c5930c85a12de822]::fmt::Display>::fmt", "checkoutpage::rules::validate::validate_patch::h0123456789abcdef"];
  assert.equal(check(runtime).status, 0, check(runtime).stderr);
  // format!, a Debug impl of a char (Unicode tables), a float's Display: refused, named.
  for (const name of [
    "alloc[3ca501edff3f0c7c]::fmt::format",
    "<char as core[c5930c85a12de822]::fmt::Debug>::fmt",
    "<checkoutpage::error::Error as core::fmt::Display>::fmt::h0123456789abcdef",
    "core::fmt::float::float_to_decimal_common_shortest::h0123456789abcdef",
  ]) {
    const run = check([...runtime, name]);
    assert.notEqual(run.status, 0, name);
    assert.match(run.stderr, /formatting machinery is back/);
  }
  // A module without names cannot be judged: an error, not a pass.
  const unnamed = check([]);
  assert.notEqual(unnamed.status, 0);
  assert.match(unnamed.stderr, /no name section/);
});
