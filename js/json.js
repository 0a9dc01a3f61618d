// Data crosses from JavaScript into the wasm module as JSON text: one
// JSON.stringify is several times cheaper than reading an object from Rust
// one property at a time (see bench/RESULTS.md, "Crossing").
//
// Only plain JSON data takes this path. For anything JSON.stringify would
// silently change (NaN and Infinity become null, functions and symbols
// vanish, class instances, Dates and toJSON methods are rewritten, bigints
// and cycles throw) this returns undefined, and the Rust side walks the value
// itself to report exactly which field is wrong (src/wasm/interop.rs). So do
// strings and keys with a lone surrogate, which JSON would carry as an escape
// that decodes to U+FFFD.

const MAX_DEPTH = 64;

// A lone surrogate: a surrogate code unit not part of a pair. With the `u`
// flag a pair is one code point, so only lone ones are of category Cs.
const LONE_SURROGATE = /\p{Cs}/u;

function isWellFormed(text) {
  return typeof text.isWellFormed === "function"
    ? text.isWellFormed()
    : !LONE_SURROGATE.test(text);
}

function isPlain(value, depth) {
  switch (typeof value) {
    case "string":
      return isWellFormed(value);
    case "boolean":
    case "undefined": // an omitted key, as JSON.stringify drops it
      return true;
    case "number":
      return Number.isFinite(value);
    case "object": {
      if (value === null) return true;
      if (depth === MAX_DEPTH) return false;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          if (!isPlain(value[i], depth + 1)) return false;
        }
        return true;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      for (const key in value) {
        if (!Object.prototype.hasOwnProperty.call(value, key)) return false;
        if (!isWellFormed(key)) return false;
        if (!isPlain(value[key], depth + 1)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/** `value` as JSON text when it is plain JSON data, else `undefined`. */
export function plainJson(value) {
  return isPlain(value, 0) ? JSON.stringify(value) : undefined;
}
