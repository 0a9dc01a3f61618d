//! Exports for `bench/` only (feature `bench`): the same patch crossing the
//! JS↔wasm boundary in different ways, with no validation work. Never part of
//! the published package.

use wasm_bindgen::prelude::*;

use crate::value::Value;

use super::interop;

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
    interop::walk(&value, "", 0, &mut Vec::new()).map_or(0, |v| key_count(&v))
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
