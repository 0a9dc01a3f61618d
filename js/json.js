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
// before anything is copied.

class TooLarge {}

function reason(error) {
  try {
    if (error instanceof Error) return String(error.message).slice(0, 200);
    return String(error).slice(0, 200);
  } catch {
    return "an exception";
  }
}

function join(path, key) {
  return path === "" ? key : `${path}.${key}`;
}

/**
 * `{ v, p, u }` as JSON text: `v` the value's plain copy (absent for
 * `undefined`), `p` the problems as `[path, message]` pairs, `u` how much of
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
  const problem = (parent, key, message) => {
    problems.push([key === null ? parent : join(parent, key), message]);
  };
  const read = (value, parent, key, depth) => {
    switch (typeof value) {
      case "undefined":
        return undefined;
      case "boolean":
        spend(1);
        return value;
      case "string":
        spend(value.length + 1);
        return value;
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
          problem(parent, key, `Could not be read: ${reason(e)}`);
          return undefined;
        }
        const path = key === null ? parent : join(parent, key);
        if (isArray) {
          let length;
          try {
            length = value.length;
          } catch (e) {
            problem(path, null, `Could not be read: ${reason(e)}`);
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
              problem(path, String(i), `Could not be read: ${reason(e)}`);
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
          let item;
          try {
            item = value[name];
          } catch (e) {
            problem(path, name, `Could not be read: ${reason(e)}`);
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
    return JSON.stringify({ p: [["", `Could not be read: ${reason(e)}`]], u: maxInput - budget });
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
 * Whether `value` is a real AbortSignal (the native `aborted` getter accepts
 * it, which a Proxy or a look-alike fails); never throws.
 */
export function isAbortSignal(value) {
  try {
    if (typeof AbortSignal === "undefined" || !(value instanceof AbortSignal)) return false;
    const aborted = Object.getOwnPropertyDescriptor(AbortSignal.prototype, "aborted").get;
    return typeof Reflect.apply(aborted, value, []) === "boolean";
  } catch {
    return false;
  }
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
