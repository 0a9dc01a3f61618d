// Data crosses from JavaScript into the wasm module as JSON text: one
// JSON.stringify is several times cheaper than reading an object from Rust
// one property at a time (see bench/RESULTS.md, "Crossing").
//
// `snapshot` reads the whole value once, synchronously, when a call is made
// (so changing an object after the call changes nothing), into a plain copy
// it then stringifies. Every read is guarded: a getter or Proxy trap that
// throws, a revoked Proxy, a function, symbol, bigint, NaN or Infinity, a
// cycle or nesting too deep becomes a problem at that field's dotted path,
// never an omission and never an exception. Caps (given and documented by
// src/wasm/interop.rs): `maxDepth` levels, `maxInput` characters in all
// (every string and key counts its length, every other value 1), checked
// before anything is copied. A string or key with a lone surrogate (half an
// emoji) is a problem too: JSON would carry it as an escape that decodes to
// U+FFFD, which the user never typed.

class TooLarge {}

function reason(error) {
  try {
    if (error instanceof Error) return String(error.message).slice(0, 200);
    return String(error).slice(0, 200);
  } catch {
    return "an exception";
  }
}

// A lone surrogate: a surrogate code unit not part of a pair. With the `u`
// flag a pair is one code point, so only lone ones are of category Cs.
const LONE_SURROGATE = /\p{Cs}/u;

function isWellFormed(text) {
  return typeof text.isWellFormed === "function" ? text.isWellFormed() : !LONE_SURROGATE.test(text);
}

const LONE_SURROGATE_MESSAGE =
  "Contains a lone surrogate (such as half an emoji), which cannot be sent as it is";

function join(path, key) {
  return path === "" ? key : `${path}.${key}`;
}

/**
 * `{ v, p, u }` as JSON text: `v` the value's plain copy (absent for
 * `undefined`), `p` the problems as `[path, message, code]` triples (`code`
 * one of the core's `ProblemCode` names), `u` how much of
 * `maxInput` the value used; `{ big: true }` when it needs more. Never throws.
 */
export function snapshot(value, maxInput, maxDepth) {
  const problems = [];
  let budget = maxInput;
  const spend = (n) => {
    budget -= n;
    if (budget < 0) throw new TooLarge();
  };
  // A value's path is its parent's path and its key, joined only when a
  // problem needs it.
  const problem = (parent, key, message, code = "unsupported_value") => {
    problems.push([key === null ? parent : join(parent, key), message, code]);
  };
  const unreadable = (parent, key, e) => problem(parent, key, `Could not be read: ${reason(e)}`, "invalid_input");
  const read = (value, parent, key, depth) => {
    switch (typeof value) {
      case "undefined":
        return undefined;
      case "boolean":
        spend(1);
        return value;
      case "string":
        spend(value.length + 1);
        if (isWellFormed(value)) return value;
        problem(parent, key, LONE_SURROGATE_MESSAGE, "invalid_unicode");
        return undefined;
      case "number":
        spend(1);
        if (Number.isFinite(value)) return value;
        problem(parent, key, "Expected a finite number");
        return undefined;
      case "object": {
        spend(1);
        if (value === null) return null;
        if (depth === maxDepth) {
          problem(parent, key, `Nested more than ${maxDepth} levels deep (or a cycle)`);
          return undefined;
        }
        let isArray;
        let keys;
        try {
          isArray = Array.isArray(value);
          keys = isArray ? null : Object.keys(value);
        } catch (e) {
          unreadable(parent, key, e);
          return undefined;
        }
        const path = key === null ? parent : join(parent, key);
        if (isArray) {
          let length;
          try {
            length = value.length;
          } catch (e) {
            unreadable(path, null, e);
            return undefined;
          }
          if (typeof length !== "number" || !(length >= 0)) length = 0;
          spend(length);
          const out = new Array(length);
          for (let i = 0; i < length; i++) {
            let item;
            try {
              item = value[i];
            } catch (e) {
              unreadable(path, String(i), e);
              out[i] = null;
              continue;
            }
            const copy = read(item, path, String(i), depth + 1);
            out[i] = copy === undefined ? null : copy;
          }
          return out;
        }
        spend(keys.length);
        // No prototype: a key named __proto__ stays an ordinary key.
        const out = Object.create(null);
        for (const name of keys) {
          spend(name.length);
          if (!isWellFormed(name)) {
            problem(path, name, LONE_SURROGATE_MESSAGE, "invalid_unicode");
            continue;
          }
          let item;
          try {
            item = value[name];
          } catch (e) {
            unreadable(path, name, e);
            continue;
          }
          const copy = read(item, path, name, depth + 1);
          if (copy !== undefined) out[name] = copy;
        }
        return out;
      }
      case "function":
        problem(parent, key, "A function cannot be sent as JSON");
        return undefined;
      default:
        problem(parent, key, `A ${typeof value} cannot be sent as JSON`);
        return undefined;
    }
  };
  try {
    const v = read(value, "", null, 0);
    return JSON.stringify({ v, p: problems, u: maxInput - budget });
  } catch (e) {
    if (e instanceof TooLarge) return '{"big":true}';
    return JSON.stringify({ p: [["", `Could not be read: ${reason(e)}`, "invalid_input"]], u: maxInput - budget });
  }
}

/** A thrown value's message, at most 200 characters; never throws. */
export function describeError(error) {
  return reason(error);
}

/** Own enumerable string keys, or a thrown exception for Rust to catch. */
export function ownKeys(value) {
  return Object.keys(value);
}

/** Whether `value` is an array; throws only for a revoked Proxy. */
export function isArray(value) {
  return Array.isArray(value);
}

/**
 * A plain copy of an array's items, its length and each item read once; the
 * length (a number) instead when it is not a whole number up to `max`.
 * Throws if the length or an item cannot be read.
 */
export function copyItems(items, max) {
  const length = Number(items.length);
  if (!(Number.isInteger(length) && length >= 0 && length <= max)) return length;
  const out = new Array(length);
  for (let i = 0; i < length; i++) out[i] = items[i];
  return out;
}

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
