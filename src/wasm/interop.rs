//! JavaScript values to and from the core's [`Value`].
//!
//! Incoming values are walked by hand rather than through serde, because
//! JavaScript has two "nothings": a key whose value is `undefined` is
//! *omitted* (the field stays unchanged), while `null` *clears*. Values JSON
//! cannot carry (functions, symbols, bigints, `NaN`, `Infinity`) are reported
//! as field errors instead of being silently dropped or turned into `null`.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::error::FieldError;
use crate::value::{Map, Value};

/// Walks `js` into a [`Value`]. `undefined` gives `None`; unsupported values
/// push a [`FieldError`] at `path` and give `None`.
pub(crate) fn to_value(js: &JsValue, path: &str, errors: &mut Vec<FieldError>) -> Option<Value> {
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
    if Array::is_array(js) {
        let array: &Array = js.unchecked_ref();
        let items = array
            .iter()
            .enumerate()
            .map(|(i, item)| {
                to_value(&item, &join(path, &i.to_string()), errors).unwrap_or_default()
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
            if let Some(value) = to_value(&item, &join(path, &name), errors) {
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

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// Builds a plain JavaScript value (objects, not `Map`s) from a [`Value`].
pub(crate) fn from_value(value: &Value) -> JsValue {
    match value {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Number(n) => JsValue::from_f64(*n),
        Value::String(s) => JsValue::from_str(s),
        Value::Array(items) => items.iter().map(from_value).collect::<Array>().into(),
        Value::Object(map) => {
            let object = Object::new();
            for (key, item) in map.iter() {
                // Setting a property on a fresh plain object cannot fail.
                let _ = Reflect::set(&object, &JsValue::from_str(key), &from_value(item));
            }
            object.into()
        }
    }
}

/// Parses JSON text (`JSON.parse`, the engine's own parser) into a [`Value`];
/// `None` when the text is not JSON.
pub(crate) fn parse_json(text: &str) -> Option<Value> {
    let parsed = js_sys::JSON::parse(text).ok()?;
    to_value(&parsed, "", &mut Vec::new())
}
