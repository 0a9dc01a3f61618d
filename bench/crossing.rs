//! Exports for `bench/` only (feature `bench`; compiled into the wasm shell
//! as `src/wasm/mod.rs` says): the same patch crossing the JS↔wasm boundary
//! in different ways, with no validation work. Never part of the published
//! package.

use wasm_bindgen::prelude::*;

use js_sys::{Array, Object, Reflect};

use crate::args::join;
use crate::error::FieldError;
use crate::value::{Map, Value};

use super::interop;

/// The nesting the walk follows.
const MAX_DEPTH: usize = 64;

fn key_count(value: &Value) -> usize {
    value.as_object().map_or(0, |o| o.len())
}

/// The call alone: a handle in, a number out.
#[wasm_bindgen(js_name = benchCrossNoop)]
pub fn cross_noop(value: JsValue) -> usize {
    usize::from(value.is_object())
}

/// The object walked property by property from Rust.
#[wasm_bindgen(js_name = benchCrossWalk)]
pub fn cross_walk(value: JsValue) -> usize {
    walk(&value, "", 0, &mut Vec::new()).map_or(0, |v| key_count(&v))
}

/// The object through serde-wasm-bindgen.
#[wasm_bindgen(js_name = benchCrossSerde)]
pub fn cross_serde(value: JsValue) -> usize {
    serde_wasm_bindgen::from_value::<Value>(value).map_or(0, |v| key_count(&v))
}

/// A JSON string (stringified by the caller) parsed by the core's parser.
#[wasm_bindgen(js_name = benchCrossText)]
pub fn cross_text(json: &str) -> usize {
    interop::parse_json(json).map_or(0, |v| key_count(&v))
}

/// A string in, nothing parsed.
#[wasm_bindgen(js_name = benchCrossString)]
pub fn cross_string(json: &str) -> usize {
    json.len()
}

/// Parses `json` `n` times inside the module: the parser without the
/// crossing.
#[wasm_bindgen(js_name = benchParseLoop)]
pub fn parse_loop(json: &str, n: u32) -> usize {
    (0..n)
        .map(|_| interop::parse_json(json).map_or(0, |v| key_count(&v)))
        .sum()
}

/// Validates the patch in `json` `n` times inside the module.
#[wasm_bindgen(js_name = benchValidateLoop)]
pub fn validate_loop(json: &str, n: u32) -> usize {
    let value = interop::parse_json(json).unwrap_or_default();
    (0..n)
        .map(|_| crate::rules::validate_patch(&value).len())
        .sum()
}

/// The SDK's own crossing (`interop::to_value`): plain data through
/// `JSON.stringify` and the core's parser, anything else walked.
#[wasm_bindgen(js_name = benchCrossSdk)]
pub fn cross_sdk(value: JsValue) -> usize {
    interop::to_value(&value, "", &mut Vec::new()).map_or(0, |v| key_count(&v))
}

/// A JSON string (stringified by the caller) parsed by serde_json.
#[wasm_bindgen(js_name = benchCrossJson)]
pub fn cross_json(json: &str) -> usize {
    serde_json::from_str::<Value>(json).map_or(0, |v| key_count(&v))
}

/// The old crossing, kept for comparison: the value walked property by
/// property from Rust.
fn walk(js: &JsValue, path: &str, depth: usize, errors: &mut Vec<FieldError>) -> Option<Value> {
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
        errors.push(FieldError::new(
            path,
            "Expected a finite number",
            Value::Null,
        ));
        return None;
    }
    if let Some(s) = js.as_string() {
        return Some(Value::String(s));
    }
    if js.is_object() && depth == MAX_DEPTH {
        errors.push(FieldError::new(
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
            let item = Reflect::get(object, &key).unwrap_or(JsValue::UNDEFINED);
            if let Some(value) = walk(&item, &join(path, &name), depth + 1, errors) {
                map.insert(name, value);
            }
        }
        return Some(Value::Object(map));
    }
    let kind = js.js_typeof().as_string().unwrap_or_default();
    errors.push(FieldError::new(
        path,
        format!("A {kind} cannot be sent as JSON"),
        Value::Null,
    ));
    None
}
