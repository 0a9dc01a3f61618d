//! The one place where a Rust [`Error`] becomes a JavaScript
//! `CheckoutPageError` (`js/errors.js`), with the TypeScript declarations of
//! the error and result shapes.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

use crate::args::problems_value;
use crate::error::{Conflict, Error, ErrorKind};
use crate::value::Value;

use super::interop;

#[wasm_bindgen(module = "/js/errors.js")]
extern "C" {
    /// A failed Checkout Page call; `kind` says what went wrong.
    // wasm-bindgen declares a re-export as `let CheckoutPageError: unknown`;
    // scripts/build-pkg.sh removes that; js/api.d.ts declares the class.
    #[wasm_bindgen(reexport)]
    pub type CheckoutPageError;

    #[wasm_bindgen(constructor)]
    fn new(message: &str, details: &JsValue) -> CheckoutPageError;

}

/// The declarations of `CheckoutPageError` and `ValidationProblem`, and with
/// the client those of its results (`BulkResult`, `CustomerPage`,
/// `SaveResult`, ...; `js/client.d.ts`), which name its option types.
#[cfg(feature = "client")]
#[wasm_bindgen(typescript_custom_section)]
const API_TS: &'static str = concat!(
    include_str!("../../js/api.d.ts"),
    include_str!("../../js/client.d.ts")
);
/// The declarations of `CheckoutPageError` and `ValidationProblem` (the
/// rules-only module: no client).
#[cfg(not(feature = "client"))]
#[wasm_bindgen(typescript_custom_section)]
const API_TS: &'static str = include_str!("../../js/api.d.ts");

/// Turns a core error into the JavaScript `CheckoutPageError`.
pub(crate) fn to_js_error(error: Error) -> JsValue {
    to_js_error_from(error, None)
}

/// Like [`to_js_error`], for a call with a `signal`: an `aborted` or
/// `timeout` error of a fired signal gets the signal's `reason` as `cause`.
pub(crate) fn to_js_error_from(error: Error, signal: Option<&AbortSignal>) -> JsValue {
    // No prototype: the error's constructor reads `cause` from it, which a
    // polluted `Object.prototype` would otherwise supply.
    let details: Object = Object::create(JsValue::NULL.unchecked_ref());
    let set = |key: &str, value: JsValue| {
        let _ = Reflect::set(&details, &JsValue::from_str(key), &value);
    };
    let fired = signal.filter(|s| s.aborted());
    if let (Some(signal), ErrorKind::Aborted | ErrorKind::Timeout) = (fired, error.kind) {
        set(
            "cause",
            Reflect::get(signal, &JsValue::from_str("reason")).unwrap_or_default(),
        );
    }
    set("kind", JsValue::from_str(error.kind.as_str()));
    set("status", error.status.map_or(JsValue::NULL, JsValue::from));
    set(
        "errors",
        interop::from_value(&problems_value(&error.errors)),
    );
    let body = error.body.as_deref();
    set("body", body.map_or(JsValue::NULL, interop::from_value));
    let request_id = error.request_id.as_deref();
    set("requestId", request_id.map_or(JsValue::NULL, JsValue::from));
    let retry_after = error.retry_after_ms.map(|ms| ms as f64);
    set(
        "retryAfterMs",
        retry_after.map_or(JsValue::NULL, JsValue::from_f64),
    );
    let (conflicts, current) = match error.conflict.as_deref() {
        Some(found) => (
            Value::Array(found.conflicts.iter().map(Conflict::to_value).collect()),
            interop::from_value(&found.current),
        ),
        None => (Value::Array(Vec::new()), JsValue::NULL),
    };
    set("conflicts", interop::from_value(&conflicts));
    set("current", current);
    CheckoutPageError::new(&error.message, &details).into()
}

/// Turns problems into a `validation` `CheckoutPageError`.
pub(crate) fn validation_error(problems: Vec<crate::error::FieldError>) -> JsValue {
    to_js_error(Error::validation(problems))
}
