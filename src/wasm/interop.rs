//! JavaScript values to and from the core's [`Value`].
//!
//! JavaScript has two "nothings": a key whose value is `undefined` is
//! *omitted* (the field stays unchanged), while `null` *clears*. Values JSON
//! cannot carry (functions, symbols, bigints, `NaN`, `Infinity`) are reported
//! as field errors instead of being silently dropped or turned into `null`.
//!
//! Values cross as JSON text when they can: `js/json.js` stringifies plain
//! JSON data (where `JSON.stringify` drops `undefined` keys, which is exactly
//! "omitted") and the core's parser reads it, several times faster than
//! reading properties one by one. Everything else is walked by hand here, so
//! every unsupported value gets its own error. Values go back to JavaScript
//! as JSON text for `JSON.parse`.

use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use crate::error::{FieldError, ProblemCode};
use crate::json::{self, Floats, JsonError};
use crate::value::{Map, Value};

#[wasm_bindgen(module = "/js/json.js")]
extern "C" {
    /// `value` as JSON text when it is plain JSON data, else `undefined`.
    /// Throws only if a getter throws.
    #[wasm_bindgen(js_name = plainJson, catch)]
    fn plain_json(value: &JsValue) -> Result<Option<String>, JsValue>;
}

#[wasm_bindgen(module = "/js/pattern.js")]
extern "C" {
    /// Whether `input` matches `pattern` as a whole; `undefined` when the
    /// pattern does not compile. Never throws.
    #[wasm_bindgen(js_name = fullMatch)]
    fn full_match(pattern: &str, input: &str) -> Option<bool>;
}

/// The JavaScript engine's `RegExp` as the core's regex engine
/// ([`crate::rules::set_regex_engine`]).
pub(crate) const JS_REGEX: crate::rules::RegexEngine = full_match;

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

/// Parses JSON text (a response body) with the engine's number conversions.
pub(crate) fn parse_json(text: &str) -> Result<Value, JsonError> {
    json::parse_with(text, JS_FLOATS)
}

/// Writes JSON text (a request body) with the engine's number conversions.
pub(crate) fn to_json(value: &Value) -> String {
    json::to_string_with(value, JS_FLOATS)
}

/// Nesting the walk follows before reporting an error; deeper (or cyclic)
/// values are never valid patches.
const MAX_DEPTH: usize = 64;

/// Reads `js` into a [`Value`]. `undefined` gives `None`; unsupported values
/// push a [`FieldError`] at `path` and give `None`.
pub(crate) fn to_value(js: &JsValue, path: &str, errors: &mut Vec<FieldError>) -> Option<Value> {
    if let Ok(Some(text)) = plain_json(js) {
        if let Ok(value) = parse_json(&text) {
            return Some(value);
        }
    }
    walk(js, path, 0, errors)
}

/// Walks `js` property by property (the exact, slower path).
pub(crate) fn walk(
    js: &JsValue,
    path: &str,
    depth: usize,
    errors: &mut Vec<FieldError>,
) -> Option<Value> {
    if js.is_undefined() {
        return None;
    }
    if js.is_null() {
        return Some(Value::Null);
    }
    if let Some(b) = js.as_bool() {
        return Some(Value::Bool(b));
    }
    if let Some(n) = js.as_f64() {
        if n.is_finite() {
            return Some(Value::Number(n));
        }
        errors.push(FieldError::problem(
            ProblemCode::UnsupportedValue,
            path,
            "Expected a finite number",
            Value::Null,
        ));
        return None;
    }
    if let Some(text) = js.dyn_ref::<JsString>() {
        if !text.is_valid_utf16() {
            errors.push(invalid_unicode(path));
            return None;
        }
        return js.as_string().map(Value::String);
    }
    if js.is_object() && depth == MAX_DEPTH {
        errors.push(FieldError::problem(
            ProblemCode::UnsupportedValue,
            path,
            format!("Nested more than {MAX_DEPTH} levels deep (or a cycle)"),
            Value::Null,
        ));
        return None;
    }
    if Array::is_array(js) {
        let array: &Array = js.unchecked_ref();
        let items = array
            .iter()
            .enumerate()
            .map(|(i, item)| {
                walk(&item, &join(path, &i.to_string()), depth + 1, errors).unwrap_or_default()
            })
            .collect();
        return Some(Value::Array(items));
    }
    if js.is_object() && !js.is_function() {
        let object: &Object = js.unchecked_ref();
        let mut map = Map::new();
        for key in Object::keys(object).iter() {
            let Some(name) = key.as_string() else {
                continue;
            };
            if !JsString::from(key.clone()).is_valid_utf16() {
                errors.push(invalid_unicode(&join(path, &name)));
                continue;
            }
            let item = Reflect::get(object, &key).unwrap_or(JsValue::UNDEFINED);
            if let Some(value) = walk(&item, &join(path, &name), depth + 1, errors) {
                map.insert(name, value);
            }
        }
        return Some(Value::Object(map));
    }
    let kind = js.js_typeof().as_string().unwrap_or_default();
    errors.push(FieldError::problem(
        ProblemCode::UnsupportedValue,
        path,
        format!("A {kind} cannot be sent as JSON"),
        Value::Null,
    ));
    None
}

/// A string (or key) with a lone surrogate: sent as it is, it would arrive
/// as U+FFFD, which the user never typed.
fn invalid_unicode(path: &str) -> FieldError {
    FieldError::problem(
        ProblemCode::InvalidUnicode,
        path,
        "Contains a lone surrogate (such as half an emoji), which cannot be sent as it is",
        Value::Null,
    )
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// Builds a plain JavaScript value (objects, not `Map`s) from a [`Value`],
/// through `JSON.parse`.
pub(crate) fn from_value(value: &Value) -> JsValue {
    // The text is JSON written by the core, so parsing cannot fail.
    js_sys::JSON::parse(&to_json(value)).unwrap_or(JsValue::NULL)
}
