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
  const validate = (value) => rules.run(value);
  return Object.freeze({
    "~standard": Object.freeze({ version: 1, vendor: VENDOR, validate }),
    warnings: (value) => rules.run(value).warnings,
  });
}
