// The Standard Schema v1 interface (https://standardschema.dev) of the
// package's schemas: what react-hook-form's standardSchemaResolver, TanStack
// Form and other form libraries call. The rules, the messages and the
// results are the Rust core's (src/schema.rs, glue in src/wasm/schema.rs);
// this file only gives them the `~standard` shape.

const VENDOR = "checkoutpage-client";

/**
 * A frozen Standard Schema object around `rules` (a wasm `CustomerSchemaRules`):
 * `~standard.validate(value)` returns `{ value, warnings }` or
 * `{ issues, warnings }` synchronously; `warnings(value)` lists the
 * warnings alone, to show as hints.
 */
export function standardSchema(rules) {
  const validate = (value) => bare(rules.run(value));
  return Object.freeze({
    "~standard": Object.freeze({ version: 1, vendor: VENDOR, validate }),
    warnings: (value) => bare(rules.run(value)).warnings,
  });
}

/**
 * `value` (JSON data) with every plain object copied without a prototype, so
 * a polluted `Object.prototype.then` cannot make the result (which form
 * libraries await) or its value a thenable. Arrays stay arrays.
 */
function bare(value) {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = bare(value[i]);
    return value;
  }
  if (value === null || typeof value !== "object") return value;
  const out = Object.create(null);
  for (const key of Object.keys(value)) out[key] = bare(value[key]);
  return out;
}
