// One cold start, run in a fresh Node process by run.mjs: each step of
// loading the package, timed apart. Prints one JSON line.
import { readFile } from "node:fs/promises";

const pkg = new URL("../pkg/", import.meta.url);
const t0 = performance.now();
const bytes = await readFile(new URL("checkoutpage_bg.wasm", pkg));
const t1 = performance.now();
const module = new WebAssembly.Module(bytes);
const t2 = performance.now();
const glue = await import(new URL("checkoutpage.js", pkg).href);
const t3 = performance.now();
glue.initSync({ module });
const t4 = performance.now();
// The first call: V8 compiles functions lazily, on first use.
glue.validateCustomerPatch({ name: "Ada", email: "ada@example.com", address: { country: "NL", postalCode: "2611 AB" } });
const t5 = performance.now();
process.stdout.write(
  JSON.stringify({ read: t1 - t0, compile: t2 - t1, glue: t3 - t2, instantiate: t4 - t3, firstCall: t5 - t4 }),
);
