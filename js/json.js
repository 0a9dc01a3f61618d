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
//
// Only what the caller passed counts, as JSON.stringify would send it, but
// never less and never what a polluted prototype adds: own enumerable keys
// and own array items only (a hole is null); a `toJSON()` is called once, as
// JSON.stringify does, but only the object's own or its class's (never one
// on Object.prototype or Array.prototype). An object whose data JSON would
// lose is `unsupported_value` at its path, at every depth: a Map, Set,
// WeakMap, WeakSet, Date, RegExp, typed array, ArrayBuffer, Promise, Error or
// boxed primitive, an object whose class keeps data behind getters, a class
// instance with no own fields (sent as `{}`, it would wipe an address), an
// object with own data that is not enumerable, or one that inherits
// enumerable data from a prototype other than Object.prototype
// (`Object.create(defaults)`).

class TooLarge {}

// Intrinsics, taken once when the module loads: what the caller's code does
// to the globals afterwards (a polluted Object.prototype) changes nothing.
const { getOwnPropertyDescriptor, getOwnPropertyDescriptors, getOwnPropertyNames, getPrototypeOf, keys: objectKeys } =
  Object;
const { isArray: arrayIsArray } = Array;
const { isView } = ArrayBuffer;
const { apply } = Reflect;
const { setPrototypeOf } = Object;
const { stringify } = JSON;
// An array JSON.stringify writes without looking for a toJSON (which a
// polluted Object.prototype would supply): it has no prototype.
const bare = (array) => setPrototypeOf(array, null);
const hasOwn = (object, key) => getOwnPropertyDescriptor(object, key) !== undefined;
const objectToString = Object.prototype.toString;
const getter = (proto, name) => (proto ? getOwnPropertyDescriptor(proto, name)?.get : undefined);
const method = (proto, name) => (proto ? proto[name] : undefined);

// Brand checks: each of these throws unless `value` really is one (of any
// realm: they test internal slots, not prototypes), without side effects.
const BRANDS = [
  ["Date", method(Date.prototype, "getTime"), []],
  ["Map", getter(Map.prototype, "size"), []],
  ["Set", getter(Set.prototype, "size"), []],
  ["WeakMap", method(globalThis.WeakMap?.prototype, "has"), [{}]],
  ["WeakSet", method(globalThis.WeakSet?.prototype, "has"), [{}]],
  ["WeakRef", method(globalThis.WeakRef?.prototype, "deref"), []],
  ["RegExp", getter(RegExp.prototype, "source"), []],
  ["ArrayBuffer", getter(ArrayBuffer.prototype, "byteLength"), []],
  ["SharedArrayBuffer", getter(globalThis.SharedArrayBuffer?.prototype, "byteLength"), []],
  ["String object", method(String.prototype, "valueOf"), []],
  ["Number object", method(Number.prototype, "valueOf"), []],
  ["Boolean object", method(Boolean.prototype, "valueOf"), []],
  ["Symbol object", method(Symbol.prototype, "valueOf"), []],
  ["BigInt object", method(globalThis.BigInt?.prototype, "valueOf"), []],
].filter(([, check]) => typeof check === "function");

/**
 * What kind of built-in `value` (an object, not an array) is when JSON would
 * lose its data (a Map, a Date, a typed array, a Promise, ...), else null.
 */
function builtIn(value) {
  if (isView(value)) return "typed array or DataView";
  for (const [name, check, args] of BRANDS) {
    try {
      apply(check, value, args);
      return name;
    } catch {
      // Not this one.
    }
  }
  const tag = apply(objectToString, value, []);
  if (tag === "[object Promise]" || tag === "[object Error]") return tag.slice(8, -1);
  return null;
}

// An Object.prototype (of any realm): no prototype of its own, and its
// own `hasOwnProperty` and `isPrototypeOf`.
const isObjectPrototype = (proto) =>
  getPrototypeOf(proto) === null && hasOwn(proto, "hasOwnProperty") && hasOwn(proto, "isPrototypeOf");

// The prototypes of `value` up to, not including, an intrinsic one
// (Object.prototype or Array.prototype, of any realm): its class's.
function classPrototypes(value) {
  const found = [];
  for (let proto = getPrototypeOf(value); proto !== null; proto = getPrototypeOf(proto)) {
    if (isObjectPrototype(proto) || arrayIsArray(proto)) break;
    found.push(proto);
    if (found.length > 64) break;
  }
  return found;
}

/**
 * The `toJSON` that JSON.stringify would call on `value`: its own, or its
 * class's; never one found on Object.prototype or Array.prototype, where
 * only a polluted prototype puts one. Undefined when there is none.
 */
function toJSONOf(value) {
  for (const holder of [value, ...classPrototypes(value)]) {
    if (hasOwn(holder, "toJSON")) {
      const toJSON = holder.toJSON;
      return typeof toJSON === "function" ? toJSON : undefined;
    }
  }
  return undefined;
}

/**
 * Why reading `value`'s own enumerable keys (what JSON.stringify sends)
 * would lose its data, or null: it is a built-in like a Map or a Date, its
 * class keeps data behind getters, or it is a class instance with no own
 * data at all (`{}` would be sent). As `[message, wording, value]`: the
 * English message, the core's `Wording` of it and the value it names (for
 * the messages in other languages).
 */
function lostData(value, keys) {
  const proto = getPrototypeOf(value);
  const hidden = hiddenData(value, keys);
  if (hidden !== null) {
    return bare([
      `An object whose own \`${hidden}\` is not enumerable, which JSON would leave out; define it as enumerable or pass a plain object`,
      "hidden-key",
      hidden,
    ]);
  }
  // A plain object (the common case): nothing else to lose.
  if (proto === null || isObjectPrototype(proto)) return null;
  const kind = builtIn(value);
  if (kind !== null) {
    return bare([
      `A ${kind} cannot be sent as JSON (it would be sent as {} or lose its data); pass a plain object, array or string`,
      "built-in",
      kind,
    ]);
  }
  const protos = classPrototypes(value);
  if (protos.length === 0) return null;
  for (const proto of protos) {
    for (const name of objectKeys(getOwnPropertyDescriptors(proto))) {
      if (name === "constructor") continue;
      const descriptor = getOwnPropertyDescriptor(proto, name);
      if (descriptor.get !== undefined) {
        return bare([
          `An object whose class keeps \`${name}\` behind a getter, which JSON would leave out; give the class a toJSON() or pass a plain object`,
          "class-getter",
          name,
        ]);
      }
      if (descriptor.enumerable && isData(descriptor.value)) {
        return bare([
          `An object that inherits \`${name}\` from its prototype, which JSON would leave out; pass a plain object with its own fields (such as { ...defaults, ...value })`,
          "inherited-key",
          name,
        ]);
      }
    }
  }
  if (keys.length === 0) {
    return bare([
      "An object of a class with no own fields, which JSON would send as {}; give the class a toJSON() or pass a plain object",
      "empty-class",
    ]);
  }
  return null;
}

// A value JSON would send: a primitive but undefined, a plain object or an
// array (not a function, nor an instance of a class, such as the observer
// Vue 2 hides in `__ob__`).
function isData(value) {
  if (value === undefined || typeof value === "function" || typeof value === "symbol") return false;
  if (value === null || typeof value !== "object") return true;
  const proto = getPrototypeOf(value);
  return arrayIsArray(value) || proto === null || isObjectPrototype(proto);
}

/**
 * The first own string key of `value` (not an array) that holds data JSON
 * would leave out because it is not enumerable (an accessor, or data as
 * `isData` says), or null. `keys`: its own enumerable keys.
 */
function hiddenData(value, keys) {
  const names = getOwnPropertyNames(value);
  if (names.length === keys.length) return null;
  for (const name of names) {
    const descriptor = getOwnPropertyDescriptor(value, name);
    if (descriptor === undefined || descriptor.enumerable) continue;
    if (descriptor.get !== undefined || isData(descriptor.value)) return name;
  }
  return null;
}

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
 * `undefined`), `p` the problems as `[path, message, code, wording, value]`
 * (`code` one of the core's `ProblemCode` names; `wording`, optional, one of
 * its `Wording` names, the sentence `message` is; `value`, optional, what
 * the message names: a kind, a key, a limit, the reason a read failed, so
 * the core can say it in other languages), `u` how much of
 * `maxInput` the value used; `{ big: true }` when it needs more (with `at`,
 * the path of a single string over the cap). Never throws.
 */
export function snapshot(value, maxInput, maxDepth) {
  const problems = [];
  let budget = maxInput;
  let at;
  const spend = (n) => {
    budget -= n;
    if (budget < 0) throw new TooLarge();
  };
  // A value's path is its parent's path and its key, joined only when a
  // problem needs it.
  const problem = (parent, key, message, code = "unsupported_value", wording, named) => {
    const path = key === null ? parent : join(parent, key);
    let entry;
    if (wording === undefined) entry = [path, message, code];
    else if (named === undefined) entry = [path, message, code, wording];
    else entry = [path, message, code, wording, named];
    problems.push(bare(entry));
  };
  const unreadable = (parent, key, e) => {
    const why = reason(e);
    problem(parent, key, `Could not be read: ${why}`, "invalid_input", "unreadable", why);
  };
  // `viaToJSON`: `value` is what a toJSON() gave, not called again.
  const read = (value, parent, key, depth, viaToJSON = false) => {
    switch (typeof value) {
      case "undefined":
        return undefined;
      case "boolean":
        spend(1);
        return value;
      case "string":
        // One string over the whole cap: the problem is at its field.
        if (value.length >= maxInput && at === undefined && key !== null) at = join(parent, key);
        spend(value.length + 1);
        if (isWellFormed(value)) return value;
        problem(parent, key, LONE_SURROGATE_MESSAGE, "invalid_unicode");
        return undefined;
      case "number":
        spend(1);
        if (Number.isFinite(value)) return value;
        problem(parent, key, "Expected a finite number", undefined, "not-finite");
        return undefined;
      case "object": {
        spend(1);
        if (value === null) return null;
        if (depth === maxDepth) {
          problem(parent, key, `Nested more than ${maxDepth} levels deep (or a cycle)`, undefined, "too-deep", String(maxDepth));
          return undefined;
        }
        let isArray;
        let keys;
        let lost = null;
        let toJSON;
        try {
          isArray = arrayIsArray(value);
          // JSON.stringify's own order: a toJSON() first, once.
          toJSON = viaToJSON ? undefined : toJSONOf(value);
          if (toJSON === undefined) {
            keys = isArray ? null : objectKeys(value);
            lost = isArray ? null : lostData(value, keys);
          }
        } catch (e) {
          unreadable(parent, key, e);
          return undefined;
        }
        if (toJSON !== undefined && builtIn(value) === null) {
          let replaced;
          try {
            replaced = apply(toJSON, value, [key === null ? "" : key]);
          } catch (e) {
            const why = reason(e);
            problem(parent, key, `Its toJSON() threw: ${why}`, "invalid_input", "to-json-threw", why);
            return undefined;
          }
          return read(replaced, parent, key, depth + 1, true);
        }
        if (toJSON !== undefined) {
          // A Date (or another built-in) with its own toJSON: still refused.
          try {
            keys = objectKeys(value);
            lost = lostData(value, keys);
          } catch (e) {
            unreadable(parent, key, e);
            return undefined;
          }
        }
        if (lost !== null) {
          problem(parent, key, lost[0], undefined, lost[1], lost[2]);
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
          const out = bare(new Array(length));
          for (let i = 0; i < length; i++) {
            let item;
            try {
              // A hole is null, never what a prototype holds at that index.
              item = hasOwn(value, i) ? value[i] : null;
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
        problem(parent, key, "A function cannot be sent as JSON", undefined, "function");
        return undefined;
      default:
        problem(parent, key, `A ${typeof value} cannot be sent as JSON`, undefined, "primitive", typeof value);
        return undefined;
    }
  };
  try {
    const v = read(value, "", null, 0);
    const result = Object.create(null);
    result.v = v;
    result.p = bare(problems);
    result.u = maxInput - budget;
    return stringify(result);
  } catch (e) {
    if (e instanceof TooLarge) {
      if (at === undefined) return '{"big":true}';
      const result = Object.create(null);
      result.big = true;
      result.at = at;
      return stringify(result);
    }
    const result = Object.create(null);
    const why = reason(e);
    result.p = bare([bare(["", `Could not be read: ${why}`, "invalid_input", "unreadable", why])]);
    result.u = maxInput - budget;
    return stringify(result);
  }
}

/** A thrown value's message, at most 200 characters; never throws. */
export function describeError(error) {
  return reason(error);
}

/** Own enumerable string keys, or a thrown exception for Rust to catch. */
export function ownKeys(value) {
  return objectKeys(value);
}

/**
 * `value[key]` when `key` is `value`'s own property, else undefined: never
 * what a prototype (a polluted Object.prototype) holds. Throws for a
 * throwing getter or Proxy trap, for Rust to catch.
 */
export function ownValue(value, key) {
  return hasOwn(value, key) ? value[key] : undefined;
}

/** Whether `value` is an array; throws only for a revoked Proxy. */
export function isArray(value) {
  return arrayIsArray(value);
}

/**
 * A plain copy of an array's items, its length and each item read once; the
 * length (a number) instead when it is not a whole number up to `max`.
 * Throws if the length or an item cannot be read.
 */
export function copyItems(items, max) {
  const length = Number(items.length);
  if (!(Number.isInteger(length) && length >= 0 && length <= max)) return length;
  // No prototype: an index set here never reaches a setter a polluted
  // Array.prototype holds (which would receive the item and forge it).
  const out = bare(new Array(length));
  for (let i = 0; i < length; i++) out[i] = hasOwn(items, i) ? items[i] : undefined;
  return out;
}

const { create } = Object;
const { defineProperty } = Reflect;

/**
 * Gives `object` the own, enumerable, writable data property `key`: never
 * through a setter a polluted Object.prototype or Array.prototype holds
 * (an index of an array grows its length). Returns `object`.
 */
export function defineOwn(object, key, value) {
  // The descriptor has no prototype either: a polluted `get` or `set`
  // would otherwise turn it into an accessor.
  const descriptor = create(null);
  descriptor.value = value;
  descriptor.writable = true;
  descriptor.enumerable = true;
  descriptor.configurable = true;
  defineProperty(object, key, descriptor);
  return object;
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
