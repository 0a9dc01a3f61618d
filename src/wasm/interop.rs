//! JavaScript values to and from the core's [`Value`].
//!
//! Only a caller's own properties are read (options, items, patches at every
//! depth): nothing set on a polluted `Object.prototype` is ever taken for
//! one of theirs.
//!
//! JavaScript has two "nothings": a key whose value is `undefined` is
//! *omitted* (the field stays unchanged), while `null` *clears*. Values JSON
//! cannot carry (functions, symbols, bigints, `NaN`, `Infinity`) are reported
//! as field errors instead of being silently dropped or turned into `null`.
//!
//! Values cross as JSON text: `js/json.js` reads the whole value once, when
//! the call is made, into a plain copy with every read guarded (so a throwing
//! getter or Proxy trap is a problem on its field, never an exception or an
//! omission), and the core's parser reads the text. Values go back to
//! JavaScript as JSON text for `JSON.parse`.
//!
//! The caps on what is read are the core's ([`crate::args`]).

use js_sys::Array;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

#[cfg(feature = "client")]
use crate::args::{self, MAX_BULK_ITEMS};
use crate::args::{Snapshot, MAX_DEPTH, MAX_INPUT_CHARS};
#[cfg(feature = "client")]
use crate::error::FieldError;
use crate::json::{self, Floats, JsonError};
use crate::value::Value;

#[wasm_bindgen(module = "/js/json.js")]
extern "C" {
    /// `{v, p}` as JSON text: the value's plain copy (no `v` for
    /// `undefined`) and its problems as `[path, message, code]`. Never throws
    /// (declared `catch` all the same).
    #[wasm_bindgen(js_name = snapshot, catch)]
    fn read_snapshot(value: &JsValue, max_input: u32, max_depth: u32) -> Result<String, JsValue>;
    /// Own enumerable string keys; throws for a revoked Proxy or a throwing trap.
    #[wasm_bindgen(js_name = ownKeys, catch)]
    fn own_keys(value: &JsValue) -> Result<Array, JsValue>;
    /// `value[key]` if it is an own property, else `undefined`; throws for a
    /// throwing getter or trap.
    #[wasm_bindgen(js_name = ownValue, catch)]
    fn own_value(value: &JsValue, key: &str) -> Result<JsValue, JsValue>;
    /// `Array.isArray`; throws for a revoked Proxy.
    #[wasm_bindgen(js_name = isArray, catch)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    /// The items of an array-like, each read once; throws if one cannot be.
    #[wasm_bindgen(js_name = copyItems, catch)]
    fn copy_items(items: &JsValue, max: u32) -> Result<JsValue, JsValue>;
    /// A thrown value's message, never throwing.
    #[wasm_bindgen(js_name = describeError)]
    fn describe_error(error: &JsValue) -> String;
    /// Defines an own data property (never through a polluted prototype's
    /// setter); returns the object.
    #[wasm_bindgen(js_name = defineOwn)]
    fn define_own(object: &JsValue, key: &JsValue, value: &JsValue) -> JsValue;
}

/// Gives `object` the own property `key`: never through a setter that a
/// polluted `Object.prototype` holds.
pub(crate) fn define(object: &JsValue, key: &str, value: &JsValue) {
    define_own(object, &JsValue::from_str(key), value);
}

/// A new array of `items`, each an own element: never handed to a setter
/// that a polluted `Array.prototype` holds at its index (as `push` would).
#[cfg(feature = "client")]
pub(crate) fn own_array(items: impl IntoIterator<Item = JsValue>) -> Array {
    let array = Array::new();
    for (index, item) in items.into_iter().enumerate() {
        define_own(&array, &JsValue::from_f64(index as f64), &item);
    }
    array
}

#[wasm_bindgen(module = "/js/json.js")]
extern "C" {
    /// Whether `input` matches `pattern` as a whole; `undefined` when the
    /// pattern does not compile. Never throws.
    #[wasm_bindgen(js_name = fullMatch)]
    fn full_match(pattern: &str, input: &str) -> Option<bool>;
}

#[wasm_bindgen]
extern "C" {
    /// `globalThis`: an own property of the global object, so found before
    /// anything on `Object.prototype` (unlike the `self` and `window` that
    /// `js_sys::global()` tries first, which a polluted prototype supplies in
    /// Node).
    #[wasm_bindgen(thread_local_v2, js_name = globalThis)]
    static GLOBAL_THIS: js_sys::Object;
}

/// The global object (`globalThis`), whatever `Object.prototype` holds.
#[cfg(feature = "client")]
pub(crate) fn global() -> js_sys::Object {
    GLOBAL_THIS.with(Clone::clone)
}

/// The JavaScript engine's `RegExp` as the core's regex engine
/// ([`crate::rules::set_regex_engine`]).
pub(crate) const JS_REGEX: crate::rules::RegexEngine = full_match;

#[wasm_bindgen(module = "/js/messages.js")]
extern "C" {
    /// The template of the message `name` in the locale numbered `locale`,
    /// as `sentence + "\0" + withHint`; `undefined` for an unknown name.
    #[wasm_bindgen(js_name = messageTemplate)]
    fn message_template(name: &str, locale: u32) -> Option<String>;
}

/// The templates of `js/messages.js` as the core's source of message texts
/// ([`crate::messages::set_text_source`]).
pub(crate) const JS_MESSAGES: crate::messages::TextSource = |name, locale| {
    let text = message_template(name, locale as u32)?;
    let (sentence, with_hint) = text.split_once('\0')?;
    Some((sentence.to_owned(), with_hint.to_owned()))
};

/// Number conversions by the JavaScript engine (`parseFloat`, `String`),
/// correctly rounded like Rust's but without their code and tables in the
/// module.
const JS_FLOATS: Floats = Floats {
    parse: |text| Some(js_sys::parse_float(text)).filter(|n| !n.is_nan()),
    write: |n, out| {
        // Radix 10 is valid, so `toString` cannot throw.
        if let Ok(text) = js_sys::Number::from(n).to_string_with_radix(10) {
            out.push_str(&String::from(text));
        }
    },
};

/// Parses JSON text (a response body) with the engine's number conversions
/// (or, in the parser comparison's builds, with serde_json or miniserde:
/// [`json::parse_serde_json`], [`json::parse_miniserde`]).
pub(crate) fn parse_json(text: &str) -> Result<Value, JsonError> {
    parse_json_noting(text).map(|(value, _)| value)
}

/// [`parse_json`], and where its first lone surrogate was
/// ([`json::parse_noting`]; the comparison's parsers do not say).
pub(crate) fn parse_json_noting(text: &str) -> Result<(Value, Option<String>), JsonError> {
    #[cfg(feature = "json-serde-json")]
    return json::parse_serde_json(text).map(|value| (value, None));
    #[cfg(all(feature = "json-miniserde", not(feature = "json-serde-json")))]
    return json::parse_miniserde(text).map(|value| (value, None));
    #[cfg(not(any(feature = "json-serde-json", feature = "json-miniserde")))]
    json::parse_noting(text, JS_FLOATS)
}

/// Writes JSON text (a request body) with the engine's number conversions.
pub(crate) fn to_json(value: &Value) -> String {
    json::to_string_with(value, JS_FLOATS)
}

/// Reads `js` into a [`Snapshot`], all at once and synchronously. Anything
/// that cannot be sent (a function, a getter or Proxy trap that throws, a
/// revoked Proxy, `NaN`, a cycle, input over [`MAX_INPUT_CHARS`]) is a
/// problem under `path` and is left out.
pub(crate) fn snapshot(js: &JsValue, path: &str) -> Snapshot {
    snapshot_within(js, path, &mut MAX_INPUT_CHARS.clone())
}

/// [`snapshot`] with a shared allowance of characters: what the value uses
/// is taken from `allowance` (at most [`MAX_INPUT_CHARS`] for one value).
pub(crate) fn snapshot_within(js: &JsValue, path: &str, allowance: &mut u32) -> Snapshot {
    let limit = (*allowance).min(MAX_INPUT_CHARS);
    match read_snapshot(js, limit, MAX_DEPTH).map(|text| parse_json(&text)) {
        Ok(Ok(Value::Object(record))) => Snapshot::from_record(record, path, limit, allowance),
        _ => Snapshot::unreadable(path),
    }
}

/// [`snapshot`]'s value; its problems go to `errors`.
#[cfg(feature = "client")]
pub(crate) fn to_value(js: &JsValue, path: &str, errors: &mut Vec<FieldError>) -> Option<Value> {
    let snapshot = snapshot(js, path);
    errors.extend(snapshot.problems);
    snapshot.value
}

/// `Object.keys(js)`, or a problem at `path` when it cannot be read.
#[cfg(feature = "client")]
pub(crate) fn keys(js: &JsValue, path: &str, errors: &mut Vec<FieldError>) -> Vec<String> {
    match own_keys(js) {
        Ok(keys) => keys.iter().filter_map(|key| key.as_string()).collect(),
        Err(error) => {
            errors.push(unreadable(path, &error));
            Vec::new()
        }
    }
}

/// `js[key]` when `key` is an own property of `js` (never what a polluted
/// `Object.prototype` holds), else `undefined`; a problem at `key` when it
/// cannot be read (a throwing getter or trap, a revoked Proxy).
#[cfg(feature = "client")]
pub(crate) fn get(js: &JsValue, key: &str, errors: &mut Vec<FieldError>) -> JsValue {
    if !js.is_object() && !js.is_function() {
        return JsValue::UNDEFINED;
    }
    own_value(js, key).unwrap_or_else(|error| {
        errors.push(unreadable(key, &error));
        JsValue::UNDEFINED
    })
}

/// Whether `js` is an array (a problem at `path` when that cannot be told).
#[cfg(feature = "client")]
pub(crate) fn array(js: &JsValue, path: &str, errors: &mut Vec<FieldError>) -> bool {
    is_array(js).unwrap_or_else(|error| {
        errors.push(unreadable(path, &error));
        false
    })
}

/// The items of an array, its length and each item read once, at most
/// [`MAX_BULK_ITEMS`].
#[cfg(feature = "client")]
pub(crate) fn items(js: &JsValue, path: &str, errors: &mut Vec<FieldError>) -> Vec<JsValue> {
    match copy_items(js, MAX_BULK_ITEMS) {
        Ok(items) if Array::is_array(&items) => Array::from(&items).iter().collect(),
        Ok(length) => {
            errors.push(args::too_many_array_items(path, length.as_f64()));
            Vec::new()
        }
        Err(error) => {
            errors.push(unreadable(path, &error));
            Vec::new()
        }
    }
}

/// "Could not be read: <the exception's message>".
#[cfg(feature = "client")]
fn unreadable(path: &str, error: &JsValue) -> FieldError {
    args::unreadable(path, &describe_error(error))
}

/// Builds a plain JavaScript value (objects, not `Map`s) from a [`Value`],
/// through `JSON.parse`.
pub(crate) fn from_value(value: &Value) -> JsValue {
    // The text is JSON written by the core, so parsing cannot fail.
    js_sys::JSON::parse(&to_json(value)).unwrap_or(JsValue::NULL)
}
