// The platform's regular-expression engine for the rule data that comes as
// regular expressions (src/rules/pattern.rs): Google's postal-code formats.
// Using the engine's RegExp keeps a regex engine out of the wasm module.

const compiled = new Map();

/**
 * Whether `input` matches `pattern` as a whole, or `undefined` when the
 * pattern does not compile. Patterns are compiled once and kept.
 */
export function fullMatch(pattern, input) {
  let regexp = compiled.get(pattern);
  if (regexp === undefined) {
    try {
      regexp = new RegExp(`^(?:${pattern})$`);
    } catch {
      regexp = null;
    }
    compiled.set(pattern, regexp);
  }
  return regexp === null ? undefined : regexp.test(input);
}
